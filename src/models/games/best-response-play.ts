/** Alternating best-response play, round by round, with the empirical mixes it leaves behind. */
import { checkBimatrix } from './validate.ts';

/** Options of bestResponsePlay: rounds after the opening one (an integer ≥ 0) and the opening profile [row, col] (default [0, 0]). */
export type BestResponsePlayOptions = { rounds: number; start?: readonly [number, number] };

/**
 * The profile of every round (rounds + 1 rows, the opening first), the empirical frequencies of
 * each player's actions after every round, and the final frequencies: the shape of fictitiousPlay's result.
 */
export type BestResponsePlayResult = {
  row: number[];
  col: number[];
  rowHistory: number[][];
  colHistory: number[][];
  actions: [number, number][];
};

/**
 * Plays alternating best-response dynamics for `rounds` rounds after the opening profile: in each
 * round the row player switches to a best response to the column player's current action, then
 * the column player to the row player's new one, each keeping its action when that is already a
 * best response and otherwise taking the lowest-index best response (the rule of
 * bestResponseDynamics); unlike bestResponseDynamics it keeps going through cycles, so the
 * empirical frequencies of a cycle's actions can be watched settling.
 */
export function bestResponsePlay(
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
  options: BestResponsePlayOptions,
): BestResponsePlayResult {
  const [m, n] = checkBimatrix('bestResponsePlay', A, B);
  const { rounds } = options;
  if (!Number.isInteger(rounds) || rounds < 0)
    throw new RangeError(`bestResponsePlay: rounds must be an integer ≥ 0, got ${rounds}`);
  let [r, c] = options.start ?? [0, 0];
  if (!Number.isInteger(r) || r < 0 || r >= m)
    throw new RangeError(`bestResponsePlay: start[0] must be a row index in 0..${m - 1}, got ${r}`);
  if (!Number.isInteger(c) || c < 0 || c >= n)
    throw new RangeError(`bestResponsePlay: start[1] must be a column index in 0..${n - 1}, got ${c}`);

  const rowCounts = new Array<number>(m).fill(0);
  const colCounts = new Array<number>(n).fill(0);
  rowCounts[r]! += 1;
  colCounts[c]! += 1;
  const rowHistory: number[][] = [rowCounts.slice()];
  const colHistory: number[][] = [colCounts.slice()];
  const actions: [number, number][] = [[r, c]];
  for (let t = 1; t <= rounds; t++) {
    // The row player moves first, so the column player answers the row player's new action.
    r = bestReply(m, (i) => A[i]![c]!, r);
    c = bestReply(n, (j) => B[r]![j]!, c);
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

/** The current action when it is a best reply (exact comparison), else the lowest-index best reply. */
function bestReply(count: number, payoff: (k: number) => number, current: number): number {
  let best = -Infinity;
  for (let k = 0; k < count; k++) best = Math.max(best, payoff(k));
  if (payoff(current) >= best) return current;
  for (let k = 0; k < count; k++) if (payoff(k) >= best) return k;
  return current;
}
