import { describe, expect, it } from 'vitest';
import * as models from '../../src/models/index.ts';

// The model contract: names and shapes that checks outside the project call. Rename nothing.
const CONTRACT = [
  'createRng',
  'nashEquilibria',
  'playMatch',
  'replicatorDynamics',
  'wardropEquilibrium',
  'systemOptimum',
  'proxySelection',
  'expectedMaxOfNormals',
  'bestOfNKL',
  'simulateQPricing',
  'equilibriumBid',
  'simulateAuction',
  'vcg',
  'electionWinners',
  'condorcetWinner',
  'condorcetParadoxRate',
  'thresholdCascade',
] as const;

describe('src/models/index.ts, the public surface', () => {
  it.each(CONTRACT)('exports the contract function %s', (name) => {
    expect(typeof (models as Record<string, unknown>)[name]).toBe('function');
  });

  it('createRng(seed) is uniform on [0, 1) and deterministic for its seed', () => {
    const a = models.createRng(42);
    const b = models.createRng(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(models.createRng(43)()).not.toBe(models.createRng(42)());
  });

  it('the contract functions answer in the contract shapes', () => {
    expect(models.nashEquilibria([[3, 0], [5, 1]], [[3, 5], [0, 1]])).toEqual([{ row: [0, 1], col: [0, 1] }]);
    expect(models.playMatch('tit-for-tat', 'alternator', { turns: 4 })).toEqual({ scores: [8, 13], moves: ['CCDC', 'CDCD'] });
    const traj = models.replicatorDynamics([[0, 1], [1, 0]], [0.2, 0.8], { dt: 0.1, steps: 3 });
    expect(traj).toHaveLength(4);
    expect(traj[0]).toEqual([0.2, 0.8]);
    const pigou = { edges: [{ from: 's', to: 't', latency: { a: 1, b: 0 } }, { from: 's', to: 't', latency: { a: 0, b: 1 } }] };
    expect(models.wardropEquilibrium(pigou, { from: 's', to: 't', rate: 1 }).cost).toBeCloseTo(1, 6);
    expect(models.systemOptimum(pigou, { from: 's', to: 't', rate: 1 }).cost).toBeCloseTo(0.75, 6);
    expect(Object.keys(models.proxySelection({ candidates: 2, trueSd: 1, errorSd: 1, error: 'normal', trials: 10, seed: 1 })).sort()).toEqual(['meanProxy', 'meanTrue']);
    expect(models.bestOfNKL(1)).toBe(0);
    expect(models.equilibriumBid('first-price', 0.8, 2)).toBeCloseTo(0.4, 12);
    expect(models.vcg([[0, 3], [2, 0], [2, 0]])).toEqual({ outcome: 0, payments: [0, 1, 1] });
    expect(models.electionWinners('plurality', [{ ranking: ['a', 'b'], count: 2 }, { ranking: ['b', 'a'] }])).toEqual(['a']);
    expect(models.condorcetWinner([{ ranking: ['a', 'b', 'c'] }, { ranking: ['b', 'c', 'a'] }, { ranking: ['c', 'a', 'b'] }])).toBeNull();
    expect(models.thresholdCascade([0, 1, 2])).toBe(3);
  });
});
