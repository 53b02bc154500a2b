/** Evolutionarily stable strategies of symmetric two-player games (Maynard Smith & Price). */
import { combinations, solveLinearSystem } from '../games/linear-system.ts';
import { payoffScale } from '../games/validate.ts';
import { symmetricEigen } from './symmetric-eigen.ts';
import { checkDistribution, checkSquare } from './validate.ts';

const PROB_TOL = 1e-9;
const PAYOFF_TOL = 1e-9;
/** Strategies a symmetric game may have before the subset searches here get slow. */
const MAX_STRATEGIES = 12;

/**
 * Whether the mixed strategy x is evolutionarily stable in the symmetric game with payoff matrix
 * A (A[i][j]: payoff of i against j): for every y ≠ x, either y·Ax < x·Ax, or y·Ax = x·Ax and
 * x·Ay > y·Ay; payoff ties are judged to 1e-9 times the largest absolute payoff (at least 1).
 * @see maynardsmith1973
 */
export function isESS(A: readonly (readonly number[])[], x: readonly number[]): boolean {
  const n = checkSquare('isESS', A);
  checkDistribution('isESS', 'x', x, n);
  if (n > MAX_STRATEGIES) throw new RangeError(`isESS: at most ${MAX_STRATEGIES} strategies are supported, got ${n}`);
  return essCheck(A, x, PAYOFF_TOL * payoffScale(A));
}

/**
 * Every evolutionarily stable strategy of the symmetric game A (at most one per support), found
 * by solving each support's equal-payoff system and testing the Maynard Smith–Price conditions.
 * @see maynardsmith1973
 */
export function evolutionarilyStableStrategies(A: readonly (readonly number[])[]): number[][] {
  const n = checkSquare('evolutionarilyStableStrategies', A);
  if (n > MAX_STRATEGIES) throw new RangeError(`evolutionarilyStableStrategies: at most ${MAX_STRATEGIES} strategies are supported, got ${n}`);
  const tol = PAYOFF_TOL * payoffScale(A);
  const found: number[][] = [];
  // An ESS is an isolated symmetric equilibrium, so a support whose system is singular (a line
  // of equal-payoff mixes) cannot carry one.
  for (const x of supportEqualisers(A, n)) {
    if (essCheck(A, x, tol) && !found.some((y) => y.every((v, i) => Math.abs(v - x[i]!) < 1e-7))) found.push(x);
  }
  return found;
}

/**
 * For each support S, the mix on S whose strategies all earn the same payoff against it, when
 * that mix is unique and positive on S (internal; also the rest points of the replicator
 * equation).
 */
export function* supportEqualisers(A: readonly (readonly number[])[], n: number): Generator<number[]> {
  for (let k = 1; k <= n; k++) {
    for (const S of combinations(n, k)) {
      // Unknowns (x_S, u): Σ_j A[i][j] x_j − u = 0 for i in S, and Σ x_j = 1.
      const M: number[][] = S.map((i) => [...S.map((j) => A[i]![j]!), -1]);
      M.push([...S.map(() => 1), 0]);
      const sol = solveLinearSystem(M, [...S.map(() => 0), 1]);
      if (sol === null) continue;
      const xs = sol.slice(0, k);
      if (xs.some((v) => v <= PROB_TOL)) continue;
      const x = new Array<number>(n).fill(0);
      S.forEach((i, t) => (x[i] = xs[t]!));
      if (k === 1) x[S[0]!] = 1;
      yield x;
    }
  }
}

function essCheck(A: readonly (readonly number[])[], x: readonly number[], tol: number): boolean {
  const n = x.length;
  const ax = A.map((row) => row.reduce((s, v, j) => s + v * x[j]!, 0));
  const u = ax.reduce((s, v, i) => s + v * x[i]!, 0);
  // First condition: x is a best reply to itself (a symmetric Nash equilibrium).
  if (ax.some((v) => v > u + tol)) return false;
  const support: number[] = [];
  const bestReplies: number[] = [];
  for (let i = 0; i < n; i++) {
    if (x[i]! > PROB_TOL) support.push(i);
    if (ax[i]! >= u - tol) bestReplies.push(i);
  }
  // Second condition: every alternative best reply y satisfies x·Ay > y·Ay. With z = y − x this
  // reads zᵀAz < 0 on the cone of directions z from x into the face of best replies: Σz = 0,
  // z zero off the best replies, and z_j ≥ 0 where x_j = 0.
  const base = support[0]!;
  const others = bestReplies.filter((i) => i !== base);
  if (others.length === 0) return true; // a strict equilibrium
  const Q = (i: number, j: number): number => (A[i]![j]! + A[j]![i]!) / 2;
  // Coordinates c_k along e_{others[k]} − e_base.
  const M = others.map((i) => others.map((j) => Q(i, j) - Q(i, base) - Q(base, j) + Q(base, base)));
  const free: number[] = [];
  const constrained: number[] = [];
  others.forEach((i, k) => (x[i]! > PROB_TOL ? free : constrained).push(k));
  return negativeOnCone(M, free, constrained, tol);
}

/**
 * Whether cᵀMc < 0 for every non-zero c with c_k ≥ 0 for k in `constrained` (other coordinates
 * free). The maximum of cᵀMc on the unit sphere of that cone lies in the relative interior of one
 * of its faces, where it is an eigenvector of M restricted to the face with eigenvalue equal to
 * the maximum; so it is enough to test the eigenpairs of every face's submatrix.
 */
function negativeOnCone(M: readonly (readonly number[])[], free: readonly number[], constrained: readonly number[], tol: number): boolean {
  const c = constrained.length;
  for (let mask = 0; mask < 1 << c; mask++) {
    const kept = constrained.filter((_, t) => (mask >> t) & 1);
    const idx = [...free, ...kept];
    if (idx.length === 0) continue;
    const sub = idx.map((i) => idx.map((j) => M[i]![j]!));
    const { values, vectors } = symmetricEigen(sub);
    for (let k = 0; k < values.length; k++) {
      if (values[k]! < -tol) continue;
      if (kept.length === 0) return false;
      // Positions of the kept constrained coordinates inside idx.
      const v = vectors[k]!;
      const signs = kept.map((_, t) => v[free.length + t]!);
      if (signs.every((s) => s > 1e-12) || signs.every((s) => s < -1e-12)) return false;
    }
  }
  return true;
}
