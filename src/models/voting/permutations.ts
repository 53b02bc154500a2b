/**
 * Permutations of candidate indices, shared by the profile generators, the Yee diagrams and the
 * manipulation search. Rankings are stored as rows of a flat `Uint8Array` (best first).
 */

/** The largest candidate count for which every ranking is enumerated (8! = 40,320 rows). */
export const MAX_ENUMERATED_CANDIDATES = 8;

/** Returns n! for a small non-negative integer n. */
export function factorial(n: number): number {
  let f = 1;
  for (let i = 2; i <= n; i++) f *= i;
  return f;
}

const tables = new Map<number, Uint8Array>();

/**
 * Returns every ranking of m candidates as a flat table of m! rows of m indices, in the order of
 * their Lehmer codes (row 0 is 0, 1, …, m−1), so `permutationIndex` maps a ranking to its row.
 */
export function permutationTable(m: number): Uint8Array {
  if (!Number.isInteger(m) || m < 1 || m > MAX_ENUMERATED_CANDIDATES) {
    throw new RangeError(`permutationTable: m must be an integer from 1 to ${MAX_ENUMERATED_CANDIDATES}, got ${m}`);
  }
  const cached = tables.get(m);
  if (cached) return cached;
  const count = factorial(m);
  const table = new Uint8Array(count * m);
  const pool: number[] = [];
  for (let row = 0; row < count; row++) {
    pool.length = 0;
    for (let i = 0; i < m; i++) pool.push(i);
    // Decode the factorial-base digits of `row`, most significant first.
    let rest = row;
    for (let pos = 0; pos < m; pos++) {
      const weight = factorial(m - 1 - pos);
      const digit = Math.floor(rest / weight);
      rest -= digit * weight;
      table[row * m + pos] = pool[digit]!;
      pool.splice(digit, 1);
    }
  }
  tables.set(m, table);
  return table;
}

/** Returns the row of `ranking` (a permutation of 0…m−1, read from `offset`) in `permutationTable(m)`. */
export function permutationIndex(ranking: ArrayLike<number>, m: number, offset = 0): number {
  let index = 0;
  for (let pos = 0; pos < m; pos++) {
    const c = ranking[offset + pos]!;
    // Digit = how many candidates still unplaced have a smaller index than c.
    let smaller = 0;
    for (let later = pos + 1; later < m; later++) if (ranking[offset + later]! < c) smaller++;
    index = index * (m - pos) + smaller;
  }
  return index;
}
