import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bestResponsePlay } from '../../../src/models/games/best-response-play.ts';
import { bestResponseDynamics } from '../../../src/models/games/best-response-dynamics.ts';
import { gamePreset } from '../../../src/models/games/presets.ts';

describe('bestResponsePlay', () => {
  it("bestResponsePlay(prisoner's dilemma) defects from round 1 on and the mixes approach Defect", () => {
    const g = gamePreset('prisoners-dilemma');
    const r = bestResponsePlay(g.A, g.B, { rounds: 3, start: [0, 0] });
    expect(r.actions).toEqual([
      [0, 0],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    // Cooperate once in four rounds: frequencies (1/4, 3/4) for both players.
    expect(r.row).toEqual([0.25, 0.75]);
    expect(r.col).toEqual([0.25, 0.75]);
    expect(r.rowHistory).toHaveLength(4);
    expect(r.rowHistory[0]).toEqual([1, 0]);
  });

  it('bestResponsePlay(matching pennies) alternates (Heads, Tails), (Tails, Heads) and its mixes tend to 1/2', () => {
    // Row keeps Heads against Heads (it wants a match), Column then switches to Tails, and so on.
    const g = gamePreset('matching-pennies');
    const r = bestResponsePlay(g.A, g.B, { rounds: 400, start: [0, 0] });
    expect(r.actions.slice(0, 5)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [0, 1],
      [1, 0],
    ]);
    // 401 observations of a 2-cycle plus the opening: each frequency is within 1/401 of 1/2.
    expect(Math.abs(r.row[0]! - 0.5)).toBeLessThanOrEqual(1 / 401 + 1e-12);
    expect(Math.abs(r.col[0]! - 0.5)).toBeLessThanOrEqual(1 / 401 + 1e-12);
  });

  it('bestResponsePlay(rock–paper–scissors) goes round a three-cycle and its mixes tend to 1/3 each', () => {
    const g = gamePreset('rock-paper-scissors');
    const r = bestResponsePlay(g.A, g.B, { rounds: 300, start: [0, 0] });
    // Against Rock the row player takes Paper; Scissors answer Paper, and so on round the cycle.
    expect(r.actions.slice(0, 4)).toEqual([
      [0, 0],
      [1, 2],
      [0, 1],
      [2, 0],
    ]);
    for (const p of [...r.row, ...r.col]) expect(Math.abs(p - 1 / 3)).toBeLessThanOrEqual(1 / 301 + 1e-12);
  });

  it('bestResponsePlay settles where bestResponseDynamics converges and never settles where it cycles', () => {
    const matrix = fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }), {
      minLength: 3,
      maxLength: 3,
    });
    fc.assert(
      fc.property(matrix, matrix, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), (A, B, r0, c0) => {
        const dynamics = bestResponseDynamics(A, B, { start: [r0, c0] });
        const rounds = dynamics.path.length + 4;
        const play = bestResponsePlay(A, B, { rounds, start: [r0, c0] });
        const last = play.actions[rounds]!;
        const [i, j] = last;
        const isPureNash = Math.max(...A.map((row) => row[j]!)) === A[i]![j] && Math.max(...B[i]!) === B[i]![j];
        if (dynamics.converged) {
          expect(last).toEqual(dynamics.path[dynamics.path.length - 1]);
          expect(play.actions[rounds - 1]).toEqual(last);
        } else {
          expect(isPureNash).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('bestResponsePlay histories are probability vectors, one row per round', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), (rounds) => {
        const g = gamePreset('battle-of-the-sexes');
        const r = bestResponsePlay(g.A, g.B, { rounds, start: [1, 0] });
        expect(r.rowHistory).toHaveLength(rounds + 1);
        expect(r.colHistory).toHaveLength(rounds + 1);
        for (const x of [...r.rowHistory, ...r.colHistory]) expect(x.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('bestResponsePlay rejects bad rounds and starts outside the game', () => {
    const g = gamePreset('coordination');
    expect(() => bestResponsePlay(g.A, g.B, { rounds: -1 })).toThrow(/rounds/);
    expect(() => bestResponsePlay(g.A, g.B, { rounds: 1.5 })).toThrow(/rounds/);
    expect(() => bestResponsePlay(g.A, g.B, { rounds: 3, start: [0, 2] })).toThrow(/start\[1\]/);
    expect(() => bestResponsePlay([[1, 2]], [[1]], { rounds: 3 })).toThrow(/same shape/);
  });
});
