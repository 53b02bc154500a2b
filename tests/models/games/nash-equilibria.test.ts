import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  degeneracyWitness,
  expectedPayoffs,
  gamePreset,
  GAME_PRESET_IDS,
  isDegenerate,
  columnBestResponses,
  isNashEquilibrium,
  nashEquilibria,
  rowBestResponses,
  prisonersDilemmaGame,
  type MixedProfile,
} from '../../../src/models/games/index.ts';

/** Asserts that `actual` and `expected` hold the same profiles, in any order, to `digits` decimals. */
function expectSameEquilibria(actual: MixedProfile[], expected: MixedProfile[], digits = 12): void {
  expect(actual).toHaveLength(expected.length);
  for (const e of expected) {
    const match = actual.find(
      (a) => a.row.every((v, i) => Math.abs(v - e.row[i]!) < 10 ** -digits) && a.col.every((v, j) => Math.abs(v - e.col[j]!) < 10 ** -digits),
    );
    expect(match, `missing equilibrium ${JSON.stringify(e)} in ${JSON.stringify(actual)}`).toBeDefined();
  }
}

const isDistribution = (v: readonly number[]): boolean =>
  v.every((p) => p >= 0 && p <= 1) && Math.abs(v.reduce((s, p) => s + p, 0) - 1) < 1e-9;

/** Integer payoff matrices of a given shape. */
const matrix = (m: number, n: number) =>
  fc.array(fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }), { minLength: m, maxLength: m });
const bimatrix = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([m, n]) => fc.tuple(matrix(m, n), matrix(m, n)));

describe('nashEquilibria on the standard games', () => {
  it("nashEquilibria(prisoner's dilemma) is mutual defection only", () => {
    // The textbook result: defection strictly dominates, so (D, D) is the unique equilibrium.
    const g = prisonersDilemmaGame();
    expect(nashEquilibria(g.A, g.B)).toEqual([{ row: [0, 1], col: [0, 1] }]);
  });

  it('nashEquilibria(stag hunt) finds both pure equilibria and the mixed one at 3/4 stag', () => {
    // Stag 4 together, 0 alone; hare 3 always: stag is a best reply iff P(other hunts stag)·4 ≥ 3.
    const g = gamePreset('stag-hunt');
    expectSameEquilibria(nashEquilibria(g.A, g.B), [
      { row: [1, 0], col: [1, 0] },
      { row: [0, 1], col: [0, 1] },
      { row: [3 / 4, 1 / 4], col: [3 / 4, 1 / 4] },
    ]);
  });

  it('nashEquilibria(chicken) finds the two asymmetric pure equilibria and the mixed one', () => {
    // Swerve pays 0 or −1, straight 1 or −10: indifference q·0 − (1 − q) = q − 10(1 − q) gives q = 9/10.
    const g = gamePreset('chicken');
    expectSameEquilibria(nashEquilibria(g.A, g.B), [
      { row: [1, 0], col: [0, 1] },
      { row: [0, 1], col: [1, 0] },
      { row: [0.9, 0.1], col: [0.9, 0.1] },
    ]);
  });

  it('nashEquilibria(battle of the sexes) includes the mixed equilibrium (3/5, 2/5), (2/5, 3/5)', () => {
    // Payoffs (3, 2) at the opera, (2, 3) at football: each mixes to make the other indifferent.
    const g = gamePreset('battle-of-the-sexes');
    const eqs = nashEquilibria(g.A, g.B);
    expectSameEquilibria(eqs, [
      { row: [1, 0], col: [1, 0] },
      { row: [0, 1], col: [0, 1] },
      { row: [3 / 5, 2 / 5], col: [2 / 5, 3 / 5] },
    ]);
    const mixed = eqs.find((e) => e.row[0]! > 0 && e.row[0]! < 1)!;
    // Expected payoff of the mixed equilibrium: 3·(3/5)(2/5) + 2·(2/5)(3/5) = 6/5 for each.
    const [u, v] = expectedPayoffs(g.A, g.B, mixed.row, mixed.col);
    expect(u).toBeCloseTo(6 / 5, 12);
    expect(v).toBeCloseTo(6 / 5, 12);
  });

  it('nashEquilibria(matching pennies) is the unique mix (1/2, 1/2)', () => {
    const g = gamePreset('matching-pennies');
    expectSameEquilibria(nashEquilibria(g.A, g.B), [{ row: [0.5, 0.5], col: [0.5, 0.5] }]);
  });

  it('nashEquilibria(rock–paper–scissors) is the uniform mix only', () => {
    const g = gamePreset('rock-paper-scissors');
    expectSameEquilibria(nashEquilibria(g.A, g.B), [{ row: [1 / 3, 1 / 3, 1 / 3], col: [1 / 3, 1 / 3, 1 / 3] }]);
  });

  it('nashEquilibria(coordination) finds both conventions and the mix at 1/3', () => {
    // Payoffs 2 and 1 on the diagonal: indifference 2p = 1 − p gives p = 1/3.
    const g = gamePreset('coordination');
    expectSameEquilibria(nashEquilibria(g.A, g.B), [
      { row: [1, 0], col: [1, 0] },
      { row: [0, 1], col: [0, 1] },
      { row: [1 / 3, 2 / 3], col: [1 / 3, 2 / 3] },
    ]);
  });

  it('nashEquilibria returns pure equilibria as exact 0/1 vectors', () => {
    for (const id of GAME_PRESET_IDS) {
      const g = gamePreset(id);
      for (const e of nashEquilibria(g.A, g.B)) {
        for (const v of [e.row, e.col]) {
          if (v.some((p) => p > 1 - 1e-9)) expect(v.every((p) => p === 0 || p === 1)).toBe(true);
        }
      }
    }
  });

  it('isDegenerate is false for every preset game', () => {
    for (const id of GAME_PRESET_IDS) {
      const g = gamePreset(id);
      expect(isDegenerate(g.A, g.B), id).toBe(false);
    }
  });
});

describe('nashEquilibria invariants', () => {
  it('nashEquilibria outputs valid mixes that are mutual best responses', () => {
    fc.assert(
      fc.property(bimatrix, ([A, B]) => {
        for (const e of nashEquilibria(A, B)) {
          expect(isDistribution(e.row)).toBe(true);
          expect(isDistribution(e.col)).toBe(true);
          expect(isNashEquilibrium(A, B, e.row, e.col, 1e-9)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('nashEquilibria finds an odd number of equilibria in nondegenerate games', () => {
    // Every nondegenerate bimatrix game has an odd number of equilibria (a consequence of the
    // Lemke–Howson algorithm), so an even count would reveal a missed equilibrium.
    fc.assert(
      fc.property(bimatrix, ([A, B]) => {
        fc.pre(!isDegenerate(A, B));
        expect(nashEquilibria(A, B).length % 2).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('nashEquilibria lists each equilibrium once', () => {
    fc.assert(
      fc.property(bimatrix, ([A, B]) => {
        const eqs = nashEquilibria(A, B);
        for (let i = 0; i < eqs.length; i++) {
          for (let j = i + 1; j < eqs.length; j++) {
            const same = [...eqs[i]!.row, ...eqs[i]!.col].every((v, k) => Math.abs(v - [...eqs[j]!.row, ...eqs[j]!.col][k]!) < 1e-9);
            expect(same).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('nashEquilibria agrees with the closed form on 2×2 games with a unique mixed equilibrium', () => {
    // In a 2×2 game without pure equilibria the row player mixes p = (d − c)/(a − b − c + d) on
    // the column payoffs B = [[a, b], [c, d]] (making the column player indifferent), and likewise.
    fc.assert(
      fc.property(matrix(2, 2), matrix(2, 2), (A, B) => {
        const pure = [0, 1].flatMap((i) => [0, 1].map((j) => [i, j] as const));
        const pureEq = pure.filter(([i, j]) => A[i]![j]! >= A[1 - i]![j]! && B[i]![j]! >= B[i]![1 - j]!);
        fc.pre(pureEq.length === 0);
        const [[a, b], [c, d]] = B as [[number, number], [number, number]];
        const p = (d - c) / (a - b - c + d);
        const [[e, f], [g, h]] = A as [[number, number], [number, number]];
        const q = (h - f) / (e - f - g + h);
        expectSameEquilibria(nashEquilibria(A, B), [{ row: [p, 1 - p], col: [q, 1 - q] }], 9);
      }),
      { numRuns: 300 },
    );
  });

  it('nashEquilibria solves random 6×6 games with every output an equilibrium', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 72, maxLength: 72 }),
        (vals) => {
          const A = Array.from({ length: 6 }, (_, i) => vals.slice(6 * i, 6 * i + 6));
          const B = Array.from({ length: 6 }, (_, i) => vals.slice(36 + 6 * i, 36 + 6 * i + 6));
          const eqs = nashEquilibria(A, B);
          if (!isDegenerate(A, B)) expect(eqs.length % 2).toBe(1);
          for (const e of eqs) expect(isNashEquilibrium(A, B, e.row, e.col, 1e-8)).toBe(true);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('best responses', () => {
  it('rowBestResponses and columnBestResponses list every pure best reply', () => {
    // At the stag hunt's mixed equilibrium (3/4 stag) both actions earn 3 for either player.
    const g = gamePreset('stag-hunt');
    expect(rowBestResponses(g.A, [0.75, 0.25], 1e-12)).toEqual([0, 1]);
    expect(columnBestResponses(g.B, [0.75, 0.25], 1e-12)).toEqual([0, 1]);
    expect(rowBestResponses(g.A, [1, 0])).toEqual([0]);
    expect(columnBestResponses(g.B, [0, 1])).toEqual([1]);
  });
});

describe('degenerate games', () => {
  it('degeneracyWitness finds a pure strategy with two best replies', () => {
    // The column player is indifferent between its two columns whatever the row player does.
    const A = [
      [1, 1],
      [0, 0],
    ];
    const B = [
      [1, 1],
      [0, 0],
    ];
    const w = degeneracyWitness(A, B);
    expect(w).not.toBeNull();
    expect(w!.bestResponses.length).toBeGreaterThan(w!.support.length);
    // Support enumeration still returns true equilibria (here the two pure ones).
    const eqs = nashEquilibria(A, B);
    expect(eqs.length).toBeGreaterThanOrEqual(2);
    for (const e of eqs) expect(isNashEquilibrium(A, B, e.row, e.col)).toBe(true);
  });

  it('degeneracyWitness finds a mixed strategy with more best replies than its support', () => {
    // Against x = (1/2, 1/2) all three columns pay the column player 1/2: 3 best replies, support 2.
    const A = [
      [3, 1, 0],
      [0, 2, 1],
    ];
    const B = [
      [1, 0, 0.5],
      [0, 1, 0.5],
    ];
    const w = degeneracyWitness(A, B)!;
    expect(w.player).toBe('row');
    expect(w.strategy[0]).toBeCloseTo(0.5, 12);
    expect(w.bestResponses).toEqual([0, 1, 2]);
    expect(isDegenerate(A, B)).toBe(true);
  });
});

describe('input checks', () => {
  it('nashEquilibria rejects matrices of different shapes', () => {
    expect(() => nashEquilibria([[1, 2]], [[1], [2]])).toThrow(/same shape/);
  });

  it('nashEquilibria rejects ragged or non-finite matrices, naming the entry', () => {
    expect(() => nashEquilibria([[1, 2], [3]], [[1, 2], [3, 4]])).toThrow(TypeError);
    expect(() => nashEquilibria([[1, Number.NaN]], [[1, 2]])).toThrow(/A\[0\]\[1\]/);
  });

  it('nashEquilibria refuses games too large for support enumeration', () => {
    const big = Array.from({ length: 12 }, () => new Array<number>(12).fill(0));
    expect(() => nashEquilibria(big, big)).toThrow(/too large/);
  });

  it('isNashEquilibrium rejects a mix that does not sum to 1', () => {
    const g = gamePreset('matching-pennies');
    expect(() => isNashEquilibrium(g.A, g.B, [0.5, 0.4], [0.5, 0.5])).toThrow(/sum to 1/);
  });
});
