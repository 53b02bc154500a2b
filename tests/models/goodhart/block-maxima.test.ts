import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  overoptimizationSweep,
  poolMeans,
  poolOveroptimizationSweeps,
  poolSelectionSweeps,
  selectionSweep,
} from '../../../src/models/goodhart/block-maxima.ts';
import { drawCandidates, proxySelectionDetailed } from '../../../src/models/goodhart/proxy-selection.ts';
import { bestOfNByProxy } from '../../../src/models/goodhart/regressional.ts';
import { overoptimizationClosedForm } from '../../../src/models/goodhart/overoptimization.ts';

// Cutting one pool of N iid candidates into disjoint blocks of n gives ⌊N/n⌋ iid draws of the
// best of n, so these sweeps must agree in distribution with the one-trial-at-a-time functions
// (proxySelectionDetailed, simulateBestOfN) and with the closed forms of Manheim & Garrabrant (2018)
// and Gao, Schulman & Hilton (2023).

const normalPop = { trueSd: 1, errorSd: 1, error: 'normal' as const };
const heavy = { trueSd: 1, errorSd: 1, error: 'student-t' as const, df: 3 };

/** Mean and standard error of a list, computed directly. */
function direct(values: readonly number[]): { mean: number; se: number } {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

describe('selectionSweep', () => {
  it('selectionSweep with one sweep reads its pool off drawCandidates: n = pool is the chosen one, n = 1 the pool mean', () => {
    const options = { ...heavy, seed: 77 };
    const draw = drawCandidates({ ...options, candidates: 60 });
    const [one, twenty, sixty] = selectionSweep({ ...options, candidates: [1, 20, 60], sweeps: 1 });
    expect(sixty!.samples).toBe(1);
    expect(sixty!.meanTrue).toBe(draw.trueValues[draw.chosen]);
    expect(sixty!.meanProxy).toBe(draw.proxyValues[draw.chosen]);
    expect(Number.isNaN(sixty!.seTrue)).toBe(true);
    expect(one!.samples).toBe(60);
    expect(one!.meanTrue).toBeCloseTo(direct(draw.trueValues).mean, 12);
    expect(one!.seTrue).toBeCloseTo(direct(draw.trueValues).se, 12);
    // Three blocks of 20: the winners are the highest proxies of candidates 0–19, 20–39 and 40–59.
    const winners = [0, 1, 2].map((k) => {
      const block = draw.proxyValues.slice(20 * k, 20 * k + 20);
      return draw.trueValues[20 * k + block.indexOf(Math.max(...block))]!;
    });
    expect(twenty!.samples).toBe(3);
    expect(twenty!.meanTrue).toBeCloseTo(direct(winners).mean, 12);
  });

  it('selectionSweep with Gaussian error matches the closed form of bestOfNByProxy within 4 standard errors', () => {
    // 200 pools of 1,000: 200 samples at n = 1,000 (SE ≈ 0.04), 20,000 at n = 10.
    const curve = selectionSweep({ ...normalPop, candidates: [1, 10, 100, 1000], sweeps: 200, seed: 5 });
    for (const p of curve) {
      const exact = bestOfNByProxy({ trueSd: 1, errorSd: 1, candidates: p.candidates });
      expect(p.samples).toBe(200 * (1000 / p.candidates));
      expect(Math.abs(p.meanTrue - exact.meanTrue)).toBeLessThan(4 * p.seTrue);
      expect(Math.abs(p.meanProxy - exact.meanProxy)).toBeLessThan(4 * p.seProxy);
    }
  });

  it('selectionSweep with t₃ error agrees with proxySelectionDetailed within 4 combined standard errors', () => {
    const sweep = selectionSweep({ ...heavy, candidates: [10, 300], sweeps: 400, seed: 8 });
    for (const p of sweep) {
      const trial = proxySelectionDetailed({ ...heavy, candidates: p.candidates, trials: 1500, seed: 31 });
      expect(Math.abs(p.meanTrue - trial.meanTrue)).toBeLessThan(4 * Math.hypot(p.seTrue, trial.seTrue));
    }
  });

  it('selectionSweep with t₃ error rises then falls back as n grows (catastrophic Goodhart, Kwa et al. 2024)', () => {
    const [n1, n30, n3000] = selectionSweep({ ...heavy, candidates: [1, 30, 3000], sweeps: 200, seed: 4 });
    expect(n30!.meanTrue - n1!.meanTrue).toBeGreaterThan(4 * Math.hypot(n30!.seTrue, n1!.seTrue));
    expect(n30!.meanTrue - n3000!.meanTrue).toBeGreaterThan(4 * Math.hypot(n30!.seTrue, n3000!.seTrue));
    // The proxy of the chosen one keeps climbing all the while.
    expect(n3000!.meanProxy).toBeGreaterThan(n30!.meanProxy);
  });

  it('selectionSweep is deterministic for a seed, differs between seeds, and is finite for valid parameters', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom('normal' as const, 'student-t' as const),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.integer(),
        (candidates, sweeps, error, errorSd, seed) => {
          const options = { trueSd: 1, errorSd, error, df: 3, candidates, sweeps, seed };
          const a = selectionSweep(options);
          expect(selectionSweep(options)).toEqual(a);
          expect(a.every((p) => Number.isFinite(p.meanTrue) && Number.isFinite(p.meanProxy))).toBe(true);
          const pool = Math.max(...candidates);
          expect(a.map((p) => p.samples)).toEqual(candidates.map((n) => sweeps * Math.floor(pool / n)));
        },
      ),
      { numRuns: 40 },
    );
    const base = { ...normalPop, candidates: [5], sweeps: 3 };
    expect(selectionSweep({ ...base, seed: 1 })).not.toEqual(selectionSweep({ ...base, seed: 2 }));
  });

  it('selectionSweep rejects bad parameters with errors that name them', () => {
    expect(() => selectionSweep({ ...normalPop, candidates: [0], sweeps: 1, seed: 1 })).toThrow(/candidates/);
    expect(() => selectionSweep({ ...normalPop, candidates: [], sweeps: 1, seed: 1 })).toThrow(/candidates/);
    expect(() => selectionSweep({ ...normalPop, candidates: [2.5], sweeps: 1, seed: 1 })).toThrow(/candidates/);
    expect(() => selectionSweep({ ...normalPop, candidates: [2], sweeps: 0, seed: 1 })).toThrow(/sweeps/);
    expect(() => selectionSweep({ ...normalPop, errorSd: -1, candidates: [2], sweeps: 1, seed: 1 })).toThrow(/errorSd/);
  });
});

describe('overoptimizationSweep', () => {
  it('overoptimizationSweep matches overoptimizationClosedForm within 4 standard errors', () => {
    const options = { exploitWeight: 1, exploitCost: 0.4 };
    const curve = overoptimizationSweep({ ...options, candidates: [1, 16, 256], sweeps: 600, seed: 12 });
    for (const p of curve) {
      const exact = overoptimizationClosedForm({ ...options, candidates: p.candidates });
      expect(p.kl).toBe(exact.kl);
      expect(Math.abs(p.proxy - exact.proxy)).toBeLessThan(4 * p.seProxy);
      expect(Math.abs(p.gold - exact.gold)).toBeLessThan(4 * p.seGold);
    }
  });

  it('overoptimizationSweep uses the defaults of overoptimizationClosedForm (a = 1, c = 0.25)', () => {
    // At n = 1 there is no selection: gold averages −c, here over 60,000 samples (SE ≈ 0.005).
    const [one] = overoptimizationSweep({ candidates: [1, 2], sweeps: 30_000, seed: 3 });
    expect(Math.abs(one!.gold - overoptimizationClosedForm({ candidates: 1 }).gold)).toBeLessThan(4 * one!.seGold);
    expect(one!.samples).toBe(60_000);
  });

  it('overoptimizationSweep rejects bad parameters with errors that name them', () => {
    expect(() => overoptimizationSweep({ candidates: [3], sweeps: 1, seed: 1, exploitCost: -1 })).toThrow(
      /exploitCost/,
    );
    expect(() => overoptimizationSweep({ candidates: [3], sweeps: 1, seed: 1, exploitWeight: Number.NaN })).toThrow(
      /exploitWeight/,
    );
    expect(() => overoptimizationSweep({ candidates: [3], sweeps: 1.5, seed: 1 })).toThrow(/sweeps/);
  });
});

describe('pooling sweeps', () => {
  it('poolMeans of the parts of a data set gives the mean and standard error of the whole', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 20 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (parts) => {
          const pooled = poolMeans(parts.map((p) => ({ samples: p.length, ...direct(p) })));
          const whole = direct(parts.flat());
          expect(pooled.samples).toBe(parts.flat().length);
          expect(pooled.mean).toBeCloseTo(whole.mean, 8);
          // The pooled sums lose about √(n·max²·ε) ≈ 1e−6 to cancellation when the spread is nil.
          expect(pooled.se).toBeCloseTo(whole.se, 4);
        },
      ),
    );
  });

  it('poolMeans counts a one-sample part by its value alone', () => {
    const pooled = poolMeans([
      { samples: 1, mean: 4, se: Number.NaN },
      { samples: 2, mean: 1, se: 1 },
    ]);
    // The data 4, 0, 2 (mean 1, SE 1 for the pair): mean 2, sample variance 4, SE √(4/3).
    expect(pooled.mean).toBeCloseTo(2, 12);
    expect(pooled.se).toBeCloseTo(Math.sqrt(4 / 3), 12);
    expect(() => poolMeans([])).toThrow(/parts/);
  });

  it('poolSelectionSweeps weights runs by their samples and narrows the standard error', () => {
    const options = { ...heavy, candidates: [1, 10, 100] };
    const a = selectionSweep({ ...options, sweeps: 3, seed: 1 });
    const b = selectionSweep({ ...options, sweeps: 1, seed: 2 });
    const pooled = poolSelectionSweeps([a, b]);
    pooled.forEach((p, j) => {
      const [x, y] = [a[j]!, b[j]!];
      expect(p.samples).toBe(x.samples + y.samples);
      expect(p.meanTrue).toBeCloseTo((x.samples * x.meanTrue + y.samples * y.meanTrue) / p.samples, 12);
      expect(p.meanProxy).toBeCloseTo((x.samples * x.meanProxy + y.samples * y.meanProxy) / p.samples, 12);
    });
    expect(pooled[0]!.seTrue).toBeLessThan(a[0]!.seTrue);
    expect(() =>
      poolSelectionSweeps([a, selectionSweep({ ...options, candidates: [1, 10], sweeps: 1, seed: 3 })]),
    ).toThrow(/same candidates/);
    expect(() => poolSelectionSweeps([])).toThrow(/runs/);
  });

  it('poolOveroptimizationSweeps of one run gives that run back', () => {
    const run = overoptimizationSweep({ candidates: [1, 4, 16], sweeps: 5, seed: 9 });
    const pooled = poolOveroptimizationSweeps([run]);
    pooled.forEach((p, j) => {
      const q = run[j]!;
      expect(p.samples).toBe(q.samples);
      expect(p.kl).toBe(q.kl);
      expect(p.gold).toBeCloseTo(q.gold, 12);
      expect(p.seGold).toBeCloseTo(q.seGold, 10);
      expect(p.proxy).toBeCloseTo(q.proxy, 12);
    });
  });
});
