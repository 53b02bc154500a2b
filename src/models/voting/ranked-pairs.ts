/**
 * Ranked pairs (Tideman 1987): take the head-to-head victories from the largest margin down and
 * lock each one unless it would close a cycle with those already locked; the candidate no locked
 * victory points at wins. Victories with equal margins can be taken in any order, so the winners
 * are the union over all those orders.
 */
import { asProfile, type Ballot, type VotingProfile } from './ballots.ts';
import { pairwiseCounts } from './pairwise.ts';

/** The most candidates ranked pairs accepts (reachability is kept as 32-bit masks). */
export const MAX_RANKED_PAIRS_CANDIDATES = 30;

type Pair = { a: number; b: number; margin: number };

/** A head-to-head victory in the order ranked pairs considers it, and whether it was locked. */
export type RankedPair = { winner: string; loser: string; margin: number; locked: boolean };

/** Ranked pairs' victories (largest margin first, equal margins by candidate name) and the winners. */
export type RankedPairsTally = { candidates: string[]; pairs: RankedPair[]; winners: string[] };

function sortedPairs(d: Float64Array, m: number): Pair[] {
  const pairs: Pair[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      const margin = d[a * m + b]! - d[b * m + a]!;
      if (margin > 0) pairs.push({ a, b, margin });
    }
  }
  // Stable sort keeps equal margins in candidate-index order: the canonical order for display.
  return pairs.sort((p, q) => q.margin - p.margin);
}

/** reach[x] is the bit set of candidates that x reaches through locked victories. */
function lock(reach: Int32Array, a: number, b: number): Int32Array {
  const next = reach.slice();
  const gained = (1 << b) | reach[b]!;
  for (let x = 0; x < next.length; x++) if (x === a || next[x]! & (1 << a)) next[x]! |= gained;
  return next;
}

function checkSize(m: number, caller: string): void {
  if (m > MAX_RANKED_PAIRS_CANDIDATES) {
    throw new RangeError(
      `${caller}: ranked pairs supports at most ${MAX_RANKED_PAIRS_CANDIDATES} candidates, got ${m}`,
    );
  }
}

/** Returns the ranked-pairs winners' indices: the union over every order of equal-margin victories, ascending. */
export function rankedPairsWinnerIndices(profile: VotingProfile, d = pairwiseCounts(profile)): number[] {
  const m = profile.candidates.length;
  checkSize(m, 'rankedPairs');
  const pairs = sortedPairs(d, m);
  // The locked graph only matters through its reachability, so states are deduplicated by it.
  let states = new Map<string, Int32Array>([['', new Int32Array(m)]]);
  for (let start = 0; start < pairs.length;) {
    let end = start;
    while (end < pairs.length && pairs[end]!.margin === pairs[start]!.margin) end++;
    const group = pairs.slice(start, end);
    start = end;
    const next = new Map<string, Int32Array>();
    const visited = new Set<string>();
    const explore = (reach: Int32Array): void => {
      let moved = false;
      for (const { a, b } of group) {
        if (reach[a]! & (1 << b)) continue; // already implied: locking it changes nothing
        if (a === b || reach[b]! & (1 << a)) continue; // would close a cycle, now and later
        moved = true;
        const after = lock(reach, a, b);
        const key = after.join(',');
        if (visited.has(key)) continue;
        visited.add(key);
        explore(after);
      }
      if (!moved) next.set(reach.join(','), reach);
    };
    for (const reach of states.values()) {
      // Fast path: if the whole group fits without a cycle, every order locks all of it.
      let all: Int32Array = reach;
      let acyclic = true;
      for (const { a, b } of group) {
        if (all[b]! & (1 << a)) {
          acyclic = false;
          break;
        }
        if (!(all[a]! & (1 << b))) all = lock(all, a, b);
      }
      if (acyclic) next.set(all.join(','), all);
      else explore(reach);
    }
    states = next;
  }
  const winners = new Set<number>();
  for (const reach of states.values()) {
    let beaten = 0;
    for (let x = 0; x < m; x++) beaten |= reach[x]!;
    for (let x = 0; x < m; x++) if (!(beaten & (1 << x))) winners.add(x);
  }
  return [...winners].sort((x, y) => x - y);
}

/**
 * Returns the victories in the order ranked pairs takes them (equal margins in candidate-name
 * order, with which were locked in that order) and the winners over every order of equal margins.
 * @see Tideman (1987), Independence of clones as a criterion for voting rules.
 */
export function tallyRankedPairs(input: readonly Ballot[] | VotingProfile): RankedPairsTally {
  const profile = asProfile(input, 'tallyRankedPairs');
  const m = profile.candidates.length;
  checkSize(m, 'tallyRankedPairs');
  const d = pairwiseCounts(profile);
  let reach: Int32Array = new Int32Array(m);
  const names = profile.candidates;
  const pairs = sortedPairs(d, m).map(({ a, b, margin }) => {
    const locked = !(reach[b]! & (1 << a));
    if (locked) reach = lock(reach, a, b);
    return { winner: names[a]!, loser: names[b]!, margin, locked };
  });
  return {
    candidates: [...names],
    pairs,
    winners: rankedPairsWinnerIndices(profile, d).map((c) => names[c]!),
  };
}
