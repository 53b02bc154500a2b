/** The Borda count: with m candidates a ballot gives m−1 points to its first choice, …, 0 to its last. */
import {
  asProfile,
  extremeIndices,
  scoredTally,
  type Ballot,
  type ScoredTally,
  type VotingProfile,
} from './ballots.ts';

/** Returns each candidate's Borda points (m−1 for a first place down to 0 for a last place). */
export function bordaScores(profile: VotingProfile): Float64Array {
  const m = profile.candidates.length;
  const scores = new Float64Array(m);
  for (let g = 0; g < profile.groups; g++) {
    const c = profile.counts[g]!;
    for (let pos = 0; pos < m; pos++) scores[profile.rankings[g * m + pos]!]! += c * (m - 1 - pos);
  }
  return scores;
}

/** Returns the Borda winners' indices (the most points), ascending. */
export function bordaWinnerIndices(profile: VotingProfile): number[] {
  return extremeIndices(bordaScores(profile));
}

/** Returns Borda points per candidate and the winners (all of them on an exact tie). */
export function tallyBorda(input: readonly Ballot[] | VotingProfile): ScoredTally {
  const profile = asProfile(input, 'tallyBorda');
  const scores = bordaScores(profile);
  return scoredTally(profile, scores, extremeIndices(scores));
}
