/**
 * The Yee diagram job of the spatial-election simulation, run inside its Web Worker
 * (spatial-election.worker.ts): the diagram is computed in row chunks, with progress and a chance
 * to cancel between chunks. No Preact here, so the worker bundle stays small.
 */
import type { SpatialPoint } from '../../src/models/voting/spatial.ts';
import {
  mergeYeeChunks,
  yeeDiagram,
  yeeRowChunks,
  type YeeDiagram,
  type YeeRule,
} from '../../src/models/voting/yee.ts';

/** What the page asks the worker to draw; `key` comes back with the result so stale results can be told apart. */
export type YeeJob = {
  readonly key: string;
  readonly candidates: readonly SpatialPoint[];
  readonly rule: YeeRule;
  readonly resolution: number;
  readonly voters: number;
  readonly spread: number;
  readonly seed: number;
  readonly approvalRadius: number;
};

/** A finished diagram: winners row by row (row 0 along y = 0), −1 where the rule ties. */
export type YeeJobResult = { readonly key: string; readonly resolution: number; readonly winners: number[] };

/** Chunks per diagram: the progress bar moves in steps of 1/YEE_CHUNKS, and a cancel waits at most one chunk. */
export const YEE_CHUNKS = 25;

/** Computes the job's diagram in row chunks, reporting progress after every row and awaiting `reportProgress` (which throws once cancelled) after each chunk. */
export async function runYeeJob(
  job: YeeJob,
  reportProgress: (fraction: number) => Promise<void>,
): Promise<YeeJobResult> {
  const chunks = yeeRowChunks(job.resolution, YEE_CHUNKS);
  const parts: YeeDiagram[] = [];
  let rowsDone = 0;
  await reportProgress(0);
  for (const rows of chunks) {
    const before = rowsDone;
    parts.push(
      yeeDiagram({
        candidates: job.candidates,
        rule: job.rule,
        resolution: job.resolution,
        voters: job.voters,
        spread: job.spread,
        seed: job.seed,
        approvalRadius: job.approvalRadius,
        ...rows,
        // Row-level progress is posted without waiting (the chunk's await below is where a cancel
        // lands), so its rejection after a cancel is expected and dropped.
        onProgress: (done) => {
          reportProgress((before + done) / job.resolution).catch(() => undefined);
        },
      }),
    );
    rowsDone = rows.rowEnd;
    await reportProgress(rowsDone / job.resolution);
  }
  return { key: job.key, resolution: job.resolution, winners: mergeYeeChunks(parts) };
}
