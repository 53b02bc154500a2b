/** One entry point for every ranked rule, by name. */
import { createProfile, type Ballot, type VotingProfile } from './ballots.ts';
import { bordaWinnerIndices } from './borda.ts';
import { copelandWinnerIndices } from './copeland.ts';
import { instantRunoffWinnerIndices } from './instant-runoff.ts';
import { minimaxWinnerIndices } from './minimax.ts';
import { pairwiseCounts } from './pairwise.ts';
import { pluralityWinnerIndices } from './plurality.ts';
import { rankedPairsWinnerIndices } from './ranked-pairs.ts';
import { schulzeWinnerIndices } from './schulze.ts';
import { twoRoundWinnerIndices } from './two-round.ts';

/** The ranked rules `electionWinners` knows. */
export type Rule = 'plurality' | 'borda' | 'irv' | 'copeland' | 'schulze' | 'minimax' | 'ranked-pairs';

/** Every `Rule`, in a fixed order for menus and loops. */
export const RULES: readonly Rule[] = ['plurality', 'borda', 'irv', 'copeland', 'schulze', 'minimax', 'ranked-pairs'];

/** A ranked rule, or the two-round runoff, which reads the same ballots. */
export type RankedRule = Rule | 'two-round';

/** Every `RankedRule`. */
export const RANKED_RULES: readonly RankedRule[] = [...RULES, 'two-round'];

/** Whether a rule reads only the pairwise matrix (and so is worth handing a precomputed one). */
export function isPairwiseRule(rule: RankedRule): boolean {
  return rule === 'copeland' || rule === 'schulze' || rule === 'minimax' || rule === 'ranked-pairs';
}

/** Throws a RangeError naming `caller` unless `rule` is a `RankedRule` (only a `Rule` when `allowTwoRound` is false). */
export function checkRule(rule: unknown, caller: string, allowTwoRound = true): asserts rule is RankedRule {
  const allowed: readonly string[] = allowTwoRound ? RANKED_RULES : RULES;
  if (typeof rule !== 'string' || !allowed.includes(rule)) {
    throw new RangeError(
      `${caller}: rule must be one of ${allowed.map((r) => `'${r}'`).join(', ')}; got ${JSON.stringify(rule)}`,
    );
  }
}

/**
 * Returns the winners' indices of `profile` under `rule`, ascending; `d` is its pairwise matrix,
 * computed here when not given.
 */
export function winnerIndices(rule: RankedRule, profile: VotingProfile, d?: Float64Array): number[] {
  switch (rule) {
    case 'plurality':
      return pluralityWinnerIndices(profile);
    case 'borda':
      return bordaWinnerIndices(profile);
    case 'irv':
      return instantRunoffWinnerIndices(profile);
    case 'two-round':
      return twoRoundWinnerIndices(profile);
    case 'copeland':
      return copelandWinnerIndices(profile, d ?? pairwiseCounts(profile));
    case 'schulze':
      return schulzeWinnerIndices(profile, d ?? pairwiseCounts(profile));
    case 'minimax':
      return minimaxWinnerIndices(profile, d ?? pairwiseCounts(profile));
    case 'ranked-pairs':
      return rankedPairsWinnerIndices(profile, d ?? pairwiseCounts(profile));
  }
}

/**
 * Returns the winners of an election under `rule`, sorted by name; more than one only on an exact
 * tie. Ballots must all be full rankings of the same candidates. Also accepts 'two-round'.
 * @see Tideman (1987) for ranked pairs; Schulze (2011) for the beatpath method.
 */
export function electionWinners(rule: Rule | 'two-round', ballots: readonly Ballot[]): string[] {
  checkRule(rule, 'electionWinners');
  const profile = createProfile(ballots, 'electionWinners');
  return winnerIndices(rule, profile).map((c) => profile.candidates[c]!);
}

/**
 * Returns the winners under each of `rules` for one set of ballots, tallying the ballots and the
 * pairwise matrix only once.
 */
export function compareRules(
  ballots: readonly Ballot[],
  rules: readonly RankedRule[] = RULES,
): Record<string, string[]> {
  rules.forEach((rule) => checkRule(rule, 'compareRules'));
  const profile = createProfile(ballots, 'compareRules');
  const d = pairwiseCounts(profile);
  const out: Record<string, string[]> = {};
  for (const rule of rules) out[rule] = winnerIndices(rule, profile, d).map((c) => profile.candidates[c]!);
  return out;
}
