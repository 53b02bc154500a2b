/**
 * Gradient play in two-player differentiable games: each player climbs the gradient of its own
 * payoff with respect to its own variable. In the bilinear zero-sum game f₁ = xy, f₂ = −xy the
 * continuous flow circles the equilibrium forever and simultaneous Euler steps spiral away from it;
 * in a potential game (the players' gradients are the gradient of one function) play converges; and
 * climbing joint welfare instead can reach a different point (Cournot: the cartel, not Nash).
 *
 * Payoffs are quadratics f(x, y) = a·x²/2 + b·x·y + c·y²/2 + d·x + e·y, so the play field is affine,
 * z′ = J·z + h, and the exact flow is a matrix exponential.
 * @see Balduzzi et al. (2018), "The Mechanics of n-Player Differentiable Games"; Letcher et al. (2019);
 * Mertikopoulos, Papadimitriou & Piliouras (2018) on cycles in zero-sum learning.
 */

/** Coefficients of f(x, y) = a·x²/2 + b·x·y + c·y²/2 + d·x + e·y (omitted ones are 0). */
export type QuadraticPayoff = { a?: number; b?: number; c?: number; d?: number; e?: number };

/** A two-player game: player 1 chooses x to raise `player1`, player 2 chooses y to raise `player2`. */
export type DifferentiableGame = { player1: QuadraticPayoff; player2: QuadraticPayoff };

/** Named games of the article. */
export type DifferentiableGameName = 'bilinear' | 'potential' | 'cournot';

/** 'individual': each player follows its own gradient; 'welfare': both follow the gradient of f₁ + f₂. */
export type GradientMode = 'individual' | 'welfare';

/**
 * Returns a named game: 'bilinear' (f₁ = xy, f₂ = −xy; equilibrium at 0), 'potential'
 * (f₁ = f₂ = −x²/2 − y²/2 + xy/2 + x + y; equilibrium (2, 2)) or 'cournot' (f_i = q_i(1 − x − y);
 * Nash (1/3, 1/3), joint optimum on x + y = 1/2).
 * @see Balduzzi et al. (2018).
 */
export function differentiableGame(name: DifferentiableGameName): DifferentiableGame {
  switch (name) {
    case 'bilinear':
      return { player1: { b: 1 }, player2: { b: -1 } };
    case 'potential': {
      const common = { a: -1, b: 0.5, c: -1, d: 1, e: 1 };
      return { player1: common, player2: { ...common } };
    }
    case 'cournot':
      return { player1: { a: -2, b: -1, d: 1 }, player2: { b: -1, c: -2, e: 1 } };
    default:
      throw new TypeError(`differentiableGame: name must be 'bilinear', 'potential' or 'cournot', got ${String(name)}`);
  }
}

type Affine = { j: [[number, number], [number, number]]; h: [number, number] };

function coefficients(p: QuadraticPayoff) {
  return { a: p.a ?? 0, b: p.b ?? 0, c: p.c ?? 0, d: p.d ?? 0, e: p.e ?? 0 };
}

function checkGame(fn: string, game: DifferentiableGame): void {
  for (const player of ['player1', 'player2'] as const) {
    const p = game[player];
    for (const key of ['a', 'b', 'c', 'd', 'e'] as const) {
      const v = p[key];
      if (v !== undefined && !Number.isFinite(v)) throw new RangeError(`${fn}: ${player}.${key} must be finite, got ${v}`);
    }
  }
}

function checkMode(fn: string, mode: GradientMode): void {
  if (mode !== 'individual' && mode !== 'welfare') {
    throw new TypeError(`${fn}: mode must be 'individual' or 'welfare', got ${String(mode)}`);
  }
}

/** Returns the affine field z′ = J·z + h of the chosen dynamics. */
function affineField(game: DifferentiableGame, mode: GradientMode): Affine {
  const p = coefficients(game.player1);
  const q = coefficients(game.player2);
  if (mode === 'individual') {
    // (∂f₁/∂x, ∂f₂/∂y)
    return { j: [[p.a, p.b], [q.b, q.c]], h: [p.d, q.e] };
  }
  // ∇(f₁ + f₂)
  return {
    j: [[p.a + q.a, p.b + q.b], [p.b + q.b, p.c + q.c]],
    h: [p.d + q.d, p.e + q.e],
  };
}

/**
 * Returns the game Jacobian of the individual-gradient field split into its symmetric (potential)
 * part and its antisymmetric (Hamiltonian, rotational) part.
 * @see Balduzzi et al. (2018).
 */
export function gameDecomposition(game: DifferentiableGame): {
  jacobian: [[number, number], [number, number]];
  symmetric: [[number, number], [number, number]];
  antisymmetric: [[number, number], [number, number]];
} {
  checkGame('gameDecomposition', game);
  const { j } = affineField(game, 'individual');
  const off = 0.5 * (j[0][1] + j[1][0]);
  const rot = 0.5 * (j[0][1] - j[1][0]);
  return {
    jacobian: [[j[0][0], j[0][1]], [j[1][0], j[1][1]]],
    symmetric: [[j[0][0], off], [off, j[1][1]]],
    antisymmetric: [[0, rot], [-rot, 0]],
  };
}

/** Returns the direction of play (dx/dt, dy/dt) at (x, y). */
export function gameGradient(game: DifferentiableGame, x: number, y: number, mode: GradientMode = 'individual'): [number, number] {
  checkGame('gameGradient', game);
  checkMode('gameGradient', mode);
  const { j, h } = affineField(game, mode);
  return [j[0][0] * x + j[0][1] * y + h[0], j[1][0] * x + j[1][1] * y + h[1]];
}

/** One arrow of a sampled vector field. */
export type GameFieldSample = { x: number; y: number; dx: number; dy: number };

/**
 * Returns the play field sampled on a `resolution` × `resolution` grid over xRange × yRange (row by
 * row, x fastest), for drawing arrows.
 */
export function sampleVectorField(
  game: DifferentiableGame,
  options: { xRange: [number, number]; yRange: [number, number]; resolution: number; mode?: GradientMode },
): GameFieldSample[] {
  const fn = 'sampleVectorField';
  checkGame(fn, game);
  const mode = options.mode ?? 'individual';
  checkMode(fn, mode);
  const { resolution: n, xRange, yRange } = options;
  if (!Number.isInteger(n) || n < 2 || n > 1000) throw new RangeError(`${fn}: resolution must be an integer from 2 to 1000, got ${n}`);
  for (const [name, r] of [['xRange', xRange], ['yRange', yRange]] as const) {
    if (!(Number.isFinite(r[0]) && Number.isFinite(r[1]) && r[0] < r[1])) {
      throw new RangeError(`${fn}: ${name} must be [lo, hi] with finite lo < hi, got [${r[0]}, ${r[1]}]`);
    }
  }
  const { j, h } = affineField(game, mode);
  const out: GameFieldSample[] = [];
  for (let row = 0; row < n; row++) {
    const y = yRange[0] + ((yRange[1] - yRange[0]) * row) / (n - 1);
    for (let col = 0; col < n; col++) {
      const x = xRange[0] + ((xRange[1] - xRange[0]) * col) / (n - 1);
      out.push({ x, y, dx: j[0][0] * x + j[0][1] * y + h[0], dy: j[1][0] * x + j[1][1] * y + h[1] });
    }
  }
  return out;
}

type Matrix3 = number[][];

function multiply3(p: Matrix3, q: Matrix3): Matrix3 {
  return [0, 1, 2].map((i) => [0, 1, 2].map((k) => p[i]![0]! * q[0]![k]! + p[i]![1]! * q[1]![k]! + p[i]![2]! * q[2]![k]!));
}

/** e^M for a 3×3 matrix by scaling and squaring with a 20-term Taylor series (near machine precision). */
function expm3(m: Matrix3): Matrix3 {
  const norm = Math.max(...m.map((row) => row.reduce((s, v) => s + Math.abs(v), 0)));
  const squarings = norm > 0.5 ? Math.ceil(Math.log2(norm / 0.5)) : 0;
  const scale = 2 ** -squarings;
  const a = m.map((row) => row.map((v) => v * scale));
  let result: Matrix3 = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  let term: Matrix3 = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
  for (let k = 1; k <= 20; k++) {
    term = multiply3(term, a).map((row) => row.map((v) => v / k));
    result = result.map((row, i) => row.map((v, j) => v + term[i]![j]!));
  }
  for (let s = 0; s < squarings; s++) result = multiply3(result, result);
  return result;
}

/** How a path is computed: simultaneous Euler steps, alternating steps (x first), or the exact flow. */
export type GradientMethod = 'simultaneous' | 'alternating' | 'exact';

/** Options of gradientPlay. */
export type GradientPlayOptions = {
  start: [number, number];
  /** Step size η > 0 (the time between recorded points for the exact flow). */
  stepSize: number;
  steps: number;
  mode?: GradientMode;
  /** Default 'simultaneous'. */
  method?: GradientMethod;
};

/**
 * Returns the path (steps + 1 points, the first `start`) of gradient play: simultaneous Euler steps
 * z ← z + η·F(z), alternating steps (x moves, then y answers the new x), or the exact flow of z′ = F(z)
 * sampled every η (via the matrix exponential of the affine field).
 * @see Balduzzi et al. (2018).
 */
export function gradientPlay(game: DifferentiableGame, options: GradientPlayOptions): { x: number[]; y: number[] } {
  const fn = 'gradientPlay';
  checkGame(fn, game);
  const mode = options.mode ?? 'individual';
  checkMode(fn, mode);
  const method = options.method ?? 'simultaneous';
  if (method !== 'simultaneous' && method !== 'alternating' && method !== 'exact') {
    throw new TypeError(`${fn}: method must be 'simultaneous', 'alternating' or 'exact', got ${String(method)}`);
  }
  const { stepSize: eta, steps, start } = options;
  if (!(eta > 0 && Number.isFinite(eta))) throw new RangeError(`${fn}: stepSize must be a finite number > 0, got ${eta}`);
  if (!Number.isInteger(steps) || steps < 0 || steps > 1e7) throw new RangeError(`${fn}: steps must be an integer from 0 to 1e7, got ${steps}`);
  if (!(Number.isFinite(start[0]) && Number.isFinite(start[1]))) throw new RangeError(`${fn}: start must be two finite numbers`);
  const { j, h } = affineField(game, mode);
  const xs = [start[0]];
  const ys = [start[1]];
  let x = start[0];
  let y = start[1];
  if (method === 'exact') {
    // Augmented matrix [[J, h], [0, 0]]: its exponential maps (x, y, 1) to the flow after time η.
    const e = expm3([
      [j[0][0] * eta, j[0][1] * eta, h[0] * eta],
      [j[1][0] * eta, j[1][1] * eta, h[1] * eta],
      [0, 0, 0],
    ]);
    for (let k = 0; k < steps; k++) {
      const nx = e[0]![0]! * x + e[0]![1]! * y + e[0]![2]!;
      const ny = e[1]![0]! * x + e[1]![1]! * y + e[1]![2]!;
      x = nx;
      y = ny;
      xs.push(x);
      ys.push(y);
    }
    return { x: xs, y: ys };
  }
  for (let k = 0; k < steps; k++) {
    const dx = j[0][0] * x + j[0][1] * y + h[0];
    const nx = x + eta * dx;
    // Alternating play lets y respond to the x just chosen; simultaneous play uses the old x.
    const xSeen = method === 'alternating' ? nx : x;
    const dy = j[1][0] * xSeen + j[1][1] * y + h[1];
    x = nx;
    y = y + eta * dy;
    xs.push(x);
    ys.push(y);
  }
  return { x: xs, y: ys };
}
