import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUCTION_FORMATS,
  auctionRound,
  bidPayoff,
  equilibriumBid,
  meanRoundPayoffs,
  realisedBidOutcome,
  type AuctionFormat,
} from '../../../src/models/auctions/index.ts';

describe('realisedBidOutcome on hand-worked auctions', () => {
  it('realisedBidOutcome(second-price) charges the winner the highest rival bid', () => {
    // Value 0.7 bids 0.5; the rival (value 0.3) bids 0.3 truthfully: win, pay 0.3, keep 0.4.
    expect(realisedBidOutcome('second-price', 0.7, 0.5, [0.3])).toEqual({
      bid: 0.5,
      won: true,
      payment: 0.3,
      payoff: 0.7 - 0.3,
    });
    // Rival value 0.6 beats the bid 0.5, though the value 0.7 would have won: the cost of shading.
    expect(realisedBidOutcome('second-price', 0.7, 0.5, [0.6])).toEqual({
      bid: 0.5,
      won: false,
      payment: 0,
      payoff: 0,
    });
  });

  it('realisedBidOutcome(first-price) pays the own bid against rivals bidding (n − 1)v/n', () => {
    // Two bidders: the rival with value 0.6 bids 0.3, so a bid of 0.5 wins and pays 0.5.
    const out = realisedBidOutcome('first-price', 0.7, 0.5, [0.6]);
    expect(out.won).toBe(true);
    expect(out.payoff).toBeCloseTo(0.2, 14);
  });

  it('realisedBidOutcome(all-pay) charges the bid win or lose', () => {
    // Two bidders: the rival with value 0.6 bids 0.6²/2 = 0.18 > 0.1: lose and still pay 0.1.
    expect(realisedBidOutcome('all-pay', 0.7, 0.1, [0.6])).toEqual({
      bid: 0.1,
      won: false,
      payment: 0.1,
      payoff: -0.1,
    });
    expect(realisedBidOutcome('all-pay', 0.7, 0.2, [0.6]).payoff).toBeCloseTo(0.5, 14);
  });

  it('realisedBidOutcome with a reserve: rivals below it stay out, bids below it are rejected', () => {
    // Reserve 0.4: the rival with value 0.3 stays out, so the bid wins at the reserve price.
    expect(realisedBidOutcome('second-price', 0.7, 0.5, [0.3], 0.4)).toEqual({
      bid: 0.5,
      won: true,
      payment: 0.4,
      payoff: 0.7 - 0.4,
    });
    // A bid of 0.35 is below the reserve: no win, no payment, even in an all-pay auction when it is
    // below rⁿ = 0.16 (the bid of type r with two bidders).
    expect(realisedBidOutcome('first-price', 0.7, 0.35, [0.1], 0.4).payoff).toBe(0);
    expect(realisedBidOutcome('all-pay', 0.7, 0.15, [0.1], 0.4)).toEqual({
      bid: 0.15,
      won: false,
      payment: 0,
      payoff: 0,
    });
  });

  it('realisedBidOutcome throws a RangeError naming the bad argument', () => {
    expect(() => realisedBidOutcome('dutch' as AuctionFormat, 0.5, 0.5, [0.2])).toThrow(
      /realisedBidOutcome: format must be/,
    );
    expect(() => realisedBidOutcome('first-price', 0.5, -1, [0.2])).toThrow(
      'realisedBidOutcome: bid must be a finite number >= 0, got -1',
    );
    expect(() => realisedBidOutcome('first-price', 0.5, 0.4, [1.2])).toThrow(
      'realisedBidOutcome: rivalValues[0] must be a number in [0, 1], got 1.2',
    );
  });
});

describe('auctionRound and meanRoundPayoffs (the reader against equilibrium rivals)', () => {
  const base = { format: 'first-price', bidders: 3, reserve: 0.2, value: 0.7, bid: 0.45, seed: 11 } as const;

  it('auctionRound is fixed by (seed, round): the same rivals whatever the format or the bid', () => {
    const a = auctionRound(base, 7);
    expect(auctionRound(base, 7)).toEqual(a);
    expect(auctionRound({ ...base, format: 'all-pay', bid: 0.1 }, 7).rivalValues).toEqual(a.rivalValues);
    expect(a.rivalValues).toHaveLength(2);
    expect(auctionRound(base, 8).rivalValues).not.toEqual(a.rivalValues);
    expect(auctionRound({ ...base, seed: 12 }, 7).rivalValues).not.toEqual(a.rivalValues);
  });

  it('meanRoundPayoffs tends to bidPayoff for the bid, the value and the equilibrium bid, in every format', () => {
    // 60,000 rounds; payoffs lie in [−1, 1], so each standard error is below 1/√60000 ≈ 0.004:
    // allow four of them. The expectations are the closed forms of bidPayoff (Krishna 2002).
    const rounds = 60_000;
    const tol = 4 / Math.sqrt(rounds);
    for (const format of AUCTION_FORMATS) {
      const o = { ...base, format };
      const mean = meanRoundPayoffs(o, rounds);
      const eq = equilibriumBid(format, o.value, o.bidders, o.reserve);
      expect(Math.abs(mean.you - bidPayoff(format, o.value, o.bid, o.bidders, o.reserve)), format).toBeLessThan(tol);
      expect(Math.abs(mean.truthful - bidPayoff(format, o.value, o.value, o.bidders, o.reserve)), format).toBeLessThan(
        tol,
      );
      expect(Math.abs(mean.equilibrium - bidPayoff(format, o.value, eq, o.bidders, o.reserve)), format).toBeLessThan(
        tol,
      );
    }
  });

  it('auctionRound(second-price): bidding the value does at least as well as any bid in every single round (Vickrey 1961)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (bidders, reserve, value, bid, round, seed) => {
          const r = auctionRound({ format: 'second-price', bidders, reserve, value, bid, seed }, round);
          expect(r.truthful.payoff).toBeGreaterThanOrEqual(r.you.payoff);
          expect(r.truthful.payoff).toBeGreaterThanOrEqual(0);
          expect(r.equilibrium.payoff).toBe(r.truthful.payoff);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('auctionRound(first-price): bidding the value always earns exactly 0', () => {
    for (let t = 0; t < 200; t++) expect(auctionRound({ ...base, bid: 0.7 }, t).truthful.payoff).toBe(0);
  });

  it('auctionRound and meanRoundPayoffs throw on bad options', () => {
    expect(() => auctionRound({ ...base, bidders: 1 }, 0)).toThrow(
      'auctionRound: bidders must be at least 2 (you and a rival), got 1',
    );
    expect(() => auctionRound(base, -1)).toThrow('auctionRound: round must be an integer >= 0, got -1');
    expect(() => auctionRound({ ...base, seed: Number.NaN }, 0)).toThrow(
      'auctionRound: seed must be a finite number, got NaN',
    );
    expect(() => meanRoundPayoffs(base, 0)).toThrow('meanRoundPayoffs: rounds must be an integer >= 1, got 0');
  });
});
