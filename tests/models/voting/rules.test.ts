import { describe, expect, it } from 'vitest';
import {
  compareRules,
  electionWinners,
  RULES,
  tallyBorda,
  tallyCopeland,
  tallyInstantRunoff,
  tallyMinimax,
  tallyPlurality,
  tallyRankedPairs,
  tallySchulze,
  tallyTwoRound,
  type Ballot,
} from '../../../src/models/voting/index.ts';

const b = (count: number, ranking: string): Ballot => ({ ranking: ranking.split(''), count });

// A 15-voter profile on which the four families disagree. Tallies worked by hand:
// first preferences A 5, B 4, D 4, C 2 (plurality: A). IRV: C goes, its 2 ballots pass to B
// (A 5, B 6, D 4); D goes, its 4 ballots pass to B (C is out): B 10 of 15. Borda (3-2-1-0):
// A 17, B 20, C 27, D 26. Head to head D beats A 8-7, B 9-6 and C 9-6: D is the Condorcet winner.
const disagreement: Ballot[] = [b(5, 'ADCB'), b(4, 'BCDA'), b(4, 'DCBA'), b(2, 'CBAD')];

// A majority cycle with unequal margins: A>B by 3 (6-3), B>C by 5 (7-2), C>A by 1 (5-4).
const cycle: Ballot[] = [b(4, 'ABC'), b(3, 'BCA'), b(2, 'CAB')];

// The symmetric (Condorcet) cycle: every candidate is first, second and third once.
const symmetric: Ballot[] = [b(1, 'ABC'), b(1, 'BCA'), b(1, 'CAB')];

describe('electionWinners on a profile where the rules disagree', () => {
  it('electionWinners(plurality) picks A, with the most first preferences', () => {
    expect(electionWinners('plurality', disagreement)).toEqual(['A']);
    expect(tallyPlurality(disagreement).scores).toEqual([5, 4, 2, 4]);
  });

  it('electionWinners(irv) picks B after C and then D are eliminated', () => {
    expect(electionWinners('irv', disagreement)).toEqual(['B']);
    const tally = tallyInstantRunoff(disagreement);
    expect(tally.rounds.map((r) => r.eliminated)).toEqual([['C'], ['D'], []]);
    expect(tally.rounds[1]!.tallies).toEqual({ A: 5, B: 6, D: 4 });
    expect(tally.rounds[2]!.tallies).toEqual({ A: 5, B: 10 });
  });

  it('electionWinners(borda) picks C with 27 points', () => {
    expect(electionWinners('borda', disagreement)).toEqual(['C']);
    expect(tallyBorda(disagreement).scores).toEqual([17, 20, 27, 26]);
  });

  it('every Condorcet method picks the Condorcet winner D', () => {
    for (const rule of ['copeland', 'schulze', 'minimax', 'ranked-pairs'] as const) {
      expect(electionWinners(rule, disagreement), rule).toEqual(['D']);
    }
    // Head to head by hand: B>A 10-5, C>A 10-5, D>A 8-7, C>B 11-4, D>B 9-6, D>C 9-6.
    expect(tallyCopeland(disagreement).scores).toEqual([-3, -1, 1, 3]);
    expect(tallyMinimax(disagreement).scores).toEqual([5, 7, 3, 0]);
  });

  it('compareRules gives the same answers as one electionWinners call per rule', () => {
    const all = compareRules(disagreement);
    for (const rule of RULES) expect(all[rule], rule).toEqual(electionWinners(rule, disagreement));
  });

  it('electionWinners on the Tennessee capital example matches the textbook outcomes', () => {
    // Voter shares in percent (the standard illustration of the rules): Memphis 42, Nashville 26,
    // Chattanooga 15, Knoxville 17. By hand: plurality Memphis; IRV drops Chattanooga, then
    // Nashville, and Knoxville wins 58-42; Borda Nashville 194 (Chattanooga 173, Memphis 126,
    // Knoxville 107); Nashville beats every rival head to head (58-42, 68-32, 68-32).
    const ballots: Ballot[] = [
      { ranking: ['Memphis', 'Nashville', 'Chattanooga', 'Knoxville'], count: 42 },
      { ranking: ['Nashville', 'Chattanooga', 'Knoxville', 'Memphis'], count: 26 },
      { ranking: ['Chattanooga', 'Knoxville', 'Nashville', 'Memphis'], count: 15 },
      { ranking: ['Knoxville', 'Chattanooga', 'Nashville', 'Memphis'], count: 17 },
    ];
    expect(electionWinners('plurality', ballots)).toEqual(['Memphis']);
    expect(electionWinners('irv', ballots)).toEqual(['Knoxville']);
    expect(tallyBorda(ballots)).toEqual({
      candidates: ['Chattanooga', 'Knoxville', 'Memphis', 'Nashville'],
      scores: [173, 107, 126, 194],
      winners: ['Nashville'],
    });
    for (const rule of ['copeland', 'schulze', 'minimax', 'ranked-pairs'] as const) {
      expect(electionWinners(rule, ballots), rule).toEqual(['Nashville']);
    }
  });
});

describe('Condorcet methods on a majority cycle', () => {
  it('tallyRankedPairs(cycle) locks B>C and A>B, skips C>A, and elects A', () => {
    const tally = tallyRankedPairs(cycle);
    expect(tally.pairs).toEqual([
      { winner: 'B', loser: 'C', margin: 5, locked: true },
      { winner: 'A', loser: 'B', margin: 3, locked: true },
      { winner: 'C', loser: 'A', margin: 1, locked: false },
    ]);
    expect(tally.winners).toEqual(['A']);
  });

  it('tallySchulze(cycle) elects A: its weakest link to B and C is 6 against their best path back of 5', () => {
    const tally = tallySchulze(cycle);
    // d(A,B) = 6, d(B,C) = 7, d(C,A) = 5: widest paths by hand.
    expect(tally.strengths).toEqual([
      [0, 6, 6],
      [5, 0, 7],
      [5, 5, 0],
    ]);
    expect(tally.winners).toEqual(['A']);
  });

  it('electionWinners(minimax, cycle) elects A, whose only defeat has margin 1', () => {
    expect(tallyMinimax(cycle).scores).toEqual([1, 3, 5]);
    expect(electionWinners('minimax', cycle)).toEqual(['A']);
  });

  it('electionWinners(copeland, cycle) ties all three (one win and one loss each)', () => {
    expect(electionWinners('copeland', cycle)).toEqual(['A', 'B', 'C']);
  });

  it('electionWinners(borda, cycle) reports the exact tie between A and B at 10 points', () => {
    expect(tallyBorda(cycle).scores).toEqual([10, 10, 7]);
    expect(electionWinners('borda', cycle)).toEqual(['A', 'B']);
  });

  it('every rule returns all three candidates on the symmetric cycle', () => {
    for (const rule of [...RULES, 'two-round'] as const) {
      expect(electionWinners(rule, symmetric), rule).toEqual(['A', 'B', 'C']);
    }
  });

  it('electionWinners(ranked-pairs) unions the winners over both orders of two equal margins', () => {
    // Margins by hand: A>B 1 (3-2), B>C 3 (4-1), C>A 1 (3-2). B>C locks first; A>B and C>A tie.
    // A>B first gives A > B > C, and C>A would close a cycle: A wins. C>A first gives B > C > A,
    // and A>B would close a cycle: B wins. Winners: A and B.
    const tied: Ballot[] = [b(2, 'ABC'), b(2, 'BCA'), b(1, 'CAB')];
    const pairs = tallyRankedPairs(tied).pairs.map((p) => `${p.winner}>${p.loser} ${p.margin}`);
    expect(pairs).toEqual(['B>C 3', 'A>B 1', 'C>A 1']);
    expect(electionWinners('ranked-pairs', tied)).toEqual(['A', 'B']);
    // Schulze agrees here: A and B each have a path of strength 3 to the other; C loses 3-4 to B.
    expect(electionWinners('schulze', tied)).toEqual(['A', 'B']);
  });
});

describe('tie handling', () => {
  it('electionWinners(plurality) lists every candidate tied for the most first preferences', () => {
    expect(electionWinners('plurality', [b(2, 'ABC'), b(2, 'CBA'), b(1, 'BAC')])).toEqual(['A', 'C']);
  });

  it('electionWinners(irv) removes every candidate tied for last together', () => {
    // First preferences A 4, B 2, C 2, D 1 of 9: D goes; then A 4, B 3, C 2: C goes; then A 4, B 5.
    const ballots = [b(4, 'ABCD'), b(2, 'BACD'), b(2, 'CBAD'), b(1, 'DBCA')];
    expect(tallyInstantRunoff(ballots).rounds.map((r) => r.eliminated)).toEqual([['D'], ['C'], []]);
    expect(electionWinners('irv', ballots)).toEqual(['B']);
    // Here B and C tie for last (2 each of 11) and go together: BDCA passes to D and CBAD to A
    // (B is out too), so A wins 6-5.
    const tiedLast = [b(4, 'ABCD'), b(2, 'BDCA'), b(2, 'CBAD'), b(3, 'DBCA')];
    const tally = tallyInstantRunoff(tiedLast);
    expect(tally.rounds[0]!.eliminated).toEqual(['B', 'C']);
    expect(tally.rounds[1]!.tallies).toEqual({ A: 6, D: 5 });
    expect(tally.winners).toEqual(['A']);
  });

  it('electionWinners(irv) returns both finalists on a 2-2 tie', () => {
    expect(electionWinners('irv', [b(2, 'AB'), b(2, 'BA')])).toEqual(['A', 'B']);
  });

  it('tallyTwoRound runs every runoff a tie for second place allows and unions the winners', () => {
    // First round A 4, B 3, C 3 of 10: no majority; B and C tie for second, so the runoff is A-B
    // or A-C. B beats A 6-4 and C beats A 6-4: the winners are B and C.
    const ballots = [b(4, 'ACB'), b(3, 'BCA'), b(3, 'CBA')];
    const tally = tallyTwoRound(ballots);
    expect(tally.firstRound).toEqual([4, 3, 3]);
    expect(tally.runoffs).toEqual([
      { finalists: ['A', 'B'], votes: [4, 6] },
      { finalists: ['A', 'C'], votes: [4, 6] },
    ]);
    expect(tally.winners).toEqual(['B', 'C']);
  });

  it('electionWinners(two-round) elects a first-round majority outright', () => {
    expect(tallyTwoRound([b(3, 'ABC'), b(2, 'BCA')]).runoffs).toEqual([]);
    expect(electionWinners('two-round', [b(3, 'ABC'), b(2, 'BCA')])).toEqual(['A']);
  });

  it('electionWinners treats count 0 ballots as cast by nobody and a missing count as 1', () => {
    expect(electionWinners('plurality', [{ ranking: ['A', 'B'] }, { ranking: ['B', 'A'], count: 0 }])).toEqual(['A']);
  });

  it('electionWinners with one candidate elects it under every rule', () => {
    for (const rule of RULES) expect(electionWinners(rule, [{ ranking: ['Solo'] }])).toEqual(['Solo']);
  });
});

describe('electionWinners input checks', () => {
  it('throws a RangeError naming the ballot that leaves a candidate out', () => {
    expect(() => electionWinners('borda', [b(1, 'ABC'), b(1, 'AB')])).toThrow(
      'electionWinners: ballot 1 ranks 2 of the 3 candidates (missing "C"); every ballot must rank all of them',
    );
  });

  it('throws a RangeError for a candidate ranked twice', () => {
    expect(() => electionWinners('borda', [{ ranking: ['A', 'B', 'A'] }])).toThrow(
      'electionWinners: ballot 0 ranks "A" twice',
    );
  });

  it('throws a RangeError for a negative or fractional count', () => {
    expect(() => electionWinners('irv', [{ ranking: ['A'], count: -1 }])).toThrow(
      /ballot 0: count must be a non-negative integer/,
    );
    expect(() => electionWinners('irv', [{ ranking: ['A'], count: 0.5 }])).toThrow(RangeError);
  });

  it('throws a RangeError for an unknown rule, listing the known ones', () => {
    expect(() => electionWinners('approval' as 'borda', [b(1, 'AB')])).toThrow(
      /rule must be one of 'plurality', 'borda'/,
    );
  });

  it('throws when there are no candidates at all', () => {
    expect(() => electionWinners('plurality', [])).toThrow('electionWinners: ballots must rank at least one candidate');
  });
});
