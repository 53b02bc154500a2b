import { describe, expect, it } from 'vitest';
import {
  electionWinners,
  findManipulableProfile,
  RANKED_RULES,
  type Ballot,
} from '../../../src/models/voting/index.ts';

describe('findManipulableProfile (Gibbard–Satterthwaite)', () => {
  it('findManipulableProfile finds, for every ranked rule and 3 candidates, a profile one voter can manipulate', () => {
    // Gibbard (1973) and Satterthwaite (1975): every rule that is not a dictatorship and can elect
    // any of 3 or more candidates is manipulable in some profile; here each rule's profile is
    // checked independently by re-running the election with the insincere ballot.
    for (const rule of RANKED_RULES) {
      const found = findManipulableProfile(rule, { candidates: 3, seed: 1 });
      expect(found, rule).not.toBeNull();
      const { ballots, manipulation } = found!;
      const liar = ballots[manipulation.ballotIndex]!;
      expect(liar.ranking).toEqual(manipulation.sincere);
      expect(electionWinners(rule, ballots)).toEqual(manipulation.sincereWinners);
      const deviated: Ballot[] = ballots.map((b, i) =>
        i === manipulation.ballotIndex ? { ranking: b.ranking, count: (b.count ?? 1) - 1 } : b,
      );
      deviated.push({ ranking: manipulation.insincere });
      expect(electionWinners(rule, deviated), rule).toEqual(manipulation.manipulatedWinners);
      // Lexicographic ties: a winner set counts as its first name; the liar ranks it higher.
      const place = (winners: string[]) => manipulation.sincere.indexOf(winners[0]!);
      expect(place(manipulation.manipulatedWinners), rule).toBeLessThan(place(manipulation.sincereWinners));
    }
  });

  it('findManipulableProfile keeps to the voter and bloc limits and is deterministic for a seed', () => {
    const options = { candidates: 4, seed: 9, minVoters: 5, maxVoters: 7, maxBlocs: 4 } as const;
    const found = findManipulableProfile('schulze', options)!;
    const voters = found.ballots.reduce((s, b) => s + (b.count ?? 1), 0);
    expect(voters).toBeGreaterThanOrEqual(5);
    expect(voters).toBeLessThanOrEqual(7);
    expect(found.ballots.length).toBeLessThanOrEqual(4);
    expect(new Set(found.ballots.map((b) => b.ranking.join(''))).size).toBe(found.ballots.length);
    expect(findManipulableProfile('schulze', options)).toEqual(found);
  });

  it('findManipulableProfile returns null with a single voter, who is a dictator and never gains by lying', () => {
    for (const rule of RANKED_RULES) {
      expect(
        findManipulableProfile(rule, { candidates: 3, seed: 2, minVoters: 1, maxVoters: 1, maxDraws: 200 }),
      ).toBeNull();
    }
  });

  it('findManipulableProfile throws a RangeError naming a bad option', () => {
    expect(() => findManipulableProfile('borda', { candidates: 2, seed: 1 })).toThrow(
      'findManipulableProfile: candidates must be an integer from 3 to 7, got 2',
    );
    expect(() => findManipulableProfile('borda', { candidates: 3, seed: 1, minVoters: 5, maxVoters: 4 })).toThrow(
      /maxVoters must be an integer from 5/,
    );
    expect(() => findManipulableProfile('dictator' as 'borda', { candidates: 3, seed: 1 })).toThrow(
      /rule must be one of/,
    );
    expect(() => findManipulableProfile('borda', { candidates: 3, seed: Number.POSITIVE_INFINITY })).toThrow(/seed/);
  });
});
