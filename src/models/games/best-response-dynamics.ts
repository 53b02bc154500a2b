/** Alternating best-response dynamics over pure strategies of a bimatrix game. */
import { checkBimatrix } from './validate.ts';

/** Options of bestResponseDynamics: the starting profile [row, col] (default [0, 0]) and a cap on moves (default 1000). */
export type BestResponseOptions = { start?: readonly [number, number]; maxSteps?: number };

/** The visited pure profiles, whether play stopped at a pure Nash equilibrium, and whether it entered a cycle. */
export type BestResponseResult = {
  path: [number, number][];
  converged: boolean;
  cycle: boolean;
};

/**
 * Runs alternating best-response dynamics (the row player moves first): each mover switches to
 * a best response to the other's current action, keeping its own action when that is already a
 * best response and otherwise taking the lowest-index best response; returns every profile
 * visited, stopping at a pure Nash equilibrium, at a repeated state (a cycle) or after maxSteps.
 */
export function bestResponseDynamics(
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
  options: BestResponseOptions = {},
): BestResponseResult {
  const [m, n] = checkBimatrix('bestResponseDynamics', A, B);
  const [r0, c0] = options.start ?? [0, 0];
  if (!Number.isInteger(r0) || r0 < 0 || r0 >= m) throw new RangeError(`bestResponseDynamics: start[0] must be a row index in 0..${m - 1}, got ${r0}`);
  if (!Number.isInteger(c0) || c0 < 0 || c0 >= n) throw new RangeError(`bestResponseDynamics: start[1] must be a column index in 0..${n - 1}, got ${c0}`);
  const maxSteps = options.maxSteps ?? 1000;
  if (!Number.isInteger(maxSteps) || maxSteps < 0) throw new RangeError(`bestResponseDynamics: maxSteps must be an integer ≥ 0, got ${maxSteps}`);

  let r = r0;
  let c = c0;
  const path: [number, number][] = [[r, c]];
  // A state is the profile plus who moves next.
  const seen = new Set<string>([`${r},${c},0`]);
  let mover = 0;
  let idleMoves = 0;
  for (let step = 0; step < maxSteps; step++) {
    if (mover === 0) {
      const next = bestReply(m, (i) => A[i]![c]!, r);
      idleMoves = next === r ? idleMoves + 1 : 0;
      r = next;
    } else {
      const next = bestReply(n, (j) => B[r]![j]!, c);
      idleMoves = next === c ? idleMoves + 1 : 0;
      c = next;
    }
    mover = 1 - mover;
    if (idleMoves >= 2) return { path, converged: true, cycle: false };
    if (idleMoves === 0) path.push([r, c]);
    const key = `${r},${c},${mover}`;
    if (seen.has(key)) return { path, converged: false, cycle: true };
    seen.add(key);
  }
  return { path, converged: false, cycle: false };
}

function bestReply(count: number, payoff: (k: number) => number, current: number): number {
  let best = -Infinity;
  for (let k = 0; k < count; k++) best = Math.max(best, payoff(k));
  if (payoff(current) >= best) return current;
  for (let k = 0; k < count; k++) if (payoff(k) >= best) return k;
  return current;
}
