/**
 * The auction room's long Monte Carlo run (FULL_TRIALS auctions per point, about a second), off
 * the main thread: started with useWorkerRun, answered with serveWorker.
 */
import { serveWorker } from '../kit/serve-worker.ts';
import { estimateRevenue, type RevenueEstimates, type RevenueInput } from './auction-room.revenue.ts';

serveWorker<RevenueInput, RevenueEstimates>((input, reportProgress) => estimateRevenue(input, reportProgress));
