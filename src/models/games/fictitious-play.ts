/** Fictitious play: each player best-responds to the other's empirical mix of past actions. */
import { createRng, type Rng } from '../random.ts';
import { checkBimatrix, payoffScale } from './validate.ts';

/** Options of fictitiousPlay: rounds after the opening one, seed for opening moves and tie-breaking (default 0), and an optional fixed opening profile [row, col]. */
export type FictitiousPlayOptions = { iterations: number; seed?: number; start?: readonly [number, number] };

/** Final empirical mixes, the empirical mixes after every round (iterations + 1 rows) and the actions played. */
export type FictitiousPlayResult = {
  row: number[];
  col: number[];
  rowHistory: number[][];
  colHistory: number[][];
  actions: [number, number][];
};

/**
 * Runs simultaneous fictitious play for `iterations` rounds after an opening round (given by
 * `start`, else drawn uniformly): each round both players play a pure best response to the
 * opponent's empirical frequencies so far, breaking exact ties uniformly at random with the
 * seeded generator; returns the empirical mixes, which converge to equilibrium in two-player
 * zero-sum games but can cycle in others.
 */
export function fictitiousPlay(
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
  options: FictitiousPlayOptions,
): FictitiousPlayResult {
  const [m, n] = checkBimatrix('fictitiousPlay', A, B);
  const { iterations } = options;
  if (!Number.isInteger(iterations) || iterations < 0) throw new RangeError(`fictitiousPlay: iterations must be an integer ≥ 0, got ${iterations}`);
  const seed = options.seed ?? 0;
  if (!Number.isFinite(seed)) throw new RangeError(`fictitiousPlay: seed must be a finite number, got ${seed}`);
  const rng = createRng(seed);
  let r: number;
  let c: number;
  if (options.start !== undefined) {
    [r, c] = options.start;
    if (!Number.isInteger(r) || r < 0 || r >= m) throw new RangeError(`fictitiousPlay: start[0] must be a row index in 0..${m - 1}, got ${r}`);
    if (!Number.isInteger(c) || c < 0 || c >= n) throw new RangeError(`fictitiousPlay: start[1] must be a column index in 0..${n - 1}, got ${c}`);
  } else {
    r = Math.floor(rng() * m);
    c = Math.floor(rng() * n);
  }
  // Counts, not frequencies, so integer payoffs give exact ties.
  const rowCounts = new Array<number>(m).fill(0);
  const colCounts = new Array<number>(n).fill(0);
  rowCounts[r]! += 1;
  colCounts[c]! += 1;
  const rowHistory: number[][] = [rowCounts.map((v) => v)];
  const colHistory: number[][] = [colCounts.map((v) => v)];
  const actions: [number, number][] = [[r, c]];
  const tol = 1e-12 * payoffScale(A, B);
  for (let t = 1; t <= iterations; t++) {
    const rowValues = A.map((row) => row.reduce((s, v, j) => s + v * colCounts[j]!, 0));
    const colValues = new Array<number>(n).fill(0);
    for (let i = 0; i < m; i++) {
      const ri = rowCounts[i]!;
      if (ri !== 0) B[i]!.forEach((v, j) => (colValues[j] = colValues[j]! + v * ri));
    }
    r = argmaxRandomTie(rowValues, tol * t, rng);
    c = argmaxRandomTie(colValues, tol * t, rng);
    rowCounts[r]! += 1;
    colCounts[c]! += 1;
    rowHistory.push(rowCounts.map((v) => v / (t + 1)));
    colHistory.push(colCounts.map((v) => v / (t + 1)));
    actions.push([r, c]);
  }
  return {
    row: rowHistory[rowHistory.length - 1]!,
    col: colHistory[colHistory.length - 1]!,
    rowHistory,
    colHistory,
    actions,
  };
}

function argmaxRandomTie(values: readonly number[], tol: number, rng: Rng): number {
  const max = Math.max(...values);
  const ties: number[] = [];
  values.forEach((v, i) => {
    if (v >= max - tol) ties.push(i);
  });
  return ties.length === 1 ? ties[0]! : ties[Math.floor(rng() * ties.length)]!;
}
