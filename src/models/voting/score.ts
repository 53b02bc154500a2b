/** Score (range) voting: each voter scores every candidate; the highest total wins. */
import { ballotCount, extremeIndices } from './ballots.ts';

/** Scores by candidate name, cast by `count` voters (default 1); a candidate left out scores 0. */
export type ScoreBallot = { readonly scores: Readonly<Record<string, number>>; readonly count?: number };

/** Total score per candidate (names sorted) and the winners. */
export type ScoreTally = { candidates: string[]; totals: number[]; winners: string[] };

/**
 * Returns total scores per candidate and the winners (all of them on an exact tie); each score
 * must be a finite number in [0, maxScore] (default 10), and an unscored candidate gets 0.
 */
export function tallyScore(ballots: readonly ScoreBallot[], maxScore = 10): ScoreTally {
  if (!Array.isArray(ballots)) throw new TypeError('tallyScore: ballots must be an array of { scores, count? }');
  if (!(maxScore > 0) || !Number.isFinite(maxScore)) {
    throw new RangeError(`tallyScore: maxScore must be a finite number > 0, got ${maxScore}`);
  }
  const names = new Set<string>();
  ballots.forEach((ballot, b) => {
    if (ballot === null || typeof ballot !== 'object' || ballot.scores === null || typeof ballot.scores !== 'object') {
      throw new TypeError(`tallyScore: ballot ${b} must be an object with a scores record`);
    }
    ballotCount(ballot.count, `tallyScore: ballot ${b}`);
    for (const [name, score] of Object.entries(ballot.scores)) {
      if (typeof score !== 'number' || !(score >= 0 && score <= maxScore)) {
        throw new RangeError(
          `tallyScore: ballot ${b} scores ${JSON.stringify(name)} ${String(score)}; scores must lie in [0, ${maxScore}]`,
        );
      }
      names.add(name);
    }
  });
  if (names.size === 0) throw new RangeError('tallyScore: the ballots must score at least one candidate');
  const sorted = [...names].sort();
  const totals = sorted.map((name) =>
    ballots.reduce((sum, ballot) => sum + (ballot.count ?? 1) * (ballot.scores[name] ?? 0), 0),
  );
  return { candidates: sorted, totals, winners: extremeIndices(totals).map((c) => sorted[c]!) };
}

/** Returns the score-voting winners (highest total, scores in [0, maxScore], default 10), sorted. */
export function scoreWinners(ballots: readonly ScoreBallot[], maxScore = 10): string[] {
  return tallyScore(ballots, maxScore).winners;
}
