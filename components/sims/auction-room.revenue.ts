/**
 * The Monte Carlo points of the auction room's revenue view: `simulateAuction` for each format,
 * against the number of bidders and against the reserve. A quick version runs in render (the
 * static figure); a long one runs in a Web Worker (auction-room.worker.ts) with progress and
 * cancel. No Preact here, so the worker can import it.
 */
import { AUCTION_FORMATS, type AuctionFormat } from '../../src/models/auctions/equilibrium-bids.ts';
import { simulateAuction } from '../../src/models/auctions/simulate-auction.ts';

/** Numbers of bidders on the revenue-against-bidders chart: 1 to 10. */
export const REVENUE_BIDDERS: readonly number[] = Array.from({ length: 10 }, (_, i) => i + 1);

/** Reserves on the revenue-against-reserve chart: 0, 0.1, …, 1. */
export const REVENUE_RESERVES: readonly number[] = Array.from({ length: 11 }, (_, i) => i / 10);

/** Auctions per point in the render (about 30 ms for every point: cheap enough for a slider). */
export const QUICK_TRIALS = 2000;

/** Auctions per point in the worker run (about a second for every point). */
export const FULL_TRIALS = 100_000;

/** One Monte Carlo estimate: the format, the x (bidders or reserve) and the mean revenue. */
export type RevenuePoint = { readonly format: AuctionFormat; readonly x: number; readonly revenue: number };

/** What the worker is asked: the reserve of the bidders chart, the bidders of the reserve chart, the seed and the trials per point. */
export type RevenueInput = {
  readonly reserve: number;
  readonly bidders: number;
  readonly seed: number;
  readonly trials: number;
};

/** The estimates for both charts, with the input they answer. */
export type RevenueEstimates = RevenueInput & {
  readonly byBidders: readonly RevenuePoint[];
  readonly byReserve: readonly RevenuePoint[];
};

// Every format at the same x uses the same seed, hence the same value draws (common random
// numbers): the formats' points then differ only through their rules, not through luck.
function pointSeed(seed: number, chart: number, index: number): number {
  return (seed + 7919 * (2 * index + chart + 1)) >>> 0;
}

type Task = { chart: 'bidders' | 'reserve'; format: AuctionFormat; bidders: number; reserve: number; seed: number };

function tasksFor(input: RevenueInput, charts: readonly ('bidders' | 'reserve')[]): Task[] {
  const tasks: Task[] = [];
  if (charts.includes('bidders')) {
    REVENUE_BIDDERS.forEach((n, i) => {
      for (const format of AUCTION_FORMATS)
        tasks.push({ chart: 'bidders', format, bidders: n, reserve: input.reserve, seed: pointSeed(input.seed, 0, i) });
    });
  }
  if (charts.includes('reserve')) {
    REVENUE_RESERVES.forEach((r, i) => {
      for (const format of AUCTION_FORMATS)
        tasks.push({ chart: 'reserve', format, bidders: input.bidders, reserve: r, seed: pointSeed(input.seed, 1, i) });
    });
  }
  return tasks;
}

function run(task: Task, trials: number): RevenuePoint {
  const { revenue } = simulateAuction({
    format: task.format,
    bidders: task.bidders,
    reserve: task.reserve,
    trials,
    seed: task.seed,
  });
  return { format: task.format, x: task.chart === 'bidders' ? task.bidders : task.reserve, revenue };
}

/** Returns the estimates of the revenue-against-bidders chart (3 formats × 10 sizes) at `reserve`, synchronously. */
export function revenueByBidders(reserve: number, seed: number, trials: number): RevenuePoint[] {
  return tasksFor({ reserve, bidders: 2, seed, trials }, ['bidders']).map((t) => run(t, trials));
}

/** Returns the estimates of the revenue-against-reserve chart (3 formats × 11 reserves) with `bidders` bidders, synchronously. */
export function revenueByReserve(bidders: number, seed: number, trials: number): RevenuePoint[] {
  return tasksFor({ reserve: 0, bidders, seed, trials }, ['reserve']).map((t) => run(t, trials));
}

/**
 * Returns the estimates of both charts for `input`, point by point, reporting progress between
 * points (the worker's handler; `reportProgress` ends the run by throwing once it is cancelled).
 * Same seed, same points as the synchronous functions with the same trials.
 */
export async function estimateRevenue(
  input: RevenueInput,
  reportProgress: (fraction: number) => Promise<void> = async () => undefined,
): Promise<RevenueEstimates> {
  const tasks = tasksFor(input, ['bidders', 'reserve']);
  const byBidders: RevenuePoint[] = [];
  const byReserve: RevenuePoint[] = [];
  for (let k = 0; k < tasks.length; k++) {
    const task = tasks[k]!;
    (task.chart === 'bidders' ? byBidders : byReserve).push(run(task, input.trials));
    await reportProgress((k + 1) / tasks.length);
  }
  return { ...input, byBidders, byReserve };
}
