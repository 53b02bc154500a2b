import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestOfNByProxy, regressionalExpectation } from '../../../src/models/goodhart/regressional.ts';
import { drawCandidates, proxySelectionDetailed } from '../../../src/models/goodhart/proxy-selection.ts';

// Closed forms from Manheim & Garrabrant (2018), "Categorizing Variants of Goodhart's Law":
// E[V | U = u] = u·σ_V²/(σ_V² + σ_E²) and, for the best of n by proxy,
// E[V_chosen] = σ_V²/√(σ_V² + σ_E²)·E[max of n normals], E[U_chosen] = √(σ_V² + σ_E²)·E[max].

describe('regressional Goodhart', () => {
  it('regressionalExpectation(u) shrinks u by σ_V²/(σ_V² + σ_E²)', () => {
    expect(regressionalExpectation(2, { trueSd: 1, errorSd: 1 })).toBeCloseTo(1, 14);
    expect(regressionalExpectation(5, { trueSd: 1, errorSd: 2 })).toBeCloseTo(1, 14);
    expect(regressionalExpectation(5, { trueSd: 3, errorSd: 0 })).toBeCloseTo(5, 14);
  });

  it('bestOfNByProxy(n = 10, σ_V = σ_E = 1) is E[max]/√2 true and √2·E[max] proxy', () => {
    const { meanTrue, meanProxy } = bestOfNByProxy({ candidates: 10, trueSd: 1, errorSd: 1 });
    expect(meanTrue).toBeCloseTo(1.5387527 / Math.SQRT2, 6);
    expect(meanProxy).toBeCloseTo(1.5387527 * Math.SQRT2, 6);
  });

  it.each([
    [10, 1, 1],
    [100, 1, 2],
    [3, 2, 0.5],
  ])(
    'proxySelection(n = %d, σ_V = %d, σ_E = %d, normal error) matches the closed form within 4 standard errors',
    (candidates, trueSd, errorSd) => {
      const mc = proxySelectionDetailed({ candidates, trueSd, errorSd, error: 'normal', trials: 20_000, seed: 11 });
      const exact = bestOfNByProxy({ candidates, trueSd, errorSd });
      expect(Math.abs(mc.meanTrue - exact.meanTrue)).toBeLessThan(4 * mc.seTrue);
      expect(Math.abs(mc.meanProxy - exact.meanProxy)).toBeLessThan(4 * mc.seProxy);
    },
  );

  it('drawCandidates: the least-squares slope of V on U is σ_V²/(σ_V² + σ_E²)', () => {
    // 200,000 pairs: the slope's standard error is about √((1 − ρ²)·σ_V²/σ_U²/N) ≈ 0.0011 here.
    const { trueValues, proxyValues } = drawCandidates({ candidates: 200_000, trueSd: 1, errorSd: 1, error: 'normal', seed: 5 });
    let su = 0;
    let sv = 0;
    for (let i = 0; i < trueValues.length; i++) {
      su += proxyValues[i]!;
      sv += trueValues[i]!;
    }
    const mu = su / trueValues.length;
    const mv = sv / trueValues.length;
    let cov = 0;
    let varU = 0;
    for (let i = 0; i < trueValues.length; i++) {
      cov += (proxyValues[i]! - mu) * (trueValues[i]! - mv);
      varU += (proxyValues[i]! - mu) ** 2;
    }
    expect(Math.abs(cov / varU - 0.5)).toBeLessThan(4 * 0.0011);
  });

  it('bestOfNByProxy is finite, and the true gain never exceeds the proxy gain, for all valid parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (candidates, trueSd, errorSd) => {
          const r = bestOfNByProxy({ candidates, trueSd, errorSd });
          expect(Number.isFinite(r.meanTrue) && Number.isFinite(r.meanProxy)).toBe(true);
          expect(r.meanTrue).toBeLessThanOrEqual(r.meanProxy + 1e-12);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('bestOfNByProxy rejects negative standard deviations and n < 1', () => {
    expect(() => bestOfNByProxy({ candidates: 5, trueSd: -1, errorSd: 1 })).toThrow(/trueSd/);
    expect(() => bestOfNByProxy({ candidates: 0, trueSd: 1, errorSd: 1 })).toThrow(/candidates/);
    expect(() => regressionalExpectation(1, { trueSd: 0, errorSd: 0 })).toThrow(RangeError);
  });
});
