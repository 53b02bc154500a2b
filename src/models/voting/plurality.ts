/** Plurality (first past the post): each voter's first choice gets one vote. */
import {
  asProfile,
  extremeIndices,
  scoredTally,
  type Ballot,
  type ScoredTally,
  type VotingProfile,
} from './ballots.ts';

/** Returns the number of first preferences of each candidate. */
export function pluralityScores(profile: VotingProfile): Float64Array {
  const m = profile.candidates.length;
  const scores = new Float64Array(m);
  for (let g = 0; g < profile.groups; g++) scores[profile.rankings[g * m]!]! += profile.counts[g]!;
  return scores;
}

/** Returns the plurality winners' indices (every candidate with the most first preferences), ascending. */
export function pluralityWinnerIndices(profile: VotingProfile): number[] {
  return extremeIndices(pluralityScores(profile));
}

/** Returns first-preference counts per candidate and the plurality winners (all of them on an exact tie). */
export function tallyPlurality(input: readonly Ballot[] | VotingProfile): ScoredTally {
  const profile = asProfile(input, 'tallyPlurality');
  const scores = pluralityScores(profile);
  return scoredTally(profile, scores, extremeIndices(scores));
}
