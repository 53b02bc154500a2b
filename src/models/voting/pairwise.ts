/**
 * Head-to-head counts. Every Condorcet method reads the same m×m matrix, computed once per profile.
 */
import { createProfile, type Ballot, type VotingProfile } from './ballots.ts';

/**
 * Returns the flat m×m matrix whose entry [a·m + b] is the number of voters ranking candidate a
 * above candidate b (diagonal 0).
 */
export function pairwiseCounts(profile: VotingProfile): Float64Array {
  const m = profile.candidates.length;
  const d = new Float64Array(m * m);
  const { rankings, counts } = profile;
  for (let g = 0; g < profile.groups; g++) {
    const c = counts[g]!;
    if (c === 0) continue;
    const row = g * m;
    for (let i = 0; i < m - 1; i++) {
      const base = rankings[row + i]! * m;
      for (let j = i + 1; j < m; j++) d[base + rankings[row + j]!]! += c;
    }
  }
  return d;
}

/** The head-to-head table of an election: `matrix[i][j]` voters rank `candidates[i]` above `candidates[j]`. */
export type PairwiseMatrix = { candidates: string[]; matrix: number[][] };

/**
 * Returns the pairwise matrix of `ballots`: candidates sorted by name and, for each ordered pair,
 * the number of voters preferring the first to the second.
 * @see Condorcet (1785), Essai sur l'application de l'analyse à la probabilité des décisions.
 */
export function pairwiseMatrix(ballots: readonly Ballot[]): PairwiseMatrix {
  const profile = createProfile(ballots, 'pairwiseMatrix');
  const m = profile.candidates.length;
  const d = pairwiseCounts(profile);
  const matrix = Array.from({ length: m }, (_, a) => Array.from(d.subarray(a * m, (a + 1) * m)));
  return { candidates: [...profile.candidates], matrix };
}

/** Returns the index of the candidate who beats every other head to head by a strict majority, or −1. */
export function condorcetWinnerIndex(d: Float64Array, m: number): number {
  for (let a = 0; a < m; a++) {
    let beatsAll = true;
    for (let b = 0; b < m && beatsAll; b++) {
      if (b !== a && !(d[a * m + b]! > d[b * m + a]!)) beatsAll = false;
    }
    if (beatsAll) return a;
  }
  return -1;
}

/**
 * Returns the candidate who beats every other candidate head to head by a strict majority of the
 * voters, or null when there is none (a majority cycle or a head-to-head tie).
 * @see Condorcet (1785); Black (1948), On the Rationale of Group Decision-making.
 */
export function condorcetWinner(ballots: readonly Ballot[]): string | null {
  const profile = createProfile(ballots, 'condorcetWinner');
  const index = condorcetWinnerIndex(pairwiseCounts(profile), profile.candidates.length);
  return index < 0 ? null : profile.candidates[index]!;
}
