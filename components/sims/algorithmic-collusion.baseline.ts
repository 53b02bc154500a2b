/**
 * One baseline run of the algorithmic-collusion simulation, shipped as a small table so that the
 * server render (and a reader without JavaScript) sees a real run without anyone computing two
 * million periods at render time. A test regenerates the table from the model with `runCollusion`
 * and `compactCollusionRun` and compares, so the table cannot drift from the model.
 *
 * The table keeps the chunk-average prices (4 decimals) and the two learned strategies; the rest
 * of the outcome (price grid, profits, the cycle, the profit gain) is rebuilt from them here with
 * the same arithmetic as the model.
 */
import type { QPricingOutcome } from '../../src/models/learning/q-pricing.ts';
import {
  CALVANO_MARKET,
  logitMonopolyPrice,
  logitNashPrice,
  logitProfits,
} from '../../src/models/learning/logit-demand.ts';
import { COLLUSION_CHUNK } from './algorithmic-collusion.params.ts';
import type { CollusionInput, CollusionRun } from './algorithmic-collusion.worker.ts';

/** A run in compact form: chunk-average prices rounded to 4 decimals, strategies as base-36 digits. */
export type CompactCollusionRun = {
  readonly periods: number;
  readonly converged: boolean;
  /** Each firm's chunk-average prices, one per COLLUSION_CHUNK periods (the last chunk may be shorter). */
  readonly prices: readonly [readonly number[], readonly number[]];
  /** Each firm's greedy price index for each of the 225 states, one base-36 digit per state. */
  readonly strategies: readonly [string, string];
  /** The state the run ended in, as a pair of price indices. */
  readonly finalState: readonly [number, number];
};

/** The baseline the table was computed for: seed 0 at Calvano et al.'s α, β and δ. */
export const BASELINE_INPUT: CollusionInput = { seed: 0, alpha: 0.15, beta: 4e-6, delta: 0.95 };

/** The baseline run (regenerated and compared in tests/components/algorithmic-collusion.test.tsx). */
export const BASELINE_RUN: CompactCollusionRun = {
  periods: 1495344,
  converged: true,
  prices: [
    [
      1.6964, 1.6847, 1.6782, 1.6676, 1.6612, 1.6537, 1.649, 1.6493, 1.6441, 1.6432, 1.6439, 1.6428, 1.6432, 1.6464,
      1.6436, 1.6436, 1.6515, 1.6444, 1.6392, 1.6379, 1.6318, 1.6554, 1.6479, 1.646, 1.6584, 1.6747, 1.6625, 1.6544,
      1.6162, 1.5543, 1.5546, 1.5684, 1.605, 1.6632, 1.6695, 1.6023, 1.494, 1.5753, 1.6084, 1.6523, 1.7533, 1.7535,
      1.7198, 1.7071, 1.6716, 1.7194, 1.6741, 1.6817, 1.7565, 1.7576, 1.7838, 1.7852, 1.7796, 1.7855, 1.7906, 1.7911,
      1.8, 1.8137, 1.7998, 1.7999, 1.8009, 1.8016, 1.8036, 1.7996, 1.8064, 1.8052, 1.8075, 1.8062, 1.7851, 1.8082,
      1.809, 1.8098, 1.8103, 1.8109, 1.8109,
    ],
    [
      1.6932, 1.6853, 1.678, 1.6729, 1.6634, 1.6551, 1.6465, 1.6456, 1.6427, 1.6427, 1.6415, 1.6445, 1.644, 1.6442,
      1.6447, 1.6488, 1.6464, 1.6503, 1.6519, 1.6537, 1.6539, 1.6488, 1.6465, 1.6492, 1.6315, 1.5949, 1.5769, 1.6001,
      1.6594, 1.6589, 1.6678, 1.6642, 1.6339, 1.5743, 1.5446, 1.5972, 1.6676, 1.6152, 1.6071, 1.6864, 1.7546, 1.7616,
      1.7469, 1.7372, 1.7215, 1.7487, 1.7184, 1.6923, 1.7879, 1.7847, 1.8071, 1.8087, 1.8041, 1.8095, 1.8136, 1.8138,
      1.8241, 1.8357, 1.8218, 1.8208, 1.8224, 1.8228, 1.8248, 1.8213, 1.8265, 1.8255, 1.8278, 1.8271, 1.8076, 1.8286,
      1.8291, 1.8299, 1.8305, 1.8306, 1.8308,
    ],
  ],
  strategies: [
    '12051306502601010b71103311001183410125221127111112322231628311520112111101202001291122076110211013142306610010038111d3110010431263112221210419621623d111030d462200446100822571713a12121041070085021020232182e70334722101d532b4455',
    '267227242a24222327b2322233a23262524d32223266202338222221b2bd9362030200330537055301532823a302033b3731005933725a416030a205a23bb20222301253237232213632165352a5642a2b302d25613803333d31813719b9a598223b0b23a352bb712182a003967267a89',
  ],
  finalState: [13, 10],
};

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Returns `run` in compact form (prices rounded to 4 decimals, strategies as base-36 strings). */
export function compactCollusionRun(run: CollusionRun): CompactCollusionRun {
  const o = run.outcome;
  return {
    periods: o.periods,
    converged: o.converged,
    prices: [run.prices[0].map(round4), run.prices[1].map(round4)],
    strategies: [
      o.strategies[0].map((a) => a.toString(36)).join(''),
      o.strategies[1].map((a) => a.toString(36)).join(''),
    ],
    finalState: [o.finalState[0], o.finalState[1]],
  };
}

// The model's fixed baseline: 15 prices, the grid reaching 0.1·(p_M − p_N) beyond p_N and p_M.
const PRICE_COUNT = 15;
const XI = 0.1;

/**
 * Returns the full outcome of learned `strategies` ended in `finalState`, rebuilt exactly as
 * createQPricing's result() computes it (grid, profit table, greedy cycle, profits, gains).
 */
export function outcomeFromStrategies(
  strategies: readonly [readonly number[], readonly number[]],
  finalState: readonly [number, number],
  periods: number,
  converged: boolean,
): QPricingOutcome {
  const m = PRICE_COUNT;
  const market = CALVANO_MARKET;
  const nashPrice = logitNashPrice(market, 2);
  const monopolyPrice = logitMonopolyPrice(market, 2);
  const nashProfit = logitProfits([nashPrice, nashPrice], market)[0]!;
  const monopolyProfit = logitProfits([monopolyPrice, monopolyPrice], market)[0]!;
  const lowest = nashPrice - XI * (monopolyPrice - nashPrice);
  const highest = monopolyPrice + XI * (monopolyPrice - nashPrice);
  const priceGrid = Array.from({ length: m }, (_, i) => lowest + ((highest - lowest) * i) / (m - 1));
  const profit0: number[] = [];
  const profit1: number[] = [];
  for (let a0 = 0; a0 < m; a0++) {
    for (let a1 = 0; a1 < m; a1++) {
      const [p0, p1] = logitProfits([priceGrid[a0]!, priceGrid[a1]!], market);
      profit0.push(p0!);
      profit1.push(p1!);
    }
  }
  // The cycle greedy play reaches from the final state.
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  let s = finalState[0] * m + finalState[1];
  while (!seenAt.has(s)) {
    seenAt.set(s, path.length);
    path.push(s);
    s = strategies[0][s]! * m + strategies[1][s]!;
  }
  const cycle = path.slice(seenAt.get(s)!).map((x): [number, number] => [Math.floor(x / m), x % m]);
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
  const gain = (p: number) => (p - nashProfit) / (monopolyProfit - nashProfit);
  const profitGains: [number, number] = [gain(profits[0]), gain(profits[1])];
  return {
    prices: [sumPrice0 / k, sumPrice1 / k],
    profitGain: 0.5 * (profitGains[0] + profitGains[1]),
    periods,
    converged,
    profitGains,
    profits,
    cycle,
    priceGrid,
    nashPrice,
    monopolyPrice,
    nashProfit,
    monopolyProfit,
    profitTable: Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => profit0[i * m + j]!)),
    strategies: [strategies[0].slice(), strategies[1].slice()],
    finalState: [finalState[0], finalState[1]],
  };
}

/** Returns the run a compact table describes, for `input`: chunk ends, chunk-average prices and the rebuilt outcome. */
export function expandCollusionRun(input: CollusionInput, compact: CompactCollusionRun): CollusionRun {
  const digits = (text: string) => Array.from(text, (c) => parseInt(c, 36));
  const chunks = compact.prices[0].length;
  return {
    input,
    periods: Array.from({ length: chunks }, (_, k) => Math.min((k + 1) * COLLUSION_CHUNK, compact.periods)),
    prices: compact.prices,
    outcome: outcomeFromStrategies(
      [digits(compact.strategies[0]), digits(compact.strategies[1])],
      compact.finalState,
      compact.periods,
      compact.converged,
    ),
  };
}
