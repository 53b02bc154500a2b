/** The replicator equation of evolutionary game theory, continuous and discrete. */
import { checkDistribution, checkSquare } from './validate.ts';

/** Options of replicatorDynamics: the time step (> 0) and the number of steps (an integer ≥ 0). */
export type ReplicatorOptions = { dt: number; steps: number };

/**
 * The replicator vector field at x: x_i((Ax)_i − x·Ax), the growth of each strategy's share.
 * @see taylor1978
 */
export function replicatorVelocity(A: readonly (readonly number[])[], x: readonly number[]): number[] {
  const n = checkSquare('replicatorVelocity', A);
  if (x.length !== n) throw new RangeError(`replicatorVelocity: x must have ${n} entries, got ${x.length}`);
  return velocity(A, x);
}

function velocity(A: readonly (readonly number[])[], x: readonly number[]): number[] {
  const n = x.length;
  const fitness = new Array<number>(n);
  let mean = 0;
  for (let i = 0; i < n; i++) {
    const row = A[i]!;
    let f = 0;
    for (let j = 0; j < n; j++) f += row[j]! * x[j]!;
    fitness[i] = f;
    mean += x[i]! * f;
  }
  return fitness.map((f, i) => x[i]! * (f - mean));
}

/**
 * The trajectory x0, x1, …, x_steps of the replicator equation x_i' = x_i((Ax)_i − x·Ax),
 * integrated with the classical fourth-order Runge–Kutta method at step dt; steps + 1 rows, the
 * first a copy of x0, each later row clipped at 0 and renormalised to sum to 1.
 * @see taylor1978
 * @see hofbauer1998
 */
export function replicatorDynamics(
  A: readonly (readonly number[])[],
  x0: readonly number[],
  options: ReplicatorOptions,
): number[][] {
  const n = checkSquare('replicatorDynamics', A);
  checkDistribution('replicatorDynamics', 'x0', x0, n);
  const { dt, steps } = options;
  if (!(dt > 0) || !Number.isFinite(dt)) throw new RangeError(`replicatorDynamics: dt must be a finite number > 0, got ${dt}`);
  if (!Number.isInteger(steps) || steps < 0) throw new RangeError(`replicatorDynamics: steps must be an integer ≥ 0, got ${steps}`);
  const out: number[][] = [x0.slice()];
  let x = x0.slice();
  const shifted = (base: readonly number[], k: readonly number[], h: number): number[] => base.map((v, i) => v + h * k[i]!);
  for (let s = 0; s < steps; s++) {
    const k1 = velocity(A, x);
    const k2 = velocity(A, shifted(x, k1, dt / 2));
    const k3 = velocity(A, shifted(x, k2, dt / 2));
    const k4 = velocity(A, shifted(x, k3, dt));
    const next = x.map((v, i) => v + (dt / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!));
    x = normalise(next);
    out.push(x);
  }
  return out;
}

/**
 * Discrete-time replicator dynamics x_i ← x_i (Mx)_i / (x·Mx) for `generations` generations, as
 * in Axelrod's ecological analysis, where M[i][j] is the (non-negative) score of strategy i
 * against j; returns generations + 1 rows, the first a copy of x0.
 * @see axelrod1984
 */
export function discreteReplicator(
  M: readonly (readonly number[])[],
  x0: readonly number[],
  generations: number,
): number[][] {
  const n = checkSquare('discreteReplicator', M);
  checkDistribution('discreteReplicator', 'x0', x0, n);
  if (!Number.isInteger(generations) || generations < 0) throw new RangeError(`discreteReplicator: generations must be an integer ≥ 0, got ${generations}`);
  M.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v < 0) throw new RangeError(`discreteReplicator: payoffs must be ≥ 0 (shares are multiplied by them), got M[${i}][${j}] = ${v}`);
    }),
  );
  const out: number[][] = [x0.slice()];
  let x = x0.slice();
  for (let g = 0; g < generations; g++) {
    const fitness = M.map((row) => row.reduce((s, v, j) => s + v * x[j]!, 0));
    const mean = fitness.reduce((s, f, i) => s + f * x[i]!, 0);
    // A population whose members all score 0 does not change.
    x = mean > 0 ? x.map((v, i) => (v * fitness[i]!) / mean) : x.slice();
    x = normalise(x);
    out.push(x);
  }
  return out;
}

/** Clip round-off negatives to 0 and rescale to sum to 1, keeping the state on the simplex. */
function normalise(x: readonly number[]): number[] {
  const clipped = x.map((v) => (v > 0 ? v : 0));
  const sum = clipped.reduce((s, v) => s + v, 0);
  return sum > 0 ? clipped.map((v) => v / sum) : clipped;
}
