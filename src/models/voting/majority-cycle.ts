/**
 * Majority cycles (the Condorcet paradox): the cycle itself, a sampler of cyclic profiles under
 * impartial culture, and the exact probability of having no Condorcet winner for small electorates.
 */
import { createRng, shuffle } from '../random.ts';
import { createProfile, type Ballot } from './ballots.ts';
import { candidateNames } from './impartial-culture.ts';
import { condorcetWinnerIndex, pairwiseCounts } from './pairwise.ts';
import { factorial, permutationTable } from './permutations.ts';

/**
 * Returns Guilbaud's number 1/4 − (3/(2π))·arcsin(1/3) ≈ 0.08774: the limit, as the number of
 * voters grows, of the probability that three candidates have no Condorcet winner under impartial culture.
 * @see Guilbaud (1952), Les théories de l'intérêt général et le problème logique de l'agrégation.
 */
export function guilbaudLimit(): number {
  return 1 / 4 - (3 / (2 * Math.PI)) * Math.asin(1 / 3);
}

/**
 * Returns a shortest majority cycle of the ballots as candidate names [a, b, …, z], meaning a beats
 * b, …, and z beats a by strict majorities; it starts from the first name (in sorted order) that
 * lies on a cycle, and is null when the strict-majority relation has no cycle.
 * @see Condorcet (1785), Essai sur l'application de l'analyse à la probabilité des décisions.
 */
export function majorityCycle(ballots: readonly Ballot[]): string[] | null {
  const profile = createProfile(ballots, 'majorityCycle');
  const m = profile.candidates.length;
  const d = pairwiseCounts(profile);
  const beats = (a: number, b: number) => d[a * m + b]! > d[b * m + a]!;
  for (let start = 0; start < m; start++) {
    // Breadth-first search from `start` back to itself gives a shortest cycle through it.
    const parent = new Int32Array(m).fill(-1);
    const queue = [start];
    for (let q = 0; q < queue.length; q++) {
      const a = queue[q]!;
      for (let b = 0; b < m; b++) {
        if (!beats(a, b)) continue;
        if (b === start) {
          const cycle = [a];
          while (cycle[0] !== start) cycle.unshift(parent[cycle[0]!]!);
          return cycle.map((c) => profile.candidates[c]!);
        }
        if (parent[b] === -1 && b !== start) {
          parent[b] = a;
          queue.push(b);
        }
      }
    }
  }
  return null;
}

/** A profile with a majority cycle, one ballot per voter, found after `draws` impartial-culture draws. */
export type CyclicProfile = { ballots: Ballot[]; cycle: string[]; draws: number };

/**
 * Returns the first impartial-culture profile (each voter's ranking uniform over all orders, one
 * ballot per voter in voter order) that has a majority cycle, or null if none of `maxDraws`
 * (default 10,000) draws has one; with 3 candidates and 3 voters about 1 draw in 18 does.
 */
export function sampleCyclicProfile(options: {
  candidates: number;
  voters: number;
  seed: number;
  maxDraws?: number;
}): CyclicProfile | null {
  const caller = 'sampleCyclicProfile';
  const { candidates, voters, seed } = options;
  const maxDraws = options.maxDraws ?? 10_000;
  if (!Number.isInteger(candidates) || candidates < 3 || candidates > 26)
    throw new RangeError(`${caller}: candidates must be an integer from 3 to 26, got ${String(candidates)}`);
  if (!Number.isInteger(voters) || voters < 1 || voters > 10_000)
    throw new RangeError(`${caller}: voters must be an integer from 1 to 10000, got ${String(voters)}`);
  if (!Number.isInteger(maxDraws) || maxDraws < 1)
    throw new RangeError(`${caller}: maxDraws must be an integer >= 1, got ${String(maxDraws)}`);
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw new RangeError(`${caller}: seed must be a finite number, got ${String(seed)}`);
  const names = candidateNames(candidates);
  const rng = createRng(seed);
  for (let draw = 1; draw <= maxDraws; draw++) {
    const ballots = Array.from({ length: voters }, () => ({ ranking: shuffle(rng, names) }));
    const cycle = majorityCycle(ballots);
    if (cycle) return { ballots, cycle, draws: draw };
  }
  return null;
}

/** Returns the number of multisets of `voters` rankings over m candidates, C(n + m! − 1, m! − 1): the work of `condorcetParadoxExact`. */
export function condorcetParadoxExactCost(candidates: number, voters: number): number {
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > 8)
    throw new RangeError(
      `condorcetParadoxExactCost: candidates must be an integer from 1 to 8, got ${String(candidates)}`,
    );
  if (!Number.isInteger(voters) || voters < 0)
    throw new RangeError(`condorcetParadoxExactCost: voters must be an integer >= 0, got ${String(voters)}`);
  const k = factorial(candidates);
  // C(n + k − 1, n) built up term by term; exact while it stays below 2^53.
  let c = 1;
  for (let i = 1; i <= voters; i++) c = (c * (k - 1 + i)) / i;
  return Math.round(c);
}

/** The default largest `condorcetParadoxExactCost` that `condorcetParadoxExact` accepts. */
export const MAX_EXACT_PROFILES = 5_000_000;

/**
 * Returns the exact probability that m candidates have no Condorcet winner when n voters each draw
 * a ranking uniformly (impartial culture), by enumerating every multiset of rankings with its
 * multinomial weight; 1/18 for 3 candidates and 3 voters. Throws a RangeError when the enumeration
 * would exceed `maxProfiles` multisets (default 5,000,000).
 * @see Guilbaud (1952) for the limit these values approach as n grows.
 */
export function condorcetParadoxExact(candidates: number, voters: number, maxProfiles = MAX_EXACT_PROFILES): number {
  const caller = 'condorcetParadoxExact';
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > 5)
    throw new RangeError(`${caller}: candidates must be an integer from 1 to 5, got ${String(candidates)}`);
  if (!Number.isInteger(voters) || voters < 1 || voters > 170)
    throw new RangeError(`${caller}: voters must be an integer from 1 to 170, got ${String(voters)}`);
  const cost = condorcetParadoxExactCost(candidates, voters);
  if (cost > maxProfiles) {
    throw new RangeError(
      `${caller}: ${candidates} candidates and ${voters} voters need ${cost} profiles, more than the limit ${maxProfiles}`,
    );
  }
  const m = candidates;
  const table = permutationTable(m);
  const k = factorial(m);
  const fact = new Float64Array(voters + 1);
  fact[0] = 1;
  for (let i = 1; i <= voters; i++) fact[i] = fact[i - 1]! * i;
  // Each ranking's contribution to the pairwise matrix, so a count c adds c times a row.
  const rows = Array.from({ length: k }, (_, o) => {
    const row = new Float64Array(m * m);
    for (let i = 0; i < m - 1; i++) {
      for (let j = i + 1; j < m; j++) row[table[o * m + i]! * m + table[o * m + j]!] = 1;
    }
    return row;
  });
  // The matrix is updated in place on the way down the recursion and restored on the way up.
  const d = new Float64Array(m * m);
  let cyclic = 0;
  const add = (o: number, c: number) => {
    const row = rows[o]!;
    for (let x = 0; x < m * m; x++) d[x]! += c * row[x]!;
  };
  const visit = (o: number, left: number, weight: number): void => {
    if (o === k - 1) {
      add(o, left);
      if (condorcetWinnerIndex(d, m) < 0) cyclic += weight / fact[left]!;
      add(o, -left);
      return;
    }
    for (let c = 0; c <= left; c++) {
      if (c > 0) add(o, 1);
      visit(o + 1, left - c, weight / fact[c]!);
    }
    add(o, -left);
  };
  visit(0, voters, fact[voters]!);
  return cyclic / k ** voters;
}
