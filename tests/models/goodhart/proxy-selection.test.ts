import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { drawCandidates, proxySelection } from '../../../src/models/goodhart/proxy-selection.ts';

const population = fc.record({
  candidates: fc.integer({ min: 1, max: 30 }),
  trueSd: fc.double({ min: 0, max: 10, noNaN: true }),
  errorSd: fc.double({ min: 0, max: 10, noNaN: true }),
  error: fc.constantFrom('normal' as const, 'student-t' as const),
  df: fc.double({ min: 0.5, max: 30, noNaN: true }),
  trials: fc.integer({ min: 1, max: 20 }),
  seed: fc.integer(),
});

describe('proxySelection', () => {
  it('proxySelection is deterministic for a seed and finite for all valid parameters', () => {
    fc.assert(
      fc.property(population, (options) => {
        const a = proxySelection(options);
        const b = proxySelection(options);
        expect(a).toEqual(b);
        expect(Number.isFinite(a.meanTrue) && Number.isFinite(a.meanProxy)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('proxySelection gives different results for different seeds', () => {
    const base = { candidates: 5, trueSd: 1, errorSd: 1, error: 'normal' as const, trials: 50 };
    expect(proxySelection({ ...base, seed: 1 })).not.toEqual(proxySelection({ ...base, seed: 2 }));
  });

  it('proxySelection with one candidate has no selection effect: both means near 0', () => {
    // 40,000 trials of V + E with variance 2: standard error √(2/40000) ≈ 0.007.
    const r = proxySelection({ candidates: 1, trueSd: 1, errorSd: 1, error: 'normal', trials: 40_000, seed: 3 });
    expect(Math.abs(r.meanTrue)).toBeLessThan(0.03);
    expect(Math.abs(r.meanProxy)).toBeLessThan(0.03);
  });

  it('proxySelection rejects bad parameters with errors that name them', () => {
    const ok = { candidates: 5, trueSd: 1, errorSd: 1, error: 'normal' as const, trials: 5, seed: 1 };
    expect(() => proxySelection({ ...ok, candidates: 0 })).toThrow(/candidates/);
    expect(() => proxySelection({ ...ok, trials: 1.5 })).toThrow(/trials/);
    expect(() => proxySelection({ ...ok, errorSd: -1 })).toThrow(/errorSd/);
    expect(() => proxySelection({ ...ok, error: 'student-t', df: 0 })).toThrow(/df/);
    expect(() => proxySelection({ ...ok, error: 'cauchy' as 'normal' })).toThrow(TypeError);
  });
});

describe('drawCandidates', () => {
  it('drawCandidates returns U = V + E pairs and marks the candidate with the highest proxy', () => {
    fc.assert(
      fc.property(population, ({ candidates, trueSd, errorSd, error, df, seed }) => {
        const d = drawCandidates({ candidates, trueSd, errorSd, error, df, seed });
        expect(d.trueValues).toHaveLength(candidates);
        expect(d.proxyValues).toHaveLength(candidates);
        expect(d.proxyValues[d.chosen]).toBe(Math.max(...d.proxyValues));
        if (errorSd === 0) expect(d.proxyValues).toEqual(d.trueValues);
      }),
      { numRuns: 40 },
    );
  });
});
