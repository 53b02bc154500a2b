/**
 * Words for the voting simulations (spatial-election, manipulation-finder): rule names, rankings,
 * lists of names and one-line tallies. The counting itself is the model's (src/models/voting).
 */
import { createProfile, type Ballot } from '../../src/models/voting/ballots.ts';
import { tallyBorda } from '../../src/models/voting/borda.ts';
import { tallyCopeland } from '../../src/models/voting/copeland.ts';
import type { RankedRule } from '../../src/models/voting/election.ts';
import { tallyInstantRunoff } from '../../src/models/voting/instant-runoff.ts';
import { tallyMinimax } from '../../src/models/voting/minimax.ts';
import { pairwiseCounts } from '../../src/models/voting/pairwise.ts';
import { tallyPlurality } from '../../src/models/voting/plurality.ts';
import { tallyRankedPairs } from '../../src/models/voting/ranked-pairs.ts';
import { tallySchulze } from '../../src/models/voting/schulze.ts';
import { tallyTwoRound } from '../../src/models/voting/two-round.ts';
import { formatNumber as fmt } from '../kit/format.ts';

/** What each rule is called on screen. */
export const RULE_LABELS = {
  plurality: 'Plurality',
  'two-round': 'Two-round runoff',
  irv: 'Instant runoff (IRV)',
  borda: 'Borda count',
  copeland: 'Copeland',
  schulze: 'Schulze',
  minimax: 'Minimax',
  'ranked-pairs': 'Ranked pairs',
  approval: 'Approval',
} as const;

/** What each rule is called inside a sentence ("under the Borda count"). */
export const RULE_NAMES_IN_TEXT = {
  plurality: 'plurality',
  'two-round': 'the two-round runoff',
  irv: 'instant runoff',
  borda: 'the Borda count',
  copeland: 'Copeland’s method',
  schulze: 'Schulze’s method',
  minimax: 'minimax',
  'ranked-pairs': 'ranked pairs',
  approval: 'approval voting',
} as const;

/** The ranked rules in the order the simulations list them: first-preference rules, Borda, then the Condorcet methods. */
export const RANKED_RULE_ORDER: readonly RankedRule[] = [
  'plurality',
  'two-round',
  'irv',
  'borda',
  'copeland',
  'schulze',
  'minimax',
  'ranked-pairs',
];

/** Whether the rule always elects a Condorcet winner when there is one. */
export function isCondorcetRule(rule: string): boolean {
  return rule === 'copeland' || rule === 'schulze' || rule === 'minimax' || rule === 'ranked-pairs';
}

/** Returns a ranking as "A > B > C". */
export function rankingText(ranking: readonly string[]): string {
  return ranking.join(' > ');
}

/** Returns names as "A", "A and B" or "A, B and C"; "nobody" when empty. */
export function listNames(names: readonly string[]): string {
  if (names.length === 0) return 'nobody';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/** Returns winners in words: "A", or "a tie between A and B". */
export function winnersText(winners: readonly string[]): string {
  return winners.length === 1 ? winners[0]! : `a tie between ${listNames(winners)}`;
}

function scores(names: readonly string[], values: readonly number[]): string {
  return names.map((n, i) => `${n} ${fmt(values[i]!, 4)}`).join(', ');
}

/** Returns every head-to-head result as "A beats B 120–81" (ties as "A ties B 50–50"). */
export function headToHeadText(ballots: readonly Ballot[]): string {
  const profile = createProfile(ballots);
  const m = profile.candidates.length;
  const d = pairwiseCounts(profile);
  const parts: string[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const ab = d[a * m + b]!;
      const ba = d[b * m + a]!;
      const [w, l, vw, vl] = ab >= ba ? [a, b, ab, ba] : [b, a, ba, ab];
      parts.push(`${profile.candidates[w]} ${vw === vl ? 'ties' : 'beats'} ${profile.candidates[l]} ${vw}–${vl}`);
    }
  }
  return parts.join(', ');
}

/** Returns one line saying how `rule` counted `ballots`: first preferences, rounds, points or pairwise scores. */
export function tallyText(rule: RankedRule, ballots: readonly Ballot[]): string {
  switch (rule) {
    case 'plurality': {
      const t = tallyPlurality(ballots);
      return `First preferences: ${scores(t.candidates, t.scores)}.`;
    }
    case 'two-round': {
      const t = tallyTwoRound(ballots);
      const first = `First round: ${scores(t.candidates, t.firstRound)}`;
      if (t.runoffs.length === 0) return `${first}; ${t.winners[0]} has a majority.`;
      const runoffs = t.runoffs.map((r) => `${r.finalists[0]} ${r.votes[0]}–${r.votes[1]} ${r.finalists[1]}`);
      return `${first}; runoff ${runoffs.join(' or ')}.`;
    }
    case 'irv': {
      const t = tallyInstantRunoff(ballots);
      return `${t.rounds
        .map((r, i) => {
          const out = r.eliminated.length > 0 ? ` (${listNames(r.eliminated)} out)` : '';
          return `round ${i + 1}: ${Object.entries(r.tallies)
            .map(([n, v]) => `${n} ${v}`)
            .join(', ')}${out}`;
        })
        .join('; ')
        .replace(/^r/, 'R')}.`;
    }
    case 'borda': {
      const t = tallyBorda(ballots);
      return `Borda points: ${scores(t.candidates, t.scores)}.`;
    }
    case 'copeland': {
      const t = tallyCopeland(ballots);
      return `Head-to-head wins minus losses: ${scores(t.candidates, t.scores)}.`;
    }
    case 'minimax': {
      const t = tallyMinimax(ballots);
      return `Largest head-to-head defeat (fewer is better): ${scores(t.candidates, t.scores)}.`;
    }
    case 'schulze': {
      const t = tallySchulze(ballots);
      const lines = t.winners.map((w) => {
        const i = t.candidates.indexOf(w);
        const rivals = t.candidates
          .map((r, j) => (j === i ? '' : `${r} ${t.strengths[i]![j]} vs ${t.strengths[j]![i]}`))
          .filter(Boolean);
        return `${w}'s strongest paths (winning votes) against ${rivals.join(', ')}`;
      });
      return `${lines.join('; ')}.`;
    }
    case 'ranked-pairs': {
      const t = tallyRankedPairs(ballots);
      const locked = t.pairs.filter((p) => p.locked).map((p) => `${p.winner}>${p.loser} (${p.margin})`);
      const skipped = t.pairs.filter((p) => !p.locked).map((p) => `${p.winner}>${p.loser} (${p.margin})`);
      return `Locked by margin: ${locked.join(', ') || 'none'}${skipped.length ? `; skipped as cycles: ${skipped.join(', ')}` : ''}.`;
    }
  }
}
