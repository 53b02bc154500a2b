import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestResponseDynamics, fictitiousPlay, gamePreset, nashEquilibria } from '../../../src/models/games/index.ts';

describe('bestResponseDynamics', () => {
  it("bestResponseDynamics(prisoner's dilemma) moves from mutual cooperation to mutual defection", () => {
    const g = gamePreset('prisoners-dilemma');
    const r = bestResponseDynamics(g.A, g.B, { start: [0, 0] });
    expect(r.path).toEqual([
      [0, 0],
      [1, 0],
      [1, 1],
    ]);
    expect(r.converged).toBe(true);
    expect(r.cycle).toBe(false);
  });

  it('bestResponseDynamics(matching pennies) cycles through all four outcomes', () => {
    const g = gamePreset('matching-pennies');
    const r = bestResponseDynamics(g.A, g.B, { start: [0, 0] });
    expect(r.path).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
    expect(r.cycle).toBe(true);
    expect(r.converged).toBe(false);
  });

  it('bestResponseDynamics stops only at pure Nash equilibria when it converges', () => {
    const matrix = fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(matrix, matrix, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (A, B, r0, c0) => {
        const r = bestResponseDynamics(A, B, { start: [r0, c0] });
        expect(r.converged || r.cycle).toBe(true);
        if (r.converged) {
          const [i, j] = r.path[r.path.length - 1]!;
          expect(Math.max(...A.map((row) => row[j]!))).toBe(A[i]![j]);
          expect(Math.max(...B[i]!)).toBe(B[i]![j]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('bestResponseDynamics rejects a start outside the game', () => {
    const g = gamePreset('coordination');
    expect(() => bestResponseDynamics(g.A, g.B, { start: [2, 0] })).toThrow(/start\[0\]/);
  });
});

describe('fictitiousPlay', () => {
  it('fictitiousPlay(matching pennies) approaches the mixed equilibrium (1/2, 1/2)', () => {
    // Empirical frequencies of fictitious play converge to equilibrium in two-player zero-sum
    // games; the only equilibrium here is (1/2, 1/2).
    const g = gamePreset('matching-pennies');
    const r = fictitiousPlay(g.A, g.B, { iterations: 20_000, seed: 1 });
    expect(Math.abs(r.row[0]! - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(r.col[0]! - 0.5)).toBeLessThan(0.02);
  });

  it('fictitiousPlay(rock–paper–scissors) approaches the uniform mix', () => {
    const g = gamePreset('rock-paper-scissors');
    const r = fictitiousPlay(g.A, g.B, { iterations: 20_000, seed: 2 });
    for (const p of [...r.row, ...r.col]) expect(Math.abs(p - 1 / 3)).toBeLessThan(0.02);
  });

  it("fictitiousPlay(prisoner's dilemma) plays defection from the second round on", () => {
    const g = gamePreset('prisoners-dilemma');
    const r = fictitiousPlay(g.A, g.B, { iterations: 50, start: [0, 0] });
    expect(r.actions.slice(1).every(([i, j]) => i === 1 && j === 1)).toBe(true);
    expect(r.row).toEqual([1 / 51, 50 / 51]);
    expect(r.rowHistory).toHaveLength(51);
  });

  it('fictitiousPlay is deterministic for a seed', () => {
    const g = gamePreset('battle-of-the-sexes');
    const a = fictitiousPlay(g.A, g.B, { iterations: 500, seed: 9 });
    const b = fictitiousPlay(g.A, g.B, { iterations: 500, seed: 9 });
    expect(a).toEqual(b);
  });

  it('fictitiousPlay frequencies stay on the simplex', () => {
    const g = gamePreset('stag-hunt');
    const r = fictitiousPlay(g.A, g.B, { iterations: 200, seed: 4 });
    for (const f of [...r.rowHistory, ...r.colHistory]) {
      expect(f.every((p) => p >= 0)).toBe(true);
      expect(f.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
    }
    // Stag hunt: play locks into one of the pure equilibria.
    const last = r.actions[r.actions.length - 1]!;
    const pure = nashEquilibria(g.A, g.B).filter((e) => e.row.includes(1));
    expect(pure.some((e) => e.row[last[0]] === 1 && e.col[last[1]] === 1)).toBe(true);
  });

  it('fictitiousPlay rejects a negative number of iterations', () => {
    const g = gamePreset('stag-hunt');
    expect(() => fictitiousPlay(g.A, g.B, { iterations: -1 })).toThrow(/iterations/);
  });
});
