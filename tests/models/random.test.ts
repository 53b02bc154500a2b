import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categorical, createRng, gamma, normal, shuffle, studentT, uniform, uniformInt } from '../../src/models/random.ts';

/** Sample mean and (unbiased) variance. */
function moments(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
  const variance = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

function draw(n: number, f: () => number): number[] {
  return Array.from({ length: n }, f);
}

describe('createRng', () => {
  it('createRng(seed) replays the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (seed) => {
        const a = createRng(seed);
        const b = createRng(seed);
        for (let i = 0; i < 20; i++) expect(a()).toBe(b());
      }),
    );
  });

  it('createRng(seed) gives different sequences for different seeds', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (s, t) => {
        fc.pre(s !== t);
        const a = createRng(s);
        const b = createRng(t);
        const xs = draw(4, a);
        const ys = draw(4, b);
        expect(xs).not.toEqual(ys);
      }),
    );
  });

  it('createRng(seed)() stays in [0, 1)', () => {
    const rng = createRng(3);
    for (let i = 0; i < 10_000; i++) {
      const v = rng();
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
  });

  it('createRng gives uniform first draws across neighbouring seeds', () => {
    // Regression: the generator's raw seeding made the first draw of every small seed ≈ 1.
    // Over seeds 0..N−1 the first draws should have mean 1/2 and variance 1/12 (uniform on [0, 1)).
    const N = 4000;
    for (const k of [0, 1, 2]) {
      const firsts = Array.from({ length: N }, (_, seed) => {
        const rng = createRng(seed);
        let v = 0;
        for (let i = 0; i <= k; i++) v = rng();
        return v;
      });
      const { mean, variance } = moments(firsts);
      // SE of the mean: sqrt(1/12/N) ≈ 0.0046; SE of the variance: sqrt((1/80 − 1/144)/N) ≈ 0.0012.
      expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / N));
      expect(Math.abs(variance - 1 / 12)).toBeLessThan(4 * Math.sqrt((1 / 80 - 1 / 144) / N));
    }
  });

  it('createRng rejects a non-finite seed', () => {
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(Infinity)).toThrow(/seed/);
  });
});

describe('distributions', () => {
  const N = 100_000;

  it('uniform(rng, lo, hi) has mean (lo + hi)/2 and variance (hi − lo)²/12', () => {
    const rng = createRng(11);
    const xs = draw(N, () => uniform(rng, -2, 6));
    const { mean, variance } = moments(xs);
    const w = 8;
    // Uniform moments: variance w²/12; Var(s²) ≈ (μ4 − σ⁴)/N with μ4 = w⁴/80.
    expect(Math.abs(mean - 2)).toBeLessThan(4 * Math.sqrt(w ** 2 / 12 / N));
    expect(Math.abs(variance - w ** 2 / 12)).toBeLessThan(4 * Math.sqrt((w ** 4 / 80 - w ** 4 / 144) / N));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...xs)).toBeLessThan(6);
  });

  it('uniformInt(rng, lo, hi) hits every integer in [lo, hi] equally often', () => {
    const rng = createRng(12);
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const v = uniformInt(rng, -3, 3);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    const p = 1 / 7;
    for (const c of counts.values()) expect(Math.abs(c / N - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / N));
  });

  it('normal(rng, mean, sd) has that mean and standard deviation', () => {
    const rng = createRng(13);
    const xs = draw(N, () => normal(rng, 1.5, 2));
    const { mean, variance } = moments(xs);
    // SE of the mean sd/√N; SE of the sample sd ≈ sd/√(2N).
    expect(Math.abs(mean - 1.5)).toBeLessThan(4 * (2 / Math.sqrt(N)));
    expect(Math.abs(Math.sqrt(variance) - 2)).toBeLessThan(4 * (2 / Math.sqrt(2 * N)));
  });

  it('gamma(rng, shape, scale) has mean shape·scale and variance shape·scale², also for shape < 1', () => {
    for (const [shape, scale, seed] of [
      [3, 2, 14],
      [0.5, 1, 15],
    ] as const) {
      const rng = createRng(seed);
      const xs = draw(N, () => gamma(rng, shape, scale));
      const { mean, variance } = moments(xs);
      const sd = Math.sqrt(shape) * scale;
      // Gamma's fourth central moment: 3k(k + 2)θ⁴, so Var(s²) ≈ (3k(k + 2) − k²)θ⁴/N.
      const seVar = Math.sqrt(((3 * shape * (shape + 2) - shape ** 2) * scale ** 4) / N);
      expect(Math.abs(mean - shape * scale)).toBeLessThan(4 * (sd / Math.sqrt(N)));
      expect(Math.abs(variance - shape * scale ** 2)).toBeLessThan(4 * seVar);
      expect(Math.min(...xs)).toBeGreaterThan(0);
    }
  });

  it('studentT(rng, 5) has mean 0 and variance df/(df − 2) = 5/3', () => {
    const rng = createRng(16);
    const n = 200_000;
    const xs = draw(n, () => studentT(rng, 5));
    const { mean, variance } = moments(xs);
    const sigma2 = 5 / 3;
    // t(5) has excess kurtosis 6/(df − 4) = 6, so μ4 = 9σ⁴ and Var(s²) ≈ 8σ⁴/n.
    expect(Math.abs(mean)).toBeLessThan(4 * Math.sqrt(sigma2 / n));
    expect(Math.abs(variance - sigma2)).toBeLessThan(5 * Math.sqrt((8 * sigma2 ** 2) / n));
  });

  it('categorical(rng, weights) picks each index in proportion to its weight', () => {
    const rng = createRng(17);
    const weights = [1, 0, 2, 3, 4];
    const counts = new Array<number>(weights.length).fill(0);
    for (let i = 0; i < N; i++) counts[categorical(rng, weights)]! += 1;
    expect(counts[1]).toBe(0);
    weights.forEach((w, i) => {
      const p = w / 10;
      expect(Math.abs(counts[i]! / N - p)).toBeLessThanOrEqual(4 * Math.sqrt((p * (1 - p)) / N));
    });
  });

  it('categorical rejects negative, non-finite or all-zero weights', () => {
    const rng = createRng(0);
    expect(() => categorical(rng, [1, -1])).toThrow(RangeError);
    expect(() => categorical(rng, [1, Number.NaN])).toThrow(RangeError);
    expect(() => categorical(rng, [0, 0])).toThrow(/not all be zero/);
  });

  it('gamma and studentT reject non-positive parameters', () => {
    const rng = createRng(0);
    expect(() => gamma(rng, 0)).toThrow(RangeError);
    expect(() => studentT(rng, -1)).toThrow(RangeError);
  });
});

describe('shuffle', () => {
  it('shuffle(rng, items) returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer(), (items, seed) => {
        const before = items.slice();
        const out = shuffle(createRng(seed), items);
        expect(items).toEqual(before);
        expect(out.slice().sort((a, b) => a - b)).toEqual(before.slice().sort((a, b) => a - b));
      }),
    );
  });

  it('shuffle(rng, [a, b, c]) yields each of the 6 orders with probability 1/6', () => {
    const rng = createRng(18);
    const n = 60_000;
    const counts = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = shuffle(rng, ['a', 'b', 'c']).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    const p = 1 / 6;
    for (const c of counts.values()) expect(Math.abs(c / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
  });
});
