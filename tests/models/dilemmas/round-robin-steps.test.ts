import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  countRoundRobinTurns,
  finishRoundRobin,
  roundRobinSteps,
} from '../../../src/models/dilemmas/round-robin-steps.ts';
import { DILEMMA_STRATEGY_IDS, cycler, type StrategyId } from '../../../src/models/dilemmas/strategies.ts';
import { roundRobin } from '../../../src/models/dilemmas/tournament.ts';

describe('roundRobinSteps', () => {
  it('roundRobinSteps yields the share of matches played, rising to 1, and returns roundRobin’s result', () => {
    const ids: StrategyId[] = ['tit-for-tat', 'always-defect', 'random'];
    const options = { turns: 20, seed: 5, repetitions: 3 };
    const steps = roundRobinSteps(ids, options);
    const shares: number[] = [];
    let next = steps.next();
    while (!next.done) {
      shares.push(next.value);
      next = steps.next();
    }
    // Six pairs with self-play; the three without 'random' are deterministic and played once,
    // the three with it three times: 3 + 9 = 12 matches.
    expect(shares).toHaveLength(12);
    expect(shares.at(-1)).toBe(1);
    expect(shares.every((s, i) => i === 0 || s > shares[i - 1]!)).toBe(true);
    expect(next.value).toEqual(roundRobin(ids, options));
  });

  it('roundRobinSteps agrees with roundRobin exactly for any entrants, noise, seed, repetitions and self-play', () => {
    const entrants = fc.uniqueArray(fc.constantFrom(...DILEMMA_STRATEGY_IDS), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(
        entrants,
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom(0, 0.01, 0.1),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        (ids, turns, noise, seed, repetitions, selfPlay) => {
          const options = { turns, noise, seed, repetitions, selfPlay };
          expect(finishRoundRobin(roundRobinSteps(ids, options))).toEqual(roundRobin(ids, options));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('roundRobinSteps accepts custom strategies and payoffs like roundRobin', () => {
    const entrants = [cycler('CCD'), 'tit-for-tat' as const, 'grudger' as const];
    const options = { turns: 12, payoffs: { T: 4, R: 3, P: 1, S: 0 } };
    expect(finishRoundRobin(roundRobinSteps(entrants, options))).toEqual(roundRobin(entrants, options));
  });

  it('roundRobinSteps checks its input at the call, with roundRobin’s messages', () => {
    expect(() => roundRobinSteps([], { turns: 10 })).toThrow(/empty/);
    expect(() => roundRobinSteps(['tit-for-tat'], { turns: 0 })).toThrow(/turns/);
    expect(() => roundRobinSteps(['tit-for-tat'], { turns: 5, repetitions: 0 })).toThrow(/repetitions/);
    expect(() => roundRobinSteps(['tit-for-tat'], { turns: 5, selfPlay: false })).toThrow(/selfPlay/);
  });
});

describe('countRoundRobinTurns', () => {
  it('countRoundRobinTurns counts matches × turns, playing deterministic noiseless pairs once', () => {
    const ids: StrategyId[] = ['tit-for-tat', 'always-defect', 'random'];
    // 3 deterministic pairs once and 3 pairs with 'random' 4 times: 15 matches of 50 turns.
    expect(countRoundRobinTurns(ids, { turns: 50, repetitions: 4 })).toBe(750);
    // With noise every pair repeats: 6 pairs × 4 × 50.
    expect(countRoundRobinTurns(ids, { turns: 50, repetitions: 4, noise: 0.01 })).toBe(1200);
    // Without self-play: 3 pairs, two of them with 'random'.
    expect(countRoundRobinTurns(ids, { turns: 10, repetitions: 2, selfPlay: false })).toBe(50);
  });
});
