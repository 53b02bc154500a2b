/**
 * The linear public goods game, played again and again by learning players, with optional costly
 * punishment.
 *
 * N players each hold an endowment e and contribute c_i ∈ [0, e]; the pot is multiplied by r and
 * shared equally, so π_i = e − c_i + (r/N)·Σ_j c_j. With 1 < r < N a unit given returns only
 * r/N < 1 to its giver, so contributing nothing is dominant (the Nash equilibrium), while the
 * group earns most when everyone gives everything.
 *
 * Punishment follows a fixed norm rather than a learned choice: after contributions are seen,
 * every player punishes each other player whose contribution falls below the group mean, with
 * (mean − c_i)/(N − 1) units; a unit costs the punisher k and the target p. The target's total
 * fine is then p·(mean − c_i) whatever the group size. Fehr and Gächter (2000) found that with such
 * a stage contributions stay high instead of decaying; the norm here stands in for the punishers
 * they observed, so the second-order dilemma (who pays to punish) is assumed away.
 *
 * Players learn by imitating higher earners (pairwise proportional imitation) or by
 * reinforcement (Roth–Erev propensities over eleven contribution levels); both explore a little,
 * and every round draws from its own seeded stream so `stepPublicGoods` is a pure function.
 *
 * @see Fehr & Gächter (2000), Cooperation and punishment in public goods experiments.
 */
import { createRng, normal, type Rng } from '../random.ts';

/** How players adjust contributions between rounds. */
export type PublicGoodsLearning = 'imitation' | 'reinforcement';

/** The game and its learners; all numbers finite. */
export type PublicGoodsParams = {
  /** Number of players N, an integer ≥ 2. */
  readonly players: number;
  /** Endowment e > 0 per player per round. */
  readonly endowment: number;
  /** Multiplier r of the pot, 1 < r < N (so the marginal per capita return r/N is below 1). */
  readonly multiplier: number;
  /** Whether the punishment stage follows each round. */
  readonly punishment: boolean;
  /** Cost k ≥ 0 to the punisher per unit of punishment. */
  readonly punishCost: number;
  /** Loss p ≥ 0 to the target per unit of punishment. */
  readonly punishImpact: number;
  readonly learning: PublicGoodsLearning;
  /** Exploration in [0, 1]: imitation adds normal noise of sd noise·e; reinforcement spreads that share of each reinforcement over the other levels. */
  readonly noise: number;
  /** Any finite number; the same seed always gives the same run. */
  readonly seed: number;
};

/** One round's outcome: contributions, payoffs after punishment, and the punishment each player gave and received (in units). */
export type PublicGoodsRound = {
  readonly contributions: readonly number[];
  readonly payoffs: readonly number[];
  readonly punishmentGiven: readonly number[];
  readonly punishmentReceived: readonly number[];
};

/** The state before round `round` is played: the contributions about to be made and, for reinforcement, each player's propensities. */
export type PublicGoodsState = {
  readonly round: number;
  readonly contributions: readonly number[];
  /** propensities[i][l]: player i's propensity for contribution level l·e/10 (reinforcement only; empty otherwise). */
  readonly propensities: readonly (readonly number[])[];
  /** The round just played, or null before the first. */
  readonly last: PublicGoodsRound | null;
};

/** Default game: four players with 20 tokens and r = 1.6 (marginal per capita return 0.4, as in Fehr & Gächter 2000), punishment off, k = 1, p = 3. */
export const publicGoodsDefaults: PublicGoodsParams = {
  players: 4,
  endowment: 20,
  multiplier: 1.6,
  punishment: false,
  punishCost: 1,
  punishImpact: 3,
  learning: 'imitation',
  noise: 0.05,
  seed: 1,
};

/** Number of contribution levels reinforcement learners choose among: 0, e/10, …, e. */
export const PUBLIC_GOODS_LEVELS = 11;

const LEARNING: readonly PublicGoodsLearning[] = ['imitation', 'reinforcement'];
// Roth–Erev forgetting per round: old experience fades, so recent payoffs steer choices.
const FORGETTING = 0.1;
// Initial propensity of every level, in endowments: small, so early payoffs matter.
const INITIAL_PROPENSITY = 0.5;

function fail(name: string, value: unknown, rule: string): never {
  throw new RangeError(`publicGoods: ${name} must be ${rule}, got ${String(value)}`);
}

function checkGame(p: Pick<PublicGoodsParams, 'players' | 'endowment' | 'multiplier'>): void {
  if (typeof p !== 'object' || p === null) throw new TypeError('publicGoods: params must be an object');
  if (!Number.isInteger(p.players) || p.players < 2) fail('players', p.players, 'an integer >= 2');
  if (!(p.endowment > 0) || !Number.isFinite(p.endowment)) fail('endowment', p.endowment, 'a finite number > 0');
  if (!(p.multiplier > 1 && p.multiplier < p.players) || !Number.isFinite(p.multiplier)) {
    fail('multiplier', p.multiplier, `in (1, players) = (1, ${p.players})`);
  }
}

function checkParams(p: PublicGoodsParams): void {
  checkGame(p);
  if (typeof p.punishment !== 'boolean') throw new TypeError(`publicGoods: punishment must be true or false, got ${String(p.punishment)}`);
  if (!(p.punishCost >= 0) || !Number.isFinite(p.punishCost)) fail('punishCost', p.punishCost, 'a finite number >= 0');
  if (!(p.punishImpact >= 0) || !Number.isFinite(p.punishImpact)) fail('punishImpact', p.punishImpact, 'a finite number >= 0');
  if (!LEARNING.includes(p.learning)) {
    throw new TypeError(`publicGoods: learning must be one of ${LEARNING.join(', ')}, got ${String(p.learning)}`);
  }
  if (!(p.noise >= 0 && p.noise <= 1)) fail('noise', p.noise, 'in [0, 1]');
  if (!Number.isFinite(p.seed)) fail('seed', p.seed, 'a finite number');
}

function checkContributions(fn: string, c: readonly number[], p: Pick<PublicGoodsParams, 'players' | 'endowment'>): void {
  if (!Array.isArray(c) || c.length !== p.players) {
    throw new RangeError(`${fn}: contributions must have one entry per player (${p.players}), got ${Array.isArray(c) ? c.length : String(c)}`);
  }
  c.forEach((v, i) => {
    if (!(v >= 0 && v <= p.endowment)) throw new RangeError(`${fn}: contributions[${i}] must be in [0, ${p.endowment}], got ${String(v)}`);
  });
}

/** Returns `publicGoodsDefaults` with `overrides` applied, validated (throws RangeError/TypeError naming the bad field). */
export function publicGoodsParams(overrides: Partial<PublicGoodsParams> = {}): PublicGoodsParams {
  const params = { ...publicGoodsDefaults, ...overrides };
  checkParams(params);
  return params;
}

/** Returns the contribution every player makes in the unique Nash equilibrium: 0, since r/N < 1 makes giving nothing dominant. */
export function publicGoodsNashContribution(params: Pick<PublicGoodsParams, 'players' | 'endowment' | 'multiplier'>): number {
  checkGame(params);
  return 0;
}

/** Returns the contribution per player that maximises total payoff: the whole endowment e, since r > 1 makes each unit given worth r to the group. */
export function publicGoodsOptimalContribution(params: Pick<PublicGoodsParams, 'players' | 'endowment' | 'multiplier'>): number {
  checkGame(params);
  return params.endowment;
}

/** Returns each player's material payoff π_i = e − c_i + (r/N)·Σ_j c_j before any punishment. */
export function publicGoodsPayoffs(
  params: Pick<PublicGoodsParams, 'players' | 'endowment' | 'multiplier'>,
  contributions: readonly number[],
): number[] {
  checkGame(params);
  checkContributions('publicGoodsPayoffs', contributions, params);
  const share = (params.multiplier / params.players) * sum(contributions);
  return contributions.map((c) => params.endowment - c + share);
}

/** Returns the group's total payoff before punishment, N·e + (r − 1)·Σ c_j. */
export function publicGoodsWelfare(
  params: Pick<PublicGoodsParams, 'players' | 'endowment' | 'multiplier'>,
  contributions: readonly number[],
): number {
  checkGame(params);
  checkContributions('publicGoodsWelfare', contributions, params);
  return params.players * params.endowment + (params.multiplier - 1) * sum(contributions);
}

/**
 * Returns one round's outcome for `contributions`: payoffs, and with punishment on, every player
 * punishing each other player below the group mean with (mean − c_i)/(N − 1) units (cost k per unit
 * to the punisher, p to the target).
 */
export function playPublicGoodsRound(params: PublicGoodsParams, contributions: readonly number[]): PublicGoodsRound {
  checkParams(params);
  const payoffs = publicGoodsPayoffs(params, contributions);
  const n = params.players;
  const given = new Array<number>(n).fill(0);
  const received = new Array<number>(n).fill(0);
  if (params.punishment) {
    const mean = sum(contributions) / n;
    for (let i = 0; i < n; i++) {
      const shortfall = mean - contributions[i]!;
      if (!(shortfall > 0)) continue;
      const units = shortfall / (n - 1);
      received[i] = shortfall;
      for (let j = 0; j < n; j++) if (j !== i) given[j] = given[j]! + units;
    }
    for (let i = 0; i < n; i++) payoffs[i] = payoffs[i]! - params.punishCost * given[i]! - params.punishImpact * received[i]!;
  }
  return { contributions: contributions.slice(), payoffs, punishmentGiven: given, punishmentReceived: received };
}

// A 32-bit mix of the seed and the round, so every round draws from its own stream.
function streamSeed(seed: number, round: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(round + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function levelOf(k: number, e: number): number {
  return (k * e) / (PUBLIC_GOODS_LEVELS - 1);
}

function drawLevel(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = rng() * total;
  for (let k = 0; k < weights.length; k++) {
    r -= weights[k]!;
    if (r < 0) return k;
  }
  return weights.length - 1;
}

/**
 * Returns the state before round 0: contributions drawn uniformly from [0.25e, 0.75e] for
 * imitators (experiments start at roughly half the endowment), or from flat propensities for
 * reinforcement learners.
 */
export function createPublicGoods(params: PublicGoodsParams): PublicGoodsState {
  checkParams(params);
  const rng = createRng(streamSeed(params.seed, -1));
  const e = params.endowment;
  if (params.learning === 'reinforcement') {
    const propensities = Array.from({ length: params.players }, () => new Array<number>(PUBLIC_GOODS_LEVELS).fill(INITIAL_PROPENSITY * e));
    const contributions = propensities.map((q) => levelOf(drawLevel(rng, q), e));
    return { round: 0, contributions, propensities, last: null };
  }
  const contributions = Array.from({ length: params.players }, () => e * (0.25 + 0.5 * rng()));
  return { round: 0, contributions, propensities: [], last: null };
}

function imitate(params: PublicGoodsParams, played: PublicGoodsRound, rng: Rng): number[] {
  const { payoffs, contributions } = played;
  const n = params.players;
  const e = params.endowment;
  const spread = Math.max(...payoffs) - Math.min(...payoffs);
  return contributions.map((own, i) => {
    // A random other player is observed; a higher earner is copied with probability proportional to the gap.
    let j = Math.floor(rng() * (n - 1));
    if (j >= i) j++;
    const gap = payoffs[j]! - payoffs[i]!;
    let next = gap > 0 && spread > 0 && rng() < gap / spread ? contributions[j]! : own;
    if (params.noise > 0) next += normal(rng, 0, params.noise * e);
    return Math.min(e, Math.max(0, next));
  });
}

function reinforce(params: PublicGoodsParams, state: PublicGoodsState, played: PublicGoodsRound, rng: Rng) {
  const e = params.endowment;
  const L = PUBLIC_GOODS_LEVELS;
  const eps = params.noise;
  // Payoffs can turn negative under punishment; reinforcement needs a non-negative signal, so
  // payoffs are measured from the worst payoff this round.
  const floor = Math.min(...played.payoffs);
  const propensities = state.propensities.map((q, i) => {
    const chosen = Math.round((played.contributions[i]! / e) * (L - 1));
    const reward = played.payoffs[i]! - floor;
    return q.map((v, k) => (1 - FORGETTING) * v + (k === chosen ? (1 - eps) * reward : (eps / (L - 1)) * reward));
  });
  const contributions = propensities.map((q) => levelOf(drawLevel(rng, q), e));
  return { contributions, propensities };
}

/** Returns the state one round later: the round is played (with punishment if on), then every player revises its contribution. */
export function stepPublicGoods(state: PublicGoodsState, params: PublicGoodsParams): PublicGoodsState {
  checkParams(params);
  checkContributions('stepPublicGoods', state.contributions, params);
  if (params.learning === 'reinforcement' && state.propensities.length !== params.players) {
    throw new RangeError(`stepPublicGoods: state has ${state.propensities.length} propensity rows but params.players is ${params.players}`);
  }
  const played = playPublicGoodsRound(params, state.contributions);
  const rng = createRng(streamSeed(params.seed, state.round));
  if (params.learning === 'reinforcement') {
    const { contributions, propensities } = reinforce(params, state, played, rng);
    return { round: state.round + 1, contributions, propensities, last: played };
  }
  return { round: state.round + 1, contributions: imitate(params, played, rng), propensities: [], last: played };
}

/** Returns the contributions of rounds 0 … rounds − 1 (one row per round, one entry per player) of a run from `createPublicGoods(params)`. */
export function simulatePublicGoods(params: PublicGoodsParams, rounds: number): number[][] {
  if (!Number.isInteger(rounds) || rounds < 0) fail('rounds', rounds, 'an integer >= 0');
  let state = createPublicGoods(params);
  const out: number[][] = [];
  for (let t = 0; t < rounds; t++) {
    out.push(state.contributions.slice());
    state = stepPublicGoods(state, params);
  }
  return out;
}

function sum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
