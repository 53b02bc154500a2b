/**
 * Strategic voting (Gibbard–Satterthwaite): search for a voter who gets an outcome it strictly
 * prefers by casting a ranking other than its sincere one, all other voters sincere.
 */
import { createProfile, type Ballot, type VotingProfile } from './ballots.ts';
import { checkRule, winnerIndices, type RankedRule } from './election.ts';
import { factorial, permutationTable } from './permutations.ts';

/** The most candidates the exhaustive search accepts (7! = 5,040 alternative rankings per voter). */
export const MAX_MANIPULATION_CANDIDATES = 7;

/**
 * How a voter compares winner sets. 'lexicographic': ties are broken for the candidate whose name
 * sorts first, so a set counts as its first name. 'expected-rank': ties are broken uniformly at
 * random, so a set counts as the mean Borda score (m−1 for the top choice … 0) of its members.
 */
export type TieComparison = 'lexicographic' | 'expected-rank';

/** A successful manipulation: which ballot's voter deviates, to what, and the winners before and after. */
export type Manipulation = {
  ballotIndex: number;
  sincere: string[];
  insincere: string[];
  sincereWinners: string[];
  manipulatedWinners: string[];
};

/** Returns the voter's value of a winner set (higher is better), as a fraction num/den to compare exactly. */
function outcomeValue(
  winners: readonly number[],
  positionOf: Int32Array,
  m: number,
  compare: TieComparison,
): [number, number] {
  if (compare === 'lexicographic') return [m - 1 - positionOf[winners[0]!]!, 1];
  let sum = 0;
  for (const w of winners) sum += m - 1 - positionOf[w]!;
  return [sum, winners.length];
}

function better(a: [number, number], b: [number, number]): boolean {
  return a[0] * b[1] > b[0] * a[1];
}

/**
 * Returns a manipulation of the election under `rule`, or null when no single voter can gain by
 * lying: for each ballot in input order, every alternative ranking is tried and the one giving
 * that voter its best outcome (first in ranking order among equals) is returned. Winner sets are
 * compared as `compare` says (default 'lexicographic').
 * @see Gibbard (1973), Manipulation of Voting Schemes: A General Result; Satterthwaite (1975).
 */
export function findManipulation(
  rule: RankedRule,
  ballots: readonly Ballot[],
  compare: TieComparison = 'lexicographic',
): Manipulation | null {
  checkRule(rule, 'findManipulation');
  if (compare !== 'lexicographic' && compare !== 'expected-rank') {
    throw new RangeError(
      `findManipulation: compare must be 'lexicographic' or 'expected-rank', got ${String(compare)}`,
    );
  }
  const profile = createProfile(ballots, 'findManipulation');
  const m = profile.candidates.length;
  if (m > MAX_MANIPULATION_CANDIDATES) {
    throw new RangeError(
      `findManipulation: at most ${MAX_MANIPULATION_CANDIDATES} candidates can be searched exhaustively, got ${m}`,
    );
  }
  const names = profile.candidates;
  const indexOf = new Map(names.map((name, i) => [name, i] as const));
  const sincereWinners = winnerIndices(rule, profile);
  const table = permutationTable(m);
  const orders = factorial(m);
  // The deviating voter's ballot is one extra group appended to a copy of the profile.
  const rankings = new Uint8Array((profile.groups + 1) * m);
  rankings.set(profile.rankings);
  const counts = new Float64Array(profile.groups + 1);
  const positionOf = new Int32Array(m);
  const tried = new Set<string>();
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b]!;
    if ((ballot.count ?? 1) === 0) continue;
    const sincere = ballot.ranking.map((name) => indexOf.get(name)!);
    const key = sincere.join(',');
    if (tried.has(key)) continue; // voters with the same sincere ranking have the same options
    tried.add(key);
    sincere.forEach((c, pos) => {
      positionOf[c] = pos;
    });
    const group = findGroup(profile, sincere);
    const sincereValue = outcomeValue(sincereWinners, positionOf, m, compare);
    counts.set(profile.counts);
    counts[group]!--;
    counts[profile.groups] = 1;
    let best: { value: [number, number]; order: number; winners: number[] } | null = null;
    for (let o = 0; o < orders; o++) {
      rankings.set(table.subarray(o * m, o * m + m), profile.groups * m);
      const deviated: VotingProfile = {
        candidates: names,
        groups: profile.groups + 1,
        rankings,
        counts,
        total: profile.total,
      };
      const winners = winnerIndices(rule, deviated);
      const value = outcomeValue(winners, positionOf, m, compare);
      if (better(value, best ? best.value : sincereValue)) best = { value, order: o, winners };
    }
    if (best) {
      return {
        ballotIndex: b,
        sincere: [...ballot.ranking],
        insincere: Array.from(table.subarray(best.order * m, best.order * m + m), (c) => names[c]!),
        sincereWinners: sincereWinners.map((c) => names[c]!),
        manipulatedWinners: best.winners.map((c) => names[c]!),
      };
    }
  }
  return null;
}

function findGroup(profile: VotingProfile, ranking: readonly number[]): number {
  const m = ranking.length;
  for (let g = 0; g < profile.groups; g++) {
    let same = true;
    for (let k = 0; k < m && same; k++) if (profile.rankings[g * m + k] !== ranking[k]) same = false;
    if (same) return g;
  }
  throw new Error('findManipulation: internal error, a ballot has no group');
}
