/**
 * The two-round system: a strict majority of first preferences wins outright; otherwise the top
 * two meet in a runoff, decided here from the same rankings (voters are assumed sincere).
 */
import { asProfile, type Ballot, type VotingProfile } from './ballots.ts';
import { pluralityScores } from './plurality.ts';

/** A two-round count: first-round votes per candidate, the runoff pairs that a tie could produce, and the winners. */
export type TwoRoundTally = {
  candidates: string[];
  firstRound: number[];
  runoffs: { finalists: [string, string]; votes: [number, number] }[];
  winners: string[];
};

type IndexRunoff = { finalists: [number, number]; votes: [number, number] };

function runTwoRound(profile: VotingProfile): { first: Float64Array; runoffs: IndexRunoff[]; winners: number[] } {
  const m = profile.candidates.length;
  const first = pluralityScores(profile);
  const order = Array.from({ length: m }, (_, c) => c).sort((x, y) => first[y]! - first[x]! || x - y);
  const top = order[0]!;
  if (m === 1 || 2 * first[top]! > profile.total) return { first, runoffs: [], winners: [top] };
  // Every pair that some tie-break could send to the runoff: among the tied leaders if there are
  // several, else the leader with each candidate tied for second.
  const leaders = order.filter((c) => first[c] === first[top]);
  const pairs: [number, number][] = [];
  if (leaders.length >= 2) {
    for (let i = 0; i < leaders.length; i++) {
      for (let j = i + 1; j < leaders.length; j++) pairs.push([leaders[i]!, leaders[j]!]);
    }
  } else {
    const second = first[order[1]!]!;
    for (const c of order) if (c !== top && first[c] === second) pairs.push([top, c]);
  }
  const winners = new Set<number>();
  const runoffs = pairs.map(([a, b]): IndexRunoff => {
    let va = 0;
    let vb = 0;
    for (let g = 0; g < profile.groups; g++) {
      const row = g * m;
      for (let pos = 0; pos < m; pos++) {
        const c = profile.rankings[row + pos]!;
        if (c === a) {
          va += profile.counts[g]!;
          break;
        }
        if (c === b) {
          vb += profile.counts[g]!;
          break;
        }
      }
    }
    if (va >= vb) winners.add(a);
    if (vb >= va) winners.add(b);
    return { finalists: [a, b], votes: [va, vb] };
  });
  return { first, runoffs, winners: [...winners].sort((x, y) => x - y) };
}

/** Returns the two-round winners' indices: the union over every tie-break of first-round places, ascending. */
export function twoRoundWinnerIndices(profile: VotingProfile): number[] {
  return runTwoRound(profile).winners;
}

/**
 * Returns first-round votes, the runoff(s) and the two-round winners; when a tie decides who
 * reaches the runoff, every possible pairing is run and the winners are their union.
 */
export function tallyTwoRound(input: readonly Ballot[] | VotingProfile): TwoRoundTally {
  const profile = asProfile(input, 'tallyTwoRound');
  const names = profile.candidates;
  const { first, runoffs, winners } = runTwoRound(profile);
  return {
    candidates: [...names],
    firstRound: Array.from(first),
    runoffs: runoffs.map(({ finalists: [a, b], votes }) => ({ finalists: [names[a]!, names[b]!], votes })),
    winners: winners.map((c) => names[c]!),
  };
}
