import { describe, expect, it } from 'vitest';
import { electionWinners, findManipulation, iiaViolations, type Ballot } from '../../../src/models/voting/index.ts';

const b = (count: number, ranking: string): Ballot => ({ ranking: ranking.split(''), count });

describe('findManipulation (Gibbard–Satterthwaite)', () => {
  it('findManipulation(borda) finds a voter who buries the winner and lifts a compromise', () => {
    // Sincere Borda (3-2-1-0): A 1 + 2·2 = 5, B 2 + 2·1 = 4, C 3, D 2·3 = 6: D wins. The CBAD voter
    // cannot make C or B win, but ranking A B C D gives A 3 + 4 = 7 > D's 6, and it prefers A to D.
    const ballots = [b(1, 'CBAD'), b(2, 'DABC')];
    expect(electionWinners('borda', ballots)).toEqual(['D']);
    expect(findManipulation('borda', ballots)).toEqual({
      ballotIndex: 0,
      sincere: ['C', 'B', 'A', 'D'],
      insincere: ['A', 'B', 'C', 'D'],
      sincereWinners: ['D'],
      manipulatedWinners: ['A'],
    });
  });

  it('findManipulation(irv) finds the compromise vote that stops a disliked winner', () => {
    // Sincere IRV: first preferences C 2, B 1, A 2 of 5; B is eliminated, its ballot goes to A,
    // and A beats C 3-2. A C>B>A voter who ranks B first instead knocks C out first; C's remaining
    // ballot then goes to B, who wins 3-2: the liar gets B, its second choice, not A, its last.
    const ballots = [b(2, 'CBA'), b(1, 'BAC'), b(2, 'ABC')];
    expect(electionWinners('irv', ballots)).toEqual(['A']);
    const found = findManipulation('irv', ballots);
    expect(found).toEqual({
      ballotIndex: 0,
      sincere: ['C', 'B', 'A'],
      insincere: ['B', 'A', 'C'],
      sincereWinners: ['A'],
      manipulatedWinners: ['B'],
    });
  });

  it('findManipulation(plurality) returns null when the winner has a strict majority of first preferences', () => {
    // Nobody who prefers another candidate can stop a majority by moving a single vote.
    expect(findManipulation('plurality', [b(3, 'ABC'), b(1, 'BCA'), b(1, 'CBA')])).toBeNull();
  });

  it("findManipulation compares tied outcomes by the stated rule: 'lexicographic' vs 'expected-rank'", () => {
    // Sincere Borda: A 2+1+1 = 4, B 1+2+2 = 5, C 0: B wins. The ABC voter can bury B to force a
    // tie A-B (A 4, B 4). Lexicographic tie-breaking picks A, a gain; so does the expected rank
    // (half A, half B is better than B for this voter).
    const ballots = [b(1, 'ABC'), b(2, 'BAC')];
    expect(findManipulation('borda', ballots, 'lexicographic')?.manipulatedWinners).toEqual(['A', 'B']);
    expect(findManipulation('borda', ballots, 'expected-rank')?.manipulatedWinners).toEqual(['A', 'B']);
    // Where the two disagree: CBA and ACB. Borda: A 2, B 1, C 3: C wins. The ACB voter's best lie,
    // ABC, makes a three-way tie at 2. Lexicographic tie-breaking turns it into A, a gain; at
    // random the voter expects (2 + 0 + 1)/3 = 1 point, exactly what C gives it: no gain.
    const split = [b(1, 'CBA'), b(1, 'ACB')];
    expect(findManipulation('borda', split, 'lexicographic')).toEqual({
      ballotIndex: 1,
      sincere: ['A', 'C', 'B'],
      insincere: ['A', 'B', 'C'],
      sincereWinners: ['C'],
      manipulatedWinners: ['A', 'B', 'C'],
    });
    expect(findManipulation('borda', split, 'expected-rank')).toBeNull();
  });

  it('findManipulation throws for too many candidates and for an unknown comparison', () => {
    expect(() => findManipulation('borda', [{ ranking: 'ABCDEFGH'.split('') }])).toThrow(/at most 7 candidates/);
    expect(() => findManipulation('borda', [b(1, 'AB')], 'random' as 'lexicographic')).toThrow(/compare must be/);
  });
});

describe('iiaViolations (independence of irrelevant alternatives)', () => {
  it('iiaViolations(borda) shows a loser whose removal flips the winner', () => {
    // Borda with C: A 3·2 = 6, B 3·1 + 2·2 = 7, C 2: B wins. Without C: A 3, B 2: A wins.
    const ballots = [b(3, 'ABC'), b(2, 'BCA')];
    expect(iiaViolations('borda', ballots)).toEqual({ winners: ['B'], violations: [{ removed: 'C', winners: ['A'] }] });
  });

  it('iiaViolations(plurality) shows the spoiler effect', () => {
    // A 4, B 3, C 2 first preferences; C's voters prefer B. Without C, B wins 5-4.
    const ballots = [b(4, 'ABC'), b(3, 'BAC'), b(2, 'CBA')];
    expect(iiaViolations('plurality', ballots)).toEqual({
      winners: ['A'],
      violations: [{ removed: 'C', winners: ['B'] }],
    });
  });

  it('iiaViolations reports nothing when removing losers keeps the winner', () => {
    expect(iiaViolations('schulze', [b(3, 'ABC'), b(2, 'BCA')]).violations).toEqual([]);
  });
});
