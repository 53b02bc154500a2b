import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cascadeFixedPoints,
  cascadeMap,
  thresholdCascade,
  thresholdCascadeRounds,
  uniformThresholds,
} from '../../../src/models/cascades/index.ts';

// Granovetter (1978): 100 people with thresholds 0, 1, …, 99 all riot; move the threshold-1
// person to 2 and only the instigator acts. In the cumulative-distribution diagram the uniform
// crowd's F runs one step above the 45° line all the way up, so the only fixed point is 100; the
// changed crowd's F touches the line at 1, and that is where the cascade stops.

describe('cascadeMap (Granovetter 1978)', () => {
  it('cascadeMap(uniform 100) is F(r) = r + 1 up to 99 and 100 at the top', () => {
    const f = cascadeMap(uniformThresholds(100));
    expect(f).toHaveLength(101);
    expect(f.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(f[99]).toBe(100);
    expect(f[100]).toBe(100);
  });

  it('cascadeMap counts thresholds at most r, including fractional thresholds, and never counts Infinity', () => {
    expect(cascadeMap([0.5, 2, 2, Infinity, 0], 4)).toEqual([1, 2, 4, 4, 4]);
    expect(cascadeMap([], 2)).toEqual([0, 0, 0]);
  });

  it('cascadeMap rejects bad thresholds and a bad upTo, naming them', () => {
    expect(() => cascadeMap([0, -2])).toThrow('cascadeMap: thresholds[1] must be a number >= 0, got -2');
    expect(() => cascadeMap([0, 1], 1.5)).toThrow(/upTo must be a whole number/);
    expect(() => cascadeMap('0,1' as unknown as number[])).toThrow(TypeError);
  });
});

describe('cascadeFixedPoints (Granovetter 1978)', () => {
  it('cascadeFixedPoints(uniform 100): the only fixed point is 100, reached one person per round', () => {
    const result = cascadeFixedPoints(uniformThresholds(100));
    expect(result.fixedPoints).toEqual([100]);
    expect(result.reached).toBe(100);
    expect(result.path).toEqual(Array.from({ length: 101 }, (_, i) => i));
  });

  it('cascadeFixedPoints: moving the threshold-1 person to 2 adds a fixed point at 1, where the riot stops', () => {
    const thresholds = uniformThresholds(100);
    thresholds[1] = 2;
    const result = cascadeFixedPoints(thresholds);
    // F(1) = 1 (only the instigator), F(r) = r + 1 for 2 ≤ r ≤ 99, F(100) = 100.
    expect(result.fixedPoints).toEqual([1, 100]);
    expect(result.reached).toBe(1);
    expect(result.path).toEqual([0, 1]);
  });

  it('cascadeFixedPoints: with no instigator nobody acts, though larger crowds would sustain themselves', () => {
    // F(0) = 0, F(1) = 2, F(2) = 2, F(3) = 3.
    expect(cascadeFixedPoints([1, 1, 3])).toEqual({ fixedPoints: [0, 2, 3], reached: 0, path: [0] });
  });
});

describe('cascadeFixedPoints: invariants (fast-check)', () => {
  const crowd = fc.array(fc.oneof(fc.integer({ min: 0, max: 30 }), fc.double({ min: 0, max: 30, noNaN: true })), {
    maxLength: 40,
  });

  it('reached equals thresholdCascade, is a fixed point, and the path after 0 is thresholdCascadeRounds.counts', () => {
    fc.assert(
      fc.property(crowd, (t) => {
        const result = cascadeFixedPoints(t);
        expect(result.reached).toBe(thresholdCascade(t));
        expect(result.fixedPoints).toContain(result.reached);
        expect(result.fixedPoints[0]).toBe(result.reached);
        // thresholdCascadeRounds lists the count after each round, ending at the final size;
        // the path starts from nobody and also ends there, with one entry per growth step.
        const { counts } = thresholdCascadeRounds(t);
        const growth = result.path.slice(1);
        expect(growth.length === 0 ? [0] : growth).toEqual(counts);
      }),
    );
  });

  it('cascadeMap is non-decreasing and ends at the number of finite thresholds at most n', () => {
    fc.assert(
      fc.property(crowd, (t) => {
        const f = cascadeMap(t);
        for (let r = 1; r < f.length; r++) expect(f[r]!).toBeGreaterThanOrEqual(f[r - 1]!);
        expect(f.at(-1)).toBe(t.filter((x) => x <= t.length).length);
      }),
    );
  });
});
