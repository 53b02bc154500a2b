import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { causalGoodhart, causalGoodhartSample } from '../../../src/models/goodhart/causal.ts';

// Manheim & Garrabrant (2018), causal Goodhart: a proxy that is correlated with the target only
// because the target causes it does not move the target when it is pushed directly.

const model = { targetSd: 1, noiseSd: 1, effect: 1 };

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

describe('causal Goodhart', () => {
  it('causalGoodhart: the observational slope is Cov/Var = 1/2, yet pushing the proxy gains nothing', () => {
    const r = causalGoodhart({ ...model, shift: 2 });
    expect(r.observationalSlope).toBeCloseTo(0.5, 14);
    expect(r.correlation).toBeCloseTo(Math.SQRT1_2, 14);
    expect(r.predictedTargetGain).toBeCloseTo(1, 14);
    expect(r.proxyIntervention).toEqual({ proxyGain: 2, targetGain: 0 });
    expect(r.targetIntervention).toEqual({ proxyGain: 2, targetGain: 2 });
  });

  it('causalGoodhartSample under do(proxy + 2) leaves the target mean at 0 while the proxy mean rises by 2', () => {
    // 100,000 draws: the standard error of a mean is 1/√1e5 ≈ 0.0032 for Y and 0.0045 for X.
    const options = { ...model, samples: 100_000, seed: 8, shift: 2 };
    const observed = causalGoodhartSample({ ...options, intervention: 'none' });
    const gamed = causalGoodhartSample({ ...options, intervention: 'proxy' });
    const improved = causalGoodhartSample({ ...options, intervention: 'target' });
    expect(Math.abs(mean(gamed.target) - mean(observed.target))).toBeLessThan(0.02);
    expect(mean(gamed.proxy) - mean(observed.proxy)).toBeCloseTo(2, 1);
    expect(mean(improved.target) - mean(observed.target)).toBeCloseTo(2, 1);
    expect(mean(improved.proxy) - mean(observed.proxy)).toBeCloseTo(2, 1);
  });

  it('causalGoodhartSample is deterministic for a seed and finite for all valid parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.constantFrom('none' as const, 'proxy' as const, 'target' as const),
        fc.integer(),
        (targetSd, noiseSd, effect, intervention, seed) => {
          const options = { targetSd, noiseSd, effect, samples: 20, seed, intervention, shift: 1 };
          const a = causalGoodhartSample(options);
          expect(a).toEqual(causalGoodhartSample(options));
          expect([...a.target, ...a.proxy].every(Number.isFinite)).toBe(true);
          expect(Number.isFinite(causalGoodhart({ targetSd, noiseSd, effect, shift: 1 }).observationalSlope)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('causalGoodhart rejects a proxy that cannot vary and a bad intervention', () => {
    expect(() => causalGoodhart({ targetSd: 1, noiseSd: 0, effect: 0, shift: 1 })).toThrow(/proxy must vary/);
    expect(() =>
      causalGoodhartSample({ ...model, samples: 5, seed: 1, intervention: 'both' as 'none', shift: 1 }),
    ).toThrow(/intervention/);
  });
});
