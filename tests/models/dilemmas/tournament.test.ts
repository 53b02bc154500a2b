import { describe, expect, it } from 'vitest';
import { DILEMMA_STRATEGY_IDS, ecologicalTournament, roundRobin } from '../../../src/models/dilemmas/index.ts';

describe('roundRobin', () => {
  const trio = ['always-cooperate', 'always-defect', 'tit-for-tat'] as const;

  it('roundRobin(ALLC, ALLD, TFT) gives the hand-computed score matrix per turn', () => {
    // Over 10 turns: ALLD earns 5 then 1s against TFT, (5 + 9)/10 = 1.4; TFT earns 0 then 1s, 0.9.
    const r = roundRobin(trio, { turns: 10 });
    const expected = [
      [3, 0, 3],
      [5, 1, 1.4],
      [3, 0.9, 3],
    ];
    r.matrix.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i]![j]!, 12)));
    expect(r.scores.map((s) => +s.toFixed(12))).toEqual([2, +(7.4 / 3).toFixed(12), 2.3]);
    expect(r.ranking).toEqual([1, 2, 0]);
    // TFT cooperates 10/10 against ALLC, 1/10 against ALLD and 20/20 in both seats against its twin.
    expect(r.cooperation).toEqual([1, 0, 31 / 40]);
  });

  it('roundRobin without self-play averages over the other entrants only', () => {
    const r = roundRobin(trio, { turns: 10, selfPlay: false });
    expect(r.matrix[0]![0]).toBeNaN();
    expect(r.scores[0]).toBeCloseTo(1.5, 12);
    expect(r.scores[1]).toBeCloseTo(3.2, 12);
    expect(r.scores[2]).toBeCloseTo(1.95, 12);
  });

  it('roundRobin is deterministic for a seed and varies with it when strategies are stochastic', () => {
    const entrants = ['random', 'joss', 'tit-for-tat', 'generous-tit-for-tat'] as const;
    const a = roundRobin(entrants, { turns: 100, seed: 3, repetitions: 2 });
    const b = roundRobin(entrants, { turns: 100, seed: 3, repetitions: 2 });
    const c = roundRobin(entrants, { turns: 100, seed: 4, repetitions: 2 });
    expect(a).toEqual(b);
    expect(a.scores).not.toEqual(c.scores);
  });

  it('roundRobin repetitions do not change deterministic, noiseless pairs', () => {
    const once = roundRobin(trio, { turns: 50 });
    const many = roundRobin(trio, { turns: 50, repetitions: 7, seed: 9 });
    expect(many.matrix).toEqual(once.matrix);
  });

  it('roundRobin of all built-in strategies ranks a nice reciprocator above always-defect', () => {
    // Axelrod's tournaments: nice, retaliatory, forgiving rules beat unconditional defection.
    const r = roundRobin(DILEMMA_STRATEGY_IDS, { turns: 200, seed: 1, repetitions: 3 });
    const rank = (id: string): number => r.ranking.indexOf(r.strategies.indexOf(id));
    expect(rank('tit-for-tat')).toBeLessThan(rank('always-defect'));
    expect(r.scores.every((s) => s >= 0 && s <= 5)).toBe(true);
  });

  it('roundRobin rejects bad options', () => {
    expect(() => roundRobin([], { turns: 10 })).toThrow(/empty/);
    expect(() => roundRobin(trio, { turns: 0 })).toThrow(/turns/);
    expect(() => roundRobin(trio, { turns: 5, repetitions: 0 })).toThrow(/repetitions/);
  });
});

describe('ecologicalTournament', () => {
  it('ecologicalTournament: always-defect first grows on its prey, then dies out as tit for tat takes over', () => {
    // Axelrod's ecological analysis: exploiters prosper while suckers last, then decline.
    const r = ecologicalTournament(['always-cooperate', 'always-defect', 'tit-for-tat'], { turns: 200, generations: 300 });
    const alld = r.shares.map((x) => x[1]!);
    expect(r.shares).toHaveLength(301);
    expect(Math.max(...alld.slice(1, 20))).toBeGreaterThan(alld[0]!);
    expect(alld[300]!).toBeLessThan(1e-3);
    expect(r.shares[300]![2]!).toBeGreaterThan(r.shares[300]![0]!);
  });

  it('ecologicalTournament shares stay on the simplex', () => {
    const r = ecologicalTournament(DILEMMA_STRATEGY_IDS, { turns: 50, generations: 100, noise: 0.05, seed: 2 });
    for (const x of r.shares) {
      expect(x.every((v) => v >= 0)).toBe(true);
      expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    }
  });

  it('ecologicalTournament rejects negative payoffs and misshapen initial shares', () => {
    const ids = ['tit-for-tat', 'always-defect'] as const;
    expect(() => ecologicalTournament(ids, { turns: 5, generations: 3, payoffs: { T: 5, R: 3, P: 1, S: -1 } })).toThrow(/≥ 0/);
    expect(() => ecologicalTournament(ids, { turns: 5, generations: 3, initialShares: [1] })).toThrow(/initialShares/);
  });
});
