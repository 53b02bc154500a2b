/**
 * The Monte Carlo curve of the goodhart-selection simulation: a quick estimate computed in render
 * (so the server draws it) and the refined one computed in a Web Worker, chunk by chunk, with
 * progress and cancel. No Preact here: the worker imports this file.
 */
import {
  poolSelectionSweeps,
  selectionSweep,
  type SelectionSweepPoint,
} from '../../src/models/goodhart/block-maxima.ts';
import type { ProxyErrorKind } from '../../src/models/goodhart/proxy-selection.ts';

/** The n of the curve: 10^(k/4) rounded, k = 0…16, the slider's positions (1, 2, 3, 6, 10, 18, …, 10,000). */
export const SELECTION_GRID: readonly number[] = Array.from({ length: 17 }, (_, k) => Math.round(10 ** (k / 4)));

/** Pools in the quick estimate, drawn in render; also the size of each chunk the worker adds. */
export const QUICK_SWEEPS = 8;
/** Chunks the worker runs; QUICK_SWEEPS × REFINE_CHUNKS pools in all, chunk 0 being the quick estimate. */
export const REFINE_CHUNKS = 80;

/** What the curve depends on. */
export type SelectionCurveInput = {
  readonly error: ProxyErrorKind;
  readonly df: number;
  readonly errorSd: number;
  readonly seed: number;
};

/** A refined curve and what it was computed for. */
export type SelectionCurveResult = {
  readonly key: string;
  readonly sweeps: number;
  readonly points: readonly SelectionSweepPoint[];
};

/** Returns the text that identifies a curve's input (df only counts for t error). */
export function selectionCurveKey(input: SelectionCurveInput): string {
  return `${input.error}|${input.error === 'student-t' ? input.df : '-'}|${input.errorSd}|${input.seed}`;
}

/** Returns the seed of chunk k: the simulation's seed for chunk 0, then a spread of unrelated seeds. */
export function chunkSeed(seed: number, k: number): number {
  return k === 0 ? seed : (seed + Math.imul(k, 0x9e3779b9)) >>> 0;
}

function chunk(input: SelectionCurveInput, k: number): SelectionSweepPoint[] {
  return selectionSweep({
    trueSd: 1,
    errorSd: input.errorSd,
    error: input.error,
    df: input.df,
    candidates: SELECTION_GRID,
    sweeps: QUICK_SWEEPS,
    seed: chunkSeed(input.seed, k),
  });
}

/** Returns the quick estimate: QUICK_SWEEPS pools of 10,000 candidates (about 20 ms). */
export function quickSelectionCurve(input: SelectionCurveInput): SelectionSweepPoint[] {
  return chunk(input, 0);
}

/**
 * Returns the refined curve: `chunks` chunks of QUICK_SWEEPS pools (chunk 0 is the quick estimate),
 * pooled, reporting progress after each chunk so that a cancel can stop it in between.
 */
export async function refineSelectionCurve(
  input: SelectionCurveInput & { readonly chunks?: number },
  reportProgress: (fraction: number) => Promise<void>,
): Promise<SelectionCurveResult> {
  const chunks = input.chunks ?? REFINE_CHUNKS;
  const runs: SelectionSweepPoint[][] = [];
  for (let k = 0; k < chunks; k++) {
    runs.push(chunk(input, k));
    await reportProgress((k + 1) / chunks);
  }
  return { key: selectionCurveKey(input), sweeps: chunks * QUICK_SWEEPS, points: poolSelectionSweeps(runs) };
}
