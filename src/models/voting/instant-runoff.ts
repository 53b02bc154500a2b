/**
 * Instant-runoff voting (the alternative vote): count first preferences among the candidates still
 * standing; a strict majority wins, otherwise drop the weakest and count again.
 */
import { asProfile, type Ballot, type VotingProfile } from './ballots.ts';

/** One counting round: first preferences among the candidates still standing, and who was dropped. */
export type InstantRunoffRound = { tallies: Record<string, number>; eliminated: string[] };

/** The rounds of an instant-runoff count and its winners. */
export type InstantRunoffTally = { rounds: InstantRunoffRound[]; winners: string[] };

type IndexRound = { tallies: Float64Array; standing: Uint8Array; eliminated: number[] };

/**
 * Runs the count on indices. Every candidate tied for the fewest first preferences is removed at
 * once (so the result never depends on a tie-break); if all who remain are tied, all of them win.
 */
function runInstantRunoff(profile: VotingProfile, keepRounds: boolean): { winners: number[]; rounds: IndexRound[] } {
  const m = profile.candidates.length;
  const standing = new Uint8Array(m).fill(1);
  const rounds: IndexRound[] = [];
  for (;;) {
    const tallies = new Float64Array(m);
    for (let g = 0; g < profile.groups; g++) {
      const row = g * m;
      let pos = 0;
      while (!standing[profile.rankings[row + pos]!]) pos++;
      tallies[profile.rankings[row + pos]!]! += profile.counts[g]!;
    }
    let fewest = Infinity;
    let most = -Infinity;
    let leader = -1;
    for (let c = 0; c < m; c++) {
      if (!standing[c]) continue;
      const t = tallies[c]!;
      if (t < fewest) fewest = t;
      if (t > most) {
        most = t;
        leader = c;
      }
    }
    const round: IndexRound = { tallies, standing: keepRounds ? standing.slice() : standing, eliminated: [] };
    if (keepRounds) rounds.push(round);
    if (2 * most > profile.total) return { winners: [leader], rounds };
    if (fewest === most) {
      const winners: number[] = [];
      for (let c = 0; c < m; c++) if (standing[c]) winners.push(c);
      return { winners, rounds };
    }
    // The leader has more than `fewest`, so someone always stays; a lone survivor then holds
    // every ballot and wins the next round outright.
    for (let c = 0; c < m; c++) {
      if (standing[c] && tallies[c] === fewest) {
        standing[c] = 0;
        round.eliminated.push(c);
      }
    }
  }
}

/** Returns the instant-runoff winners' indices, ascending. */
export function instantRunoffWinnerIndices(profile: VotingProfile): number[] {
  return runInstantRunoff(profile, false).winners;
}

/**
 * Returns every round of an instant-runoff count (first preferences of the candidates still
 * standing, and who was eliminated) and the winners; all last-placed candidates go out together.
 */
export function tallyInstantRunoff(input: readonly Ballot[] | VotingProfile): InstantRunoffTally {
  const profile = asProfile(input, 'tallyInstantRunoff');
  const names = profile.candidates;
  const { winners, rounds } = runInstantRunoff(profile, true);
  return {
    rounds: rounds.map((round) => {
      const tallies: Record<string, number> = {};
      names.forEach((name, c) => {
        if (round.standing[c]) tallies[name] = round.tallies[c]!;
      });
      return { tallies, eliminated: round.eliminated.map((c) => names[c]!) };
    }),
    winners: winners.map((c) => names[c]!),
  };
}
