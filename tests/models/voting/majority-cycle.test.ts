import { describe, expect, it } from 'vitest';
import {
  condorcetParadoxExact,
  condorcetParadoxExactCost,
  condorcetParadoxRate,
  condorcetWinner,
  guilbaudLimit,
  majorityCycle,
  sampleCyclicProfile,
  type Ballot,
} from '../../../src/models/voting/index.ts';

const ballot = (s: string, count = 1): Ballot => ({ ranking: s.split(''), count });

/** Every ranking of the letters of `s`. */
function orders(s: string): string[] {
  if (s.length <= 1) return [s];
  return [...s].flatMap((c, i) => orders(s.slice(0, i) + s.slice(i + 1)).map((rest) => c + rest));
}

describe('guilbaudLimit', () => {
  it("guilbaudLimit() is Guilbaud's number 1/4 − (3/(2π))·arcsin(1/3) ≈ 0.0877", () => {
    // Guilbaud (1952); the value 0.0877 is quoted in the model contract's table of results.
    expect(guilbaudLimit()).toBeCloseTo(0.08774, 5);
  });
});

describe('majorityCycle', () => {
  it('majorityCycle of the classic three-voter profile is A > B > C > A', () => {
    expect(majorityCycle([ballot('ABC'), ballot('BCA'), ballot('CAB')])).toEqual(['A', 'B', 'C']);
    // The reverse cycle starts from A too, going the other way round.
    expect(majorityCycle([ballot('ACB'), ballot('CBA'), ballot('BAC')])).toEqual(['A', 'C', 'B']);
  });

  it('majorityCycle is null when there is a Condorcet winner or only ties', () => {
    expect(majorityCycle([ballot('ABC', 3), ballot('BCA', 2)])).toBeNull();
    // Two opposite voters: every contest is a tie, so there is neither a winner nor a cycle.
    expect(majorityCycle([ballot('ABC'), ballot('CBA')])).toBeNull();
  });

  it('majorityCycle returns a shortest cycle, each link a strict majority, among 4 candidates', () => {
    // D loses to everyone; A, B, C form a cycle.
    const ballots = [ballot('ABCD'), ballot('BCAD'), ballot('CABD')];
    const cycle = majorityCycle(ballots)!;
    expect(cycle).toEqual(['A', 'B', 'C']);
  });

  it('majorityCycle with an odd electorate finds a cycle exactly when there is no Condorcet winner', () => {
    // With an odd number of voters the majority relation is a tournament, and a tournament without
    // a top element always has a cycle; checked on every three-voter profile over three candidates.
    const all = orders('ABC');
    for (const x of all)
      for (const y of all)
        for (const z of all) {
          const ballots = [ballot(x), ballot(y), ballot(z)];
          expect(majorityCycle(ballots) === null).toBe(condorcetWinner(ballots) !== null);
        }
  });
});

describe('sampleCyclicProfile', () => {
  it('sampleCyclicProfile(3 candidates, 3 voters) returns one ballot per voter whose majorities cycle', () => {
    const found = sampleCyclicProfile({ candidates: 3, voters: 3, seed: 1 })!;
    expect(found.ballots).toHaveLength(3);
    expect(condorcetWinner(found.ballots)).toBeNull();
    expect(majorityCycle(found.ballots)).toEqual(found.cycle);
    expect(found.draws).toBeGreaterThanOrEqual(1);
    expect(sampleCyclicProfile({ candidates: 3, voters: 3, seed: 1 })).toEqual(found);
  });

  it('sampleCyclicProfile needs about 18 draws on average with 3 candidates and 3 voters', () => {
    // Each draw cycles with probability 1/18, so draws are geometric with mean 18 and standard
    // deviation √(1 − p)/p ≈ 17.5; over 400 seeds the mean has standard error ≈ 0.87.
    let sum = 0;
    for (let seed = 0; seed < 400; seed++) sum += sampleCyclicProfile({ candidates: 3, voters: 3, seed })!.draws;
    expect(Math.abs(sum / 400 - 18)).toBeLessThan(4 * 0.87);
  });

  it('sampleCyclicProfile returns null when no draw cycles, and throws on bad options', () => {
    // One voter never produces a cycle.
    expect(sampleCyclicProfile({ candidates: 3, voters: 1, seed: 1, maxDraws: 50 })).toBeNull();
    expect(() => sampleCyclicProfile({ candidates: 2, voters: 3, seed: 1 })).toThrow(
      /candidates must be an integer from 3/,
    );
    expect(() => sampleCyclicProfile({ candidates: 3, voters: 3, seed: Number.NaN })).toThrow(/seed/);
  });
});

describe('condorcetParadoxExact', () => {
  it('condorcetParadoxExact(3, 3) is 1/18, the share of the 216 three-voter profiles with a cycle', () => {
    expect(condorcetParadoxExact(3, 3)).toBeCloseTo(1 / 18, 14);
  });

  it('condorcetParadoxExact(4, 3) equals brute force over all 24^3 ordered profiles', () => {
    const all = orders('ABCD');
    let none = 0;
    for (const x of all)
      for (const y of all) for (const z of all) if (condorcetWinner([ballot(x), ballot(y), ballot(z)]) === null) none++;
    expect(condorcetParadoxExact(4, 3)).toBeCloseTo(none / 24 ** 3, 14);
  });

  it("condorcetParadoxExact(3, n) rises with odd n and stays below Guilbaud's limit", () => {
    let previous = 0;
    for (const n of [3, 5, 7, 9, 11, 15, 25]) {
      const p = condorcetParadoxExact(3, n);
      expect(p).toBeGreaterThan(previous);
      expect(p).toBeLessThan(guilbaudLimit());
      previous = p;
    }
    // By 25 voters it is within 0.004 of the limit (the gap shrinks like 1/n).
    expect(guilbaudLimit() - previous).toBeLessThan(0.004);
  });

  it('condorcetParadoxExact agrees with the Monte Carlo condorcetParadoxRate within four standard errors', () => {
    const exact = condorcetParadoxExact(3, 7);
    const trials = 40_000;
    const rate = condorcetParadoxRate({ candidates: 3, voters: 7, trials, seed: 5 });
    expect(Math.abs(rate - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / trials));
  });

  it('condorcetParadoxExact is 0 for one voter, 2/3 for two voters on three candidates (ties), and 0 for two candidates', () => {
    expect(condorcetParadoxExact(3, 1)).toBe(0);
    // Two voters: a Condorcet winner needs both to rank the same candidate first, probability 1/3.
    expect(condorcetParadoxExact(3, 2)).toBeCloseTo(2 / 3, 14);
    expect(condorcetParadoxExact(2, 7)).toBe(0);
  });

  it('condorcetParadoxExactCost counts the multisets and condorcetParadoxExact refuses work above its limit', () => {
    // C(3 + 5, 5) = 56 multisets of 3 rankings among 6.
    expect(condorcetParadoxExactCost(3, 3)).toBe(56);
    expect(condorcetParadoxExactCost(4, 3)).toBe(2600);
    expect(() => condorcetParadoxExact(5, 3, 1000)).toThrow(
      'condorcetParadoxExact: 5 candidates and 3 voters need 295240 profiles, more than the limit 1000',
    );
    expect(() => condorcetParadoxExact(6, 3)).toThrow(/candidates must be an integer from 1 to 5/);
    expect(() => condorcetParadoxExact(3, 0)).toThrow(/voters/);
  });
});
