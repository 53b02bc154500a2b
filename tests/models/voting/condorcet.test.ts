import { describe, expect, it } from 'vitest';
import {
  condorcetParadoxRate,
  condorcetWinner,
  impartialCulture,
  pairwiseMatrix,
  type Ballot,
} from '../../../src/models/voting/index.ts';

const orders = ['ABC', 'ACB', 'BAC', 'BCA', 'CAB', 'CBA'].map((s) => s.split(''));

describe('pairwiseMatrix and condorcetWinner', () => {
  it('pairwiseMatrix counts, for each ordered pair, the voters ranking the first above the second', () => {
    const ballots: Ballot[] = [
      { ranking: ['B', 'A', 'C'], count: 3 },
      { ranking: ['C', 'A', 'B'], count: 2 },
    ];
    expect(pairwiseMatrix(ballots)).toEqual({
      candidates: ['A', 'B', 'C'],
      matrix: [
        [0, 2, 3],
        [3, 0, 3],
        [2, 2, 0],
      ],
    });
  });

  it('condorcetWinner returns the candidate beating each rival by a strict majority', () => {
    expect(
      condorcetWinner([
        { ranking: ['B', 'A', 'C'], count: 3 },
        { ranking: ['C', 'A', 'B'], count: 2 },
      ]),
    ).toBe('B');
  });

  it('condorcetWinner returns null on a majority cycle and on a head-to-head tie', () => {
    expect(condorcetWinner(['ABC', 'BCA', 'CAB'].map((s) => ({ ranking: s.split('') })))).toBeNull();
    expect(condorcetWinner([{ ranking: ['A', 'B'] }, { ranking: ['B', 'A'] }])).toBeNull();
  });
});

describe('condorcetParadoxRate (impartial culture)', () => {
  it('exhaustive enumeration of all 6^3 three-voter profiles finds a cycle in exactly 1/18 of them', () => {
    // 216 profiles; the 12 without a Condorcet winner are the two 3-cycles, each in 3! voter orders.
    let cycles = 0;
    for (const x of orders) {
      for (const y of orders) {
        for (const z of orders) {
          if (condorcetWinner([{ ranking: x }, { ranking: y }, { ranking: z }]) === null) cycles++;
        }
      }
    }
    expect(cycles).toBe(12);
    expect(cycles / 216).toBeCloseTo(1 / 18, 15);
  });

  it('condorcetParadoxRate(3 candidates, 3 voters) is 1/18 within four standard errors', () => {
    // Exact value 1/18 (the enumeration above). 100,000 trials: standard error ≈ 0.00072.
    const p = 1 / 18;
    const trials = 100_000;
    const se = Math.sqrt((p * (1 - p)) / trials);
    const rate = condorcetParadoxRate({ candidates: 3, voters: 3, trials, seed: 7 });
    expect(Math.abs(rate - p)).toBeLessThan(4 * se);
  });

  it("condorcetParadoxRate(3 candidates, 1001 voters) is near Guilbaud's 0.0877", () => {
    // Guilbaud (1952): as voters grow the probability tends to 1/4 − (3/(2π))·arcsin(1/3)
    // ≈ 0.08774; at 1,001 voters it is within 0.001 of that limit. 40,000 trials: SE ≈ 0.0014.
    const guilbaud = 1 / 4 - (3 / (2 * Math.PI)) * Math.asin(1 / 3);
    expect(guilbaud).toBeCloseTo(0.0877, 4);
    const trials = 40_000;
    const se = Math.sqrt((guilbaud * (1 - guilbaud)) / trials);
    const rate = condorcetParadoxRate({ candidates: 3, voters: 1001, trials, seed: 1952 });
    expect(Math.abs(rate - guilbaud)).toBeLessThan(4 * se + 0.001);
  });

  it('condorcetParadoxRate is 0 with two candidates and an odd electorate, and 1/2 with two voters', () => {
    expect(condorcetParadoxRate({ candidates: 2, voters: 7, trials: 2000, seed: 1 })).toBe(0);
    // Two voters on two candidates: no winner exactly when they disagree, probability 1/2.
    const rate = condorcetParadoxRate({ candidates: 2, voters: 2, trials: 20_000, seed: 2 });
    expect(Math.abs(rate - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / 20_000));
  });

  it('condorcetParadoxRate grows with the number of candidates and handles more than 8 candidates', () => {
    // More candidates give more ways to form a cycle, so the rate must rise with m.
    const three = condorcetParadoxRate({ candidates: 3, voters: 101, trials: 4000, seed: 3 });
    const five = condorcetParadoxRate({ candidates: 5, voters: 101, trials: 4000, seed: 3 });
    const ten = condorcetParadoxRate({ candidates: 10, voters: 101, trials: 1000, seed: 3 });
    expect(five).toBeGreaterThan(three);
    expect(ten).toBeGreaterThan(five);
    expect(ten).toBeLessThan(1);
  });

  it('condorcetParadoxRate is deterministic for a seed', () => {
    const options = { candidates: 4, voters: 25, trials: 500, seed: 11 };
    expect(condorcetParadoxRate(options)).toBe(condorcetParadoxRate(options));
  });

  it('condorcetParadoxRate throws a RangeError naming a bad parameter', () => {
    expect(() => condorcetParadoxRate({ candidates: 3, voters: 0, trials: 10, seed: 1 })).toThrow(
      /voters must be an integer >= 1/,
    );
    expect(() => condorcetParadoxRate({ candidates: 3, voters: 3, trials: 1.5, seed: 1 })).toThrow(/trials/);
    expect(() => condorcetParadoxRate({ candidates: 3, voters: 3, trials: 10, seed: Number.NaN })).toThrow(/seed/);
  });
});

describe('impartialCulture', () => {
  it('impartialCulture draws the requested number of full rankings, merged by ranking', () => {
    const ballots = impartialCulture({ candidates: 4, voters: 1001, seed: 5 });
    expect(ballots.reduce((sum, b) => sum + (b.count ?? 1), 0)).toBe(1001);
    expect(ballots.length).toBeLessThanOrEqual(24);
    for (const ballot of ballots) expect([...ballot.ranking].sort()).toEqual(['A', 'B', 'C', 'D']);
    expect(new Set(ballots.map((b) => b.ranking.join(''))).size).toBe(ballots.length);
  });

  it('impartialCulture puts each candidate first about 1/m of the time', () => {
    const ballots = impartialCulture({ candidates: ['x', 'y', 'z'], voters: 30_000, seed: 9 });
    const firsts = { x: 0, y: 0, z: 0 };
    for (const b of ballots) firsts[b.ranking[0] as 'x' | 'y' | 'z'] += b.count ?? 1;
    // Binomial(30000, 1/3): standard deviation ≈ 82.
    for (const n of Object.values(firsts)) expect(Math.abs(n - 10_000)).toBeLessThan(4 * 82);
  });
});
