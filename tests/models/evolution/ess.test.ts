import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  evolutionarilyStableStrategies,
  hawkDoveMatrix,
  isESS,
  restPoints,
  rockPaperScissorsMatrix,
  stagHuntMatrix,
} from '../../../src/models/evolution/index.ts';

describe('isESS and evolutionarilyStableStrategies', () => {
  it('evolutionarilyStableStrategies(Hawk–Dove, C > V) is the mix with V/C hawks', () => {
    // Maynard Smith & Price (1973): the ESS plays hawk with probability V/C when C > V.
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 5, noNaN: true }), fc.double({ min: 1.1, max: 5, noNaN: true }), (V, ratio) => {
        const C = V * ratio;
        const A = hawkDoveMatrix(V, C).A;
        const ess = evolutionarilyStableStrategies(A);
        expect(ess).toHaveLength(1);
        expect(ess[0]![0]).toBeCloseTo(V / C, 10);
        expect(isESS(A, [1, 0])).toBe(false);
        expect(isESS(A, [0, 1])).toBe(false);
      }),
      { numRuns: 50 },
    );
  });

  it('isESS(Hawk–Dove, pure hawk) holds when the value exceeds the cost', () => {
    const A = hawkDoveMatrix(4, 2).A;
    expect(isESS(A, [1, 0])).toBe(true);
    expect(evolutionarilyStableStrategies(A)).toEqual([[1, 0]]);
  });

  it('evolutionarilyStableStrategies(stag hunt) is both pure strategies, not the mix', () => {
    const A = stagHuntMatrix().A;
    expect(evolutionarilyStableStrategies(A)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(isESS(A, [0.75, 0.25])).toBe(false);
  });

  it('isESS(rock–paper–scissors, uniform) holds exactly when a win pays more than a loss costs', () => {
    // z·Az = −(win − lose)/2·Σz² on directions with Σz = 0, negative iff win > lose.
    const uniform = [1 / 3, 1 / 3, 1 / 3];
    expect(isESS(rockPaperScissorsMatrix({ win: 2, lose: 1 }).A, uniform)).toBe(true);
    expect(isESS(rockPaperScissorsMatrix().A, uniform)).toBe(false);
    expect(isESS(rockPaperScissorsMatrix({ win: 1, lose: 2 }).A, uniform)).toBe(false);
    expect(evolutionarilyStableStrategies(rockPaperScissorsMatrix().A)).toEqual([]);
  });

  it('isESS rejects a neutral mutant that does as well as the resident', () => {
    // Every strategy earns 1 against everything: nobody can resist drift, so nothing is an ESS.
    const A = [
      [1, 1],
      [1, 1],
    ];
    expect(isESS(A, [1, 0])).toBe(false);
    expect(isESS(A, [0.5, 0.5])).toBe(false);
  });

  it('isESS checks the second condition on the boundary of the best-reply face', () => {
    // x = e1 ties with e2 against itself (A[1][0] = A[0][0]) and beats it in the second
    // condition (x·Ae2 = 1 > e2·Ae2 = 0); e3 does strictly worse. So e1 is an ESS.
    const A = [
      [1, 1, 5],
      [1, 0, 0],
      [0, 0, 0],
    ];
    expect(isESS(A, [1, 0, 0])).toBe(true);
    // Making e2 score 2 against itself lets it invade.
    const B = [
      [1, 1, 5],
      [1, 2, 0],
      [0, 0, 0],
    ];
    expect(isESS(B, [1, 0, 0])).toBe(false);
  });

  it('isESS tests only the directions a mutant can take, not the whole tangent space', () => {
    // All three strategies tie against x = e1, so invaders y mix e2 and e3 freely, but only with
    // y2, y3 ≥ 0. With A[1][1] = A[2][2] = −1 and A[1][2] = A[2][1] = −2 the form −y2² − 4y2y3 − y3²
    // is negative on that cone although it is indefinite (take y2 = −y3): e1 is an ESS. With +2
    // off the diagonal, y = (0, 1/2, 1/2) earns 1/2 > 0 against itself and invades.
    const A = [
      [0, 0, 0],
      [0, -1, -2],
      [0, -2, -1],
    ];
    expect(isESS(A, [1, 0, 0])).toBe(true);
    const B = [
      [0, 0, 0],
      [0, -1, 2],
      [0, 2, -1],
    ];
    expect(isESS(B, [1, 0, 0])).toBe(false);
  });

  it('every ESS found is a rest point judged stable by the replicator linearisation', () => {
    // An ESS is asymptotically stable under the replicator dynamics (Taylor & Jonker 1978); the
    // linearisation can only be non-hyperbolic, never unstable, at one.
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 3, maxLength: 3 }),
        (A) => {
          const rests = restPoints(A);
          for (const x of evolutionarilyStableStrategies(A)) {
            const r = rests.find((p) => p.point.every((v, i) => Math.abs(v - x[i]!) < 1e-9));
            expect(r).toBeDefined();
            expect(['stable', 'non-hyperbolic', 'center']).toContain(r!.stability);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('isESS rejects an x that is not a distribution', () => {
    expect(() => isESS(hawkDoveMatrix(1, 2).A, [0.3, 0.3])).toThrow(/sum to 1/);
  });
});

describe('restPoints', () => {
  it('restPoints(Hawk–Dove) has unstable pure states and a stable mix at V/C', () => {
    const rp = restPoints(hawkDoveMatrix(2, 5).A);
    expect(rp.map((r) => r.stability)).toEqual(['unstable', 'unstable', 'stable']);
    expect(rp[2]!.point[0]).toBeCloseTo(2 / 5, 12);
    // One-dimensional dynamics p' = p(1 − p)(V − Cp)/2: slope −p(1 − p)C/2 = −0.6 at p = V/C.
    expect(rp[2]!.eigenvalues[0]!.re).toBeCloseTo(-0.6, 12);
  });

  it('restPoints(stag hunt) has two stable conventions and an unstable mix at 3/4', () => {
    const rp = restPoints(stagHuntMatrix().A);
    expect(rp.map((r) => [r.point[0], r.stability])).toEqual([
      [1, 'stable'],
      [0, 'stable'],
      [expect.closeTo(0.75, 12), 'unstable'],
    ]);
  });

  it('restPoints(rock–paper–scissors) classifies the interior point by the win/lose asymmetry', () => {
    const interior = (win: number, lose: number) =>
      restPoints(rockPaperScissorsMatrix({ win, lose }).A).find((r) => r.point.every((v) => v > 0))!;
    expect(interior(1, 1).stability).toBe('center');
    expect(interior(2, 1).stability).toBe('stable');
    expect(interior(1, 2).stability).toBe('unstable');
    // The vertices are saddles in all three games.
    const vertices = restPoints(rockPaperScissorsMatrix().A).filter((r) => r.point.includes(1));
    expect(vertices.map((r) => r.stability)).toEqual(['saddle', 'saddle', 'saddle']);
    // Zero-sum RPS: eigenvalues ±i/√3 at the centre (trace 0, determinant 1/3).
    const c = interior(1, 1).eigenvalues;
    expect(Math.abs(c[0]!.re)).toBeLessThan(1e-12);
    expect(Math.abs(c[0]!.im)).toBeCloseTo(1 / Math.sqrt(3), 12);
  });

  it('restPoints refuses games with more than three strategies', () => {
    const A = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    expect(() => restPoints(A)).toThrow(/2- and 3-strategy/);
  });
});
