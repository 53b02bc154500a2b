/** Rest points of the replicator equation for two- and three-strategy games, with their stability. */
import { payoffScale } from '../games/validate.ts';
import { supportEqualisers } from './ess.ts';
import { checkSquare } from './validate.ts';

/** A complex eigenvalue re + i·im. */
export type Eigenvalue = { re: number; im: number };

/**
 * Local behaviour of a rest point on the simplex: 'stable' (every eigenvalue has negative real
 * part), 'unstable' (some positive and none negative), 'saddle' (both signs), 'center' (a purely
 * imaginary pair) or 'non-hyperbolic' (otherwise: a zero real part leaves linearisation undecided).
 */
export type RestPointStability = 'stable' | 'unstable' | 'saddle' | 'center' | 'non-hyperbolic';

/** A rest point, the eigenvalues of the replicator's Jacobian restricted to the simplex, and the verdict. */
export type RestPoint = { point: number[]; eigenvalues: Eigenvalue[]; stability: RestPointStability };

/**
 * Every isolated rest point of the replicator equation x_i' = x_i((Ax)_i − x·Ax) for a 2×2 or
 * 3×3 payoff matrix (the vertices, and each face's unique point where all its strategies earn the
 * same), with the eigenvalues of the Jacobian on the simplex's tangent space and the resulting
 * stability; continua of rest points (singular faces) are left out.
 * @see taylor1978
 * @see hofbauer1998
 */
export function restPoints(A: readonly (readonly number[])[]): RestPoint[] {
  const n = checkSquare('restPoints', A);
  if (n !== 2 && n !== 3) throw new RangeError(`restPoints: only 2- and 3-strategy games are supported, got ${n}`);
  const tol = 1e-9 * payoffScale(A);
  const out: RestPoint[] = [];
  for (const x of supportEqualisers(A, n)) {
    const eigenvalues = tangentEigenvalues(A, x);
    out.push({ point: x, eigenvalues, stability: classify(eigenvalues, tol) });
  }
  return out;
}

/** Jacobian of the replicator field in R^n: δ_ij((Ax)_i − φ) + x_i(A_ij − (Ax)_j − (Aᵀx)_j), φ = x·Ax. */
function jacobian(A: readonly (readonly number[])[], x: readonly number[]): number[][] {
  const n = x.length;
  const ax = A.map((row) => row.reduce((s, v, j) => s + v * x[j]!, 0));
  const atx = x.map((_, j) => A.reduce((s, row, i) => s + row[j]! * x[i]!, 0));
  const phi = ax.reduce((s, v, i) => s + v * x[i]!, 0);
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? ax[i]! - phi : 0) + x[i]! * (A[i]![j]! - ax[j]! - atx[j]!)),
  );
}

/**
 * Eigenvalues of the Jacobian restricted to the tangent space Σv = 0 of the simplex, in the basis
 * e_k − e_n; the field is tangent to the simplex, so the Jacobian maps that space to itself and
 * the first n − 1 coordinates of J(e_l − e_n) are the restricted matrix's columns.
 */
function tangentEigenvalues(A: readonly (readonly number[])[], x: readonly number[]): Eigenvalue[] {
  const J = jacobian(A, x);
  const n = x.length;
  const last = n - 1;
  const R = Array.from({ length: n - 1 }, (_, k) => Array.from({ length: n - 1 }, (_, l) => J[k]![l]! - J[k]![last]!));
  if (n === 2) return [{ re: R[0]![0]!, im: 0 }];
  const [[a, b], [c, d]] = R as [[number, number], [number, number]];
  const tr = a + d;
  const det = a * d - b * c;
  const disc = (tr * tr) / 4 - det;
  if (disc >= 0) {
    const r = Math.sqrt(disc);
    return [
      { re: tr / 2 + r, im: 0 },
      { re: tr / 2 - r, im: 0 },
    ];
  }
  const im = Math.sqrt(-disc);
  return [
    { re: tr / 2, im },
    { re: tr / 2, im: -im },
  ];
}

function classify(eigenvalues: readonly Eigenvalue[], tol: number): RestPointStability {
  const neg = eigenvalues.filter((e) => e.re < -tol).length;
  const pos = eigenvalues.filter((e) => e.re > tol).length;
  if (neg === eigenvalues.length) return 'stable';
  if (pos === eigenvalues.length) return 'unstable';
  if (pos > 0 && neg > 0) return 'saddle';
  if (pos > 0) return 'unstable';
  if (neg === 0 && eigenvalues.every((e) => Math.abs(e.im) > tol)) return 'center';
  return 'non-hyperbolic';
}
