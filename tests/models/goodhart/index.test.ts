import { describe, expect, it } from 'vitest';
import * as goodhart from '../../../src/models/goodhart/index.ts';

describe('goodhart public surface', () => {
  it('goodhart/index.ts exports the contract names and nothing unexpected', () => {
    // proxySelection, expectedMaxOfNormals and bestOfNKL are called by checks outside the project.
    expect(Object.keys(goodhart).sort()).toEqual(
      [
        'bestOfNByProxy',
        'bestOfNForKL',
        'bestOfNScalingPeak',
        'bestOfNKL',
        'causalGoodhart',
        'causalGoodhartSample',
        'conditionalTrueGivenProxy',
        'drawCandidates',
        'expectedMaxOfNormals',
        'extremalCurve',
        'fitBestOfNScaling',
        'gamingResponse',
        'gamingSweep',
        'normalMaxMoments',
        'optimalBonus',
        'overoptimizationClosedForm',
        'overoptimizationCurve',
        'overoptimizationSweep',
        'poolMeans',
        'poolOveroptimizationSweeps',
        'poolSelectionSweeps',
        'proxySelection',
        'proxySelectionDetailed',
        'regressionalCurve',
        'regressionalExpectation',
        'selectionSweep',
        'simulateBestOfN',
      ].sort(),
    );
    expect(Object.values(goodhart).every((v) => typeof v === 'function')).toBe(true);
  });
});
