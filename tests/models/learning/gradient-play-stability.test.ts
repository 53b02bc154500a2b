import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differentiableGame, gradientPlay, type GradientMethod } from '../../../src/models/learning/gradient-play.ts';
import {
  distanceToRestSet,
  gradientPlayRestSet,
  gradientPlayStepRadius,
} from '../../../src/models/learning/gradient-play-stability.ts';

// Closed forms from the presets of gradient-play.ts: the bilinear game's only equilibrium is (0, 0)
// and its welfare f₁ + f₂ is 0 everywhere; the potential game rests at (2, 2); Cournot with
// fᵢ = qᵢ(1 − x − y) has Nash (1/3, 1/3) and joint optimum x + y = 1/2. Simultaneous steps on the
// bilinear game multiply the radius by √(1 + η²) (Balduzzi et al. 2018; the gradient-descent article).

const bilinear = differentiableGame('bilinear');
const potential = differentiableGame('potential');
const cournot = differentiableGame('cournot');

describe('gradientPlayRestSet', () => {
  it('gradientPlayRestSet(bilinear) is the origin for individual play and the whole plane for welfare', () => {
    expect(gradientPlayRestSet(bilinear)).toEqual({ kind: 'point', point: [0, 0] });
    expect(gradientPlayRestSet(bilinear, 'welfare')).toEqual({ kind: 'plane' });
  });

  it('gradientPlayRestSet(potential) is (2, 2) both for individual play and for welfare ascent', () => {
    for (const mode of ['individual', 'welfare'] as const) {
      const rest = gradientPlayRestSet(potential, mode);
      expect(rest.kind).toBe('point');
      if (rest.kind !== 'point') return;
      expect(rest.point[0]).toBeCloseTo(2, 12);
      expect(rest.point[1]).toBeCloseTo(2, 12);
    }
  });

  it('gradientPlayRestSet(cournot) is Nash (1/3, 1/3) individually and the line x + y = 1/2 for welfare', () => {
    const nash = gradientPlayRestSet(cournot);
    expect(nash.kind).toBe('point');
    if (nash.kind === 'point') {
      expect(nash.point[0]).toBeCloseTo(1 / 3, 12);
      expect(nash.point[1]).toBeCloseTo(1 / 3, 12);
    }
    const cartel = gradientPlayRestSet(cournot, 'welfare');
    expect(cartel.kind).toBe('line');
    if (cartel.kind === 'line') {
      expect(cartel.normal[0]).toBeCloseTo(Math.SQRT1_2, 12);
      expect(cartel.normal[1]).toBeCloseTo(Math.SQRT1_2, 12);
      expect(cartel.offset).toBeCloseTo(0.5 * Math.SQRT1_2, 12);
    }
    // Welfare ascent from (0.9, 0.1) ends on that line.
    const path = gradientPlay(cournot, { start: [0.9, 0.1], stepSize: 0.1, steps: 400, mode: 'welfare' });
    expect(distanceToRestSet(cartel, path.x.at(-1)!, path.y.at(-1)!)).toBeLessThan(1e-9);
  });

  it('gradientPlayRestSet finds no rest point when the field is a nonzero constant or inconsistent', () => {
    expect(gradientPlayRestSet({ player1: { d: 1 }, player2: {} })).toEqual({ kind: 'none' });
    // Rows (1, 1) and (2, 2) with h = (0, 1): x + y = 0 and 2(x + y) = −1 cannot both hold.
    expect(gradientPlayRestSet({ player1: { a: 1, b: 1 }, player2: { b: 2, c: 2, e: 1 } })).toEqual({ kind: 'none' });
    expect(distanceToRestSet({ kind: 'none' }, 1, 2)).toBeNaN();
  });

  it('gradientPlayRestSet returns a point where the individual field vanishes, for random games', () => {
    const coef = fc.double({ min: -3, max: 3, noNaN: true });
    fc.assert(
      fc.property(coef, coef, coef, coef, coef, coef, (a, b1, b2, c, d, e) => {
        const game = { player1: { a, b: b1, d }, player2: { b: b2, c, e } };
        const rest = gradientPlayRestSet(game);
        if (rest.kind !== 'point') return;
        const [x, y] = rest.point;
        // The field at the rest point: (a·x + b₁·y + d, b₂·x + c·y + e).
        const size = 1 + Math.abs(x) + Math.abs(y);
        expect(Math.abs(a * x + b1 * y + d)).toBeLessThan(1e-6 * size * 10);
        expect(Math.abs(b2 * x + c * y + e)).toBeLessThan(1e-6 * size * 10);
      }),
      { numRuns: 200 },
    );
  });
});

describe('gradientPlayStepRadius', () => {
  it.each([0.01, 0.1, 0.3, 1])('gradientPlayStepRadius(bilinear, simultaneous, η = %d) is √(1 + η²)', (eta) => {
    expect(gradientPlayStepRadius(bilinear, { stepSize: eta })).toBeCloseTo(Math.sqrt(1 + eta * eta), 14);
  });

  it('gradientPlayStepRadius(bilinear) is 1 for the exact flow and for alternating steps with η < 2', () => {
    expect(gradientPlayStepRadius(bilinear, { stepSize: 0.1, method: 'exact' })).toBeCloseTo(1, 14);
    for (const eta of [0.05, 0.5, 1.5]) {
      expect(gradientPlayStepRadius(bilinear, { stepSize: eta, method: 'alternating' })).toBeCloseTo(1, 12);
    }
  });

  it('gradientPlayStepRadius matches the distance growth of gradientPlay on the bilinear game', () => {
    const eta = 0.2;
    const rho = gradientPlayStepRadius(bilinear, { stepSize: eta });
    const path = gradientPlay(bilinear, { start: [1, 0.5], stepSize: eta, steps: 100 });
    const ratio = Math.hypot(path.x[100]!, path.y[100]!) / Math.hypot(1, 0.5);
    expect(ratio / rho ** 100).toBeCloseTo(1, 10);
  });

  it('gradientPlayStepRadius(cournot) is 1 − η for small η (eigenvalues −1 and −3) and exceeds 1 past η = 2/3', () => {
    expect(gradientPlayStepRadius(cournot, { stepSize: 0.1 })).toBeCloseTo(0.9, 14);
    expect(gradientPlayStepRadius(cournot, { stepSize: 0.1, method: 'exact' })).toBeCloseTo(Math.exp(-0.1), 14);
    expect(gradientPlayStepRadius(cournot, { stepSize: 0.7 })).toBeGreaterThan(1);
    // Welfare ascent: J = −2·[[1, 1], [1, 1]] has eigenvalues 0 and −4, so ρ = max(1, |1 − 4η|).
    expect(gradientPlayStepRadius(cournot, { stepSize: 0.1, mode: 'welfare' })).toBeCloseTo(1, 14);
  });

  it('gradientPlayStepRadius bounds the long-run contraction of every method on the potential game', () => {
    const rest = gradientPlayRestSet(potential);
    for (const method of ['simultaneous', 'alternating', 'exact'] as GradientMethod[]) {
      const rho = gradientPlayStepRadius(potential, { stepSize: 0.2, method });
      expect(rho).toBeLessThan(1);
      const path = gradientPlay(potential, { start: [-1, 4], stepSize: 0.2, steps: 200, method });
      const d = (i: number) => distanceToRestSet(rest, path.x[i]!, path.y[i]!);
      // Over 100 steps the distance shrinks by about ρ¹⁰⁰, up to a constant factor.
      expect(d(200) / d(100)).toBeLessThan(rho ** 100 * 10);
    }
  });

  it('gradientPlayStepRadius rejects a bad step size, mode or method with errors that name them', () => {
    expect(() => gradientPlayStepRadius(bilinear, { stepSize: 0 })).toThrow(/stepSize/);
    expect(() => gradientPlayStepRadius(bilinear, { stepSize: 0.1, mode: 'team' as 'welfare' })).toThrow(/mode/);
    expect(() => gradientPlayStepRadius(bilinear, { stepSize: 0.1, method: 'euler' as 'exact' })).toThrow(/method/);
    expect(() => gradientPlayRestSet(bilinear, 'team' as 'welfare')).toThrow(/mode/);
  });
});
