import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sycophancyFixedPoint, sycophancySweep, trainSycophancy } from '../../../src/models/learning/sycophancy.ts';

// The model (after Sharma et al. 2024): rewards that weigh rater approval make agreeing with the
// rater pay once the approval weight passes a threshold; accuracy then falls toward the raters' own.

const defaults = { raterError: 0.3, competence: 0.9, baseSycophancy: 0.2, klWeight: 0.05 };

describe('sycophancy', () => {
  it('sycophancyFixedPoint: the reward gap changes sign at λ* = (1 − w − c)/((1 − w − c) − (1 − m))', () => {
    // c = 0.9 + 0.05 = 0.95 (own-answer accuracy); m = 0.95·0.7 + 0.05·0.3 = 0.68 (own answer matches rater).
    const c = 0.95;
    const m = 0.68;
    const threshold = (1 - 0.3 - c) / (1 - 0.3 - c - (1 - m));
    expect(sycophancyFixedPoint({ ...defaults, approvalWeight: threshold }).rewardGap).toBeCloseTo(0, 12);
    expect(sycophancyFixedPoint({ ...defaults, approvalWeight: threshold - 0.01 }).rewardGap).toBeLessThan(0);
    expect(sycophancyFixedPoint({ ...defaults, approvalWeight: threshold + 0.01 }).rewardGap).toBeGreaterThan(0);
    // At the threshold the optimum is the base model itself.
    expect(sycophancyFixedPoint({ ...defaults, approvalWeight: threshold }).sycophancy).toBeCloseTo(0.2, 12);
  });

  it('sycophancySweep: as the approval weight grows, sycophancy and approval rise and accuracy falls', () => {
    const sweep = sycophancySweep({ ...defaults, approvalWeights: [0, 0.25, 0.5, 0.75, 1] });
    for (let i = 1; i < sweep.length; i++) {
      expect(sweep[i]!.sycophancy).toBeGreaterThan(sweep[i - 1]!.sycophancy);
      expect(sweep[i]!.approval).toBeGreaterThan(sweep[i - 1]!.approval);
      expect(sweep[i]!.accuracy).toBeLessThan(sweep[i - 1]!.accuracy);
    }
    // The limits: honest accuracy c = 0.95, fully sycophantic accuracy 1 − w = 0.7.
    expect(sweep[0]!.accuracy).toBeLessThanOrEqual(0.95);
    expect(sweep[4]!.accuracy).toBeGreaterThanOrEqual(0.7);
    expect(sweep[4]!.accuracy).toBeLessThan(0.72);
  });

  it.each([0.2, 0.5, 0.8])('trainSycophancy(λ = %d) settles near the closed-form fixed point', (approvalWeight) => {
    // Seeded REINFORCE with step 0.02: the time average over the second half of 60,000 steps sat
    // within 0.02 of θ* in trial runs; 0.05 leaves room for the seed's noise.
    const run = trainSycophancy({ ...defaults, approvalWeight, seed: 4, steps: 60_000, learningRate: 0.02 });
    const tail = run.sycophancy.slice(run.sycophancy.length / 2);
    const average = tail.reduce((a, b) => a + b, 0) / tail.length;
    expect(Math.abs(average - run.fixedPoint.sycophancy)).toBeLessThan(0.05);
  });

  it('trainSycophancy is deterministic for a seed, and every recorded rate is a probability', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 0.01, max: 10, noNaN: true }),
        (seed, approvalWeight, raterError, competence, baseSycophancy, klWeight) => {
          const options = { seed, approvalWeight, raterError, competence, baseSycophancy, klWeight, steps: 500, recordEvery: 50 };
          const a = trainSycophancy(options);
          expect(a).toEqual(trainSycophancy(options));
          for (const series of [a.sycophancy, a.accuracy, a.approval]) {
            expect(series).toHaveLength(11);
            expect(series.every((v) => v >= 0 && v <= 1)).toBe(true);
          }
          const f = a.fixedPoint;
          expect(Number.isFinite(f.sycophancy) && f.sycophancy >= 0 && f.sycophancy <= 1).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sycophancyFixedPoint rejects out-of-range parameters with errors that name them', () => {
    expect(() => sycophancyFixedPoint({ approvalWeight: 1.5 })).toThrow(/approvalWeight/);
    expect(() => sycophancyFixedPoint({ approvalWeight: 0.5, baseSycophancy: 0 })).toThrow(/baseSycophancy/);
    expect(() => trainSycophancy({ approvalWeight: 0.5, seed: 1, learningRate: 0 })).toThrow(/learningRate/);
  });
});
