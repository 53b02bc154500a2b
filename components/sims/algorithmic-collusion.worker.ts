/**
 * The algorithmic-collusion worker: runs Calvano et al.'s Q-learning duopoly in chunks of
 * COLLUSION_CHUNK periods, keeping each chunk's average prices for the chart and reporting
 * progress between chunks (where a cancel can land).
 *
 * `runCollusion` is exported and pure apart from the progress callback, so tests and the check of
 * the precomputed baseline run it directly; the file answers messages only when it is loaded as a
 * worker.
 */
import { createQPricing, type QPricingOutcome } from '../../src/models/learning/q-pricing.ts';
import { serveWorker } from '../kit/serve-worker.ts';
import { COLLUSION_CHUNK } from './algorithmic-collusion.params.ts';

/** What one run learns with: the seed and Calvano et al.'s three learning parameters. */
export type CollusionInput = {
  readonly seed: number;
  readonly alpha: number;
  readonly beta: number;
  readonly delta: number;
};

/** A finished run: each chunk's end period and the two firms' average prices over it, and the learned outcome. */
export type CollusionRun = {
  readonly input: CollusionInput;
  /** The period at the end of each chunk. */
  readonly periods: readonly number[];
  /** prices[f][k]: firm f's average price over chunk k (exploration included). */
  readonly prices: readonly [readonly number[], readonly number[]];
  readonly outcome: QPricingOutcome;
};

// Progress is posted at most this often: each post yields to the event loop, which costs more than
// a chunk of learning.
const PROGRESS_INTERVAL_MS = 50;

/**
 * Returns the share of a run done after `period` periods, 0 to 0.99: runs end once exploration has
 * died out, which at ε_t = e^(−βt) takes roughly 10/β periods (2.5 million at the baseline, where
 * runs end after 1.4 to 2.5 million), so that is the yardstick.
 */
export function collusionProgress(period: number, beta: number): number {
  const expected = Math.min(10_000_000, 10 / beta);
  return Math.min(0.99, Math.max(0, period / expected));
}

/**
 * Runs the Q-pricing experiment for `input` to convergence (or 10 million periods), in chunks of
 * COLLUSION_CHUNK periods, calling `reportProgress` (awaited, so it may yield or throw to cancel)
 * at most every 50 ms; returns the chunk averages and the learned outcome.
 */
export async function runCollusion(
  input: CollusionInput,
  reportProgress?: (fraction: number) => Promise<void> | void,
): Promise<CollusionRun> {
  const sim = createQPricing({ seed: input.seed, alpha: input.alpha, beta: input.beta, delta: input.delta });
  const periods: number[] = [];
  const prices: [number[], number[]] = [[], []];
  let last = Date.now();
  while (!sim.done) {
    const p = sim.step(COLLUSION_CHUNK);
    periods.push(p.period);
    prices[0].push(p.recentPrices[0]);
    prices[1].push(p.recentPrices[1]);
    if (reportProgress && Date.now() - last >= PROGRESS_INTERVAL_MS) {
      await reportProgress(collusionProgress(p.period, input.beta));
      last = Date.now();
    }
  }
  return { input, periods, prices, outcome: sim.result() };
}

// Only a worker has WorkerGlobalScope; imported by a page or a test, this file just exports.
if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  serveWorker<CollusionInput, CollusionRun>((input, reportProgress) => runCollusion(input, reportProgress));
}
