/**
 * Best-of-n curves by disjoint blocks. One seeded pool of N candidates, cut into ⌊N/n⌋ disjoint
 * blocks of n, holds ⌊N/n⌋ independent draws of "the best of n" for every n ≤ N at once. A whole
 * curve over n then costs N candidates per sweep instead of Σn per trial, small n collect thousands
 * of samples, and every n shares the same candidates (common random numbers), so the curve's shape
 * is estimated more precisely than its level.
 */
import { createRng, normal } from '../random.ts';
import { checkPopulation, errorSampler, type ProxyPopulation } from './proxy-selection.ts';
import { bestOfNKL, type OveroptimizationParams } from './overoptimization.ts';

/** A Monte Carlo mean: the number of samples, their mean, and its standard error (NaN below 2 samples). */
export type MeanEstimate = { samples: number; mean: number; se: number };

/** The chosen candidate's mean true value and proxy at one n, over `samples` independent selections. */
export type SelectionSweepPoint = {
  candidates: number;
  samples: number;
  meanTrue: number;
  seTrue: number;
  meanProxy: number;
  seProxy: number;
};

/** The best of n's mean proxy and gold reward at one n, with the KL of best-of-n sampling. */
export type OveroptimizationSweepPoint = {
  candidates: number;
  kl: number;
  samples: number;
  proxy: number;
  seProxy: number;
  gold: number;
  seGold: number;
};

/** Largest pool (the largest n) a sweep accepts. */
const MAX_POOL = 1e6;
/** Most sweeps one call accepts; callers wanting more pool several calls. */
const MAX_SWEEPS = 1e5;

function checkGrid(fn: string, candidates: readonly number[], sweeps: number): number {
  if (candidates.length === 0) throw new RangeError(`${fn}: candidates must hold at least one n`);
  let pool = 0;
  for (const n of candidates) {
    if (!Number.isInteger(n) || n < 1 || n > MAX_POOL) {
      throw new RangeError(`${fn}: candidates must hold integers from 1 to ${MAX_POOL}, got ${n}`);
    }
    pool = Math.max(pool, n);
  }
  if (!Number.isInteger(sweeps) || sweeps < 1 || sweeps > MAX_SWEEPS) {
    throw new RangeError(`${fn}: sweeps must be an integer from 1 to ${MAX_SWEEPS}, got ${sweeps}`);
  }
  return pool;
}

/** Running sums for one n: count, and the sum and sum of squares of two outcomes of the block winners. */
type Tally = { count: number; sumA: number; sumA2: number; sumB: number; sumB2: number };

/**
 * Adds to `tally` the winner of each disjoint block of `n` in the pool: the index of the highest
 * score, whose outcomes a and b are recorded. A hot loop over typed arrays, so it mutates the tally.
 */
function tallyBlocks(score: Float64Array, a: Float64Array, b: Float64Array, n: number, tally: Tally): void {
  const blocks = Math.floor(score.length / n);
  for (let k = 0; k < blocks; k++) {
    const start = k * n;
    let best = start;
    for (let i = start + 1; i < start + n; i++) if (score[i]! > score[best]!) best = i;
    const x = a[best]!;
    const y = b[best]!;
    tally.count++;
    tally.sumA += x;
    tally.sumA2 += x * x;
    tally.sumB += y;
    tally.sumB2 += y * y;
  }
}

function estimate(count: number, sum: number, sum2: number): MeanEstimate {
  const mean = sum / count;
  const se = count > 1 ? Math.sqrt(Math.max(0, (sum2 - count * mean * mean) / (count - 1)) / count) : Number.NaN;
  return { samples: count, mean, se };
}

/**
 * Runs `sweeps` pools of max(candidates) candidates drawn by `fill`, and tallies the block winners
 * of every n; returns one tally per n, in the order given.
 */
function sweep(
  candidates: readonly number[],
  pool: number,
  sweeps: number,
  fill: (score: Float64Array, a: Float64Array, b: Float64Array) => void,
): Tally[] {
  const score = new Float64Array(pool);
  const a = new Float64Array(pool);
  const b = new Float64Array(pool);
  const tallies = candidates.map(() => ({ count: 0, sumA: 0, sumA2: 0, sumB: 0, sumB2: 0 }));
  for (let s = 0; s < sweeps; s++) {
    fill(score, a, b);
    candidates.forEach((n, j) => tallyBlocks(score, a, b, n, tallies[j]!));
  }
  return tallies;
}

/**
 * Returns, for each n in `candidates`, the mean true value and proxy of the best of n chosen by
 * U = V + E (V ~ N(0, trueSd²), E normal or errorSd·t(df)), from `sweeps` seeded pools of
 * max(candidates) candidates cut into disjoint blocks of n; each sweep adds ⌊max/n⌋ samples at n.
 * The first pool is exactly `drawCandidates` with the same seed and size.
 * @see Manheim & Garrabrant (2018); Kwa, Thomas & Garriga-Alonso (2024).
 */
export function selectionSweep(
  options: ProxyPopulation & { candidates: readonly number[]; sweeps: number; seed: number },
): SelectionSweepPoint[] {
  const fn = 'selectionSweep';
  const df = checkPopulation(fn, options);
  const pool = checkGrid(fn, options.candidates, options.sweeps);
  const rng = createRng(options.seed);
  const drawError = errorSampler(options, df, rng);
  const { trueSd } = options;
  // Draw V before E for each candidate, as drawCandidates does, so the first pool matches it.
  const tallies = sweep(options.candidates, pool, options.sweeps, (score, value, proxy) => {
    for (let i = 0; i < pool; i++) {
      const v = normal(rng, 0, trueSd);
      const u = v + drawError();
      score[i] = u;
      value[i] = v;
      proxy[i] = u;
    }
  });
  return options.candidates.map((candidates, j) => {
    const t = tallies[j]!;
    const v = estimate(t.count, t.sumA, t.sumA2);
    const u = estimate(t.count, t.sumB, t.sumB2);
    return { candidates, samples: t.count, meanTrue: v.mean, seTrue: v.se, meanProxy: u.mean, seProxy: u.se };
  });
}

function readRewardParams(fn: string, p: OveroptimizationParams): { a: number; c: number } {
  // The same defaults as overoptimizationClosedForm and simulateBestOfN.
  const a = p.exploitWeight ?? 1;
  const c = p.exploitCost ?? 0.25;
  if (!Number.isFinite(a) || a < 0) throw new RangeError(`${fn}: exploitWeight must be a finite number >= 0, got ${a}`);
  if (!Number.isFinite(c) || c < 0) throw new RangeError(`${fn}: exploitCost must be a finite number >= 0, got ${c}`);
  return { a, c };
}

/**
 * Returns, for each n in `candidates`, the mean proxy reward P = Q + a·W and gold reward
 * G = Q − c·W² of the best of n by P (Q, W ~ N(0, 1); a default 1, c default 0.25), from `sweeps`
 * seeded pools of max(candidates) samples cut into disjoint blocks of n, with the best-of-n KL.
 * @see Gao, Schulman & Hilton (2023).
 */
export function overoptimizationSweep(
  options: OveroptimizationParams & { candidates: readonly number[]; sweeps: number; seed: number },
): OveroptimizationSweepPoint[] {
  const fn = 'overoptimizationSweep';
  const { a, c } = readRewardParams(fn, options);
  const pool = checkGrid(fn, options.candidates, options.sweeps);
  const rng = createRng(options.seed);
  // Draw Q before W for each sample, as simulateBestOfN does.
  const tallies = sweep(options.candidates, pool, options.sweeps, (score, proxy, gold) => {
    for (let i = 0; i < pool; i++) {
      const q = normal(rng);
      const w = normal(rng);
      const p = q + a * w;
      score[i] = p;
      proxy[i] = p;
      gold[i] = q - c * w * w;
    }
  });
  return options.candidates.map((candidates, j) => {
    const t = tallies[j]!;
    const p = estimate(t.count, t.sumA, t.sumA2);
    const g = estimate(t.count, t.sumB, t.sumB2);
    return {
      candidates,
      kl: bestOfNKL(candidates),
      samples: t.count,
      proxy: p.mean,
      seProxy: p.se,
      gold: g.mean,
      seGold: g.se,
    };
  });
}

/**
 * Returns the estimate over all samples of several independent estimates of one mean: the
 * sample-weighted mean, and the standard error from the pooled sums (exact up to rounding; parts
 * of one sample, whose spread is unknown, add their value but no spread of their own).
 */
export function poolMeans(parts: readonly MeanEstimate[]): MeanEstimate {
  let count = 0;
  let sum = 0;
  let sum2 = 0;
  for (const { samples, mean, se } of parts) {
    if (!Number.isInteger(samples) || samples < 1 || !Number.isFinite(mean)) {
      throw new RangeError(`poolMeans: each part needs a whole number of samples >= 1 and a finite mean`);
    }
    const within = samples > 1 && Number.isFinite(se) ? (samples - 1) * se * se * samples : 0;
    count += samples;
    sum += samples * mean;
    sum2 += within + samples * mean * mean;
  }
  if (count === 0) throw new RangeError('poolMeans: parts must hold at least one estimate');
  return estimate(count, sum, sum2);
}

function checkRuns<P extends { candidates: number }>(fn: string, runs: readonly (readonly P[])[]): readonly P[] {
  const first = runs[0];
  if (!first) throw new RangeError(`${fn}: runs must hold at least one run`);
  for (const run of runs) {
    if (run.length !== first.length || run.some((p, j) => p.candidates !== first[j]!.candidates)) {
      throw new RangeError(`${fn}: every run must cover the same candidates in the same order`);
    }
  }
  return first;
}

/** Returns independent selection sweeps over the same n combined into one, as if all their samples had been drawn in one call. */
export function poolSelectionSweeps(runs: readonly (readonly SelectionSweepPoint[])[]): SelectionSweepPoint[] {
  const first = checkRuns('poolSelectionSweeps', runs);
  return first.map((point, j) => {
    const at = runs.map((run) => run[j]!);
    const v = poolMeans(at.map((p) => ({ samples: p.samples, mean: p.meanTrue, se: p.seTrue })));
    const u = poolMeans(at.map((p) => ({ samples: p.samples, mean: p.meanProxy, se: p.seProxy })));
    return {
      candidates: point.candidates,
      samples: v.samples,
      meanTrue: v.mean,
      seTrue: v.se,
      meanProxy: u.mean,
      seProxy: u.se,
    };
  });
}

/** Returns independent overoptimisation sweeps over the same n combined into one, as if all their samples had been drawn in one call. */
export function poolOveroptimizationSweeps(
  runs: readonly (readonly OveroptimizationSweepPoint[])[],
): OveroptimizationSweepPoint[] {
  const first = checkRuns('poolOveroptimizationSweeps', runs);
  return first.map((point, j) => {
    const at = runs.map((run) => run[j]!);
    const p = poolMeans(at.map((q) => ({ samples: q.samples, mean: q.proxy, se: q.seProxy })));
    const g = poolMeans(at.map((q) => ({ samples: q.samples, mean: q.gold, se: q.seGold })));
    return {
      candidates: point.candidates,
      kl: point.kl,
      samples: p.samples,
      proxy: p.mean,
      seProxy: p.se,
      gold: g.mean,
      seGold: g.se,
    };
  });
}
