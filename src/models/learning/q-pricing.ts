/**
 * Algorithmic collusion: two Q-learning firms set prices in a repeated logit duopoly, each seeing
 * last period's price pair, and learn to charge well above the competitive (Bertrand–Nash) price,
 * holding those prices with strategies that punish a price cut. This is the baseline experiment of
 * Calvano, Calzolari, Denicolò & Pastorello (2020).
 *
 * The learning loop runs millions of periods, so it is written for speed: Q tables and greedy
 * actions live in typed arrays that are mutated in place, the greedy action of each state is kept up
 * to date incrementally instead of rescanning the row, exploration probabilities decay by a
 * multiplication per period, and draws come from an inline sfc32 generator seeded from the run's seed.
 * @see Calvano, Calzolari, Denicolò & Pastorello (2020), American Economic Review 110(10).
 */
import { createRng, uniformInt } from '../random.ts';
import { createFastRng, nextUint32, UINT32_SCALE } from './fast-rng.ts';
import {
  logitNashPrice,
  CALVANO_MARKET,
  checkMarket,
  logitProfits,
  logitMonopolyPrice,
  type LogitMarket,
} from './logit-demand.ts';

/** Options of the Q-pricing experiment; all but `seed` default to Calvano et al.'s baseline. */
export type QPricingOptions = {
  seed: number;
  /** Learning rate α in (0, 1]; default 0.15. */
  alpha?: number;
  /** Exploration decay β ≥ 0 in ε_t = e^(−βt); default 4e−6. */
  beta?: number;
  /** Discount factor δ in [0, 1); default 0.95. */
  delta?: number;
  /** Hard cap on periods; default 10,000,000. */
  maxPeriods?: number;
  /** Number of prices m on the grid (2 to 50); default 15. */
  priceCount?: number;
  /** ξ ≥ 0: how far the grid extends beyond [p_N, p_M], as a share of p_M − p_N; default 0.1. */
  xi?: number;
  /** Periods without any change of greedy strategy that count as convergence; default 100,000. */
  convergencePeriods?: number;
  /** The market; default Calvano et al.'s baseline (a = 2, c = 1, a₀ = 0, μ = 1/4). */
  market?: LogitMarket;
};

/** What the contract's simulateQPricing returns. */
export type QPricingSummary = {
  /** Each firm's average price over the cycle greedy play reaches from the final state. */
  prices: [number, number];
  /** Profit gain Δ = (π̄ − π_N)/(π_M − π_N) on that cycle, averaged over the two firms. */
  profitGain: number;
  /** Periods run. */
  periods: number;
  /** Whether both greedy strategies stayed unchanged for `convergencePeriods` periods. */
  converged: boolean;
};

/** A learned outcome in full: the summary plus everything needed to replay the learned strategies. */
export type QPricingOutcome = QPricingSummary & {
  /** Each firm's own profit gain on the cycle. */
  profitGains: [number, number];
  /** Each firm's average profit per period on the cycle. */
  profits: [number, number];
  /** The cycle of price-index pairs that greedy play reaches from the final state. */
  cycle: [number, number][];
  /** The price grid. */
  priceGrid: number[];
  nashPrice: number;
  monopolyPrice: number;
  /** Per-firm profit at the Nash and at the monopoly price. */
  nashProfit: number;
  monopolyProfit: number;
  /** profitTable[i][j]: a firm's profit when it charges grid price i and its rival grid price j. */
  profitTable: number[][];
  /** strategies[f][s]: firm f's greedy price index in state s = m·(firm 0's last index) + firm 1's, m prices. */
  strategies: [number[], number[]];
  /** The last state, as a pair of price indices. */
  finalState: [number, number];
};

/** Progress of a running experiment, for a progress bar or a chart of learning. */
export type QPricingProgress = {
  period: number;
  maxPeriods: number;
  /** Consecutive periods, up to now, in which neither greedy strategy changed. */
  stablePeriods: number;
  /** Current exploration probability ε_t. */
  epsilon: number;
  /** Mean prices charged during the last call to step (NaN before the first). */
  recentPrices: [number, number];
  done: boolean;
  converged: boolean;
};

/** A Q-pricing experiment that runs in chunks, e.g. in a worker that reports progress and can be cancelled. */
export interface QPricingSimulation {
  /** Runs up to `periods` more periods (stopping early at convergence or maxPeriods) and returns the progress. */
  step(periods: number): QPricingProgress;
  /** True once the run has converged or reached maxPeriods. */
  readonly done: boolean;
  /** The progress so far. */
  readonly progress: QPricingProgress;
  /** The outcome of the greedy strategies learned so far (a finished run's final answer). */
  result(): QPricingOutcome;
}

function readOptions(options: QPricingOptions) {
  const fn = 'createQPricing';
  const alpha = options.alpha ?? 0.15;
  const beta = options.beta ?? 4e-6;
  const delta = options.delta ?? 0.95;
  const maxPeriods = options.maxPeriods ?? 10_000_000;
  const priceCount = options.priceCount ?? 15;
  const xi = options.xi ?? 0.1;
  const convergencePeriods = options.convergencePeriods ?? 100_000;
  const market = options.market ?? CALVANO_MARKET;
  if (!(alpha > 0 && alpha <= 1)) throw new RangeError(`${fn}: alpha must be in (0, 1], got ${alpha}`);
  if (!(beta >= 0 && Number.isFinite(beta))) throw new RangeError(`${fn}: beta must be a finite number >= 0, got ${beta}`);
  if (!(delta >= 0 && delta < 1)) throw new RangeError(`${fn}: delta must be in [0, 1), got ${delta}`);
  if (!Number.isInteger(maxPeriods) || maxPeriods < 1) {
    throw new RangeError(`${fn}: maxPeriods must be an integer >= 1, got ${maxPeriods}`);
  }
  if (!Number.isInteger(priceCount) || priceCount < 2 || priceCount > 50) {
    throw new RangeError(`${fn}: priceCount must be an integer from 2 to 50, got ${priceCount}`);
  }
  if (!(xi >= 0 && Number.isFinite(xi))) throw new RangeError(`${fn}: xi must be a finite number >= 0, got ${xi}`);
  if (!Number.isInteger(convergencePeriods) || convergencePeriods < 1) {
    throw new RangeError(`${fn}: convergencePeriods must be an integer >= 1, got ${convergencePeriods}`);
  }
  checkMarket(fn, market);
  return { alpha, beta, delta, maxPeriods, priceCount, xi, convergencePeriods, market };
}

/** Returns the index of the largest entry of q[base .. base + m), the lowest index on ties. */
function argmaxRow(q: Float64Array, base: number, m: number): number {
  let best = 0;
  let value = q[base]!;
  for (let a = 1; a < m; a++) {
    const v = q[base + a]!;
    if (v > value) {
      value = v;
      best = a;
    }
  }
  return best;
}

/**
 * Returns a Q-pricing experiment to run in chunks: two Q-learners on a grid of prices, state = last
 * period's price pair, ε_t = e^(−βt) exploration per firm (uniform price when exploring, else the
 * greedy price with ties to the lowest index), converged after `convergencePeriods` periods without
 * a change of greedy strategy.
 * @see Calvano, Calzolari, Denicolò & Pastorello (2020).
 */
export function createQPricing(options: QPricingOptions): QPricingSimulation {
  const { alpha, beta, delta, maxPeriods, priceCount: m, xi, convergencePeriods, market } = readOptions(options);
  const rng = createRng(options.seed);
  const pN = logitNashPrice(market, 2);
  const pM = logitMonopolyPrice(market, 2);
  const nashProfit = logitProfits([pN, pN], market)[0]!;
  const monopolyProfit = logitProfits([pM, pM], market)[0]!;
  const lowest = pN - xi * (pM - pN);
  const highest = pM + xi * (pM - pN);
  const priceGrid = Array.from({ length: m }, (_, i) => lowest + ((highest - lowest) * i) / (m - 1));

  const states = m * m;
  // profit0[s] and profit1[s]: each firm's profit in state s = m·a0 + a1 (the price pair just played).
  const profit0 = new Float64Array(states);
  const profit1 = new Float64Array(states);
  for (let a0 = 0; a0 < m; a0++) {
    for (let a1 = 0; a1 < m; a1++) {
      const [p0, p1] = logitProfits([priceGrid[a0]!, priceGrid[a1]!], market);
      profit0[a0 * m + a1] = p0!;
      profit1[a0 * m + a1] = p1!;
    }
  }
  // Q tables indexed [state·m + own action]; Q0(s, a) = mean over the rival's prices of π(a, a_j)/(1 − δ).
  const q0 = new Float64Array(states * m);
  const q1 = new Float64Array(states * m);
  for (let a = 0; a < m; a++) {
    let sum0 = 0;
    let sum1 = 0;
    for (let r = 0; r < m; r++) {
      sum0 += profit0[a * m + r]!;
      sum1 += profit1[r * m + a]!;
    }
    const init0 = sum0 / m / (1 - delta);
    const init1 = sum1 / m / (1 - delta);
    for (let s = 0; s < states; s++) {
      q0[s * m + a] = init0;
      q1[s * m + a] = init1;
    }
  }
  const greedy0 = new Int32Array(states);
  const greedy1 = new Int32Array(states);
  for (let s = 0; s < states; s++) {
    greedy0[s] = argmaxRow(q0, s * m, m);
    greedy1[s] = argmaxRow(q1, s * m, m);
  }

  let state = uniformInt(rng, 0, states - 1);
  const fast = createFastRng(rng);
  const decay = Math.exp(-beta);
  let epsilon = 1;
  let period = 0;
  let stable = 0;
  let converged = false;
  let done = false;
  let recentPrices: [number, number] = [Number.NaN, Number.NaN];

  const progress = (): QPricingProgress => ({
    period,
    maxPeriods,
    stablePeriods: stable,
    epsilon,
    recentPrices,
    done,
    converged,
  });

  const step = (periods: number): QPricingProgress => {
    if (!Number.isInteger(periods) || periods < 0) {
      throw new RangeError(`QPricingSimulation.step: periods must be an integer >= 0, got ${periods}`);
    }
    // Local copies of the loop state; everything below mutates typed arrays in place for speed.
    let s = state;
    let eps = epsilon;
    let t = period;
    let calm = stable;
    let sumIndex0 = 0;
    let sumIndex1 = 0;
    const end = Math.min(maxPeriods, t + periods);
    const start = t;
    while (t < end && !converged) {
      const threshold = eps * 4294967296;
      const row = s * m;
      const a0 = nextUint32(fast) < threshold ? Math.floor(nextUint32(fast) * UINT32_SCALE * m) : greedy0[s]!;
      const a1 = nextUint32(fast) < threshold ? Math.floor(nextUint32(fast) * UINT32_SCALE * m) : greedy1[s]!;
      const next = a0 * m + a1;
      const nextRow = next * m;
      // Both targets use the Q tables as they stand before this period's updates.
      const target0 = profit0[next]! + delta * q0[nextRow + greedy0[next]!]!;
      const target1 = profit1[next]! + delta * q1[nextRow + greedy1[next]!]!;
      let changed = false;

      const i0 = row + a0;
      const old0 = q0[i0]!;
      const new0 = old0 + alpha * (target0 - old0);
      q0[i0] = new0;
      const g0 = greedy0[s]!;
      if (a0 === g0) {
        if (new0 < old0) {
          const b = argmaxRow(q0, row, m);
          if (b !== g0) {
            greedy0[s] = b;
            changed = true;
          }
        }
      } else {
        const top = q0[row + g0]!;
        if (new0 > top || (new0 === top && a0 < g0)) {
          greedy0[s] = a0;
          changed = true;
        }
      }

      const i1 = row + a1;
      const old1 = q1[i1]!;
      const new1 = old1 + alpha * (target1 - old1);
      q1[i1] = new1;
      const g1 = greedy1[s]!;
      if (a1 === g1) {
        if (new1 < old1) {
          const b = argmaxRow(q1, row, m);
          if (b !== g1) {
            greedy1[s] = b;
            changed = true;
          }
        }
      } else {
        const top = q1[row + g1]!;
        if (new1 > top || (new1 === top && a1 < g1)) {
          greedy1[s] = a1;
          changed = true;
        }
      }

      calm = changed ? 0 : calm + 1;
      sumIndex0 += a0;
      sumIndex1 += a1;
      s = next;
      eps *= decay;
      t++;
      if (calm >= convergencePeriods) converged = true;
    }
    const ran = t - start;
    if (ran > 0) {
      // The grid is evenly spaced, so the mean price is the price at the mean index.
      const spacing = (highest - lowest) / (m - 1);
      recentPrices = [lowest + spacing * (sumIndex0 / ran), lowest + spacing * (sumIndex1 / ran)];
    }
    state = s;
    epsilon = eps;
    period = t;
    stable = calm;
    done = converged || period >= maxPeriods;
    return progress();
  };

  const result = (): QPricingOutcome => {
    const strategies: [number[], number[]] = [Array.from(greedy0), Array.from(greedy1)];
    const cycle = greedyCycle(strategies, m, state);
    let sumPrice0 = 0;
    let sumPrice1 = 0;
    let sumProfit0 = 0;
    let sumProfit1 = 0;
    for (const [a0, a1] of cycle) {
      sumPrice0 += priceGrid[a0]!;
      sumPrice1 += priceGrid[a1]!;
      sumProfit0 += profit0[a0 * m + a1]!;
      sumProfit1 += profit1[a0 * m + a1]!;
    }
    const k = cycle.length;
    const profits: [number, number] = [sumProfit0 / k, sumProfit1 / k];
    const gain = (p: number): number => (p - nashProfit) / (monopolyProfit - nashProfit);
    const profitGains: [number, number] = [gain(profits[0]), gain(profits[1])];
    const profitTable = Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => profit0[i * m + j]!));
    return {
      prices: [sumPrice0 / k, sumPrice1 / k],
      profitGain: 0.5 * (profitGains[0] + profitGains[1]),
      periods: period,
      converged,
      profitGains,
      profits,
      cycle,
      priceGrid: priceGrid.slice(),
      nashPrice: pN,
      monopolyPrice: pM,
      nashProfit,
      monopolyProfit,
      profitTable,
      strategies,
      finalState: [Math.floor(state / m), state % m],
    };
  };

  return {
    step,
    get done() {
      return done;
    },
    get progress() {
      return progress();
    },
    result,
  };
}

/** Returns the cycle of states (as price-index pairs) that greedy play reaches from `start`. */
function greedyCycle(strategies: readonly [readonly number[], readonly number[]], m: number, start: number): [number, number][] {
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  let s = start;
  while (!seenAt.has(s)) {
    seenAt.set(s, path.length);
    path.push(s);
    s = strategies[0][s]! * m + strategies[1][s]!;
  }
  return path.slice(seenAt.get(s)!).map((x) => [Math.floor(x / m), x % m]);
}

/**
 * Runs Calvano et al.'s baseline Q-learning duopoly (or the given variant) to convergence or
 * `maxPeriods` and returns the average cycle prices, the profit gain Δ, the periods run and whether
 * it converged (deterministic for `seed`).
 * @see Calvano, Calzolari, Denicolò & Pastorello (2020).
 */
export function simulateQPricing(options: QPricingOptions): QPricingSummary {
  const sim = createQPricing(options);
  while (!sim.done) sim.step(1_000_000);
  const { prices, profitGain, periods, converged } = sim.result();
  return { prices, profitGain, periods, converged };
}

/** Price and profit paths around a forced deviation; index `deviationPeriod` is the deviation. */
export type ImpulseResponse = {
  prices: [number[], number[]];
  profits: [number[], number[]];
  deviationPeriod: number;
  /** The price index the deviating firm was forced to. */
  deviationIndex: number;
};

/**
 * Returns the impulse response of learned strategies: starting on the greedy cycle, play greedily
 * for `preShock` periods (default 3), force `firm` (0 or 1) for one period to its static best reply
 * to the rival's price (or to `deviationIndex`), then let both play greedily for `periods` periods.
 * @see Calvano, Calzolari, Denicolò & Pastorello (2020), the punishment-and-return figure.
 */
export function forcedDeviation(
  outcome: QPricingOutcome,
  firm: 0 | 1,
  periods: number,
  options: { preShock?: number; deviationIndex?: number } = {},
): ImpulseResponse {
  const fn = 'forcedDeviation';
  if (firm !== 0 && firm !== 1) throw new RangeError(`${fn}: firm must be 0 or 1, got ${String(firm)}`);
  if (!Number.isInteger(periods) || periods < 0) throw new RangeError(`${fn}: periods must be an integer >= 0, got ${periods}`);
  const preShock = options.preShock ?? 3;
  if (!Number.isInteger(preShock) || preShock < 0) {
    throw new RangeError(`${fn}: preShock must be an integer >= 0, got ${preShock}`);
  }
  const m = outcome.priceGrid.length;
  if (options.deviationIndex !== undefined && !(Number.isInteger(options.deviationIndex) && options.deviationIndex >= 0 && options.deviationIndex < m)) {
    throw new RangeError(`${fn}: deviationIndex must be an integer from 0 to ${m - 1}, got ${options.deviationIndex}`);
  }
  const [g0, g1] = outcome.strategies;
  const table = outcome.profitTable;
  const prices: [number[], number[]] = [[], []];
  const profits: [number[], number[]] = [[], []];
  const first = outcome.cycle[0]!;
  let s = first[0] * m + first[1];
  let deviationIndex = -1;
  const total = preShock + 1 + periods;
  for (let t = 0; t < total; t++) {
    let a0 = g0[s]!;
    let a1 = g1[s]!;
    if (t === preShock) {
      const rival = firm === 0 ? a1 : a0;
      let choice = options.deviationIndex;
      if (choice === undefined) {
        // Static best reply: the price that maximises this period's profit against the rival's price.
        choice = 0;
        for (let a = 1; a < m; a++) if (table[a]![rival]! > table[choice]![rival]!) choice = a;
      }
      deviationIndex = choice;
      if (firm === 0) a0 = choice;
      else a1 = choice;
    }
    prices[0].push(outcome.priceGrid[a0]!);
    prices[1].push(outcome.priceGrid[a1]!);
    profits[0].push(table[a0]![a1]!);
    profits[1].push(table[a1]![a0]!);
    s = a0 * m + a1;
  }
  return { prices, profits, deviationPeriod: preShock, deviationIndex };
}
