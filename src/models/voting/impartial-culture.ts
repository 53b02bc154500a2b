/**
 * Impartial culture: every voter's ranking is drawn uniformly from all m! orders, independently.
 * It is the null model behind Guilbaud's (1952) probability of a majority cycle.
 */
import { createRng, shuffle, uniformInt, type Rng } from '../random.ts';
import type { Ballot } from './ballots.ts';
import { condorcetWinnerIndex } from './pairwise.ts';
import { factorial, MAX_ENUMERATED_CANDIDATES, permutationTable } from './permutations.ts';

/** Returns m default candidate names: 'A', 'B', … for up to 26, else 'C1', 'C2', …. */
export function candidateNames(m: number): string[] {
  if (!Number.isInteger(m) || m < 1) throw new RangeError(`candidateNames: m must be an integer >= 1, got ${m}`);
  return Array.from({ length: m }, (_, i) => (m <= 26 ? String.fromCharCode(65 + i) : `C${i + 1}`));
}

function checkCount(value: unknown, name: string, caller: string, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new RangeError(`${caller}: ${name} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

function checkSeed(seed: unknown, caller: string): number {
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw new RangeError(`${caller}: seed must be a finite number, got ${String(seed)}`);
  return seed;
}

/** Options for drawing an impartial-culture profile. */
export type ImpartialCultureOptions = { candidates: number | readonly string[]; voters: number; seed: number };

/**
 * Returns an impartial-culture profile as ballots: each of `voters` rankings uniform over all
 * orders of the candidates (a count, or names), identical rankings merged into one ballot.
 */
export function impartialCulture(options: ImpartialCultureOptions): Ballot[] {
  const caller = 'impartialCulture';
  const names =
    typeof options.candidates === 'number'
      ? candidateNames(checkCount(options.candidates, 'candidates', caller, 1))
      : [...options.candidates];
  if (names.length === 0 || new Set(names).size !== names.length) {
    throw new RangeError(`${caller}: candidates must be at least one distinct name`);
  }
  const voters = checkCount(options.voters, 'voters', caller, 1);
  const rng = createRng(checkSeed(options.seed, caller));
  const byKey = new Map<string, { ranking: string[]; count: number }>();
  for (let v = 0; v < voters; v++) {
    const ranking = shuffle(rng, names);
    const key = ranking.join('\u0000');
    const found = byKey.get(key);
    if (found) found.count++;
    else byKey.set(key, { ranking, count: 1 });
  }
  return [...byKey.values()];
}

/** Adds one uniformly random ranking's head-to-head preferences to the flat m×m matrix `d`. */
function addRandomVoter(rng: Rng, d: Float64Array, m: number, table: Uint8Array | null, order: number[]): void {
  let ranking: ArrayLike<number>;
  let offset = 0;
  if (table) {
    offset = uniformInt(rng, 0, table.length / m - 1) * m;
    ranking = table;
  } else {
    // Fisher–Yates in place on a reused array, to avoid an allocation per voter.
    for (let i = m - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    ranking = order;
  }
  for (let i = 0; i < m - 1; i++) {
    const base = ranking[offset + i]! * m;
    for (let j = i + 1; j < m; j++) d[base + ranking[offset + j]!]!++;
  }
}

/**
 * Returns the share of `trials` impartial-culture profiles (m candidates, n voters) that have no
 * Condorcet winner; for m = 3 it tends to 1/4 − (3/(2π))·arcsin(1/3) ≈ 0.0877 as n grows.
 * @see Guilbaud (1952), Les théories de l'intérêt général et le problème logique de l'agrégation.
 */
export function condorcetParadoxRate(options: {
  candidates: number;
  voters: number;
  trials: number;
  seed: number;
}): number {
  const caller = 'condorcetParadoxRate';
  const m = checkCount(options.candidates, 'candidates', caller, 1);
  const n = checkCount(options.voters, 'voters', caller, 1);
  const trials = checkCount(options.trials, 'trials', caller, 1);
  const rng = createRng(checkSeed(options.seed, caller));
  const table = m <= MAX_ENUMERATED_CANDIDATES ? permutationTable(m) : null;
  const orders = table ? factorial(m) : 0;
  const order = Array.from({ length: m }, (_, i) => i);
  const d = new Float64Array(m * m);
  // With fewer orders than voters it is cheaper to count voters per order first.
  const perOrder = table && orders < n ? new Float64Array(orders) : null;
  let cycles = 0;
  for (let t = 0; t < trials; t++) {
    d.fill(0);
    if (perOrder && table) {
      perOrder.fill(0);
      for (let v = 0; v < n; v++) perOrder[uniformInt(rng, 0, orders - 1)]!++;
      for (let o = 0; o < orders; o++) {
        const c = perOrder[o]!;
        if (c === 0) continue;
        const row = o * m;
        for (let i = 0; i < m - 1; i++) {
          const base = table[row + i]! * m;
          for (let j = i + 1; j < m; j++) d[base + table[row + j]!]! += c;
        }
      }
    } else {
      for (let v = 0; v < n; v++) addRandomVoter(rng, d, m, table, order);
    }
    if (condorcetWinnerIndex(d, m) < 0) cycles++;
  }
  return cycles / trials;
}
