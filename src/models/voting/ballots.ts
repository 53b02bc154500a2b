/**
 * Ranked ballots and the compact profile every rule tallies. Identical rankings are merged into
 * one group with a count, so a 1,001-voter election over 5 candidates is at most 120 groups.
 */

/** A full ranking of the candidates, best first, cast by `count` voters (default 1). */
export type Ballot = { readonly ranking: readonly string[]; readonly count?: number };

/**
 * A profile ready for tallying: candidate names sorted, and `groups` distinct rankings stored as
 * rows of candidate indices (best first) in `rankings`, each cast by `counts[g]` voters.
 */
export type VotingProfile = {
  readonly candidates: readonly string[];
  readonly groups: number;
  readonly rankings: Uint8Array;
  readonly counts: Float64Array;
  readonly total: number;
};

/** The most candidates a profile may hold (candidate indices are stored as bytes). */
export const MAX_CANDIDATES = 255;

/** Validates a ballot's count and returns it (default 1). */
export function ballotCount(count: unknown, where: string): number {
  if (count === undefined) return 1;
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`${where}: count must be a non-negative integer, got ${String(count)}`);
  }
  return count;
}

function checkShape(ballot: Ballot | undefined, b: number, caller: string): void {
  if (ballot === null || typeof ballot !== 'object' || !Array.isArray(ballot.ranking)) {
    throw new TypeError(`${caller}: ballot ${b} must be an object with a ranking array`);
  }
  ballotCount(ballot.count, `${caller}: ballot ${b}`);
}

/**
 * Returns the profile of `ballots` (candidates = the union of the names they rank); throws a
 * TypeError or RangeError naming the ballot when a ranking is not a full ranking of that set.
 */
export function createProfile(ballots: readonly Ballot[], caller = 'createProfile'): VotingProfile {
  if (!Array.isArray(ballots)) throw new TypeError(`${caller}: ballots must be an array of { ranking, count? }`);
  if (ballots.length > 0) {
    // Fast path: valid ballots all rank the names of the first one, so try those and fall back to
    // the full union (which also gives exact error messages) at the first sign of trouble.
    checkShape(ballots[0], 0, caller);
    const names = [...new Set(ballots[0]!.ranking)];
    if (names.length > 0 && names.length <= MAX_CANDIDATES && names.every((n) => typeof n === 'string')) {
      const fast = encodeProfile(ballots, names.sort(), caller, false);
      if (fast) return fast;
    }
  }
  const union = new Set<string>();
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b];
    checkShape(ballot, b, caller);
    for (const name of ballot!.ranking) {
      if (union.has(name)) continue;
      if (typeof name !== 'string')
        throw new TypeError(`${caller}: ballot ${b} ranks a non-string candidate ${String(name)}`);
      union.add(name);
    }
  }
  if (union.size === 0) throw new RangeError(`${caller}: ballots must rank at least one candidate`);
  if (union.size > MAX_CANDIDATES) {
    throw new RangeError(`${caller}: at most ${MAX_CANDIDATES} candidates are supported, got ${union.size}`);
  }
  return encodeProfile(ballots, [...union].sort(), caller, true)!;
}

/**
 * Encodes ballots over the sorted `candidates`, merging identical rankings. On a ballot that is
 * not a full ranking of them it throws when `strict`, else returns null.
 */
function encodeProfile(
  ballots: readonly Ballot[],
  candidates: string[],
  caller: string,
  strict: boolean,
): VotingProfile | null {
  const m = candidates.length;
  // Few candidates: a linear scan with === beats a Map lookup by string.
  const indexOf = m > 8 ? new Map(candidates.map((name, i) => [name, i] as const)) : null;
  // A ranking's key is its digits in base m, exact in a double while m^m < 2^53 (m <= 13);
  // beyond that a string of indices is used.
  const numericKeys = m <= 13;
  const groupOf = new Map<number | string, number>();
  // With at most 4,096 possible keys (m <= 5) a flat table is faster than the map.
  const table = m ** m <= 4096 ? new Int32Array(m ** m).fill(-1) : null;
  const rankings: number[] = [];
  const counts: number[] = [];
  const stamp = new Int32Array(m);
  const row = new Uint8Array(m);
  let total = 0;
  for (let b = 0; b < ballots.length; b++) {
    const ballot = ballots[b]!;
    if (!strict) checkShape(ballot, b, caller);
    const ranking = ballot.ranking;
    let code = 0;
    let text = '';
    for (let pos = 0; pos < ranking.length; pos++) {
      const name = ranking[pos]!;
      let c = -1;
      if (indexOf) c = indexOf.get(name) ?? -1;
      else {
        for (let k = 0; k < m; k++) {
          if (candidates[k] === name) {
            c = k;
            break;
          }
        }
      }
      if (c < 0) {
        // Only the fast path can meet a name outside its candidate set.
        return null;
      }
      if (stamp[c] === b + 1) {
        if (!strict) return null;
        throw new RangeError(`${caller}: ballot ${b} ranks ${JSON.stringify(name)} twice`);
      }
      stamp[c] = b + 1;
      row[pos] = c;
      if (numericKeys) code = code * m + c;
      else text += `${c},`;
    }
    if (ranking.length < m) {
      if (!strict) return null;
      const missing = candidates
        .filter((_, c) => stamp[c] !== b + 1)
        .map((name) => JSON.stringify(name))
        .join(', ');
      throw new RangeError(
        `${caller}: ballot ${b} ranks ${ranking.length} of the ${m} candidates (missing ${missing}); every ballot must rank all of them`,
      );
    }
    const count = ballot.count ?? 1;
    total += count;
    const key = numericKeys ? code : text;
    const g = table ? table[code]! : groupOf.get(key);
    if (g === undefined || g < 0) {
      if (table) table[code] = counts.length;
      else groupOf.set(key, counts.length);
      counts.push(count);
      for (let pos = 0; pos < m; pos++) rankings.push(row[pos]!);
    } else {
      counts[g]! += count;
    }
  }
  return {
    candidates,
    groups: counts.length,
    rankings: Uint8Array.from(rankings),
    counts: Float64Array.from(counts),
    total,
  };
}

/** Returns the profile left after deleting candidate index `removed` from every ranking (indices shift down). */
export function removeCandidate(profile: VotingProfile, removed: number): VotingProfile {
  const m = profile.candidates.length;
  const candidates = profile.candidates.filter((_, c) => c !== removed);
  const rankings = new Uint8Array(profile.groups * (m - 1));
  for (let g = 0; g < profile.groups; g++) {
    let pos = 0;
    for (let k = 0; k < m; k++) {
      const c = profile.rankings[g * m + k]!;
      if (c !== removed) rankings[g * (m - 1) + pos++] = c > removed ? c - 1 : c;
    }
  }
  return { candidates, groups: profile.groups, rankings, counts: profile.counts.slice(), total: profile.total };
}

/** Returns the indices where `scores` is largest (or smallest with `lowest`), ascending; ties are exact. */
export function extremeIndices(scores: ArrayLike<number>, lowest = false): number[] {
  let best = lowest ? Infinity : -Infinity;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (lowest ? s < best : s > best) best = s;
  }
  const out: number[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i] === best) out.push(i);
  return out;
}

/** Returns `input` itself when it is already a profile, else the profile of the ballots. */
export function asProfile(input: readonly Ballot[] | VotingProfile, caller: string): VotingProfile {
  return Array.isArray(input) ? createProfile(input, caller) : (input as VotingProfile);
}

/** A rule's tally: per-candidate scores aligned with the sorted candidate names, and the winners. */
export type ScoredTally = { candidates: string[]; scores: number[]; winners: string[] };

/** Builds a `ScoredTally` from index-level scores and winner indices. */
export function scoredTally(
  profile: VotingProfile,
  scores: ArrayLike<number>,
  winners: readonly number[],
): ScoredTally {
  return {
    candidates: [...profile.candidates],
    scores: Array.from(scores),
    winners: winners.map((c) => profile.candidates[c]!),
  };
}
