import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GRIDWORLD_LAYOUT, trainGridworld } from '../../../src/models/learning/gridworld.ts';

// Specification gaming (Krakovna et al. 2020; the CoastRunners boat of Clark & Amodei 2016): a
// respawning bonus that pays more over an episode than the goal is looped on instead of finishing.

// Ten seeds, not one: the outcome below held for every seed from 0 to 19 when the model was written,
// so any ten of them are representative; checking ten guards against a lucky seed.
const seeds = Array.from({ length: 10 }, (_, i) => i);

describe('trainGridworld', () => {
  it('trainGridworld with the flawed reward: the greedy policy loops on the bonus and never reaches the goal', () => {
    for (const seed of seeds) {
      const { greedy } = trainGridworld({ seed });
      expect(greedy.reachedGoal).toBe(false);
      // One re-entry every two steps for most of the 50-step episode.
      expect(greedy.bonusVisits).toBeGreaterThanOrEqual(20);
      // The loophole pays more proxy reward than the goal's 10.
      expect(greedy.proxyReturn).toBeGreaterThan(10);
    }
  });

  it.each(['bonus-once', 'goal-only'] as const)('trainGridworld with fix %s: the greedy policy reaches the goal', (fix) => {
    for (const seed of seeds) {
      const { greedy } = trainGridworld({ seed, fix });
      expect(greedy.reachedGoal).toBe(true);
      expect(greedy.bonusVisits).toBeLessThanOrEqual(1);
      // The shortest path from (0, 0) to (4, 4) takes 8 steps (9 cells with the start). After 500
      // ε-greedy episodes the policy is not always exactly shortest (seed 6 takes a 2-step detour
      // with 'bonus-once'), so allow a few extra steps; the loop above takes the whole 50.
      expect(greedy.path.length).toBeGreaterThanOrEqual(9);
      expect(greedy.path.length).toBeLessThanOrEqual(13);
      expect(greedy.path.at(-1)).toEqual([...GRIDWORLD_LAYOUT.goal]);
    }
  });

  it('trainGridworld with the flawed reward: true success falls as proxy return rises', () => {
    const r = trainGridworld({ seed: 0 });
    const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(r.proxyReturns.slice(-100))).toBeGreaterThan(mean(r.proxyReturns.slice(0, 20)));
    expect(mean(r.greedySuccesses.slice(-100))).toBe(0);
    expect(mean(r.successes.slice(-100))).toBeLessThan(0.1);
  });

  it('trainGridworld is deterministic for a seed and returns one record per episode', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.constantFrom('none' as const, 'bonus-once' as const, 'goal-only' as const),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (seed, fix, episodes, epsilon) => {
          const options = { seed, fix, episodes, epsilon };
          const a = trainGridworld(options);
          expect(a).toEqual(trainGridworld(options));
          expect(a.proxyReturns).toHaveLength(episodes);
          expect(a.proxyReturns.every(Number.isFinite)).toBe(true);
          expect(a.successes.every((s) => s === 0 || s === 1)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('trainGridworld rejects bad options with errors that name them', () => {
    expect(() => trainGridworld({ seed: 1, fix: 'patch' as 'none' })).toThrow(/fix/);
    expect(() => trainGridworld({ seed: 1, gamma: 1 })).toThrow(/gamma/);
    expect(() => trainGridworld({ seed: 1, horizon: 0 })).toThrow(/horizon/);
  });
});
