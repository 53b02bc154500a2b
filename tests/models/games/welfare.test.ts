import { describe, expect, it } from 'vitest';
import { gameEfficiency, gamePreset, paretoOptimalOutcomes, prisonersDilemmaGame } from '../../../src/models/games/index.ts';

describe('paretoOptimalOutcomes', () => {
  it("paretoOptimalOutcomes(prisoner's dilemma) excludes only mutual defection", () => {
    // (D, D) pays (1, 1) and is dominated by (C, C) at (3, 3): the dilemma in one line.
    const g = prisonersDilemmaGame();
    expect(paretoOptimalOutcomes(g.A, g.B).map((o) => [o.row, o.col])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it('paretoOptimalOutcomes(coordination) keeps only the better convention', () => {
    const g = gamePreset('coordination');
    expect(paretoOptimalOutcomes(g.A, g.B)).toEqual([{ row: 0, col: 0, payoffs: [2, 2] }]);
  });
});

describe('gameEfficiency', () => {
  it("gameEfficiency(prisoner's dilemma) has price of anarchy and of stability 3", () => {
    // Best welfare 3 + 3 = 6 at (C, C); the only equilibrium (D, D) has welfare 1 + 1 = 2.
    const g = prisonersDilemmaGame();
    const e = gameEfficiency(g.A, g.B);
    expect(e.optimum).toMatchObject({ row: 0, col: 0, welfare: 6 });
    expect(e.priceOfAnarchy).toBe(3);
    expect(e.priceOfStability).toBe(3);
  });

  it('gameEfficiency(stag hunt) has price of anarchy 4/3 and price of stability 1', () => {
    // Welfare 8 at (stag, stag), 6 at (hare, hare) and 6 at the mixed equilibrium (each earns 3).
    const g = gamePreset('stag-hunt');
    const e = gameEfficiency(g.A, g.B);
    expect(e.equilibria.map((q) => q.welfare).sort((a, b) => a - b)).toEqual([6, 6, 8].map((v) => expect.closeTo(v, 12)));
    expect(e.priceOfAnarchy).toBeCloseTo(4 / 3, 12);
    expect(e.priceOfStability).toBe(1);
  });

  it('gameEfficiency leaves the ratios undefined when an equilibrium has non-positive welfare', () => {
    // Matching pennies is zero-sum: every outcome has welfare 0.
    const g = gamePreset('matching-pennies');
    const e = gameEfficiency(g.A, g.B);
    expect(e.priceOfAnarchy).toBeNull();
    expect(e.priceOfStability).toBeNull();
  });
});

describe('presets', () => {
  it('gamePreset returns fresh arrays each call', () => {
    const a = gamePreset('stag-hunt');
    a.A[0]![0] = 99;
    expect(gamePreset('stag-hunt').A[0]![0]).toBe(4);
  });

  it('prisonersDilemmaGame rejects payoffs that are not a dilemma', () => {
    expect(() => prisonersDilemmaGame({ T: 3, R: 5, P: 1, S: 0 })).toThrow(/T > R > P > S/);
  });
});
