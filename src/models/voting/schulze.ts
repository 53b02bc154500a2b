/**
 * The Schulze (beatpath) method on winning votes: the strength of a path is its weakest link, and
 * a candidate wins when its strongest path to every rival is at least as strong as the reverse.
 */
import { asProfile, type Ballot, type VotingProfile } from './ballots.ts';
import { pairwiseCounts } from './pairwise.ts';

/** Schulze's strongest-path strengths (`strengths[a][b]`, by winning votes) and the winners. */
export type SchulzeTally = { candidates: string[]; strengths: number[][]; winners: string[] };

/** Returns the flat m×m matrix of strongest-path strengths, links weighted by winning votes (0 for a loss or tie). */
export function schulzeStrengths(d: Float64Array, m: number): Float64Array {
  const p = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b < m; b++) {
      if (a !== b && d[a * m + b]! > d[b * m + a]!) p[a * m + b] = d[a * m + b]!;
    }
  }
  // Floyd–Warshall for widest paths: a path is as strong as its weakest link.
  for (let k = 0; k < m; k++) {
    for (let a = 0; a < m; a++) {
      if (a === k) continue;
      const ak = p[a * m + k]!;
      if (ak === 0) continue;
      for (let b = 0; b < m; b++) {
        if (b === a || b === k) continue;
        const via = Math.min(ak, p[k * m + b]!);
        if (via > p[a * m + b]!) p[a * m + b] = via;
      }
    }
  }
  return p;
}

function winnersFromStrengths(p: Float64Array, m: number): number[] {
  const winners: number[] = [];
  for (let a = 0; a < m; a++) {
    let wins = true;
    for (let b = 0; b < m && wins; b++) if (b !== a && p[b * m + a]! > p[a * m + b]!) wins = false;
    if (wins) winners.push(a);
  }
  return winners;
}

/** Returns the Schulze winners' indices, ascending (never empty: Schulze 2011 shows a winner always exists). */
export function schulzeWinnerIndices(profile: VotingProfile, d = pairwiseCounts(profile)): number[] {
  const m = profile.candidates.length;
  return winnersFromStrengths(schulzeStrengths(d, m), m);
}

/**
 * Returns the strongest-path strengths (winning votes) and the Schulze winners (all of them on an exact tie).
 * @see Schulze (2011), A new monotonic, clone-independent, reversal symmetric, and Condorcet-consistent single-winner election method.
 */
export function tallySchulze(input: readonly Ballot[] | VotingProfile): SchulzeTally {
  const profile = asProfile(input, 'tallySchulze');
  const m = profile.candidates.length;
  const p = schulzeStrengths(pairwiseCounts(profile), m);
  return {
    candidates: [...profile.candidates],
    strengths: Array.from({ length: m }, (_, a) => Array.from(p.subarray(a * m, (a + 1) * m))),
    winners: winnersFromStrengths(p, m).map((c) => profile.candidates[c]!),
  };
}
