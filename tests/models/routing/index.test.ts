import { describe, expect, it } from 'vitest';
import * as routing from '../../../src/models/routing/index.ts';

describe('routing public surface', () => {
  it('routing/index.ts exports the contract names and nothing unexpected', () => {
    // wardropEquilibrium and systemOptimum are called by checks outside the project.
    expect(Object.keys(routing).sort()).toEqual(
      [
        'MAX_LISTED_PATHS',
        'MAX_FRANK_WOLFE_ITERATIONS',
        'braessNetwork',
        'frankWolfe',
        'marginalCostTolls',
        'withLatencyDegree',
        'withTolls',
        'edgeLatency',
        'edgeMarginalCost',
        'gridNetwork',
        'pigouNetwork',
        'priceOfAnarchy',
        'roughgardenBound',
        'simplePaths',
        'systemOptimum',
        'totalLatency',
        'wardropEquilibrium',
      ].sort(),
    );
    const constants: string[] = ['MAX_LISTED_PATHS', 'MAX_FRANK_WOLFE_ITERATIONS'];
    for (const [name, value] of Object.entries(routing)) {
      if (!constants.includes(name)) expect(typeof value, name).toBe('function');
    }
  });
});
