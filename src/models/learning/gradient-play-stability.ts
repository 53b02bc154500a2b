/**
 * Where gradient play can rest and how fast it leaves or approaches that rest. The fields of
 * gradient-play.ts are affine, z′ = J·z + h, so the rest points solve J·z + h = 0 (a point, a line,
 * the whole plane or nothing), and each step of play is z ← M·z + const for a fixed matrix M: the
 * spectral radius of M is the factor by which, in the long run, every step multiplies the distance
 * from a rest point. For the bilinear game's simultaneous steps M = I + η·J is a rotation scaled by
 * √(1 + η²), so play spirals outward; alternating steps have det M = 1 and cycle; the exact flow is
 * a rotation and circles.
 * @see Balduzzi et al. (2018), "The Mechanics of n-Player Differentiable Games"; Mertikopoulos,
 * Papadimitriou & Piliouras (2018), "Cycles in Adversarial Regularized Learning".
 */
import {
  gameDecomposition,
  gameGradient,
  type DifferentiableGame,
  type GradientMethod,
  type GradientMode,
} from './gradient-play.ts';

/**
 * The rest points of a play field: one point; a line of points (x, y) with
 * normal[0]·x + normal[1]·y = offset, normal of unit length; every point; or none.
 */
export type GradientRestSet =
  | { readonly kind: 'point'; readonly point: readonly [number, number] }
  | { readonly kind: 'line'; readonly normal: readonly [number, number]; readonly offset: number }
  | { readonly kind: 'plane' }
  | { readonly kind: 'none' };

type Matrix2 = readonly [readonly [number, number], readonly [number, number]];

// Relative size below which a determinant or a coefficient counts as zero; the presets' entries are
// small integers and halves, so anything this small is rounding, not structure.
const TOLERANCE = 1e-12;

function checkMode(fn: string, mode: GradientMode): void {
  if (mode !== 'individual' && mode !== 'welfare') {
    throw new TypeError(`${fn}: mode must be 'individual' or 'welfare', got ${String(mode)}`);
  }
}

/** The affine field z′ = J·z + h of `mode`, read back through the public field (exact for affine fields). */
function affine(
  fn: string,
  game: DifferentiableGame,
  mode: GradientMode,
): { j: Matrix2; h: readonly [number, number] } {
  checkMode(fn, mode);
  if (mode === 'individual') {
    const { jacobian } = gameDecomposition(game);
    return { j: jacobian, h: gameGradient(game, 0, 0, 'individual') };
  }
  // The welfare field is the gradient of f₁ + f₂: its Jacobian is read off unit moves from the origin.
  const h = gameGradient(game, 0, 0, 'welfare');
  const ex = gameGradient(game, 1, 0, 'welfare');
  const ey = gameGradient(game, 0, 1, 'welfare');
  return {
    j: [
      [ex[0] - h[0], ey[0] - h[0]],
      [ex[1] - h[1], ey[1] - h[1]],
    ],
    h,
  };
}

/**
 * Returns the rest set of the play field of `mode` (default 'individual'): the Nash equilibrium of
 * individual play, or the maximisers of f₁ + f₂ reached by welfare ascent when it is concave.
 * @see Balduzzi et al. (2018).
 */
export function gradientPlayRestSet(game: DifferentiableGame, mode: GradientMode = 'individual'): GradientRestSet {
  const { j, h } = affine('gradientPlayRestSet', game, mode);
  const [[a, b], [c, d]] = j;
  const scale = Math.max(Math.abs(a), Math.abs(b), Math.abs(c), Math.abs(d));
  if (scale === 0) {
    return h[0] === 0 && h[1] === 0 ? { kind: 'plane' } : { kind: 'none' };
  }
  const det = a * d - b * c;
  if (Math.abs(det) > TOLERANCE * scale * scale) {
    // Cramer's rule for J·z = −h; adding 0 turns a −0 into 0.
    return { kind: 'point', point: [(-h[0] * d + b * h[1]) / det + 0, (-a * h[1] + c * h[0]) / det + 0] };
  }
  // Rank one: both rows are multiples of the larger one, so the rest set is that row's line,
  // provided the other equation is the same multiple of it.
  const firstIsLarger = Math.hypot(a, b) >= Math.hypot(c, d);
  const [row, other, hRow, hOther] = firstIsLarger
    ? ([[a, b], [c, d], h[0], h[1]] as const)
    : ([[c, d], [a, b], h[1], h[0]] as const);
  const norm = Math.hypot(row[0], row[1]);
  const k = (other[0] * row[0] + other[1] * row[1]) / (norm * norm);
  if (Math.abs(hOther - k * hRow) > TOLERANCE * Math.max(1, Math.abs(hOther), Math.abs(hRow))) return { kind: 'none' };
  // Orient the normal so the offset is not negative: one spelling per line.
  const sign = hRow > 0 ? -1 : 1;
  return { kind: 'line', normal: [(sign * row[0]) / norm, (sign * row[1]) / norm], offset: (-sign * hRow) / norm };
}

/** Returns the distance from (x, y) to a rest set (0 for the plane, NaN when there is no rest point). */
export function distanceToRestSet(rest: GradientRestSet, x: number, y: number): number {
  switch (rest.kind) {
    case 'point':
      return Math.hypot(x - rest.point[0], y - rest.point[1]);
    case 'line':
      return Math.abs(rest.normal[0] * x + rest.normal[1] * y - rest.offset);
    case 'plane':
      return 0;
    case 'none':
      return Number.NaN;
  }
}

/** Largest modulus of the eigenvalues of a 2×2 matrix. */
function spectralRadius(m: Matrix2): number {
  const tr = m[0][0] + m[1][1];
  const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  const disc = (tr * tr) / 4 - det;
  if (disc >= 0) {
    const root = Math.sqrt(disc);
    return Math.max(Math.abs(tr / 2 + root), Math.abs(tr / 2 - root));
  }
  // A complex pair: both have modulus √det.
  return Math.sqrt(det);
}

/** Largest real part of the eigenvalues of a 2×2 matrix. */
function largestRealPart(m: Matrix2): number {
  const tr = m[0][0] + m[1][1];
  const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
  const disc = (tr * tr) / 4 - det;
  return disc >= 0 ? tr / 2 + Math.sqrt(disc) : tr / 2;
}

/** Options of gradientPlayStepRadius. */
export type GradientStepOptions = {
  /** Step size η > 0 (the sampling interval for the exact flow). */
  stepSize: number;
  /** Default 'individual'. */
  mode?: GradientMode;
  /** Default 'simultaneous'. */
  method?: GradientMethod;
};

/**
 * Returns the spectral radius ρ of one step of gradient play as gradientPlay computes it: the
 * long-run factor by which each step multiplies the distance from a rest point (ρ > 1 spirals or
 * runs away, ρ < 1 converges, ρ = 1 cycles); √(1 + η²) for simultaneous steps on the bilinear game.
 * @see Balduzzi et al. (2018); Mertikopoulos et al. (2018).
 */
export function gradientPlayStepRadius(game: DifferentiableGame, options: GradientStepOptions): number {
  const fn = 'gradientPlayStepRadius';
  const eta = options.stepSize;
  if (!(eta > 0 && Number.isFinite(eta)))
    throw new RangeError(`${fn}: stepSize must be a finite number > 0, got ${eta}`);
  const method = options.method ?? 'simultaneous';
  const { j } = affine(fn, game, options.mode ?? 'individual');
  const [[a, b], [c, d]] = j;
  switch (method) {
    case 'simultaneous':
      return spectralRadius([
        [1 + eta * a, eta * b],
        [eta * c, 1 + eta * d],
      ]);
    case 'alternating':
      // x moves first; y then answers the new x: y' = y + η(c·x' + d·y + h).
      return spectralRadius([
        [1 + eta * a, eta * b],
        [eta * c * (1 + eta * a), 1 + eta * d + eta * eta * c * b],
      ]);
    case 'exact':
      // The eigenvalues of e^(ηJ) are e^(ηλ) for the eigenvalues λ of J.
      return Math.exp(eta * largestRealPart(j));
    default:
      throw new TypeError(`${fn}: method must be 'simultaneous', 'alternating' or 'exact', got ${String(method)}`);
  }
}
