/** Monte Carlo auctions: draw values, let everyone play the equilibrium, and record revenue and efficiency. */
import { createRng } from '../random.ts';
import { bidOf, checkBidders, checkFormat, checkUnit, type AuctionFormat } from './equilibrium-bids.ts';

/** What to simulate: format, number of bidders, reserve (default 0), trials and seed. */
export type AuctionOptions = {
  readonly format: AuctionFormat;
  readonly bidders: number;
  readonly reserve?: number;
  readonly trials: number;
  readonly seed: number;
};

/** Mean revenue per auction, and the share of auctions won by the highest value (or not sold). */
export type AuctionResult = { revenue: number; efficiency: number };

/**
 * Returns the mean revenue over `trials` auctions with iid U[0, 1] values and equilibrium bids
 * (bidders below the reserve bid 0), and the share of trials in which the item went to the highest
 * value or, when every value is below the reserve, to no one. Second price: the winner pays
 * max(second bid, r); all-pay: every bidder pays its bid.
 * @see Vickrey (1961); Myerson (1981).
 */
export function simulateAuction(options: AuctionOptions): AuctionResult {
  const caller = 'simulateAuction';
  checkFormat(options.format, caller);
  const n = checkBidders(options.bidders, caller);
  const r = checkUnit(options.reserve ?? 0, 'reserve', caller);
  const { trials, seed } = options;
  if (!Number.isSafeInteger(trials) || trials < 1)
    throw new RangeError(`${caller}: trials must be an integer >= 1, got ${trials}`);
  if (!Number.isFinite(seed)) throw new RangeError(`${caller}: seed must be a finite number, got ${seed}`);
  const format = options.format;
  const rng = createRng(seed);
  let revenue = 0;
  let efficient = 0;
  for (let t = 0; t < trials; t++) {
    let topValue = -1;
    let topValueAt = -1;
    let winner = -1;
    let firstBid = -1;
    let secondBid = 0;
    let paid = 0;
    for (let i = 0; i < n; i++) {
      const v = rng();
      if (v > topValue) {
        topValue = v;
        topValueAt = i;
      }
      if (v < r) continue; // stays out: bids nothing, pays nothing
      const bid = bidOf(format, v, n, r);
      if (format === 'all-pay') paid += bid;
      if (bid > firstBid) {
        secondBid = Math.max(secondBid, firstBid);
        firstBid = bid;
        winner = i;
      } else if (bid > secondBid) {
        secondBid = bid;
      }
    }
    if (winner >= 0) {
      if (format === 'first-price') paid = firstBid;
      else if (format === 'second-price') paid = Math.max(secondBid, r);
    }
    revenue += paid;
    if (winner < 0 || winner === topValueAt) efficient++;
  }
  return { revenue: revenue / trials, efficiency: efficient / trials };
}
