import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { conditionalTrueGivenProxy, extremalCurve } from '../../../src/models/goodhart/extremal.ts';
import { drawCandidates, proxySelectionDetailed } from '../../../src/models/goodhart/proxy-selection.ts';

// Kwa, Thomas & Garriga-Alonso (2024), "Catastrophic Goodhart": when the proxy's error has a heavier
// tail than the true value, conditioning on a very high proxy tells you almost nothing about the true
// value, so selection on the proxy eventually stops paying off.

const heavy = { trueSd: 1, errorSd: 1, error: 'student-t' as const, df: 3 };

describe('conditionalTrueGivenProxy', () => {
  it('conditionalTrueGivenProxy with Student-t error rises, peaks, then falls back toward 0', () => {
    const at = (u: number): number => conditionalTrueGivenProxy(u, heavy);
    expect(at(1)).toBeGreaterThan(0.3);
    expect(at(3)).toBeGreaterThan(at(1));
    expect(at(10)).toBeLessThan(at(3));
    expect(at(100)).toBeLessThan(0.05);
    // Far in the tail the posterior of V is the prior tilted by the error's log-density slope
    // (df + 1)/u, so E[V | u] ≈ σ_V²·(df + 1)/u.
    expect(at(1000)).toBeCloseTo(4 / 1000, 5);
  });

  it('conditionalTrueGivenProxy with huge df reproduces the Gaussian line u/2', () => {
    for (const u of [-2, 0.5, 1, 3]) {
      expect(conditionalTrueGivenProxy(u, { ...heavy, df: 1e7 })).toBeCloseTo(u / 2, 5);
    }
  });

  it('conditionalTrueGivenProxy(2, t₃) matches the mean true value of sampled candidates with U near 2', () => {
    // 400,000 seeded candidates; those with U in [1.9, 2.1] (about 8% of them) estimate E[V | U ≈ 2].
    const { trueValues, proxyValues } = drawCandidates({ ...heavy, candidates: 400_000, seed: 9 });
    let sum = 0;
    let sum2 = 0;
    let count = 0;
    for (let i = 0; i < proxyValues.length; i++) {
      if (Math.abs(proxyValues[i]! - 2) <= 0.1) {
        sum += trueValues[i]!;
        sum2 += trueValues[i]! ** 2;
        count++;
      }
    }
    const mean = sum / count;
    const se = Math.sqrt((sum2 / count - mean * mean) / count);
    // The window's half-width adds a bias of order the curve's curvature × 0.1²/6, far below 4 SE.
    expect(Math.abs(mean - conditionalTrueGivenProxy(2, heavy))).toBeLessThan(4 * se);
  });

  it('conditionalTrueGivenProxy is finite for all valid parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e3, max: 1e3, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        (u, trueSd, errorSd, df) => {
          const m = conditionalTrueGivenProxy(u, { trueSd, errorSd, error: 'student-t', df });
          expect(Number.isFinite(m)).toBe(true);
          // The posterior mean lies between the prior mean 0 and the observation u.
          expect(m * Math.sign(u)).toBeGreaterThanOrEqual(-1e-9);
          expect(Math.abs(m)).toBeLessThanOrEqual(Math.abs(u) + 1e-9);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('extremal Goodhart by selection', () => {
  it('proxySelection with t₃ error: the chosen true value falls relative to normal error as n grows', () => {
    const common = { trueSd: 1, errorSd: 1, trials: 1500, seed: 21 };
    const ratio = (candidates: number): number =>
      proxySelectionDetailed({ ...common, candidates, error: 'student-t', df: 3 }).meanTrue /
      proxySelectionDetailed({ ...common, candidates, error: 'normal' }).meanTrue;
    const small = ratio(10);
    const large = ratio(1000);
    // Observed with this seed: about 0.8 at n = 10 and 0.15 at n = 1000; the paper's argument says
    // the ratio tends to 0.
    expect(large).toBeLessThan(small - 0.3);
    expect(large).toBeLessThan(0.35);
  });

  it('extremalCurve with t₃ error rises then falls as n grows, while the Gaussian curve keeps rising', () => {
    const curve = extremalCurve({ ...heavy, candidates: [1, 30, 3000], trials: 400, seed: 4 });
    const [n1, n30, n3000] = curve;
    if (!n1 || !n30 || !n3000) throw new Error('missing points');
    expect(n30.meanTrue - n1.meanTrue).toBeGreaterThan(4 * Math.hypot(n30.seTrue, n1.seTrue));
    expect(n30.meanTrue - n3000.meanTrue).toBeGreaterThan(4 * Math.hypot(n30.seTrue, n3000.seTrue));
    expect(n3000.gaussianTrue).toBeGreaterThan(n30.gaussianTrue);
    expect(n3000.meanProxy).toBeGreaterThan(n30.meanProxy);
  });
});
