import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  differentiableGame,
  gameDecomposition,
  gameGradient,
  gradientPlay,
  sampleVectorField,
} from '../../../src/models/learning/gradient-play.ts';

// Balduzzi et al. (2018): the bilinear game's field is purely rotational, so its exact flow cycles
// and simultaneous gradient steps spiral out (each step multiplies the radius by √(1 + η²)).

const bilinear = differentiableGame('bilinear');
const radius = (p: { x: number[]; y: number[] }, i: number): number => Math.hypot(p.x[i]!, p.y[i]!);

describe('gradient play', () => {
  it('gradientPlay(bilinear, exact) stays on its circle: x(t) = cos t, y(t) = −sin t from (1, 0)', () => {
    const path = gradientPlay(bilinear, { start: [1, 0], stepSize: 0.1, steps: 1000, method: 'exact' });
    for (let i = 0; i <= 1000; i += 100) {
      expect(radius(path, i)).toBeCloseTo(1, 11);
      expect(path.x[i]).toBeCloseTo(Math.cos(0.1 * i), 9);
      expect(path.y[i]).toBeCloseTo(-Math.sin(0.1 * i), 9);
    }
  });

  it('gradientPlay(bilinear, simultaneous) spirals out by exactly √(1 + η²) per step', () => {
    const eta = 0.1;
    const path = gradientPlay(bilinear, { start: [1, 0], stepSize: eta, steps: 500 });
    expect(radius(path, 500) / (1 + eta * eta) ** 250).toBeCloseTo(1, 10);
  });

  it('gradientPlay(bilinear, alternating) stays bounded', () => {
    const path = gradientPlay(bilinear, { start: [1, 0], stepSize: 0.1, steps: 20_000, method: 'alternating' });
    const radii = path.x.map((_, i) => radius(path, i));
    expect(Math.max(...radii)).toBeLessThan(1.1);
    expect(Math.min(...radii)).toBeGreaterThan(0.9);
  });

  it('gradientPlay(potential) converges to the equilibrium (2, 2)', () => {
    const path = gradientPlay(differentiableGame('potential'), { start: [-3, 5], stepSize: 0.1, steps: 600 });
    expect(path.x.at(-1)).toBeCloseTo(2, 8);
    expect(path.y.at(-1)).toBeCloseTo(2, 8);
  });

  it('gradientPlay(cournot) reaches Nash (1/3, 1/3) individually but the cartel (1/4, 1/4) on welfare', () => {
    const cournot = differentiableGame('cournot');
    const nash = gradientPlay(cournot, { start: [0, 0], stepSize: 0.1, steps: 600 });
    const cartel = gradientPlay(cournot, { start: [0, 0], stepSize: 0.1, steps: 600, mode: 'welfare' });
    expect(nash.x.at(-1)).toBeCloseTo(1 / 3, 8);
    expect(nash.y.at(-1)).toBeCloseTo(1 / 3, 8);
    expect(cartel.x.at(-1)).toBeCloseTo(1 / 4, 8);
    expect(cartel.y.at(-1)).toBeCloseTo(1 / 4, 8);
  });

  it('gradientPlay(exact) agrees with many small Euler steps on a game with an affine field', () => {
    const cournot = differentiableGame('cournot');
    const exact = gradientPlay(cournot, { start: [0.9, 0.1], stepSize: 1, steps: 1, method: 'exact' });
    const fine = gradientPlay(cournot, { start: [0.9, 0.1], stepSize: 1e-5, steps: 100_000 });
    expect(exact.x[1]).toBeCloseTo(fine.x.at(-1)!, 4);
    expect(exact.y[1]).toBeCloseTo(fine.y.at(-1)!, 4);
  });

  it('gameDecomposition(bilinear) is purely antisymmetric; the potential game is purely symmetric', () => {
    const b = gameDecomposition(bilinear);
    expect(b.symmetric.flat().every((v) => v === 0)).toBe(true);
    expect(b.antisymmetric).toEqual([[0, 1], [-1, 0]]);
    const p = gameDecomposition(differentiableGame('potential'));
    expect(p.antisymmetric.flat().every((v) => v === 0)).toBe(true);
  });

  it('sampleVectorField samples resolution² arrows that equal gameGradient', () => {
    const field = sampleVectorField(bilinear, { xRange: [-1, 1], yRange: [-2, 2], resolution: 5 });
    expect(field).toHaveLength(25);
    for (const { x, y, dx, dy } of field) expect([dx, dy]).toEqual(gameGradient(bilinear, x, y));
    expect(field[0]).toEqual({ x: -1, y: -2, dx: -2, dy: 1 });
  });

  it('gradientPlay returns steps + 1 finite points for all valid inputs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('bilinear' as const, 'potential' as const, 'cournot' as const),
        fc.constantFrom('simultaneous' as const, 'alternating' as const, 'exact' as const),
        fc.constantFrom('individual' as const, 'welfare' as const),
        fc.double({ min: 1e-3, max: 0.3, noNaN: true }),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        fc.double({ min: -10, max: 10, noNaN: true }),
        (name, method, mode, stepSize, steps, x0, y0) => {
          const path = gradientPlay(differentiableGame(name), { start: [x0, y0], stepSize, steps, method, mode });
          expect(path.x).toHaveLength(steps + 1);
          expect(path.x[0]).toBe(x0);
          expect([...path.x, ...path.y].every(Number.isFinite)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gradientPlay rejects bad options with errors that name them', () => {
    expect(() => gradientPlay(bilinear, { start: [0, 0], stepSize: 0, steps: 5 })).toThrow(/stepSize/);
    expect(() => gradientPlay(bilinear, { start: [0, 0], stepSize: 0.1, steps: -1 })).toThrow(/steps/);
    expect(() => gradientPlay({ player1: { a: Number.NaN }, player2: {} }, { start: [0, 0], stepSize: 0.1, steps: 1 })).toThrow(
      /player1\.a/,
    );
    expect(() => differentiableGame('chicken' as 'bilinear')).toThrow(TypeError);
  });
});
