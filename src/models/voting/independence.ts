/**
 * Independence of irrelevant alternatives (Arrow 1951): deleting a losing candidate from every
 * ballot should not change who wins. Most rules fail it on some profile.
 */
import { createProfile, removeCandidate, type Ballot } from './ballots.ts';
import { checkRule, winnerIndices, type RankedRule } from './election.ts';

/** A losing candidate whose removal changed the winners, and the winners without it. */
export type IiaViolation = { removed: string; winners: string[] };

/** The winners with every candidate, and each removal of a loser that changes them. */
export type IiaCheck = { winners: string[]; violations: IiaViolation[] };

/**
 * Returns the winners under `rule` and, for each losing candidate in name order whose removal from
 * every ballot changes the set of winners, the winners without it (no violations: none found).
 * @see Arrow (1951), Social Choice and Individual Values.
 */
export function iiaViolations(rule: RankedRule, ballots: readonly Ballot[]): IiaCheck {
  checkRule(rule, 'iiaViolations');
  const profile = createProfile(ballots, 'iiaViolations');
  const names = profile.candidates;
  const winners = winnerIndices(rule, profile);
  const winnerNames = winners.map((c) => names[c]!);
  const violations: IiaViolation[] = [];
  for (let c = 0; c < names.length; c++) {
    if (winners.includes(c) || names.length < 2) continue;
    const reduced = removeCandidate(profile, c);
    const after = winnerIndices(rule, reduced).map((i) => reduced.candidates[i]!);
    if (after.length !== winnerNames.length || after.some((name, i) => name !== winnerNames[i])) {
      violations.push({ removed: names[c]!, winners: after });
    }
  }
  return { winners: winnerNames, violations };
}
