/**
 * A renewable resource (a fishery) shared by N agents, in the Gordon–Schaefer form.
 *
 * Stock S grows logistically and is fished down by total effort E = Σ e_i:
 * S' = rS(1 − S/K) − qES. At the steady state S(E) = K(1 − qE/r) agent i's long-run payoff is
 * u_i = e_i(a − bE) − c·e_i with a = pqK and b = pq²K/r: every unit of effort competes for one
 * sustainable yield, a linear congestion game. Its symmetric Nash equilibrium overfishes, open
 * access dissipates the whole rent (Gordon 1954), and a Pigouvian charge or a cap restores the
 * optimum.
 *
 * The dynamics step the stock by the discrete logistic map and let every agent, one at a time in
 * a seeded random order, hill-climb its own long-run payoff (a gradient step, or a random trial kept
 * only if it pays). Agents revise one at a time because simultaneous gradient steps overshoot and
 * cycle once N·η·b is large (the Cournot instability); sequential revision is coordinate ascent on
 * the game's potential and settles for every N when η < 1/b.
 *
 * @see Gordon (1954), The economic theory of a common-property resource: the fishery.
 * @see Hardin (1968), The tragedy of the commons.
 */
import { createRng, shuffle, type Rng } from '../random.ts';

/** Biological and economic parameters of the fishery; all finite. */
export type FisheryParams = {
  /** Number of agents N, an integer ≥ 1. */
  readonly agents: number;
  /** Intrinsic growth rate r per period, in (0, 2]; above 2 the discrete logistic map oscillates. */
  readonly growth: number;
  /** Carrying capacity K > 0 (stock units). */
  readonly capacity: number;
  /** Catchability q > 0: the share of the stock one unit of effort catches per period. */
  readonly catchability: number;
  /** Price p > 0 per unit of catch. */
  readonly price: number;
  /** Cost c ≥ 0 per unit of effort per period. */
  readonly cost: number;
};

/** How effort is governed: open to all, a per-unit charge on effort, or a cap per agent. */
export type CommonsMechanism = 'none' | 'charge' | 'quota';

/** How agents adjust effort: a gradient step, or a random trial kept only if it pays more. */
export type CommonsLearning = 'gradient' | 'trial-and-error';

/** Everything `createCommons` and `stepCommons` need. */
export type CommonsParams = FisheryParams & {
  readonly mechanism: CommonsMechanism;
  readonly learning: CommonsLearning;
  /** Step size η > 0 (effort per unit of marginal payoff); sequential revision is stable for η < 1/b. */
  readonly learningRate: number;
  /** Any finite number; the same seed always gives the same run. */
  readonly seed: number;
};

/** The state of a run: period t, stock, and each agent's effort. */
export type CommonsState = {
  readonly t: number;
  readonly stock: number;
  readonly efforts: readonly number[];
};

/** Derived quantities of a state, for captions and charts. */
export type CommonsMetrics = {
  /** Total effort E. */
  readonly totalEffort: number;
  /** Total long-run rent Σ u_i at the current efforts (a charge is a transfer, so not subtracted). */
  readonly welfare: number;
  /** Catch this period, min(1, qE)·S. */
  readonly harvest: number;
  /** Rent earned this period at the current stock: p·catch − c·E. */
  readonly periodRent: number;
};

/** Default parameters: r = 0.5, K = 100, q = 0.05, p = 1, c = 1, so a = 5, b = 0.5 and the optimum effort is 4. */
export const commonsDefaults: CommonsParams = {
  agents: 8,
  growth: 0.5,
  capacity: 100,
  catchability: 0.05,
  price: 1,
  cost: 1,
  mechanism: 'none',
  learning: 'gradient',
  learningRate: 0.1,
  seed: 1,
};

const MECHANISMS: readonly CommonsMechanism[] = ['none', 'charge', 'quota'];
const LEARNING: readonly CommonsLearning[] = ['gradient', 'trial-and-error'];

function requireFinite(name: string, value: number, ok: boolean, rule: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !ok) {
    throw new RangeError(`commons: ${name} must be ${rule}, got ${String(value)}`);
  }
}

function checkFishery(p: FisheryParams): void {
  requireFinite('agents', p.agents, Number.isInteger(p.agents) && p.agents >= 1, 'an integer >= 1');
  requireFinite('growth', p.growth, p.growth > 0 && p.growth <= 2, 'in (0, 2]');
  requireFinite('capacity', p.capacity, p.capacity > 0, '> 0');
  requireFinite('catchability', p.catchability, p.catchability > 0, '> 0');
  requireFinite('price', p.price, p.price > 0, '> 0');
  requireFinite('cost', p.cost, p.cost >= 0, '>= 0');
}

function checkParams(p: CommonsParams): void {
  checkFishery(p);
  requireFinite('learningRate', p.learningRate, p.learningRate > 0, '> 0');
  requireFinite('seed', p.seed, true, 'a finite number');
  if (!MECHANISMS.includes(p.mechanism)) {
    throw new TypeError(`commons: mechanism must be one of ${MECHANISMS.join(', ')}, got ${String(p.mechanism)}`);
  }
  if (!LEARNING.includes(p.learning)) {
    throw new TypeError(`commons: learning must be one of ${LEARNING.join(', ')}, got ${String(p.learning)}`);
  }
}

/** Returns `commonsDefaults` with `overrides` applied, validated (throws RangeError/TypeError naming the bad field). */
export function commonsParams(overrides: Partial<CommonsParams> = {}): CommonsParams {
  const params = { ...commonsDefaults, ...overrides };
  checkParams(params);
  return params;
}

/** Returns the congestion-game coefficients a = pqK (revenue per unit effort at an untouched stock) and b = pq²K/r. */
export function commonsCoefficients(params: FisheryParams): { a: number; b: number } {
  checkFishery(params);
  const { price: p, catchability: q, capacity: K, growth: r } = params;
  return { a: p * q * K, b: (p * q * q * K) / r };
}

/** Returns the steady-state stock K·max(0, 1 − qE/r) that total effort E ≥ 0 sustains. */
export function commonsSteadyStock(params: FisheryParams, totalEffort: number): number {
  checkFishery(params);
  requireFinite('totalEffort', totalEffort, totalEffort >= 0, 'a finite number >= 0');
  return params.capacity * Math.max(0, 1 - (params.catchability * totalEffort) / params.growth);
}

/** Returns the total effort of the symmetric Nash equilibrium, N/(N+1)·(a − c)/b (0 when c ≥ a). @see Gordon (1954) */
export function commonsNashEffort(params: FisheryParams): number {
  return (params.agents / (params.agents + 1)) * commonsOpenAccessEffort(params);
}

/** Returns the total effort that maximises total rent (maximum economic yield), (a − c)/(2b), or 0 when c ≥ a. */
export function commonsOptimalEffort(params: FisheryParams): number {
  return commonsOpenAccessEffort(params) / 2;
}

/** Returns the open-access effort (N → ∞), (a − c)/b, at which the rent is fully dissipated (0 when c ≥ a). @see Gordon (1954) */
export function commonsOpenAccessEffort(params: FisheryParams): number {
  const { a, b } = commonsCoefficients(params);
  return Math.max(0, (a - params.cost) / b);
}

/**
 * Returns the Pigouvian charge per unit of effort, τ* = b·E*·(N − 1)/N: the marginal cost one
 * agent's effort imposes on the others at the optimum, which makes the symmetric Nash equilibrium
 * total effort equal E*.
 */
export function pigouvianCharge(params: FisheryParams): number {
  const { b } = commonsCoefficients(params);
  return (b * commonsOptimalEffort(params) * (params.agents - 1)) / params.agents;
}

/** Returns the per-agent effort cap under the quota mechanism, E* / N (Infinity for the other mechanisms). */
export function commonsEffortCap(params: CommonsParams): number {
  return params.mechanism === 'quota' ? commonsOptimalEffort(params) / params.agents : Infinity;
}

/** Returns the charge each unit of effort pays under `params.mechanism` (τ* for 'charge', else 0). */
export function commonsChargeRate(params: CommonsParams): number {
  return params.mechanism === 'charge' ? pigouvianCharge(params) : 0;
}

function sumOf(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function totalOf(effort: number | readonly number[]): number {
  const total = typeof effort === 'number' ? effort : sumOf(effort);
  requireFinite('effort', total, total >= 0, 'finite and >= 0 in total');
  return total;
}

/**
 * Returns total long-run rent Σ u_i = E·(p·q·S(E) − c) at total effort E (a number or the efforts
 * of all agents); a charge or quota price is a transfer and is not subtracted.
 */
export function commonsWelfare(params: FisheryParams, effort: number | readonly number[]): number {
  const total = totalOf(effort);
  return total * (params.price * params.catchability * commonsSteadyStock(params, total) - params.cost);
}

/** Returns agent i's long-run payoff e_i·(p·q·S(E) − c − charge) when the agents play `efforts`. */
export function commonsPayoff(params: FisheryParams, efforts: readonly number[], i: number, charge = 0): number {
  const own = efforts[i];
  if (own === undefined) throw new RangeError(`commonsPayoff: agent index ${i} is out of range`);
  const total = totalOf(efforts);
  return own * (params.price * params.catchability * commonsSteadyStock(params, total) - params.cost - charge);
}

// A 32-bit mix of the seed and the period (a splitmix-style finaliser), so every period draws
// from its own stream and `stepCommons` stays a pure function of (state, params).
function streamSeed(seed: number, t: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(t + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** Returns the initial state: stock at capacity and seeded efforts uniform on [0, r/(2qN)) (half the maximum-sustainable-yield effort in total, on average). */
export function createCommons(params: CommonsParams): CommonsState {
  checkParams(params);
  const rng = createRng(streamSeed(params.seed, -1));
  const scale = params.growth / (2 * params.catchability * params.agents);
  const cap = commonsEffortCap(params);
  const efforts = Array.from({ length: params.agents }, () => Math.min(cap, rng() * scale));
  return { t: 0, stock: params.capacity, efforts };
}

// Marginal private payoff of agent i with own effort x and the others' total `others`. Beyond
// r/q the steady stock is zero and only the cost (and charge) is left.
function marginalPayoff(a: number, b: number, rq: number, others: number, x: number, unitCost: number): number {
  return (others + x < rq ? a - b * others - 2 * b * x : 0) - unitCost;
}

function privatePayoff(a: number, b: number, rq: number, others: number, x: number, unitCost: number): number {
  const total = others + x;
  return x * ((total < rq ? a - b * total : 0) - unitCost);
}

function reviseEfforts(params: CommonsParams, efforts: readonly number[], rng: Rng): number[] {
  const { a, b } = commonsCoefficients(params);
  const rq = params.growth / params.catchability;
  const unitCost = params.cost + commonsChargeRate(params);
  const cap = commonsEffortCap(params);
  const eta = params.learningRate;
  // Mutated in place for speed: `next` is a private copy.
  const next = efforts.slice();
  let total = sumOf(next);
  for (const i of shuffle(
    rng,
    next.map((_, k) => k),
  )) {
    const own = next[i]!;
    const others = Math.max(0, total - own);
    let proposal: number;
    if (params.learning === 'gradient') {
      proposal = own + eta * marginalPayoff(a, b, rq, others, own, unitCost);
    } else {
      const trial = Math.min(cap, Math.max(0, own + eta * a * (2 * rng() - 1)));
      proposal =
        privatePayoff(a, b, rq, others, trial, unitCost) > privatePayoff(a, b, rq, others, own, unitCost) ? trial : own;
    }
    const updated = Math.min(cap, Math.max(0, proposal));
    next[i] = updated;
    total = others + updated;
  }
  return next;
}

/** Returns the state one period later: the stock moves by the discrete logistic map less the catch (never below 0), then every agent revises its effort once. */
export function stepCommons(state: CommonsState, params: CommonsParams): CommonsState {
  checkParams(params);
  if (state.efforts.length !== params.agents) {
    throw new RangeError(
      `stepCommons: state has ${state.efforts.length} efforts but params.agents is ${params.agents}`,
    );
  }
  const { stock } = state;
  requireFinite('state.stock', stock, stock >= 0, 'finite and >= 0');
  const harvestShare = Math.min(1, params.catchability * totalOf(state.efforts));
  const grown = stock + params.growth * stock * (1 - stock / params.capacity) - harvestShare * stock;
  // `grown > 0` is false for NaN too, so a degenerate step lands on an extinct stock, not NaN.
  const nextStock = grown > 0 ? grown : 0;
  const efforts = reviseEfforts(params, state.efforts, createRng(streamSeed(params.seed, state.t)));
  return { t: state.t + 1, stock: nextStock, efforts };
}

/** Returns `steps` + 1 states of a run from `createCommons(params)` (or from `from`), the first being the start. */
export function simulateCommons(params: CommonsParams, steps: number, from?: CommonsState): CommonsState[] {
  requireFinite('steps', steps, Number.isInteger(steps) && steps >= 0, 'an integer >= 0');
  let state = from ?? createCommons(params);
  const states = [state];
  for (let k = 0; k < steps; k++) {
    state = stepCommons(state, params);
    states.push(state);
  }
  return states;
}

/** Returns total effort, long-run welfare, this period's catch and this period's rent for `state`. */
export function commonsMetrics(state: CommonsState, params: FisheryParams): CommonsMetrics {
  const totalEffort = totalOf(state.efforts);
  const harvest = Math.min(1, params.catchability * totalEffort) * state.stock;
  return {
    totalEffort,
    welfare: commonsWelfare(params, totalEffort),
    harvest,
    periodRent: params.price * harvest - params.cost * totalEffort,
  };
}
