/**
 * Minimax (Simpson–Kramer): elect the candidate whose worst head-to-head defeat is the smallest,
 * measuring a defeat by its margin (a candidate never defeated scores 0).
 */
import {
  asProfile,
  extremeIndices,
  scoredTally,
  type Ballot,
  type ScoredTally,
  type VotingProfile,
} from './ballots.ts';
import { pairwiseCounts } from './pairwise.ts';

/** Returns each candidate's largest defeat margin max_b (d[b][a] − d[a][b]), floored at 0; lower is better. */
export function minimaxScores(d: Float64Array, m: number): Float64Array {
  const scores = new Float64Array(m);
  for (let a = 0; a < m; a++) {
    let worst = 0;
    for (let b = 0; b < m; b++) {
      if (b === a) continue;
      const margin = d[b * m + a]! - d[a * m + b]!;
      if (margin > worst) worst = margin;
    }
    scores[a] = worst;
  }
  return scores;
}

/** Returns the minimax winners' indices (the smallest worst defeat), ascending. */
export function minimaxWinnerIndices(profile: VotingProfile, d = pairwiseCounts(profile)): number[] {
  return extremeIndices(minimaxScores(d, profile.candidates.length), true);
}

/** Returns each candidate's worst defeat margin (lower is better) and the minimax winners (all on an exact tie). */
export function tallyMinimax(input: readonly Ballot[] | VotingProfile): ScoredTally {
  const profile = asProfile(input, 'tallyMinimax');
  const scores = minimaxScores(pairwiseCounts(profile), profile.candidates.length);
  return scoredTally(profile, scores, extremeIndices(scores, true));
}
