/**
 * Reward-model overoptimisation under best-of-n sampling. Each sample has a true quality Q and an
 * exploitable feature W (say, length or flattery), both N(0, 1). The learned reward model scores
 * P = Q + a·W, crediting W; the gold reward is G = Q − c·W², which W does not help and too much
 * of it hurts. Choosing the best of n by P raises P without bound, while G rises and then falls:
 * the shape Gao, Schulman & Hilton (2023) measured, gold ≈ d·(α − β·d) in d = √KL.
 * @see Gao, Schulman & Hilton (2023), "Scaling Laws for Reward Model Overoptimization".
 */
import { createRng, normal, studentT } from '../random.ts';
import { normalMaxMoments } from './max-of-normals.ts';

/**
 * Returns the KL divergence (nats) of best-of-n sampling from the base policy, log n − (n − 1)/n,
 * for real n ≥ 1 (0 at n = 1).
 * @see Gao, Schulman & Hilton (2023).
 */
export function bestOfNKL(n: number): number {
  if (!Number.isFinite(n) || n < 1) throw new RangeError(`bestOfNKL: n must be a finite number >= 1, got ${n}`);
  return Math.log(n) - (n - 1) / n;
}

/** How much the reward model credits the exploitable feature (a) and how much the gold reward penalises it (c). */
export type OveroptimizationParams = {
  /** a ≥ 0 in P = Q + a·W; default 1. */
  exploitWeight?: number;
  /** c ≥ 0 in G = Q − c·W²; default 0.25. */
  exploitCost?: number;
};

/** Proxy and gold reward of the best of n, with the KL of best-of-n sampling. */
export type OveroptimizationPoint = { candidates: number; kl: number; proxy: number; gold: number };

function readParams(fn: string, p: OveroptimizationParams): { a: number; c: number } {
  const a = p.exploitWeight ?? 1;
  const c = p.exploitCost ?? 0.25;
  if (!Number.isFinite(a) || a < 0) throw new RangeError(`${fn}: exploitWeight must be a finite number >= 0, got ${a}`);
  if (!Number.isFinite(c) || c < 0) throw new RangeError(`${fn}: exploitCost must be a finite number >= 0, got ${c}`);
  return { a, c };
}

/**
 * Returns the exact expected proxy and gold reward of the best of n (real n ≥ 1) chosen by
 * P = Q + a·W: with σ = √(1 + a²) and M the max of n standard normals, proxy = σ·E[M] and
 * gold = E[M]/σ − c·(1 + a²·E[M²])/σ².
 * @see Gao, Schulman & Hilton (2023).
 */
export function overoptimizationClosedForm(options: OveroptimizationParams & { candidates: number }): OveroptimizationPoint {
  const fn = 'overoptimizationClosedForm';
  const { a, c } = readParams(fn, options);
  const n = options.candidates;
  if (!Number.isFinite(n) || n < 1 || n > 1e30) {
    throw new RangeError(`${fn}: candidates must be a finite number from 1 to 1e30, got ${n}`);
  }
  const { mean, secondMoment } = normalMaxMoments(n);
  const s2 = 1 + a * a;
  const s = Math.sqrt(s2);
  // Given P = p: E[Q | p] = p/σ², E[W | p] = a·p/σ², Var(W | p) = 1/σ²; then average over p = σ·M.
  const gold = mean / s - (c * (1 + a * a * secondMoment)) / s2;
  return { candidates: n, kl: bestOfNKL(n), proxy: s * mean, gold };
}

/** A Monte Carlo point: the means over trials and their standard errors. */
export type SimulatedOveroptimizationPoint = OveroptimizationPoint & { seProxy: number; seGold: number };

/**
 * Returns, for each n in `candidates`, the seeded Monte Carlo mean proxy and gold reward of the best
 * of n by proxy over `trials`; `exploit` sets W's distribution ('normal', or 'student-t' with `df`,
 * default 3, for a heavy-tailed exploit).
 * @see Gao, Schulman & Hilton (2023).
 */
export function simulateBestOfN(
  options: OveroptimizationParams & {
    candidates: readonly number[];
    trials: number;
    seed: number;
    exploit?: 'normal' | 'student-t';
    df?: number;
  },
): SimulatedOveroptimizationPoint[] {
  const fn = 'simulateBestOfN';
  const { a, c } = readParams(fn, options);
  const exploit = options.exploit ?? 'normal';
  if (exploit !== 'normal' && exploit !== 'student-t') {
    throw new TypeError(`${fn}: exploit must be 'normal' or 'student-t', got ${String(exploit)}`);
  }
  const df = options.df ?? 3;
  if (!Number.isFinite(df) || df <= 0) throw new RangeError(`${fn}: df must be a finite number > 0, got ${df}`);
  const { trials } = options;
  if (!Number.isInteger(trials) || trials < 2 || trials > 1e8) {
    throw new RangeError(`${fn}: trials must be an integer from 2 to 1e8, got ${trials}`);
  }
  for (const n of options.candidates) {
    if (!Number.isInteger(n) || n < 1 || n > 1e7) {
      throw new RangeError(`${fn}: candidates must hold integers from 1 to 1e7, got ${n}`);
    }
  }
  const rng = createRng(options.seed);
  const drawW = exploit === 'normal' ? () => normal(rng) : () => studentT(rng, df);
  return options.candidates.map((n) => {
    let sumP = 0;
    let sumP2 = 0;
    let sumG = 0;
    let sumG2 = 0;
    for (let t = 0; t < trials; t++) {
      let bestP = -Infinity;
      let bestG = 0;
      for (let i = 0; i < n; i++) {
        const q = normal(rng);
        const w = drawW();
        const p = q + a * w;
        if (p > bestP) {
          bestP = p;
          bestG = q - c * w * w;
        }
      }
      sumP += bestP;
      sumP2 += bestP * bestP;
      sumG += bestG;
      sumG2 += bestG * bestG;
    }
    const proxy = sumP / trials;
    const gold = sumG / trials;
    const se = (sum2: number, mean: number): number =>
      Math.sqrt(Math.max(0, (sum2 - trials * mean * mean) / (trials - 1)) / trials);
    return { candidates: n, kl: bestOfNKL(n), proxy, gold, seProxy: se(sumP2, proxy), seGold: se(sumG2, gold) };
  });
}

/**
 * Returns the least-squares α and β of Gao et al.'s best-of-n law gain ≈ d·(α − β·d), d = √KL, fitted
 * to points of (KL, gold gain over the base policy), and the fit's R² (uncentred, as the law has no intercept).
 * @see Gao, Schulman & Hilton (2023).
 */
export function fitBestOfNScaling(points: readonly { kl: number; gain: number }[]): {
  alpha: number;
  beta: number;
  rSquared: number;
} {
  if (points.length < 2) throw new RangeError(`fitBestOfNScaling: points must hold at least 2 points, got ${points.length}`);
  // Regress gain on x1 = d and x2 = −d² through the origin: solve the 2×2 normal equations.
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let s1y = 0;
  let s2y = 0;
  let syy = 0;
  for (const { kl, gain } of points) {
    if (!Number.isFinite(kl) || kl < 0 || !Number.isFinite(gain)) {
      throw new RangeError(`fitBestOfNScaling: each point needs a finite kl >= 0 and a finite gain`);
    }
    const x1 = Math.sqrt(kl);
    const x2 = -kl;
    s11 += x1 * x1;
    s12 += x1 * x2;
    s22 += x2 * x2;
    s1y += x1 * gain;
    s2y += x2 * gain;
    syy += gain * gain;
  }
  const det = s11 * s22 - s12 * s12;
  if (!(Math.abs(det) > 0)) throw new RangeError('fitBestOfNScaling: points must span at least two distinct nonzero KL values');
  const alpha = (s1y * s22 - s2y * s12) / det;
  const beta = (s11 * s2y - s12 * s1y) / det;
  let sse = 0;
  for (const { kl, gain } of points) {
    const d = Math.sqrt(kl);
    const r = gain - d * (alpha - beta * d);
    sse += r * r;
  }
  return { alpha, beta, rSquared: syy > 0 ? 1 - sse / syy : 1 };
}
