/** Copeland's rule: a candidate scores one point per head-to-head win and loses one per defeat. */
import {
  asProfile,
  extremeIndices,
  scoredTally,
  type Ballot,
  type ScoredTally,
  type VotingProfile,
} from './ballots.ts';
import { pairwiseCounts } from './pairwise.ts';

/** Returns each candidate's head-to-head wins minus losses (ties count 0) from the pairwise counts `d`. */
export function copelandScores(d: Float64Array, m: number): Float64Array {
  const scores = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const ab = d[a * m + b]!;
      const ba = d[b * m + a]!;
      if (ab > ba) {
        scores[a]!++;
        scores[b]!--;
      } else if (ba > ab) {
        scores[b]!++;
        scores[a]!--;
      }
    }
  }
  return scores;
}

/** Returns the Copeland winners' indices (the best wins − losses), ascending. */
export function copelandWinnerIndices(profile: VotingProfile, d = pairwiseCounts(profile)): number[] {
  return extremeIndices(copelandScores(d, profile.candidates.length));
}

/** Returns wins − losses per candidate and the Copeland winners (all of them on an exact tie). */
export function tallyCopeland(input: readonly Ballot[] | VotingProfile): ScoredTally {
  const profile = asProfile(input, 'tallyCopeland');
  const scores = copelandScores(pairwiseCounts(profile), profile.candidates.length);
  return scoredTally(profile, scores, extremeIndices(scores));
}
