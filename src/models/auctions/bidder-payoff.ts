/**
 * The reader as a bidder: the expected payoff of any bid against n − 1 rivals who play the
 * symmetric equilibrium, in closed form, so a chart can show that truthful bidding is optimal in a
 * second-price auction and shading is optimal in a first-price one.
 */
import { bidOf, checkBidders, checkFormat, checkUnit, valueOfBid, type AuctionFormat } from './equilibrium-bids.ts';

function checkBid(bid: unknown, caller: string): number {
  if (typeof bid !== 'number' || !(bid >= 0) || !Number.isFinite(bid)) {
    throw new RangeError(`${caller}: bid must be a finite number >= 0, got ${String(bid)}`);
  }
  return bid;
}

/** Lowest accepted bid: r, or rⁿ in an all-pay auction (the bid of type r). */
function floorBid(format: AuctionFormat, n: number, r: number): number {
  return format === 'all-pay' ? r ** n : r;
}

function winChance(format: AuctionFormat, bid: number, n: number, r: number): number {
  if (bid < floorBid(format, n, r)) return 0;
  if (n === 1) return 1;
  // Rivals bid increasing functions of their values (0 below r): the bid beats them all exactly
  // when every rival's value is below the value whose equilibrium bid it is.
  const x = format === 'second-price' ? Math.min(bid, 1) : valueOfBid(format, bid, n, r);
  return x ** (n - 1);
}

function payoff(format: AuctionFormat, v: number, bid: number, n: number, r: number): number {
  if (bid < floorBid(format, n, r)) return 0; // a rejected bid wins nothing and pays nothing
  const p = winChance(format, bid, n, r);
  switch (format) {
    case 'first-price':
      return (v - bid) * p;
    case 'all-pay':
      return v * p - bid;
    case 'second-price': {
      // Pay max(highest rival bid, r) on winning: E[max(Y, r); Y < B] with Y the highest rival
      // value (CDF yⁿ⁻¹) is rⁿ + (n−1)/n·(Bⁿ − rⁿ), B = min(bid, 1).
      const b = Math.min(bid, 1);
      return v * p - (r ** n + ((n - 1) / n) * (b ** n - r ** n));
    }
  }
}

/**
 * Returns the probability that `bid` wins against `bidders` − 1 rivals playing the equilibrium of
 * `format` with reserve `reserve` (default 0); bids below the lowest accepted bid never win.
 * @see Krishna (2002), Auction Theory.
 */
export function winProbability(format: AuctionFormat, bid: number, bidders: number, reserve = 0): number {
  checkFormat(format, 'winProbability');
  const n = checkBidders(bidders, 'winProbability');
  return winChance(format, checkBid(bid, 'winProbability'), n, checkUnit(reserve, 'reserve', 'winProbability'));
}

/**
 * Returns the expected payoff (value won minus payment) of bidding `bid` with value `value` against
 * `bidders` − 1 rivals who play the symmetric equilibrium of `format` (values iid U[0, 1], reserve
 * default 0); a bid below the lowest accepted bid (r, or rⁿ all-pay) earns 0.
 * @see Vickrey (1961); Krishna (2002), Auction Theory.
 */
export function bidPayoff(format: AuctionFormat, value: number, bid: number, bidders: number, reserve = 0): number {
  const caller = 'bidPayoff';
  checkFormat(format, caller);
  const v = checkUnit(value, 'value', caller);
  const n = checkBidders(bidders, caller);
  const r = checkUnit(reserve, 'reserve', caller);
  return payoff(format, v, checkBid(bid, caller), n, r);
}

/**
 * Returns the bid in [0, 1] that maximises `bidPayoff` (a 2,001-point grid refined by golden-section
 * search, to about 1e-9); where several bids tie, the lowest found.
 */
export function bestResponseBid(format: AuctionFormat, value: number, bidders: number, reserve = 0): number {
  const caller = 'bestResponseBid';
  checkFormat(format, caller);
  const v = checkUnit(value, 'value', caller);
  const n = checkBidders(bidders, caller);
  const r = checkUnit(reserve, 'reserve', caller);
  const f = (b: number): number => payoff(format, v, b, n, r);
  const steps = 2000;
  const floor = floorBid(format, n, r);
  let best = 0;
  let bestPay = f(0);
  const consider = (b: number): void => {
    const p = f(b);
    if (p > bestPay + 1e-15) {
      best = b;
      bestPay = p;
    }
  };
  consider(floor);
  for (let i = 1; i <= steps; i++) consider(i / steps);
  // Refine inside the neighbouring grid cells, never below the lowest accepted bid (the payoff
  // jumps there).
  let lo = Math.max(best - 1 / steps, best >= floor ? floor : 0);
  let hi = Math.min(best + 1 / steps, 1);
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = hi - phi * (hi - lo);
  let c = lo + phi * (hi - lo);
  let fa = f(a);
  let fc = f(c);
  for (let i = 0; i < 80 && hi - lo > 1e-12; i++) {
    if (fa >= fc) {
      hi = c;
      c = a;
      fc = fa;
      a = hi - phi * (hi - lo);
      fa = f(a);
    } else {
      lo = a;
      a = c;
      fa = fc;
      c = lo + phi * (hi - lo);
      fc = f(c);
    }
  }
  consider((lo + hi) / 2);
  return best;
}

/** Returns `points` (default 101) evenly spaced bids on [0, 1] with their expected payoffs, for plotting payoff against bid. */
export function bidPayoffCurve(
  format: AuctionFormat,
  value: number,
  bidders: number,
  reserve = 0,
  points = 101,
): { bids: number[]; payoffs: number[] } {
  if (!Number.isInteger(points) || points < 2)
    throw new RangeError(`bidPayoffCurve: points must be an integer >= 2, got ${points}`);
  const bids = Array.from({ length: points }, (_, i) => i / (points - 1));
  return { bids, payoffs: bids.map((b) => bidPayoff(format, value, b, bidders, reserve)) };
}

/** Returns the equilibrium bid and its payoff next to the best response, to show that no deviation gains. */
export function compareWithBestResponse(
  format: AuctionFormat,
  value: number,
  bidders: number,
  reserve = 0,
): { equilibrium: number; equilibriumPayoff: number; bestResponse: number; bestPayoff: number } {
  const caller = 'compareWithBestResponse';
  checkFormat(format, caller);
  const equilibrium = bidOf(
    format,
    checkUnit(value, 'value', caller),
    checkBidders(bidders, caller),
    checkUnit(reserve, 'reserve', caller),
  );
  const bestResponse = bestResponseBid(format, value, bidders, reserve);
  return {
    equilibrium,
    equilibriumPayoff: bidPayoff(format, value, equilibrium, bidders, reserve),
    bestResponse,
    bestPayoff: bidPayoff(format, value, bestResponse, bidders, reserve),
  };
}
