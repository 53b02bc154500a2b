import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expectedMaxOfNormals, normalMaxMoments } from '../../../src/models/goodhart/max-of-normals.ts';
import { erfc, logNormalCdf, normalCdf, normalSurvival } from '../../../src/models/goodhart/normal-distribution.ts';
import { gaussLegendre, integrateAdaptive, integrateComposite } from '../../../src/models/goodhart/quadrature.ts';

describe('normal distribution helpers', () => {
  // Standard high-precision values of erfc, to the digits shown.
  it.each([
    [0, 1],
    [0.5, 0.4795001221869535],
    [1, 0.15729920705028513],
    [2.5, 4.069520174449590e-4],
    [3, 2.209049699858544e-5],
    [10, 2.088487583762545e-45],
  ])('erfc(%d) matches the tabulated value to 1e-13 relative', (x, expected) => {
    expect(Math.abs(erfc(x) - expected) / expected).toBeLessThan(1e-13);
  });

  it('normalCdf(x) + normalCdf(-x) = 1 and normalSurvival is 1 − normalCdf, for any x', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(normalCdf(x) + normalCdf(-x)).toBeCloseTo(1, 14);
        expect(normalSurvival(x)).toBeCloseTo(1 - normalCdf(x), 14);
      }),
    );
  });

  it('logNormalCdf stays finite and matches log Φ where Φ underflows', () => {
    // log Φ(−40) ≈ −x²/2 − log(−x) − log √(2π) for large −x (Mills ratio), to about 1/x² relative.
    const x = -40;
    const asymptotic = -0.5 * x * x - Math.log(-x) - 0.5 * Math.log(2 * Math.PI);
    expect(logNormalCdf(x)).toBeCloseTo(asymptotic, 2);
    expect(logNormalCdf(-3)).toBeCloseTo(Math.log(normalCdf(-3)), 13);
  });
});

describe('quadrature', () => {
  it('gaussLegendre(k) integrates polynomials of degree 2k − 1 exactly', () => {
    for (const k of [1, 2, 5, 10]) {
      const { nodes, weights } = gaussLegendre(k);
      const degree = 2 * k - 1;
      // ∫_{-1}^{1} x^(d−1) dx is 2/d for odd d − 1 even, 0 otherwise; check the top even power.
      const evenDegree = degree % 2 === 0 ? degree : degree - 1;
      let s = 0;
      for (let i = 0; i < k; i++) s += weights[i]! * nodes[i]! ** evenDegree;
      expect(s).toBeCloseTo(2 / (evenDegree + 1), 13);
    }
  });

  it('integrateComposite and integrateAdaptive agree with ∫₀^π sin = 2', () => {
    expect(integrateComposite(Math.sin, 0, Math.PI, 4)).toBeCloseTo(2, 13);
    expect(integrateAdaptive(Math.sin, [0, Math.PI], 1e-13)).toBeCloseTo(2, 12);
  });
});

describe('expectedMaxOfNormals', () => {
  // n = 2 is exactly 1/√π; the others are the standard tabulated expected maxima of n iid N(0, 1),
  // to four decimals, as listed among the model contract's published results.
  it.each([
    [2, 1 / Math.sqrt(Math.PI), 1e-9],
    [10, 1.5388, 5e-5],
    [100, 2.5076, 5e-5],
    [1000, 3.2414, 5e-5],
  ])('expectedMaxOfNormals(%d) matches the published value', (n, expected, tol) => {
    expect(Math.abs(expectedMaxOfNormals(n) - expected)).toBeLessThan(tol);
  });

  it('expectedMaxOfNormals(1) is 0 and normalMaxMoments(1) has variance 1', () => {
    expect(Math.abs(expectedMaxOfNormals(1))).toBeLessThan(1e-9);
    expect(normalMaxMoments(1).variance).toBeCloseTo(1, 9);
  });

  it('normalMaxMoments(2) has E[max²] = 1, since max² and min² share one distribution', () => {
    expect(normalMaxMoments(2).secondMoment).toBeCloseTo(1, 9);
    expect(normalMaxMoments(2).variance).toBeCloseTo(1 - 1 / Math.PI, 9);
  });

  it('expectedMaxOfNormals(1e6) lies between the Gumbel-corrected asymptote and √(2 ln n)', () => {
    const n = 1e6;
    const m = expectedMaxOfNormals(n);
    const b = Math.sqrt(2 * Math.log(n));
    // Classical extreme-value expansion b − (ln ln n + ln 4π − 2γ)/(2b); its error is O(1/b³).
    const gumbel = b - (Math.log(Math.log(n)) + Math.log(4 * Math.PI) - 2 * 0.5772156649) / (2 * b);
    expect(m).toBeLessThan(b);
    expect(Math.abs(m - gumbel)).toBeLessThan(0.03);
  });

  it('expectedMaxOfNormals is finite and increasing in n over [1, 1e9]', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e9, noNaN: true }), fc.double({ min: 1.01, max: 10, noNaN: true }), (n, k) => {
        const a = expectedMaxOfNormals(n);
        const b = expectedMaxOfNormals(Math.min(n * k, 1e9));
        expect(Number.isFinite(a)).toBe(true);
        expect(b).toBeGreaterThanOrEqual(a - 1e-9);
      }),
      { numRuns: 30 },
    );
  });

  it('expectedMaxOfNormals rejects n below 1 or not finite', () => {
    expect(() => expectedMaxOfNormals(0.5)).toThrow(RangeError);
    expect(() => expectedMaxOfNormals(Number.NaN)).toThrow(/n must be/);
  });
});
