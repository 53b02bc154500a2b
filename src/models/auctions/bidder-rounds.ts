/**
 * The reader's seat in repeated auctions: each round draws fresh rival values, the rivals play the
 * symmetric equilibrium, and the reader's fixed bid is scored next to a truthful bidder and an
 * equilibrium bidder facing the same rivals, so realised averages can be compared with
 * `bidPayoff`'s expectation.
 */
import { createRng } from '../random.ts';
import { bidOf, checkBidders, checkFormat, checkUnit, type AuctionFormat } from './equilibrium-bids.ts';

/** What one bid brought in one auction: whether it won, what it paid and value won minus payment. */
export type RoundBidOutcome = { bid: number; won: boolean; payment: number; payoff: number };

/** The reader's repeated auction: format, bidders (the reader included), reserve (default 0), the reader's value and bid, and the seed. */
export type BidderRoundsOptions = {
  readonly format: AuctionFormat;
  readonly bidders: number;
  readonly reserve?: number;
  readonly value: number;
  readonly bid: number;
  readonly seed: number;
};

/** One round: the rivals' values, the highest rival bid (−Infinity when every rival stays out) and the three bidders' outcomes. */
export type BidderRoundResult = {
  round: number;
  rivalValues: number[];
  topRivalBid: number;
  you: RoundBidOutcome;
  truthful: RoundBidOutcome;
  equilibrium: RoundBidOutcome;
};

/** Mean realised payoff per auction of the reader, a truthful bidder and an equilibrium bidder over rounds 0 … rounds − 1. */
export type BidderRoundsMeans = { rounds: number; you: number; truthful: number; equilibrium: number };

function checkBid(bid: unknown, caller: string): number {
  if (typeof bid !== 'number' || !(bid >= 0) || !Number.isFinite(bid)) {
    throw new RangeError(`${caller}: bid must be a finite number >= 0, got ${String(bid)}`);
  }
  return bid;
}

function checkRound(round: unknown, caller: string): number {
  if (typeof round !== 'number' || !Number.isSafeInteger(round) || round < 0) {
    throw new RangeError(`${caller}: round must be an integer >= 0, got ${String(round)}`);
  }
  return round;
}

/** `realisedBidOutcome` without the argument checks; `rivalValues` has n − 1 entries. */
function outcomeOf(
  format: AuctionFormat,
  value: number,
  bid: number,
  rivalValues: readonly number[],
  r: number,
): RoundBidOutcome {
  const n = rivalValues.length + 1;
  // The seller rejects bids below what type r bids (r, or rⁿ all-pay), as in `bidPayoff`.
  const floor = format === 'all-pay' ? r ** n : r;
  if (bid < floor) return { bid, won: false, payment: 0, payoff: 0 };
  let top = -Infinity;
  for (const v of rivalValues) if (v >= r) top = Math.max(top, bidOf(format, v, n, r));
  // Values are continuous, so ties have probability zero; a tie counts as a loss.
  const won = bid > top;
  let payment = 0;
  if (format === 'all-pay') payment = bid;
  else if (won) payment = format === 'first-price' ? bid : Math.max(top, r);
  return { bid, won, payment, payoff: (won ? value : 0) - payment };
}

/**
 * Returns what bidding `bid` with value `value` brings in one auction against rivals with values
 * `rivalValues` (one per rival, each in [0, 1]) who play the symmetric equilibrium of `format` with
 * reserve `reserve` (default 0): rivals below the reserve stay out, a bid below the lowest accepted
 * bid is rejected (no win, no payment), a tie loses; second price pays max(highest rival bid, r),
 * all-pay pays the bid win or lose.
 * @see Vickrey (1961), Counterspeculation, Auctions, and Competitive Sealed Tenders.
 */
export function realisedBidOutcome(
  format: AuctionFormat,
  value: number,
  bid: number,
  rivalValues: readonly number[],
  reserve = 0,
): RoundBidOutcome {
  const caller = 'realisedBidOutcome';
  checkFormat(format, caller);
  const v = checkUnit(value, 'value', caller);
  const b = checkBid(bid, caller);
  if (!Array.isArray(rivalValues)) throw new TypeError(`${caller}: rivalValues must be an array of numbers in [0, 1]`);
  rivalValues.forEach((x, i) => checkUnit(x, `rivalValues[${i}]`, caller));
  return outcomeOf(format, v, b, rivalValues, checkUnit(reserve, 'reserve', caller));
}

// A 32-bit mix of the seed and the round (a splitmix-style finaliser), so each round draws from its
// own stream and any round can be replayed without the ones before it.
function roundSeed(seed: number, round: number): number {
  let h = (Math.trunc(seed) ^ Math.imul(round + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

function checkOptions(options: BidderRoundsOptions, caller: string) {
  if (typeof options !== 'object' || options === null) throw new TypeError(`${caller}: options must be an object`);
  checkFormat(options.format, caller);
  const n = checkBidders(options.bidders, caller);
  if (n < 2) throw new RangeError(`${caller}: bidders must be at least 2 (you and a rival), got ${n}`);
  const r = checkUnit(options.reserve ?? 0, 'reserve', caller);
  const value = checkUnit(options.value, 'value', caller);
  const bid = checkBid(options.bid, caller);
  if (typeof options.seed !== 'number' || !Number.isFinite(options.seed)) {
    throw new RangeError(`${caller}: seed must be a finite number, got ${String(options.seed)}`);
  }
  return { format: options.format, n, r, value, bid, seed: options.seed };
}

function playRound(o: ReturnType<typeof checkOptions>, round: number): BidderRoundResult {
  const rng = createRng(roundSeed(o.seed, round));
  const rivalValues = Array.from({ length: o.n - 1 }, () => rng());
  let topRivalBid = -Infinity;
  for (const x of rivalValues) if (x >= o.r) topRivalBid = Math.max(topRivalBid, bidOf(o.format, x, o.n, o.r));
  return {
    round,
    rivalValues,
    topRivalBid,
    you: outcomeOf(o.format, o.value, o.bid, rivalValues, o.r),
    truthful: outcomeOf(o.format, o.value, o.value, rivalValues, o.r),
    equilibrium: outcomeOf(o.format, o.value, bidOf(o.format, o.value, o.n, o.r), rivalValues, o.r),
  };
}

/**
 * Returns round `round` (0, 1, 2, …) of the reader's repeated auction: n − 1 rival values drawn
 * iid U[0, 1] from a stream fixed by (seed, round), and the outcomes of the reader's bid, of
 * bidding the value, and of the equilibrium bid against those same rivals.
 * @see Vickrey (1961); Krishna (2002), Auction Theory.
 */
export function auctionRound(options: BidderRoundsOptions, round: number): BidderRoundResult {
  const o = checkOptions(options, 'auctionRound');
  return playRound(o, checkRound(round, 'auctionRound'));
}

/** Returns the mean realised payoffs over rounds 0 … `rounds` − 1 (`rounds` ≥ 1); they tend to `bidPayoff` of each bid as rounds grow. */
export function meanRoundPayoffs(options: BidderRoundsOptions, rounds: number): BidderRoundsMeans {
  const caller = 'meanRoundPayoffs';
  const o = checkOptions(options, caller);
  if (!Number.isSafeInteger(rounds) || rounds < 1) {
    throw new RangeError(`${caller}: rounds must be an integer >= 1, got ${String(rounds)}`);
  }
  let you = 0;
  let truthful = 0;
  let equilibrium = 0;
  for (let t = 0; t < rounds; t++) {
    const round = playRound(o, t);
    you += round.you.payoff;
    truthful += round.truthful.payoff;
    equilibrium += round.equilibrium.payoff;
  }
  return { rounds, you: you / rounds, truthful: truthful / rounds, equilibrium: equilibrium / rounds };
}
