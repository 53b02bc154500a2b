import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulateIpdQLearning } from '../../../src/models/learning/ipd-q-learning.ts';

// Independent Q-learners in the iterated prisoner's dilemma (Sandholm & Crites 1996).

describe('simulateIpdQLearning', () => {
  it('simulateIpdQLearning with discount 0 learns the dominant move: always defect, for every seed tried', () => {
    // With γ = 0 each Q-value estimates the immediate payoff, and D pays more than C against either move.
    for (let seed = 0; seed < 10; seed++) {
      const r = simulateIpdQLearning({ seed, gamma: 0 });
      expect(r.strategies).toEqual(['DDDD', 'DDDD']);
      expect(r.greedyCooperation).toBe(0);
      expect(r.cooperation.at(-1)!).toBeLessThan(0.05);
    }
  });

  it('simulateIpdQLearning with discount 0.95 often learns to cooperate', () => {
    // Observed: 14 of seeds 0–19 learned win-stay lose-shift ('CDDC') on both sides. The claim tested
    // is the qualitative one of Sandholm & Crites: far-sighted learners can sustain cooperation.
    let cooperative = 0;
    for (let seed = 0; seed < 10; seed++) {
      if (simulateIpdQLearning({ seed, gamma: 0.95 }).greedyCooperation === 1) cooperative++;
    }
    expect(cooperative).toBeGreaterThanOrEqual(5);
  });

  it('simulateIpdQLearning is deterministic for a seed; every cooperation rate is a share', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        fc.integer({ min: 1, max: 3000 }),
        (seed, alpha, gamma, periods) => {
          const options = { seed, alpha, gamma, periods, recordEvery: 500 };
          const a = simulateIpdQLearning(options);
          expect(a).toEqual(simulateIpdQLearning(options));
          expect(a.cooperation).toHaveLength(Math.ceil(periods / 500));
          expect(a.periods.at(-1)).toBe(periods);
          expect(a.cooperation.every((c) => c >= 0 && c <= 1)).toBe(true);
          expect(a.strategies.every((s) => /^[CD]{4}$/.test(s))).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('simulateIpdQLearning rejects bad options with errors that name them', () => {
    expect(() => simulateIpdQLearning({ seed: 1, gamma: 1 })).toThrow(/gamma/);
    expect(() => simulateIpdQLearning({ seed: 1, periods: 0 })).toThrow(/periods/);
    expect(() => simulateIpdQLearning({ seed: 1, payoffs: { T: 5, R: 3, P: Number.NaN, S: 0 } })).toThrow(/payoffs\.P/);
  });
});
