import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  condorcetWinner,
  electionWinners,
  findManipulation,
  iiaViolations,
  pairwiseMatrix,
  RULES,
  type Ballot,
} from '../../../src/models/voting/index.ts';

const NAMES = ['A', 'B', 'C', 'D', 'E'];

/** Profiles of 2 to 5 candidates: 1 to 8 full rankings, each cast by 1 to 9 voters. */
const profile = (minCandidates = 2, maxCandidates = 5): fc.Arbitrary<Ballot[]> =>
  fc.integer({ min: minCandidates, max: maxCandidates }).chain((m) => {
    const names = NAMES.slice(0, m);
    return fc.array(
      fc.record({
        ranking: fc.shuffledSubarray(names, { minLength: m, maxLength: m }),
        count: fc.integer({ min: 1, max: 9 }),
      }),
      { minLength: 1, maxLength: 8 },
    );
  });

function condorcetLoser(ballots: Ballot[]): string | null {
  const { candidates, matrix } = pairwiseMatrix(ballots);
  const loser = candidates.findIndex((_, a) => candidates.every((__, b) => b === a || matrix[b]![a]! > matrix[a]![b]!));
  return loser < 0 ? null : candidates[loser]!;
}

describe('voting rules: invariants (fast-check)', () => {
  it('a Condorcet winner, when one exists, is the sole winner of copeland, schulze, minimax and ranked-pairs', () => {
    fc.assert(
      fc.property(profile(), (ballots) => {
        const cw = condorcetWinner(ballots);
        fc.pre(cw !== null);
        for (const rule of ['copeland', 'schulze', 'minimax', 'ranked-pairs'] as const) {
          expect(electionWinners(rule, ballots), rule).toEqual([cw]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a Condorcet loser never wins under borda, copeland, schulze or ranked-pairs', () => {
    fc.assert(
      fc.property(profile(3), (ballots) => {
        const loser = condorcetLoser(ballots);
        fc.pre(loser !== null);
        for (const rule of ['borda', 'copeland', 'schulze', 'ranked-pairs'] as const) {
          expect(electionWinners(rule, ballots), rule).not.toContain(loser);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('electionWinners returns a non-empty sorted subset of the candidates under every rule', () => {
    fc.assert(
      fc.property(profile(), (ballots) => {
        const names = new Set(ballots[0]!.ranking);
        for (const rule of [...RULES, 'two-round'] as const) {
          const winners = electionWinners(rule, ballots);
          expect(winners.length).toBeGreaterThan(0);
          expect([...winners].sort()).toEqual(winners);
          for (const w of winners) expect(names.has(w)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('electionWinners does not depend on how ballots are grouped or ordered', () => {
    fc.assert(
      fc.property(profile(), fc.integer(), (ballots, salt) => {
        const single = ballots.flatMap((b) => Array.from({ length: b.count ?? 1 }, () => ({ ranking: b.ranking })));
        // A deterministic reshuffle of the one-voter ballots.
        const shuffled = single
          .map((b, i) => ({ b, key: Math.imul(i + 1, 2654435761) ^ salt }))
          .sort((x, y) => x.key - y.key)
          .map((x) => x.b);
        for (const rule of RULES) expect(electionWinners(rule, shuffled), rule).toEqual(electionWinners(rule, ballots));
      }),
      { numRuns: 100 },
    );
  });

  it('iiaViolations finds none for Condorcet methods when a Condorcet winner exists', () => {
    fc.assert(
      fc.property(profile(3), (ballots) => {
        fc.pre(condorcetWinner(ballots) !== null);
        for (const rule of ['copeland', 'schulze', 'minimax', 'ranked-pairs'] as const) {
          expect(iiaViolations(rule, ballots).violations, rule).toEqual([]);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('findManipulation finds nothing with two candidates, where every rule is majority rule', () => {
    fc.assert(
      fc.property(profile(2, 2), (ballots) => {
        for (const rule of RULES) expect(findManipulation(rule, ballots), rule).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it("findManipulation only reports lies that really change the result in the liar's favour", () => {
    fc.assert(
      fc.property(profile(3, 4), fc.constantFrom(...RULES), (ballots, rule) => {
        const found = findManipulation(rule, ballots);
        if (found === null) return;
        const lied = ballots.flatMap((b, i) => {
          if (i !== found.ballotIndex) return [b];
          const rest = (b.count ?? 1) - 1;
          return [...(rest > 0 ? [{ ranking: b.ranking, count: rest }] : []), { ranking: found.insincere }];
        });
        expect(electionWinners(rule, lied)).toEqual(found.manipulatedWinners);
        expect(electionWinners(rule, ballots)).toEqual(found.sincereWinners);
        // Lexicographic comparison: the first-named winner moves up the liar's sincere ranking.
        const rank = (name: string): number => found.sincere.indexOf(name);
        expect(rank(found.manipulatedWinners[0]!)).toBeLessThan(rank(found.sincereWinners[0]!));
      }),
      { numRuns: 60 },
    );
  });
});
