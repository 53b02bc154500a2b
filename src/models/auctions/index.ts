/** Auctions: equilibrium bids, simulated revenue, revenue equivalence, the optimal reserve, and the reader as a bidder. */
export { equilibriumBid, minimumBid, AUCTION_FORMATS, type AuctionFormat } from './equilibrium-bids.ts';
export { simulateAuction, type AuctionOptions, type AuctionResult } from './simulate-auction.ts';
export { expectedRevenue, virtualValue, optimalReserve } from './expected-revenue.ts';
export {
  winProbability,
  bidPayoff,
  bestResponseBid,
  bidPayoffCurve,
  compareWithBestResponse,
} from './bidder-payoff.ts';
export {
  realisedBidOutcome,
  auctionRound,
  meanRoundPayoffs,
  type RoundBidOutcome,
  type BidderRoundsOptions,
  type BidderRoundResult,
  type BidderRoundsMeans,
} from './bidder-rounds.ts';
