import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bestOfNForKL,
  bestOfNScalingPeak,
  overoptimizationCurve,
  regressionalCurve,
} from '../../../src/models/goodhart/best-of-n-curves.ts';
import { bestOfNByProxy } from '../../../src/models/goodhart/regressional.ts';
import {
  bestOfNKL,
  fitBestOfNScaling,
  overoptimizationClosedForm,
} from '../../../src/models/goodhart/overoptimization.ts';

describe('regressionalCurve', () => {
  it('regressionalCurve gives exactly the numbers of bestOfNByProxy, n by n', () => {
    const candidates = [1, 2, 10, 31.6, 1000, 1e6];
    for (const [trueSd, errorSd] of [
      [1, 1],
      [2, 0.5],
      [1, 0],
      [0, 3],
    ] as const) {
      const curve = regressionalCurve({ trueSd, errorSd, candidates });
      curve.forEach((p, i) => {
        expect(p).toEqual({
          candidates: candidates[i],
          ...bestOfNByProxy({ trueSd, errorSd, candidates: candidates[i]! }),
        });
      });
    }
  });

  it('regressionalCurve reproduces the best of 1,000 with equal variances: proxy 4.58, true value half of it', () => {
    // E[max of 1,000 normals] = 3.2414 (MODELS.md's table); σ_U = √2, shrinkage σ_V²/σ_U² = 1/2
    // (Manheim & Garrabrant 2018).
    const [p] = regressionalCurve({ trueSd: 1, errorSd: 1, candidates: [1000] });
    expect(p!.meanProxy).toBeCloseTo(Math.SQRT2 * 3.2414, 3);
    expect(p!.meanTrue).toBeCloseTo(p!.meanProxy / 2, 12);
  });

  it('regressionalCurve rejects bad parameters with errors that name them', () => {
    expect(() => regressionalCurve({ trueSd: 1, errorSd: 1, candidates: [0.5] })).toThrow(/candidates/);
    expect(() => regressionalCurve({ trueSd: -1, errorSd: 1, candidates: [2] })).toThrow(/trueSd/);
    expect(() => regressionalCurve({ trueSd: 0, errorSd: 0, candidates: [2] })).toThrow(/both be 0/);
  });
});

describe('overoptimizationCurve', () => {
  it('overoptimizationCurve gives exactly the points of overoptimizationClosedForm, defaults included', () => {
    const candidates = [1, 3, 16, 181, 16384];
    for (const params of [
      {},
      { exploitWeight: 1, exploitCost: 0.4 },
      { exploitWeight: 0, exploitCost: 0 },
      { exploitWeight: 2.5 },
    ]) {
      const curve = overoptimizationCurve({ ...params, candidates });
      curve.forEach((p, i) => expect(p).toEqual(overoptimizationClosedForm({ ...params, candidates: candidates[i]! })));
    }
  });

  it('overoptimizationCurve rejects bad parameters with errors that name them', () => {
    expect(() => overoptimizationCurve({ candidates: [2], exploitWeight: -1 })).toThrow(/exploitWeight/);
    expect(() => overoptimizationCurve({ candidates: [2], exploitCost: Infinity })).toThrow(/exploitCost/);
    expect(() => overoptimizationCurve({ candidates: [Number.NaN] })).toThrow(/candidates/);
  });
});

describe('bestOfNForKL', () => {
  it('bestOfNForKL inverts bestOfNKL: 0 nats is n = 1, log 16 − 15/16 nats is n = 16', () => {
    expect(bestOfNForKL(0)).toBe(1);
    expect(bestOfNForKL(Math.log(16) - 15 / 16)).toBeCloseTo(16, 9);
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e12, noNaN: true }), (n) => {
        expect(bestOfNForKL(bestOfNKL(n)) / n).toBeCloseTo(1, 9);
      }),
    );
    expect(() => bestOfNForKL(-0.1)).toThrow(/kl/);
  });
});

describe('bestOfNScalingPeak', () => {
  it('bestOfNScalingPeak(α = 1, β = 0.25) peaks at d = 2, KL = 4 nats, gain 1', () => {
    const peak = bestOfNScalingPeak({ alpha: 1, beta: 0.25 })!;
    expect(peak.d).toBe(2);
    expect(peak.kl).toBe(4);
    expect(peak.gain).toBe(1);
    expect(bestOfNKL(peak.candidates)).toBeCloseTo(4, 10);
  });

  it('bestOfNScalingPeak is null when the law has no peak at d > 0', () => {
    expect(bestOfNScalingPeak({ alpha: 1, beta: 0 })).toBeNull();
    expect(bestOfNScalingPeak({ alpha: 1, beta: -0.1 })).toBeNull();
    expect(bestOfNScalingPeak({ alpha: -1, beta: 0.2 })).toBeNull();
    expect(() => bestOfNScalingPeak({ alpha: Number.NaN, beta: 1 })).toThrow(/alpha/);
  });

  it('the peak of the law fitted to the closed-form gold curve lands where the gold reward is highest (Gao et al. 2023)', () => {
    // a = 1, c = 0.4 on the grid n = 1, 2, 3, 4, 6, …, 16,384 (powers of √2).
    const grid = [1, ...Array.from({ length: 27 }, (_, k) => Math.round(2 ** ((k + 2) / 2)))];
    const params = { exploitWeight: 1, exploitCost: 0.4 };
    const curve = overoptimizationCurve({ ...params, candidates: grid });
    const base = curve[0]!.gold;
    const fit = fitBestOfNScaling(curve.map((p) => ({ kl: p.kl, gain: p.gold - base })));
    const peak = bestOfNScalingPeak(fit)!;
    // The best gold reward over a fine grid of real n, 1 to 100, in steps of 0.1.
    const fine = overoptimizationCurve({ ...params, candidates: Array.from({ length: 991 }, (_, i) => 1 + i / 10) });
    const best = fine.reduce((m, p) => (p.gold > m.gold ? p : m));
    const atPeak = overoptimizationClosedForm({ ...params, candidates: peak.candidates });
    expect(best.gold - atPeak.gold).toBeLessThan(0.01 * (best.gold - base));
    expect(peak.gain).toBeCloseTo(best.gold - base, 1);
  });
});
