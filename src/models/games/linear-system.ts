/**
 * A small dense linear solver for the support systems of games and population dynamics.
 * Internal to the model package: the systems here have at most a few dozen unknowns.
 */

/**
 * Solves M·z = rhs by Gaussian elimination with partial pivoting; returns null when M is
 * singular, i.e. when a pivot is at most `relTol` times the largest entry of M.
 */
export function solveLinearSystem(
  M: readonly (readonly number[])[],
  rhs: readonly number[],
  relTol = 1e-12,
): number[] | null {
  const n = rhs.length;
  // Work on a copy: the augmented matrix is mutated in place for speed.
  const a: number[][] = [];
  let scale = 0;
  for (let i = 0; i < n; i++) {
    const row = M[i];
    if (row === undefined || row.length !== n) throw new RangeError('solveLinearSystem: M must be square and match rhs');
    const copy = row.slice();
    for (const v of copy) scale = Math.max(scale, Math.abs(v));
    copy.push(rhs[i]!);
    a.push(copy);
  }
  if (scale === 0) return null;
  const tiny = relTol * scale;
  for (let col = 0; col < n; col++) {
    let pivotRow = col;
    let best = Math.abs(a[col]![col]!);
    for (let r = col + 1; r < n; r++) {
      const v = Math.abs(a[r]![col]!);
      if (v > best) {
        best = v;
        pivotRow = r;
      }
    }
    if (best <= tiny) return null;
    if (pivotRow !== col) {
      const t = a[col]!;
      a[col] = a[pivotRow]!;
      a[pivotRow] = t;
    }
    const p = a[col]!;
    const pv = p[col]!;
    for (let r = col + 1; r < n; r++) {
      const row = a[r]!;
      const f = row[col]! / pv;
      if (f === 0) continue;
      for (let c = col; c <= n; c++) row[c] = row[c]! - f * p[c]!;
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    const row = a[r]!;
    let s = row[n]!;
    for (let c = r + 1; c < n; c++) s -= row[c]! * z[c]!;
    z[r] = s / row[r]!;
  }
  return z;
}

/** Every k-element subset of {0, …, n − 1} in lexicographic order. */
export function* combinations(n: number, k: number): Generator<number[]> {
  if (k < 0 || k > n) return;
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === n - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let j = i + 1; j < k; j++) idx[j] = idx[j - 1]! + 1;
  }
}

/** Binomial coefficient C(n, k) as a float (exact for the small values used here). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= Math.min(k, n - k); i++) r = (r * (n - k + i)) / i;
  return Math.round(r);
}
