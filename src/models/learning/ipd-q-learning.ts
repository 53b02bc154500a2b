/**
 * Two independent Q-learners play the iterated prisoner's dilemma. Each sees the last joint move
 * (its own and the other's), picks C or D ε-greedily, and learns from its own payoff as if the other
 * were part of a stationary environment, which it is not. Myopic learners (discount 0) learn the
 * dominant move D; far-sighted ones sometimes sustain cooperation, depending on exploration and luck.
 * @see Sandholm & Crites (1996), "Multiagent reinforcement learning in the Iterated Prisoner's Dilemma".
 */
import { createRng } from '../random.ts';

/** Prisoner's dilemma payoffs: temptation, reward, punishment, sucker (T > R > P > S). */
export type IpdQPayoffs = { T: number; R: number; P: number; S: number };

/** Options of the IPD Q-learning experiment. */
export type IpdQLearningOptions = {
  seed: number;
  /** Rounds played; default 100,000. */
  periods?: number;
  /** Learning rate in (0, 1]; default 0.1. */
  alpha?: number;
  /** Discount factor in [0, 1); default 0.95. */
  gamma?: number;
  /** Exploration ε_t = max(minEpsilon, e^(−βt)); β ≥ 0, default 5e−5. */
  epsilonDecay?: number;
  /** Floor of the exploration probability in [0, 1]; default 0.01. */
  minEpsilon?: number;
  /** Default T = 5, R = 3, P = 1, S = 0. */
  payoffs?: IpdQPayoffs;
  /** Rounds per point of the cooperation curve; default 1,000. */
  recordEvery?: number;
};

/** Cooperation over time and the greedy strategies learned. */
export type IpdQLearningResult = {
  /** Round at the end of each block. */
  periods: number[];
  /** Share of C moves (both players together) in each block of rounds. */
  cooperation: number[];
  /**
   * Each player's greedy move after the last joint move CC, CD, DC, DD, where the first letter is
   * the player's own last move: 'CDDD' is grim-like, 'CDDC' is win-stay lose-shift, 'DDDD' always defects.
   */
  strategies: [string, string];
  /** Share of C moves on the cycle greedy play reaches from mutual cooperation. */
  greedyCooperation: number;
};

function readOptions(options: IpdQLearningOptions) {
  const fn = 'simulateIpdQLearning';
  const periods = options.periods ?? 100_000;
  const alpha = options.alpha ?? 0.1;
  const gamma = options.gamma ?? 0.95;
  const beta = options.epsilonDecay ?? 5e-5;
  const minEpsilon = options.minEpsilon ?? 0.01;
  const payoffs = options.payoffs ?? { T: 5, R: 3, P: 1, S: 0 };
  const every = options.recordEvery ?? 1000;
  if (!Number.isInteger(periods) || periods < 1 || periods > 1e8) {
    throw new RangeError(`${fn}: periods must be an integer from 1 to 1e8, got ${periods}`);
  }
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`${fn}: alpha must be in (0, 1], got ${alpha}`);
  if (!(gamma >= 0 && gamma < 1)) throw new RangeError(`${fn}: gamma must be in [0, 1), got ${gamma}`);
  if (!(beta >= 0 && Number.isFinite(beta))) throw new RangeError(`${fn}: epsilonDecay must be a finite number >= 0, got ${beta}`);
  if (!(minEpsilon >= 0 && minEpsilon <= 1)) throw new RangeError(`${fn}: minEpsilon must be in [0, 1], got ${minEpsilon}`);
  for (const key of ['T', 'R', 'P', 'S'] as const) {
    if (!Number.isFinite(payoffs[key])) throw new RangeError(`${fn}: payoffs.${key} must be finite, got ${payoffs[key]}`);
  }
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`${fn}: recordEvery must be an integer >= 1, got ${every}`);
  return { periods, alpha, gamma, beta, minEpsilon, payoffs, every };
}

/**
 * Runs two ε-greedy Q-learners (Q initialised to 0, ties to C) in the iterated prisoner's dilemma with
 * state = last joint move, and returns the cooperation rate per block, the greedy strategies and the
 * cooperation of greedy play; deterministic for `seed`.
 * @see Sandholm & Crites (1996).
 */
export function simulateIpdQLearning(options: IpdQLearningOptions): IpdQLearningResult {
  const { periods, alpha, gamma, beta, minEpsilon, payoffs, every } = readOptions(options);
  const rng = createRng(options.seed);
  // Moves: 0 = C, 1 = D. payoff[own·2 + other].
  const payoff = [payoffs.R, payoffs.S, payoffs.T, payoffs.P];
  // q[player][state·2 + move], where a player's state is own last move·2 + other's last move; mutated in place.
  const q = [new Float64Array(8), new Float64Array(8)] as const;
  const greedy = (player: 0 | 1, state: number): number => (q[player][state * 2 + 1]! > q[player][state * 2]! ? 1 : 0);
  let last0 = rng() < 0.5 ? 0 : 1;
  let last1 = rng() < 0.5 ? 0 : 1;
  const blockEnds: number[] = [];
  const cooperation: number[] = [];
  let blockCooperation = 0;
  let blockRounds = 0;
  const decay = Math.exp(-beta);
  let eps = 1;
  for (let t = 1; t <= periods; t++) {
    const s0 = last0 * 2 + last1;
    const s1 = last1 * 2 + last0;
    const e = Math.max(minEpsilon, eps);
    const m0 = rng() < e ? (rng() < 0.5 ? 0 : 1) : greedy(0, s0);
    const m1 = rng() < e ? (rng() < 0.5 ? 0 : 1) : greedy(1, s1);
    const n0 = m0 * 2 + m1;
    const n1 = m1 * 2 + m0;
    const r0 = payoff[n0]!;
    const r1 = payoff[n1]!;
    const i0 = s0 * 2 + m0;
    const i1 = s1 * 2 + m1;
    q[0][i0] = q[0][i0]! + alpha * (r0 + gamma * Math.max(q[0][n0 * 2]!, q[0][n0 * 2 + 1]!) - q[0][i0]!);
    q[1][i1] = q[1][i1]! + alpha * (r1 + gamma * Math.max(q[1][n1 * 2]!, q[1][n1 * 2 + 1]!) - q[1][i1]!);
    last0 = m0;
    last1 = m1;
    eps *= decay;
    blockCooperation += (m0 === 0 ? 1 : 0) + (m1 === 0 ? 1 : 0);
    blockRounds++;
    if (blockRounds === every || t === periods) {
      blockEnds.push(t);
      cooperation.push(blockCooperation / (2 * blockRounds));
      blockCooperation = 0;
      blockRounds = 0;
    }
  }
  const strategy = (player: 0 | 1): string =>
    [0, 1, 2, 3].map((s) => (greedy(player, s) === 0 ? 'C' : 'D')).join('');
  // Greedy play from mutual cooperation: iterate the joint state until it repeats.
  const seen = new Map<number, number>();
  const cycle: number[] = [];
  let joint = 0;
  while (!seen.has(joint)) {
    seen.set(joint, cycle.length);
    cycle.push(joint);
    const a = Math.floor(joint / 2);
    const b = joint % 2;
    joint = greedy(0, a * 2 + b) * 2 + greedy(1, b * 2 + a);
  }
  const loop = cycle.slice(seen.get(joint)!);
  const cooperative = loop.reduce((sum, j) => sum + (Math.floor(j / 2) === 0 ? 1 : 0) + (j % 2 === 0 ? 1 : 0), 0);
  return {
    periods: blockEnds,
    cooperation,
    strategies: [strategy(0), strategy(1)],
    greedyCooperation: cooperative / (2 * loop.length),
  };
}
