/**
 * One batch of the condorcet-paradox simulation: `trials` impartial-culture profiles at every
 * (candidates, voters) point of the chart. The page computes its first batch in render and the
 * rest in a Web Worker (condorcet-paradox.worker.ts), which is why this file has no Preact.
 */
import { condorcetParadoxRate } from '../../src/models/voting/impartial-culture.ts';
import { nextSeed } from '../kit/params.ts';
import { CONDORCET_CANDIDATES, CONDORCET_VOTERS } from './condorcet-paradox.params.ts';

/** A batch to compute: its index (which seeds it) and size; `key` names the settings it belongs to. */
export type ParadoxJob = {
  readonly key: string;
  readonly batch: number;
  readonly trials: number;
  readonly seed: number;
};

/** Profiles without a Condorcet winner at each point, in `paradoxPoints()` order. */
export type ParadoxJobResult = {
  readonly key: string;
  readonly batch: number;
  readonly trials: number;
  readonly cycles: number[];
};

/** Returns the chart's points: every candidate count with every electorate size, candidates first. */
export function paradoxPoints(): { m: number; n: number }[] {
  return CONDORCET_CANDIDATES.flatMap((m) => CONDORCET_VOTERS.map((n) => ({ m, n })));
}

/** Returns an independent seed for one batch at one point, derived from the chosen seed. */
export function paradoxBatchSeed(seed: number, batch: number, m: number, n: number): number {
  let h = seed >>> 0;
  for (const v of [batch, m, n]) h = nextSeed((h ^ Math.imul(v + 1, 0x9e3779b1)) >>> 0);
  return h;
}

function cyclesAt(job: ParadoxJob, m: number, n: number): number {
  const rate = condorcetParadoxRate({
    candidates: m,
    voters: n,
    trials: job.trials,
    seed: paradoxBatchSeed(job.seed, job.batch, m, n),
  });
  return Math.round(rate * job.trials);
}

/** Computes one batch at once (for the render). */
export function paradoxBatch(job: ParadoxJob): ParadoxJobResult {
  return {
    key: job.key,
    batch: job.batch,
    trials: job.trials,
    cycles: paradoxPoints().map(({ m, n }) => cyclesAt(job, m, n)),
  };
}

/** Computes one batch point by point, awaiting `reportProgress` (which throws once cancelled) after each point. */
export async function runParadoxJob(
  job: ParadoxJob,
  reportProgress: (fraction: number) => Promise<void>,
): Promise<ParadoxJobResult> {
  const points = paradoxPoints();
  const cycles: number[] = [];
  for (const { m, n } of points) {
    cycles.push(cyclesAt(job, m, n));
    await reportProgress(cycles.length / points.length);
  }
  return { key: job.key, batch: job.batch, trials: job.trials, cycles };
}
