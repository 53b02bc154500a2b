/**
 * Symmetric equilibrium bids in sealed-bid auctions of one item: n bidders with values drawn
 * independently from U[0, 1], and a reserve r below which a bidder stays out.
 */

/** The sealed-bid formats: the winner pays its bid, the second-highest bid, or everyone pays its bid. */
export type AuctionFormat = 'first-price' | 'second-price' | 'all-pay';

/** Every `AuctionFormat`, for menus and loops. */
export const AUCTION_FORMATS: readonly AuctionFormat[] = ['first-price', 'second-price', 'all-pay'];

/** Throws a RangeError naming `caller` unless `format` is an `AuctionFormat`. */
export function checkFormat(format: unknown, caller: string): asserts format is AuctionFormat {
  if (format !== 'first-price' && format !== 'second-price' && format !== 'all-pay') {
    throw new RangeError(
      `${caller}: format must be 'first-price', 'second-price' or 'all-pay', got ${JSON.stringify(format)}`,
    );
  }
}

/** Throws a RangeError naming `caller` unless `bidders` is an integer ≥ 1. */
export function checkBidders(bidders: unknown, caller: string): number {
  if (typeof bidders !== 'number' || !Number.isSafeInteger(bidders) || bidders < 1) {
    throw new RangeError(`${caller}: bidders must be an integer >= 1, got ${String(bidders)}`);
  }
  return bidders;
}

/** Throws a RangeError naming `caller` and `name` unless `x` lies in [0, 1]; returns it. */
export function checkUnit(x: unknown, name: string, caller: string): number {
  if (typeof x !== 'number' || !(x >= 0 && x <= 1)) {
    throw new RangeError(`${caller}: ${name} must be a number in [0, 1], got ${String(x)}`);
  }
  return x;
}

/**
 * Returns the bid of a bidder with value `value` in the symmetric equilibrium of `format` with
 * `bidders` bidders (values iid U[0, 1]) and reserve `reserve` (default 0): 0 below the reserve,
 * else first price v − (vⁿ − rⁿ)/(n·vⁿ⁻¹), all-pay ((n−1)vⁿ + rⁿ)/n, second price v.
 * @see Vickrey (1961), Counterspeculation, Auctions, and Competitive Sealed Tenders; Krishna (2002), Auction Theory.
 */
export function equilibriumBid(format: AuctionFormat, value: number, bidders: number, reserve = 0): number {
  const caller = 'equilibriumBid';
  checkFormat(format, caller);
  checkUnit(value, 'value', caller);
  const n = checkBidders(bidders, caller);
  const r = checkUnit(reserve, 'reserve', caller);
  return bidOf(format, value, n, r);
}

/** `equilibriumBid` without the argument checks, for inner loops. */
export function bidOf(format: AuctionFormat, v: number, n: number, r: number): number {
  if (v < r || (v === 0 && format !== 'second-price')) return 0;
  switch (format) {
    case 'second-price':
      return v;
    case 'all-pay':
      // Never below rⁿ, the bid of type r, even after rounding.
      return Math.max(((n - 1) * v ** n + r ** n) / n, r ** n);
    case 'first-price':
      // v − (vⁿ − rⁿ)/(n·vⁿ⁻¹); never below r, the bid of type r, even after rounding.
      return Math.max(v - (v - r * (r / v) ** (n - 1)) / n, r);
  }
}

/**
 * Returns the lowest bid the seller accepts so that exactly the bidders with values of at least
 * r take part: r in first- and second-price auctions, and rⁿ (what type r bids) in an all-pay one.
 */
export function minimumBid(format: AuctionFormat, bidders: number, reserve = 0): number {
  checkFormat(format, 'minimumBid');
  const n = checkBidders(bidders, 'minimumBid');
  const r = checkUnit(reserve, 'reserve', 'minimumBid');
  return format === 'all-pay' ? r ** n : r;
}

/** Returns the value whose equilibrium bid is `bid`, clamped to [r, 1] (for bids outside the equilibrium range). */
export function valueOfBid(format: AuctionFormat, bid: number, n: number, r: number): number {
  const top = bidOf(format, 1, n, r);
  const bottom = bidOf(format, r, n, r);
  if (bid >= top) return 1;
  if (bid <= bottom) return r;
  switch (format) {
    case 'second-price':
      return bid;
    case 'all-pay':
      return ((n * bid - r ** n) / (n - 1)) ** (1 / n);
    case 'first-price': {
      if (r === 0) return (bid * n) / (n - 1);
      // The first-price bid is increasing in v on [r, 1]: bisect.
      let lo = r;
      let hi = 1;
      for (let i = 0; i < 100 && hi - lo > 1e-15; i++) {
        const mid = (lo + hi) / 2;
        if (bidOf(format, mid, n, r) < bid) lo = mid;
        else hi = mid;
      }
      return (lo + hi) / 2;
    }
  }
}
