import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gamingResponse, gamingSweep, optimalBonus } from '../../../src/models/goodhart/adversarial.ts';

// A linear-contract, quadratic-cost multitask agent in the spirit of Holmström & Milgrom (1991);
// the closed forms are derived in the module's comments.

describe('adversarial Goodhart', () => {
  it('gamingResponse: effort in each activity is bonus / marginal-cost slope', () => {
    const r = gamingResponse({ bonus: 1, realCost: 2, gamingCost: 0.5 });
    expect(r.realEffort).toBeCloseTo(0.5, 14);
    expect(r.gamingEffort).toBeCloseTo(2, 14);
    expect(r.metric).toBeCloseTo(2.5, 14);
    expect(r.trueValue).toBeCloseTo(0.5, 14);
    expect(r.gamingShare).toBeCloseTo(0.8, 14);
  });

  it('gamingResponse with a binding budget spends most of it on gaming when gaming is cheaper', () => {
    const r = gamingResponse({ bonus: 10, realCost: 3, gamingCost: 1, budget: 4 });
    expect(r.realEffort + r.gamingEffort).toBeCloseTo(4, 14);
    expect(r.gamingEffort).toBeCloseTo(3, 14);
    // Marginal costs are equal at the budget-constrained optimum.
    expect(3 * r.realEffort).toBeCloseTo(1 * r.gamingEffort, 14);
  });

  it('optimalBonus maximises surplus and falls as gaming gets cheaper', () => {
    const params = { realCost: 1, gamingCost: 0.5, gamingHarm: 0.2 };
    const b = optimalBonus(params);
    const at = (bonus: number): number => gamingResponse({ ...params, bonus }).surplus;
    expect(at(b)).toBeGreaterThan(at(b - 0.01));
    expect(at(b)).toBeGreaterThan(at(b + 0.01));
    expect(optimalBonus({ realCost: 1, gamingCost: 0.1 })).toBeLessThan(optimalBonus({ realCost: 1, gamingCost: 1 }));
    // Without gaming (prohibitive cost) the first-best bonus is 1.
    expect(optimalBonus({ realCost: 1, gamingCost: 1e12 })).toBeCloseTo(1, 9);
  });

  it('gamingSweep: the metric keeps rising with the bonus while surplus peaks at optimalBonus and then falls', () => {
    const params = { realCost: 1, gamingCost: 0.5, gamingHarm: 0.2 };
    const best = optimalBonus(params);
    expect(best).toBeCloseTo(0.2, 14);
    const sweep = gamingSweep({ ...params, bonuses: [0, best, 1, 4] });
    const metrics = sweep.map((r) => r.metric);
    expect(metrics).toEqual([...metrics].sort((a, b) => a - b));
    expect(sweep[1]!.surplus).toBeGreaterThan(sweep[0]!.surplus);
    expect(sweep[2]!.surplus).toBeLessThan(sweep[1]!.surplus);
    expect(sweep[3]!.surplus).toBeLessThan(0);
  });

  it('gamingResponse is finite and never exceeds the budget for all valid parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (bonus, realCost, gamingCost, gamingHarm, budget) => {
          const r = gamingResponse({ bonus, realCost, gamingCost, gamingHarm, budget });
          expect(Object.values(r).every(Number.isFinite)).toBe(true);
          expect(r.metric).toBeLessThanOrEqual(budget * (1 + 1e-12));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gamingResponse rejects non-positive costs and negative bonuses', () => {
    expect(() => gamingResponse({ bonus: 1, realCost: 0, gamingCost: 1 })).toThrow(/realCost/);
    expect(() => gamingResponse({ bonus: -1, realCost: 1, gamingCost: 1 })).toThrow(/bonus/);
  });
});
