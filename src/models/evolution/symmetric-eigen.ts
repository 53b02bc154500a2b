/** Eigen-decomposition of small real symmetric matrices (internal to the model package). */

/** Eigenvalues and unit eigenvectors (vectors[k] belongs to values[k]) of a symmetric matrix. */
export type SymmetricEigen = { values: number[]; vectors: number[][] };

/**
 * Eigenvalues and eigenvectors of the symmetric matrix S by the cyclic Jacobi method, which is
 * accurate to round-off for the handful of dimensions used here.
 */
export function symmetricEigen(S: readonly (readonly number[])[]): SymmetricEigen {
  const n = S.length;
  // a is rotated in place towards diagonal form; v accumulates the rotations.
  const a = S.map((row) => row.slice());
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        const x = a[i]![j]! * a[i]![j]!;
        total += x;
        if (i !== j) off += x;
      }
    }
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p]![q]!;
        if (apq === 0) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return {
    values: a.map((row, i) => row[i]!),
    vectors: Array.from({ length: n }, (_, k) => v.map((row) => row[k]!)),
  };
}
