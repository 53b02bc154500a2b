import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  normalThresholds,
  thresholdCascade,
  thresholdCascadeRounds,
  uniformThresholds,
} from '../../../src/models/cascades/index.ts';

describe('thresholdCascade (Granovetter 1978)', () => {
  it("thresholdCascade: Granovetter's 100 people with thresholds 0, 1, …, 99 all riot", () => {
    expect(thresholdCascade(uniformThresholds(100))).toBe(100);
  });

  it('thresholdCascade: changing the threshold-1 person to 2 stops the riot at 1', () => {
    const thresholds = uniformThresholds(100);
    thresholds[1] = 2;
    expect(thresholdCascade(thresholds)).toBe(1);
  });

  it('thresholdCascade: nobody acts without an instigator, and Infinity never acts', () => {
    expect(thresholdCascade([1, 1, 2])).toBe(0);
    expect(thresholdCascade([0, 1, Infinity, 2])).toBe(3);
    expect(thresholdCascade([])).toBe(0);
  });

  it('thresholdCascadeRounds animates the uniform crowd one person per round', () => {
    const { counts, joinedAt } = thresholdCascadeRounds(uniformThresholds(5));
    expect(counts).toEqual([1, 2, 3, 4, 5]);
    expect(joinedAt).toEqual([0, 1, 2, 3, 4]);
  });

  it('thresholdCascadeRounds lets everyone whose threshold is met join in the same round', () => {
    // Round 0: the two zeros. Round 1: thresholds ≤ 2 (the 1 and the 2). Round 2: ≤ 4 (the 4).
    // The 9 never joins.
    expect(thresholdCascadeRounds([4, 0, 2, 9, 0, 1])).toEqual({ counts: [2, 4, 5], joinedAt: [2, 0, 1, -1, 0, 1] });
    expect(thresholdCascadeRounds([3, 3])).toEqual({ counts: [0], joinedAt: [-1, -1] });
  });

  it('thresholdCascade throws on a negative or NaN threshold', () => {
    expect(() => thresholdCascade([0, -1])).toThrow('thresholdCascade: thresholds[1] must be a number >= 0, got -1');
    expect(() => thresholdCascade([Number.NaN])).toThrow(RangeError);
  });

  it('normalThresholds: a wider spread of thresholds turns a non-event into a riot', () => {
    // Granovetter's point: crowds with the same average threshold (25 of 100) can behave in
    // opposite ways. With a narrow spread nobody starts; with a wide one enough people have very
    // low thresholds to set off the rest.
    const narrow = normalThresholds({ people: 100, mean: 25, sd: 2, seed: 1978 });
    const wide = normalThresholds({ people: 100, mean: 25, sd: 20, seed: 1978 });
    expect(thresholdCascade(narrow)).toBe(0);
    expect(thresholdCascade(wide)).toBeGreaterThan(90);
    expect(normalThresholds({ people: 100, mean: 25, sd: 20, seed: 1978 })).toEqual(wide);
    for (const t of wide) expect(t).toBeGreaterThanOrEqual(0);
  });
});

describe('thresholdCascade: invariants (fast-check)', () => {
  const crowd = fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 });

  it('thresholdCascade equals the last count of thresholdCascadeRounds and lies in [0, n]', () => {
    fc.assert(
      fc.property(crowd, (t) => {
        const final = thresholdCascade(t);
        expect(final).toBeGreaterThanOrEqual(0);
        expect(final).toBeLessThanOrEqual(t.length);
        expect(thresholdCascadeRounds(t).counts.at(-1)).toBe(final);
        expect(thresholdCascadeRounds(t).joinedAt.filter((r) => r >= 0)).toHaveLength(final);
      }),
    );
  });

  it("lowering anyone's threshold never shrinks the cascade", () => {
    fc.assert(
      fc.property(crowd, fc.nat(), fc.nat(), (t, who, by) => {
        fc.pre(t.length > 0);
        const i = who % t.length;
        const lowered = [...t];
        lowered[i] = Math.max(0, lowered[i]! - (by % 5));
        expect(thresholdCascade(lowered)).toBeGreaterThanOrEqual(thresholdCascade(t));
      }),
    );
  });
});
