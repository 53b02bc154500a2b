/**
 * Seeded randomness for every model. The only outside import the model package allows is
 * `pure-rand`; nothing here touches `Math.random`, so the same seed always gives the same run.
 */
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

/** A source of uniform numbers on [0, 1). */
export type Rng = () => number;

/** Discarded outputs after seeding, so that nearby seeds have unrelated first draws. */
const WARM_UP = 16;

/**
 * Murmur3's 32-bit finaliser. xoroshiro128plus seeds its state as (-1, ~seed, seed, 0), so
 * without mixing the first output of every small seed is ~seed, i.e. a draw close to 1, and the
 * next few draws of neighbouring seeds are strongly related.
 */
function mixSeed(seed: number): number {
  let h = seed | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Returns a uniform generator on [0, 1) seeded by `seed` (any finite number; fractions are truncated, and seeds equal modulo 2³² give the same stream). */
export function createRng(seed: number): Rng {
  if (!Number.isFinite(seed)) throw new RangeError(`createRng: seed must be a finite number, got ${seed}`);
  const gen = xoroshiro128plus(mixSeed(Math.trunc(seed) | 0));
  for (let i = 0; i < WARM_UP; i++) gen.next();
  return () => uniformFloat64(gen);
}

/** Uniform on [lo, hi). */
export function uniform(rng: Rng, lo = 0, hi = 1): number {
  return lo + (hi - lo) * rng();
}

/** Uniform integer in [lo, hi] (both included). */
export function uniformInt(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** Standard normal draw N(mean, sd²) by the Box–Muller transform (one value per call). */
export function normal(rng: Rng, mean = 0, sd = 1): number {
  let u = rng();
  while (u <= 0) u = rng();
  const v = rng();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma(shape, scale) draw by Marsaglia and Tsang (2000); shape > 0. */
export function gamma(rng: Rng, shape: number, scale = 1): number {
  if (!(shape > 0)) throw new RangeError(`gamma: shape must be > 0, got ${shape}`);
  if (shape < 1) {
    // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a)
    let u = rng();
    while (u <= 0) u = rng();
    return gamma(rng, shape + 1, scale) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng();
    if (u < 1 - 0.0331 * x ** 4) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Student-t draw with `df` > 0 degrees of freedom: Z / sqrt(χ²_df / df). */
export function studentT(rng: Rng, df: number): number {
  if (!(df > 0)) throw new RangeError(`studentT: df must be > 0, got ${df}`);
  const z = normal(rng);
  const chi2 = 2 * gamma(rng, df / 2);
  return z / Math.sqrt(chi2 / df);
}

/** Index drawn with probability proportional to `weights` (non-negative, not all zero). */
export function categorical(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`categorical: weights must be finite and >= 0`);
    total += w;
  }
  if (total <= 0) throw new RangeError('categorical: weights must not all be zero');
  let r = rng() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  // rounding: return the last index with positive weight
  for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
  return weights.length - 1;
}

/** A shuffled copy of `items` (Fisher–Yates). */
export function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
