/**
 * The Monte Carlo curve of the overoptimization simulation: a quick estimate computed in render
 * (so the server draws it) and the refined one computed in a Web Worker, chunk by chunk, with
 * progress and cancel. No Preact here: the worker imports this file.
 */
import {
  overoptimizationSweep,
  poolOveroptimizationSweeps,
  type OveroptimizationSweepPoint,
} from '../../src/models/goodhart/block-maxima.ts';

/** The n the run steps through: 1, then 2^((k + 1)/2) rounded (2, 3, 4, 6, 8, 11, …, 16,384), 28 in all. */
export const OVEROPT_GRID: readonly number[] = [
  1,
  ...Array.from({ length: 27 }, (_, k) => Math.round(2 ** ((k + 2) / 2))),
];

/** Pools in the quick estimate, drawn in render; also the size of each chunk the worker adds. */
export const QUICK_SWEEPS = 8;
/** Chunks the worker runs; QUICK_SWEEPS × REFINE_CHUNKS pools in all, chunk 0 being the quick estimate. */
export const REFINE_CHUNKS = 80;

/** What the Monte Carlo curve depends on. */
export type OverCurveInput = { readonly exploitWeight: number; readonly exploitCost: number; readonly seed: number };

/** A refined curve and what it was computed for. */
export type OverCurveResult = {
  readonly key: string;
  readonly sweeps: number;
  readonly points: readonly OveroptimizationSweepPoint[];
};

/** Returns the text that identifies a curve's input. */
export function overCurveKey(input: OverCurveInput): string {
  return `${input.exploitWeight}|${input.exploitCost}|${input.seed}`;
}

/** Returns the seed of chunk k: the simulation's seed for chunk 0, then a spread of unrelated seeds. */
export function chunkSeed(seed: number, k: number): number {
  return k === 0 ? seed : (seed + Math.imul(k, 0x9e3779b9)) >>> 0;
}

function chunk(input: OverCurveInput, k: number): OveroptimizationSweepPoint[] {
  return overoptimizationSweep({
    exploitWeight: input.exploitWeight,
    exploitCost: input.exploitCost,
    candidates: OVEROPT_GRID,
    sweeps: QUICK_SWEEPS,
    seed: chunkSeed(input.seed, k),
  });
}

/** Returns the quick estimate: QUICK_SWEEPS pools of 16,384 samples (about 20 ms). */
export function quickOverCurve(input: OverCurveInput): OveroptimizationSweepPoint[] {
  return chunk(input, 0);
}

/**
 * Returns the refined curve: `chunks` chunks of QUICK_SWEEPS pools (chunk 0 is the quick estimate),
 * pooled, reporting progress after each chunk so that a cancel can stop it in between.
 */
export async function refineOverCurve(
  input: OverCurveInput & { readonly chunks?: number },
  reportProgress: (fraction: number) => Promise<void>,
): Promise<OverCurveResult> {
  const chunks = input.chunks ?? REFINE_CHUNKS;
  const runs: OveroptimizationSweepPoint[][] = [];
  for (let k = 0; k < chunks; k++) {
    runs.push(chunk(input, k));
    await reportProgress((k + 1) / chunks);
  }
  return { key: overCurveKey(input), sweeps: chunks * QUICK_SWEEPS, points: poolOveroptimizationSweeps(runs) };
}
