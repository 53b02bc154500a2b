/**
 * Monte Carlo selection on a noisy proxy: draw n candidates with true value V and proxy
 * U = V + E, keep the one with the highest proxy, and record its V and U. With Gaussian error this
 * reproduces regressional Goodhart; with Student-t error the tail of the error outgrows the tail
 * of the value and selection ends up choosing noise (extremal, "catastrophic" Goodhart).
 */
import { createRng, normal, studentT, type Rng } from '../random.ts';
import { checkSd } from './regressional.ts';

/** The distribution of the proxy's error: Gaussian, or errorSd times a Student-t variable. */
export type ProxyErrorKind = 'normal' | 'student-t';

/** Options shared by every proxy-selection draw. */
export type ProxyPopulation = {
  /** Standard deviation of the true value V ~ N(0, trueSd²). */
  trueSd: number;
  /** Scale of the error: its standard deviation when normal, the multiplier of T ~ t(df) when student-t. */
  errorSd: number;
  error: ProxyErrorKind;
  /** Degrees of freedom of the Student-t error (> 0); default 3. */
  df?: number;
};

/** Options of proxySelection (the model contract). */
export type ProxySelectionOptions = ProxyPopulation & { candidates: number; trials: number; seed: number };

/** Means of the chosen candidate's true value and proxy, with their standard errors over trials. */
export type ProxySelectionStats = {
  meanTrue: number;
  meanProxy: number;
  seTrue: number;
  seProxy: number;
};

/** Checks a population's parameters and returns its degrees of freedom (3 unless given). */
export function checkPopulation(fn: string, p: ProxyPopulation): number {
  checkSd(fn, 'trueSd', p.trueSd);
  checkSd(fn, 'errorSd', p.errorSd);
  if (p.error !== 'normal' && p.error !== 'student-t') {
    throw new TypeError(`${fn}: error must be 'normal' or 'student-t', got ${String(p.error)}`);
  }
  const df = p.df ?? 3;
  if (!Number.isFinite(df) || df <= 0) throw new RangeError(`${fn}: df must be a finite number > 0, got ${df}`);
  return df;
}

function checkCount(fn: string, name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${fn}: ${name} must be an integer from 1 to ${max}, got ${value}`);
  }
}

/** Returns a function drawing one error E from the population. */
export function errorSampler(p: ProxyPopulation, df: number, rng: Rng): () => number {
  return p.error === 'normal' ? () => normal(rng, 0, p.errorSd) : () => p.errorSd * studentT(rng, df);
}

/**
 * Returns the means and standard errors over `trials` of the true value and proxy of the best of
 * `candidates` chosen by the proxy; deterministic for `seed`.
 */
export function proxySelectionDetailed(options: ProxySelectionOptions): ProxySelectionStats {
  const fn = 'proxySelection';
  const df = checkPopulation(fn, options);
  checkCount(fn, 'candidates', options.candidates, 1e8);
  checkCount(fn, 'trials', options.trials, 1e8);
  const rng = createRng(options.seed);
  const drawError = errorSampler(options, df, rng);
  const { candidates, trials, trueSd } = options;
  let sumV = 0;
  let sumV2 = 0;
  let sumU = 0;
  let sumU2 = 0;
  for (let t = 0; t < trials; t++) {
    let bestU = -Infinity;
    let bestV = 0;
    for (let i = 0; i < candidates; i++) {
      const v = normal(rng, 0, trueSd);
      const u = v + drawError();
      if (u > bestU) {
        bestU = u;
        bestV = v;
      }
    }
    sumV += bestV;
    sumV2 += bestV * bestV;
    sumU += bestU;
    sumU2 += bestU * bestU;
  }
  const meanTrue = sumV / trials;
  const meanProxy = sumU / trials;
  const se = (sum2: number, mean: number): number =>
    trials > 1 ? Math.sqrt(Math.max(0, (sum2 - trials * mean * mean) / (trials - 1)) / trials) : Number.NaN;
  return { meanTrue, meanProxy, seTrue: se(sumV2, meanTrue), seProxy: se(sumU2, meanProxy) };
}

/**
 * Returns the average true value (meanTrue) and proxy (meanProxy) of the best of `candidates`
 * chosen by U = V + E over `trials` seeded trials (V ~ N(0, trueSd²); E normal or errorSd·t(df),
 * df default 3).
 * @see Manheim & Garrabrant (2018); Kwa, Thomas & Garriga-Alonso (2024) for the heavy-tailed case.
 */
export function proxySelection(options: ProxySelectionOptions): { meanTrue: number; meanProxy: number } {
  const { meanTrue, meanProxy } = proxySelectionDetailed(options);
  return { meanTrue, meanProxy };
}

/** One seeded population of candidates for a scatter plot, and the index the proxy picks. */
export type CandidateDraw = { trueValues: number[]; proxyValues: number[]; chosen: number };

/**
 * Returns one seeded draw of `candidates` true values V and proxies U = V + E, and the index of the
 * highest proxy (the candidate selection would pick).
 */
export function drawCandidates(options: ProxyPopulation & { candidates: number; seed: number }): CandidateDraw {
  const fn = 'drawCandidates';
  const df = checkPopulation(fn, options);
  checkCount(fn, 'candidates', options.candidates, 1e7);
  const rng = createRng(options.seed);
  const drawError = errorSampler(options, df, rng);
  const trueValues: number[] = [];
  const proxyValues: number[] = [];
  let chosen = 0;
  for (let i = 0; i < options.candidates; i++) {
    const v = normal(rng, 0, options.trueSd);
    const u = v + drawError();
    trueValues.push(v);
    proxyValues.push(u);
    if (u > proxyValues[chosen]!) chosen = i;
  }
  return { trueValues, proxyValues, chosen };
}
