/** Input checks shared by the normal-form game functions (internal to the model package). */

/** Throws unless `M` is a non-empty rectangular matrix of finite numbers; returns its shape. */
export function checkMatrix(fn: string, name: string, M: readonly (readonly number[])[]): [number, number] {
  if (!Array.isArray(M) || M.length === 0) throw new TypeError(`${fn}: ${name} must be a non-empty array of rows`);
  const cols = M[0]?.length ?? 0;
  if (cols === 0) throw new TypeError(`${fn}: ${name} must have at least one column`);
  M.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== cols) {
      throw new TypeError(`${fn}: ${name} must be rectangular (row ${i} has ${Array.isArray(row) ? row.length : 'no'} entries, row 0 has ${cols})`);
    }
    row.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new TypeError(`${fn}: ${name}[${i}][${j}] must be a finite number, got ${String(v)}`);
      }
    });
  });
  return [M.length, cols];
}

/** Throws unless A and B are payoff matrices of the same shape; returns [rows, cols]. */
export function checkBimatrix(
  fn: string,
  A: readonly (readonly number[])[],
  B: readonly (readonly number[])[],
): [number, number] {
  const [m, n] = checkMatrix(fn, 'A', A);
  const [mb, nb] = checkMatrix(fn, 'B', B);
  if (m !== mb || n !== nb) throw new RangeError(`${fn}: A is ${m}×${n} but B is ${mb}×${nb}; they must have the same shape`);
  return [m, n];
}

/** Throws unless `x` is a probability vector of length n (entries ≥ 0 summing to 1 within 1e-9). */
export function checkDistribution(fn: string, name: string, x: readonly number[], n: number): void {
  if (!Array.isArray(x) || x.length !== n) throw new RangeError(`${fn}: ${name} must have ${n} entries, got ${Array.isArray(x) ? x.length : typeof x}`);
  let sum = 0;
  x.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new RangeError(`${fn}: ${name}[${i}] must be a finite number ≥ 0, got ${String(v)}`);
    sum += v;
  });
  if (Math.abs(sum - 1) > 1e-9 * Math.max(1, n)) throw new RangeError(`${fn}: ${name} must sum to 1, got ${sum}`);
}

/** Largest absolute entry of the matrices, at least 1: the scale for payoff tolerances. */
export function payoffScale(...Ms: readonly (readonly (readonly number[])[])[]): number {
  let s = 1;
  for (const M of Ms) for (const row of M) for (const v of row) s = Math.max(s, Math.abs(v));
  return s;
}
