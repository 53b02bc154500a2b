/**
 * Closed-form best-of-n curves over many n at once, for plotting: the regressional Goodhart means
 * and the reward-model overoptimisation rewards, sharing the moments of the normal maximum between
 * calls (they depend on n alone, and each costs a quadrature), plus the inverse of the best-of-n
 * KL and the peak of Gao et al.'s fitted law.
 */
import { expectedMaxOfNormals, normalMaxMoments, type NormalMaxMoments } from './max-of-normals.ts';
import { bestOfNKL, type OveroptimizationParams, type OveroptimizationPoint } from './overoptimization.ts';
import { checkSd, type RegressionalParams, type SelectionMeans } from './regressional.ts';

/** Largest number of n whose moments are remembered; past it the memory starts afresh. */
const CACHE_LIMIT = 4096;
const meanCache = new Map<number, number>();
const momentCache = new Map<number, NormalMaxMoments>();

function remember<V>(cache: Map<number, V>, n: number, compute: (n: number) => V): V {
  const hit = cache.get(n);
  if (hit !== undefined) return hit;
  const value = compute(n);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(n, value);
  return value;
}

function checkCandidates(fn: string, candidates: readonly number[]): void {
  for (const n of candidates) {
    if (!Number.isFinite(n) || n < 1 || n > 1e30) {
      throw new RangeError(`${fn}: candidates must hold finite numbers from 1 to 1e30, got ${n}`);
    }
  }
}

/** The regressional means at one n. */
export type RegressionalCurvePoint = SelectionMeans & { candidates: number };

/**
 * Returns, for each n in `candidates` (real, 1 to 1e30), the closed-form expected true value and
 * proxy of the best of n by a proxy with Gaussian error, the same numbers as `bestOfNByProxy`:
 * σ_V²/√(σ_V² + σ_E²)·E[max of n normals] and √(σ_V² + σ_E²)·E[max].
 * @see Manheim & Garrabrant (2018).
 */
export function regressionalCurve(
  options: RegressionalParams & { candidates: readonly number[] },
): RegressionalCurvePoint[] {
  const fn = 'regressionalCurve';
  const { trueSd, errorSd } = options;
  checkSd(fn, 'trueSd', trueSd);
  checkSd(fn, 'errorSd', errorSd);
  if (trueSd === 0 && errorSd === 0) throw new RangeError(`${fn}: trueSd and errorSd must not both be 0`);
  checkCandidates(fn, options.candidates);
  const proxySd = Math.hypot(trueSd, errorSd);
  return options.candidates.map((candidates) => {
    const m = remember(meanCache, candidates, expectedMaxOfNormals);
    return { candidates, meanTrue: ((trueSd * trueSd) / proxySd) * m, meanProxy: proxySd * m };
  });
}

/**
 * Returns, for each n in `candidates` (real, 1 to 1e30), the exact expected proxy and gold reward
 * of the best of n and the KL of best-of-n sampling, the same numbers as
 * `overoptimizationClosedForm` (exploitWeight a default 1, exploitCost c default 0.25).
 * @see Gao, Schulman & Hilton (2023).
 */
export function overoptimizationCurve(
  options: OveroptimizationParams & { candidates: readonly number[] },
): OveroptimizationPoint[] {
  const fn = 'overoptimizationCurve';
  const a = options.exploitWeight ?? 1;
  const c = options.exploitCost ?? 0.25;
  if (!Number.isFinite(a) || a < 0) throw new RangeError(`${fn}: exploitWeight must be a finite number >= 0, got ${a}`);
  if (!Number.isFinite(c) || c < 0) throw new RangeError(`${fn}: exploitCost must be a finite number >= 0, got ${c}`);
  checkCandidates(fn, options.candidates);
  const s2 = 1 + a * a;
  const s = Math.sqrt(s2);
  return options.candidates.map((n) => {
    const { mean, secondMoment } = remember(momentCache, n, normalMaxMoments);
    // As in overoptimizationClosedForm: E[Q | P] = P/σ², E[W | P] = a·P/σ², Var(W | P) = 1/σ².
    const gold = mean / s - (c * (1 + a * a * secondMoment)) / s2;
    return { candidates: n, kl: bestOfNKL(n), proxy: s * mean, gold };
  });
}

/**
 * Returns the real n ≥ 1 whose best-of-n KL, log n − (n − 1)/n, equals `kl` (nats, ≥ 0), to about
 * 1e−12 relative: the inverse of `bestOfNKL`.
 * @see Gao, Schulman & Hilton (2023).
 */
export function bestOfNForKL(kl: number): number {
  if (!Number.isFinite(kl) || kl < 0 || kl > 690) {
    throw new RangeError(`bestOfNForKL: kl must be a finite number from 0 to 690, got ${kl}`);
  }
  if (kl === 0) return 1;
  // KL(n) = log n − 1 + 1/n rises with n and log n − 1 < KL(n) ≤ log n, so log n lies in [kl, kl + 1].
  let lo = kl;
  let hi = kl + 1;
  for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (bestOfNKL(Math.exp(mid)) < kl) lo = mid;
    else hi = mid;
  }
  return Math.exp(0.5 * (lo + hi));
}

/** Where the fitted best-of-n law d·(α − β·d) peaks: distance d = √KL, KL (nats), the gain there, and the n with that KL. */
export type ScalingPeak = { d: number; kl: number; gain: number; candidates: number };

/**
 * Returns the peak of Gao et al.'s best-of-n law gain = d·(α − β·d): d* = α/(2β), gain α²/(4β),
 * KL = d*², and the n whose best-of-n KL that is; null when α ≤ 0 or β ≤ 0 (no peak at d > 0).
 * @see Gao, Schulman & Hilton (2023).
 */
export function bestOfNScalingPeak(fit: { alpha: number; beta: number }): ScalingPeak | null {
  const { alpha, beta } = fit;
  if (!Number.isFinite(alpha) || !Number.isFinite(beta)) {
    throw new RangeError(`bestOfNScalingPeak: alpha and beta must be finite, got ${alpha} and ${beta}`);
  }
  if (!(alpha > 0) || !(beta > 0)) return null;
  const d = alpha / (2 * beta);
  const kl = d * d;
  // A peak beyond 690 nats is past any n a computer can sample; report n as Infinity there.
  return { d, kl, gain: (alpha * alpha) / (4 * beta), candidates: kl <= 690 ? bestOfNForKL(kl) : Infinity };
}
