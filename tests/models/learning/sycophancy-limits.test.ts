import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sycophancyFixedPoint } from '../../../src/models/learning/sycophancy.ts';
import { sycophancyLimits } from '../../../src/models/learning/sycophancy-limits.ts';

// The defaults of sycophancy.ts (w = 0.3, k = 0.9) give c = 0.95, m = 0.68 and
// λ* = (1 − w − c)/((1 − w − c) − (1 − m)) = −0.25/−0.57 ≈ 0.4386, as in sycophancy.test.ts.

describe('sycophancyLimits', () => {
  it('sycophancyLimits() gives the honest accuracy 0.95, approval 0.68, raters’ 0.7 and λ* = 0.25/0.57', () => {
    const limits = sycophancyLimits();
    expect(limits.honestAccuracy).toBeCloseTo(0.95, 14);
    expect(limits.honestApproval).toBeCloseTo(0.68, 14);
    expect(limits.agreeableAccuracy).toBeCloseTo(0.7, 14);
    expect(limits.threshold).toBeCloseTo(0.25 / 0.57, 14);
  });

  it('sycophancyLimits: the fixed point’s reward gap is zero at λ*, for any rater error and competence', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (raterError, competence) => {
          const { threshold } = sycophancyLimits({ raterError, competence });
          expect(threshold).toBeGreaterThanOrEqual(0);
          expect(threshold).toBeLessThanOrEqual(1);
          const gap = sycophancyFixedPoint({ approvalWeight: threshold, raterError, competence }).rewardGap;
          // λ* = 0 means agreeing pays even without approval in the reward: the gap is then ≥ 0.
          if (threshold === 0) expect(gap).toBeGreaterThanOrEqual(-1e-12);
          else expect(gap).toBeCloseTo(0, 12);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('sycophancyLimits bounds the fixed point: an almost free policy reaches the honest and agreeable ends', () => {
    // With a tiny KL weight the optimum is (nearly) a pure policy: honest below λ*, agreeable above.
    const limits = sycophancyLimits({ raterError: 0.2, competence: 0.8 });
    const low = sycophancyFixedPoint({ approvalWeight: 0, raterError: 0.2, competence: 0.8, klWeight: 0.001 });
    const high = sycophancyFixedPoint({ approvalWeight: 1, raterError: 0.2, competence: 0.8, klWeight: 0.001 });
    expect(low.accuracy).toBeCloseTo(limits.honestAccuracy, 6);
    expect(low.approval).toBeCloseTo(limits.honestApproval, 6);
    expect(high.accuracy).toBeCloseTo(limits.agreeableAccuracy, 6);
    expect(high.approval).toBeCloseTo(1, 6);
  });

  it('sycophancyLimits is 0 when raters are more accurate than the model, so agreeing always pays', () => {
    // k = 0 gives c = 0.5; raters wrong 10% of the time are right 90%: agreeing raises accuracy.
    expect(sycophancyLimits({ raterError: 0.1, competence: 0 }).threshold).toBe(0);
  });

  it('sycophancyLimits rejects out-of-range parameters with errors that name them', () => {
    expect(() => sycophancyLimits({ raterError: 1.2 })).toThrow(/raterError/);
    expect(() => sycophancyLimits({ competence: -0.1 })).toThrow(/competence/);
  });
});
