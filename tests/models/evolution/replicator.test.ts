import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  discreteReplicator,
  hawkDoveMatrix,
  replicatorDynamics,
  replicatorVelocity,
  rockPaperScissorsMatrix,
} from '../../../src/models/evolution/index.ts';

const simplexPoint = (n: number) =>
  fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((v) => {
    const s = v.reduce((a, b) => a + b, 0);
    return v.map((x) => x / s);
  });
const square = (n: number) =>
  fc.array(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: n, maxLength: n }), { minLength: n, maxLength: n });

describe('replicatorDynamics', () => {
  it('replicatorDynamics rows stay on the simplex and start at x0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((n) => fc.tuple(square(n), simplexPoint(n))),
        ([A, x0]) => {
          const rows = replicatorDynamics(A, x0, { dt: 0.05, steps: 200 });
          expect(rows).toHaveLength(201);
          expect(rows[0]).toEqual(x0);
          for (const x of rows) {
            expect(x.every((v) => v >= 0)).toBe(true);
            expect(Math.abs(x.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-12);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('replicatorDynamics(Hawk–Dove) converges to a hawk share of V/C when C > V', () => {
    // Maynard Smith & Price (1973): with cost C above value V the stable mix has V/C hawks.
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.double({ min: 1.2, max: 4, noNaN: true }),
        fc.double({ min: 0.02, max: 0.98, noNaN: true }),
        (V, ratio, p0) => {
          const C = V * ratio;
          const rows = replicatorDynamics(hawkDoveMatrix(V, C).A, [p0, 1 - p0], { dt: 0.2, steps: 3000 });
          expect(rows[rows.length - 1]![0]).toBeCloseTo(V / C, 6);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('replicatorDynamics matches the logistic solution with fourth-order accuracy', () => {
    // With A = [[1, 1], [0, 0]] strategy 1 always earns 1 more, so x' = x(1 − x):
    // x(t) = x0·e^t / (1 − x0 + x0·e^t). Halving dt should cut the error about 2⁴ = 16 times.
    const A = [
      [1, 1],
      [0, 0],
    ];
    const x0 = 0.1;
    const exact = (t: number): number => (x0 * Math.exp(t)) / (1 - x0 + x0 * Math.exp(t));
    const error = (dt: number): number => {
      const steps = Math.round(4 / dt);
      const rows = replicatorDynamics(A, [x0, 1 - x0], { dt, steps });
      return Math.max(...rows.map((x, k) => Math.abs(x[0]! - exact(k * dt))));
    };
    const e1 = error(0.2);
    const e2 = error(0.1);
    expect(e1).toBeLessThan(1e-4);
    expect(e1 / e2).toBeGreaterThan(12);
    expect(e1 / e2).toBeLessThan(20);
  });

  it('replicatorDynamics(rock–paper–scissors) conserves x1·x2·x3 in the zero-sum game', () => {
    // For zero-sum RPS, x1·x2·x3 is a constant of motion, so orbits are closed cycles (Hofbauer & Sigmund 1998).
    const rows = replicatorDynamics(rockPaperScissorsMatrix().A, [0.5, 0.3, 0.2], { dt: 0.01, steps: 5000 });
    const H = (x: readonly number[]): number => x[0]! * x[1]! * x[2]!;
    for (const x of rows) expect(Math.abs(H(x) - 0.03)).toBeLessThan(1e-8);
  });

  it('replicatorVelocity vanishes at the uniform mix of rock–paper–scissors', () => {
    const v = replicatorVelocity(rockPaperScissorsMatrix({ win: 2, lose: 1 }).A, [1 / 3, 1 / 3, 1 / 3]);
    for (const c of v) expect(Math.abs(c)).toBeLessThan(1e-15);
  });

  it('replicatorDynamics rejects bad input, naming the parameter', () => {
    const A = hawkDoveMatrix(2, 4).A;
    expect(() => replicatorDynamics(A, [0.5, 0.6], { dt: 0.1, steps: 1 })).toThrow(/x0 must sum to 1/);
    expect(() => replicatorDynamics(A, [0.5, 0.5], { dt: 0, steps: 1 })).toThrow(/dt/);
    expect(() => replicatorDynamics(A, [0.5, 0.5], { dt: 0.1, steps: -1 })).toThrow(/steps/);
    expect(() => replicatorDynamics([[1, 2]], [1], { dt: 0.1, steps: 1 })).toThrow(/square/);
  });
});

describe('discreteReplicator', () => {
  it('discreteReplicator multiplies each share by its relative fitness', () => {
    // One generation by hand: fitness (Mx) = (2, 1) at x = (1/2, 1/2), mean 3/2 → (2/3, 1/3).
    const rows = discreteReplicator(
      [
        [2, 2],
        [1, 1],
      ],
      [0.5, 0.5],
      1,
    );
    expect(rows[1]![0]).toBeCloseTo(2 / 3, 15);
    expect(rows[1]![1]).toBeCloseTo(1 / 3, 15);
  });

  it('discreteReplicator rejects negative payoffs', () => {
    expect(() => discreteReplicator([[1, -1], [0, 1]], [0.5, 0.5], 3)).toThrow(/≥ 0/);
  });
});
