import { describe, expect, it } from 'vitest';
import * as learning from '../../../src/models/learning/index.ts';

describe('learning public surface', () => {
  it('learning/index.ts exports the contract names and nothing unexpected', () => {
    // simulateQPricing is called by checks outside the project.
    expect(Object.keys(learning).sort()).toEqual(
      [
        'CALVANO_MARKET',
        'GRIDWORLD_LAYOUT',
        'createQPricing',
        'distanceToRestSet',
        'gradientPlayRestSet',
        'gradientPlayStepRadius',
        'sycophancyLimits',
        'differentiableGame',
        'forcedDeviation',
        'gameDecomposition',
        'gameGradient',
        'gradientPlay',
        'logitDemand',
        'logitMonopolyPrice',
        'logitNashPrice',
        'logitProfits',
        'sampleVectorField',
        'simulateIpdQLearning',
        'simulateQPricing',
        'sycophancyFixedPoint',
        'sycophancySweep',
        'trainGridworld',
        'trainSycophancy',
      ].sort(),
    );
  });
});
