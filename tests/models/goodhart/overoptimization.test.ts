import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bestOfNKL,
  fitBestOfNScaling,
  overoptimizationClosedForm,
  simulateBestOfN,
} from '../../../src/models/goodhart/overoptimization.ts';

// Gao, Schulman & Hilton (2023), "Scaling Laws for Reward Model Overoptimization": best-of-n has
// KL = log n − (n − 1)/n, and the gold reward follows d·(α − β·d) in d = √KL (rises, then falls)
// while the proxy reward keeps rising.

describe('bestOfNKL', () => {
  it('bestOfNKL is 0 at n = 1, log 2 − 1/2 at n = 2 and log 16 − 15/16 at n = 16', () => {
    expect(bestOfNKL(1)).toBe(0);
    expect(bestOfNKL(2)).toBeCloseTo(Math.log(2) - 0.5, 15);
    expect(bestOfNKL(16)).toBeCloseTo(Math.log(16) - 15 / 16, 15);
  });

  it('bestOfNKL is finite, non-negative and increasing', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e12, noNaN: true }), (n) => {
        expect(bestOfNKL(n)).toBeGreaterThanOrEqual(0);
        expect(bestOfNKL(n * 1.5)).toBeGreaterThan(bestOfNKL(n));
      }),
    );
    expect(() => bestOfNKL(0)).toThrow(RangeError);
  });
});

describe('reward-model overoptimisation', () => {
  const ns = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 4096, 16384, 65536];
  const curve = ns.map((candidates) => overoptimizationClosedForm({ candidates }));

  it('overoptimizationClosedForm: proxy reward always rises, gold reward rises then falls', () => {
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.proxy).toBeGreaterThan(curve[i - 1]!.proxy);
    const golds = curve.map((p) => p.gold);
    const peak = golds.indexOf(Math.max(...golds));
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(golds.length - 1);
    expect(golds[golds.length - 1]!).toBeLessThan(golds[peak]! - 0.2);
  });

  it('overoptimizationClosedForm at n = 1 is the base policy: proxy 0, gold −c', () => {
    const p = overoptimizationClosedForm({ candidates: 1, exploitCost: 0.4 });
    expect(Math.abs(p.proxy)).toBeLessThan(1e-9);
    expect(p.gold).toBeCloseTo(-0.4, 9);
  });

  it('fitBestOfNScaling fits the closed-form gold curve with Gao et al.’s d·(α − β·d) law (R² > 0.999)', () => {
    const base = curve[0]!.gold;
    const fit = fitBestOfNScaling(curve.map((p) => ({ kl: p.kl, gain: p.gold - base })));
    expect(fit.alpha).toBeGreaterThan(0);
    expect(fit.beta).toBeGreaterThan(0);
    expect(fit.rSquared).toBeGreaterThan(0.999);
  });

  it('simulateBestOfN matches overoptimizationClosedForm within 4 standard errors', () => {
    const mc = simulateBestOfN({ candidates: [1, 16, 256], trials: 2000, seed: 12 });
    for (const point of mc) {
      const exact = overoptimizationClosedForm({ candidates: point.candidates });
      expect(Math.abs(point.proxy - exact.proxy)).toBeLessThan(4 * point.seProxy);
      expect(Math.abs(point.gold - exact.gold)).toBeLessThan(4 * point.seGold);
    }
  });

  it('simulateBestOfN is deterministic for a seed and finite for all valid parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.constantFrom('normal' as const, 'student-t' as const),
        fc.integer(),
        (exploitWeight, exploitCost, exploit, seed) => {
          const options = { candidates: [1, 7], trials: 5, seed, exploitWeight, exploitCost, exploit };
          const a = simulateBestOfN(options);
          expect(a).toEqual(simulateBestOfN(options));
          expect(a.every((p) => Number.isFinite(p.proxy) && Number.isFinite(p.gold))).toBe(true);
          const c = overoptimizationClosedForm({ candidates: 7, exploitWeight, exploitCost });
          expect(Number.isFinite(c.gold) && Number.isFinite(c.proxy)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('simulateBestOfN rejects bad parameters with errors that name them', () => {
    expect(() => simulateBestOfN({ candidates: [0], trials: 5, seed: 1 })).toThrow(/candidates/);
    expect(() => simulateBestOfN({ candidates: [2], trials: 1, seed: 1 })).toThrow(/trials/);
    expect(() => overoptimizationClosedForm({ candidates: 2, exploitCost: -1 })).toThrow(/exploitCost/);
  });
});
