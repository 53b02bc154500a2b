/**
 * Nash equilibria of two-player normal-form (bimatrix) games by support enumeration.
 * A[i][j] is the row player's payoff and B[i][j] the column player's when row plays i and
 * column plays j.
 */
import { binomial, combinations, solveLinearSystem } from './linear-system.ts';
import { checkBimatrix, checkDistribution, payoffScale } from './validate.ts';

/** A mixed-strategy profile: a probability vector for each player. */
export type MixedProfile = { row: number[]; col: number[] };

/** Why a game is degenerate: a mixed strategy of one player with more pure best replies than its support size. */
export type DegeneracyWitness = {
  player: 'row' | 'column';
  strategy: number[];
  support: number[];
  bestResponses: number[];
};

/** The support enumeration visits C(m + n, m) − 1 support pairs; beyond this the games are too big to solve here. */
const MAX_SUPPORT_PAIRS = 500_000;
/** Probabilities below this count as zero. */
const PROB_TOL = 1e-9;
/** Payoff comparisons are made to this tolerance times the largest absolute payoff (at least 1). */
const PAYOFF_TOL = 1e-9;

/** The row player's expected payoff of each pure strategy against the column mix y: (Ay)_i. */
export function rowPayoffVector(A: readonly (readonly number[])[], y: readonly number[]): number[] {
  return A.map((row) => row.reduce((s, v, j) => s + v * y[j]!, 0));
}

/** The column player's expected payoff of each pure strategy against the row mix x: (xᵀB)_j. */
export function columnPayoffVector(B: readonly (readonly number[])[], x: readonly number[]): number[] {
  const n = B[0]?.length ?? 0;
  const out = new Array<number>(n).fill(0);
  B.forEach((row, i) => {
    const xi = x[i]!;
    if (xi !== 0) row.forEach((v, j) => (out[j] = out[j]! + xi * v));
  });
  return out;
}

/** Expected payoffs [xᵀAy, xᵀBy] of the profile (x, y). */
export function expectedPayoffs(
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
  x: readonly number[],
  y: readonly number[],
): [number, number] {
  const [m, n] = checkBimatrix('expectedPayoffs', A, B);
  checkDistribution('expectedPayoffs', 'x', x, m);
  checkDistribution('expectedPayoffs', 'y', y, n);
  const ay = rowPayoffVector(A, y);
  const xb = columnPayoffVector(B, x);
  return [dot(x, ay), dot(xb, y)];
}

/**
 * Whether (x, y) is a Nash equilibrium: each mix is a best response to the other, up to
 * `tolerance` (default 1e-9 times the largest absolute payoff, at least 1e-9).
 * @see nash1951
 */
export function isNashEquilibrium(
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
  x: readonly number[],
  y: readonly number[],
  tolerance?: number,
): boolean {
  const [m, n] = checkBimatrix('isNashEquilibrium', A, B);
  checkDistribution('isNashEquilibrium', 'x', x, m);
  checkDistribution('isNashEquilibrium', 'y', y, n);
  const tol = tolerance ?? PAYOFF_TOL * payoffScale(A, B);
  return isMutualBestResponse(A, B, x, y, tol);
}

function isMutualBestResponse(
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
  x: readonly number[],
  y: readonly number[],
  tol: number,
): boolean {
  const ay = rowPayoffVector(A, y);
  const xb = columnPayoffVector(B, x);
  return Math.max(...ay) <= dot(x, ay) + tol && Math.max(...xb) <= dot(xb, y) + tol;
}

/**
 * Every Nash equilibrium of the bimatrix game (A, B) found by equal-size support enumeration:
 * all of them when the game is nondegenerate, and for a degenerate game every equilibrium
 * that a pair of equal-size supports pins down (each verified to be a mutual best response).
 * Pure equilibria are exact 0/1 vectors; each equilibrium appears once; order is by support size.
 * @see nash1951
 */
export function nashEquilibria(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): MixedProfile[] {
  const [m, n] = checkBimatrix('nashEquilibria', A, B);
  checkSize('nashEquilibria', m, n);
  const tol = PAYOFF_TOL * payoffScale(A, B);
  const found: MixedProfile[] = [];
  for (const { I, J, x, y } of supportSolutions(A, B, m, n)) {
    if (x === null || y === null) continue;
    // Mixes with (clearly) negative weights are not strategies.
    if (I.some((_, k) => x[k]! < -PROB_TOL) || J.some((_, k) => y[k]! < -PROB_TOL)) continue;
    const row = cleanDistribution(spread(x, I, m));
    const col = cleanDistribution(spread(y, J, n));
    if (!isMutualBestResponse(A, B, row, col, tol)) continue;
    if (found.some((e) => maxDiff(e.row, row) < 1e-7 && maxDiff(e.col, col) < 1e-7)) continue;
    found.push({ row, col });
  }
  return found;
}

/**
 * A witness that the game is degenerate (a mixed strategy with k-element support and more than
 * k pure best responses), or null when the game is nondegenerate, so that support enumeration
 * finds every equilibrium.
 */
export function degeneracyWitness(
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
): DegeneracyWitness | null {
  const [m, n] = checkBimatrix('degeneracyWitness', A, B);
  checkSize('degeneracyWitness', m, n);
  const tol = PAYOFF_TOL * payoffScale(A, B);
  // If some strategy with support I has more than |I| best responses, a descent along the set of
  // strategies keeping those responses tied ends at one that a square support system pins down,
  // so checking the solutions of the |I| × |J| systems is enough.
  for (const { I, J, x, y } of supportSolutions(A, B, m, n)) {
    if (x !== null && x.every((v) => v > PROB_TOL)) {
      const full = spread(x, I, m);
      const best = bestIndices(columnPayoffVector(B, full), tol);
      if (best.length > I.length) return { player: 'row', strategy: full, support: I, bestResponses: best };
    }
    if (y !== null && y.every((v) => v > PROB_TOL)) {
      const full = spread(y, J, n);
      const best = bestIndices(rowPayoffVector(A, full), tol);
      if (best.length > J.length) return { player: 'column', strategy: full, support: J, bestResponses: best };
    }
  }
  return null;
}

/**
 * Whether the game is degenerate: some mixed strategy with a k-element support has more than k
 * pure best responses (then equilibria can form continua and support enumeration may miss some).
 */
export function isDegenerate(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): boolean {
  return degeneracyWitness(A, B) !== null;
}

/** Pure best responses of the row player to the column mix y (indices, ascending). */
export function rowBestResponses(A: readonly (readonly number[])[], y: readonly number[], tolerance = 0): number[] {
  return bestIndices(rowPayoffVector(A, y), tolerance);
}

/** Pure best responses of the column player to the row mix x (indices, ascending). */
export function columnBestResponses(B: readonly (readonly number[])[], x: readonly number[], tolerance = 0): number[] {
  return bestIndices(columnPayoffVector(B, x), tolerance);
}

type SupportSolution = { I: number[]; J: number[]; x: number[] | null; y: number[] | null };

/**
 * For each pair of equal-size supports (I, J): x on I that makes the column player indifferent
 * over J, and y on J that makes the row player indifferent over I (null when singular).
 */
function* supportSolutions(
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
  m: number,
  n: number,
): Generator<SupportSolution> {
  for (let k = 1; k <= Math.min(m, n); k++) {
    for (const I of combinations(m, k)) {
      for (const J of combinations(n, k)) {
        // Unknowns (y_J, u): Σ_j A[i][j] y_j − u = 0 for i in I, and Σ y_j = 1.
        const My: number[][] = I.map((i) => [...J.map((j) => A[i]![j]!), -1]);
        My.push([...J.map(() => 1), 0]);
        const Mx: number[][] = J.map((j) => [...I.map((i) => B[i]![j]!), -1]);
        Mx.push([...I.map(() => 1), 0]);
        const rhs = [...I.map(() => 0), 1];
        const ys = solveLinearSystem(My, rhs);
        const xs = solveLinearSystem(Mx, rhs);
        yield { I, J, x: xs === null ? null : xs.slice(0, k), y: ys === null ? null : ys.slice(0, k) };
      }
    }
  }
}

function checkSize(fn: string, m: number, n: number): void {
  if (binomial(m + n, m) > MAX_SUPPORT_PAIRS) {
    throw new RangeError(`${fn}: a ${m}×${n} game is too large for support enumeration (at most about 10×10)`);
  }
}

function spread(values: readonly number[], support: readonly number[], size: number): number[] {
  const out = new Array<number>(size).fill(0);
  support.forEach((s, k) => (out[s] = values[k]!));
  return out;
}

/** Zero out round-off, renormalise, and make pure strategies exact 0/1 vectors. */
function cleanDistribution(v: readonly number[]): number[] {
  const out = v.map((p) => (p < PROB_TOL ? 0 : p));
  const sum = out.reduce((s, p) => s + p, 0);
  const support = out.filter((p) => p > 0).length;
  if (support === 1) return out.map((p) => (p > 0 ? 1 : 0));
  return out.map((p) => p / sum);
}

function bestIndices(values: readonly number[], tol: number): number[] {
  const max = Math.max(...values);
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v >= max - tol) out.push(i);
  });
  return out;
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxDiff(a: readonly number[], b: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!));
  return d;
}
