/** Voting: ranked, approval and score rules, Condorcet analysis, electorates, Yee diagrams and manipulation. */
export { createProfile, type Ballot, type ScoredTally, type VotingProfile } from './ballots.ts';
export { pairwiseMatrix, condorcetWinner, type PairwiseMatrix } from './pairwise.ts';
export { tallyPlurality } from './plurality.ts';
export { tallyBorda } from './borda.ts';
export { tallyInstantRunoff, type InstantRunoffRound, type InstantRunoffTally } from './instant-runoff.ts';
export { tallyCopeland } from './copeland.ts';
export { tallyMinimax } from './minimax.ts';
export { tallySchulze, type SchulzeTally } from './schulze.ts';
export { tallyRankedPairs, type RankedPair, type RankedPairsTally } from './ranked-pairs.ts';
export { tallyTwoRound, type TwoRoundTally } from './two-round.ts';
export { electionWinners, compareRules, RULES, RANKED_RULES, type Rule, type RankedRule } from './election.ts';
export { tallyApproval, approvalWinners, type ApprovalBallot, type ApprovalTally } from './approval.ts';
export { tallyScore, scoreWinners, type ScoreBallot, type ScoreTally } from './score.ts';
export {
  impartialCulture,
  condorcetParadoxRate,
  candidateNames,
  type ImpartialCultureOptions,
} from './impartial-culture.ts';
export {
  spatialBallots,
  spatialApprovalBallots,
  gaussianElectorate,
  uniformElectorate,
  UNIT_SQUARE,
  type SpatialPoint,
  type SpatialCandidate,
  type SpatialBounds,
} from './spatial.ts';
export {
  yeeDiagram,
  yeeDiagrams,
  yeeRowChunks,
  mergeYeeChunks,
  yeeCellCenter,
  type YeeRule,
  type YeeOptions,
  type YeeDiagram,
  type YeeDiagrams,
} from './yee.ts';
export { findManipulation, type Manipulation, type TieComparison } from './manipulation.ts';
export { iiaViolations, type IiaCheck, type IiaViolation } from './independence.ts';
export {
  guilbaudLimit,
  majorityCycle,
  sampleCyclicProfile,
  condorcetParadoxExact,
  condorcetParadoxExactCost,
  MAX_EXACT_PROFILES,
  type CyclicProfile,
} from './majority-cycle.ts';
export { nearestCandidate, yeeWinnerAt, yeeRegionShares, squeezedCandidates, type YeeShares } from './yee-regions.ts';
export {
  findManipulableProfile,
  type ManipulableProfile,
  type ManipulableProfileOptions,
} from './manipulable-profile.ts';
