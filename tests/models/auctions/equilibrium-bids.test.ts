import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/models/random.ts';
import {
  AUCTION_FORMATS,
  bestResponseBid,
  bidPayoff,
  bidPayoffCurve,
  compareWithBestResponse,
  equilibriumBid,
  minimumBid,
  winProbability,
  type AuctionFormat,
} from '../../../src/models/auctions/index.ts';

describe('equilibriumBid against the closed forms', () => {
  it('equilibriumBid(first-price) with two bidders is v/2 (Vickrey 1961)', () => {
    for (const v of [0, 0.1, 0.5, 0.8, 1]) expect(equilibriumBid('first-price', v, 2)).toBeCloseTo(v / 2, 14);
  });

  it('equilibriumBid(first-price) with n bidders and no reserve is (n − 1)v/n', () => {
    for (const n of [1, 3, 5, 10]) expect(equilibriumBid('first-price', 0.6, n)).toBeCloseTo(((n - 1) * 0.6) / n, 14);
  });

  it('equilibriumBid with a reserve follows v − (vⁿ − rⁿ)/(n·vⁿ⁻¹) and ((n−1)vⁿ + rⁿ)/n', () => {
    // By hand, n = 2, r = 0.5, v = 0.8: first price 0.8 − (0.64 − 0.25)/1.6 = 0.55625;
    // all-pay (0.64 + 0.25)/2 = 0.445; second price 0.8.
    expect(equilibriumBid('first-price', 0.8, 2, 0.5)).toBeCloseTo(0.55625, 14);
    expect(equilibriumBid('all-pay', 0.8, 2, 0.5)).toBeCloseTo(0.445, 14);
    expect(equilibriumBid('second-price', 0.8, 2, 0.5)).toBe(0.8);
  });

  it('equilibriumBid is 0 below the reserve and starts at the lowest accepted bid at the reserve', () => {
    for (const format of AUCTION_FORMATS) {
      expect(equilibriumBid(format, 0.29, 3, 0.3)).toBe(0);
      expect(equilibriumBid(format, 0.3, 3, 0.3)).toBeCloseTo(minimumBid(format, 3, 0.3), 14);
    }
    expect(minimumBid('all-pay', 3, 0.3)).toBeCloseTo(0.027, 14);
  });

  it('equilibriumBid(all-pay) with two bidders and no reserve is v²/2', () => {
    expect(equilibriumBid('all-pay', 0.6, 2)).toBeCloseTo(0.18, 14);
  });

  it('equilibriumBid is increasing in the value and never above it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AUCTION_FORMATS),
        fc.integer({ min: 1, max: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (format, n, a, c, r) => {
          const [lo, hi] = a < c ? [a, c] : [c, a];
          const bLo = equilibriumBid(format, lo, n, r);
          const bHi = equilibriumBid(format, hi, n, r);
          expect(Number.isFinite(bLo) && Number.isFinite(bHi)).toBe(true);
          expect(bLo).toBeLessThanOrEqual(bHi + 1e-12);
          expect(bHi).toBeLessThanOrEqual(hi + 1e-12);
        },
      ),
    );
  });

  it('equilibriumBid throws a RangeError naming the bad argument', () => {
    expect(() => equilibriumBid('dutch' as AuctionFormat, 0.5, 2)).toThrow(
      "equilibriumBid: format must be 'first-price', 'second-price' or 'all-pay'",
    );
    expect(() => equilibriumBid('first-price', 1.5, 2)).toThrow(
      'equilibriumBid: value must be a number in [0, 1], got 1.5',
    );
    expect(() => equilibriumBid('first-price', 0.5, 0)).toThrow(
      'equilibriumBid: bidders must be an integer >= 1, got 0',
    );
    expect(() => equilibriumBid('first-price', 0.5, 2, -0.1)).toThrow(/reserve must be a number in \[0, 1\]/);
  });
});

describe('the reader as a bidder', () => {
  it("winProbability inverts the rivals' equilibrium bids", () => {
    // Two bidders, first price: the rival bids v/2, so a bid of 0.25 wins when v < 0.5.
    expect(winProbability('first-price', 0.25, 2)).toBeCloseTo(0.5, 12);
    // Three bidders, second price: both rivals bid their values; 0.5 beats both with chance 1/4.
    expect(winProbability('second-price', 0.5, 3)).toBeCloseTo(0.25, 12);
    // All-pay, two bidders: the rival bids v²/2, so 0.125 beats it when v < 0.5.
    expect(winProbability('all-pay', 0.125, 2)).toBeCloseTo(0.5, 12);
    // Below the lowest accepted bid nothing wins; above the top equilibrium bid everything does.
    expect(winProbability('first-price', 0.29, 2, 0.3)).toBe(0);
    expect(winProbability('first-price', 0.6, 2)).toBe(1);
  });

  it('bidPayoff matches a direct simulation against equilibrium rivals, for each format', () => {
    // Value 0.7 bidding 0.45 against two rivals with reserve 0.3. 200,000 draws; payoffs lie in
    // [−1, 1], so the standard error is below 1/√200000 ≈ 0.0022.
    const n = 3;
    const r = 0.3;
    const v = 0.7;
    const bid = 0.45;
    for (const format of AUCTION_FORMATS) {
      const rng = createRng(17);
      const draws = 200_000;
      let total = 0;
      for (let t = 0; t < draws; t++) {
        const rivals = [rng(), rng()].map((x) => equilibriumBid(format, x, n, r));
        const top = Math.max(...rivals);
        const wins = bid > top;
        if (format === 'first-price') total += wins ? v - bid : 0;
        if (format === 'second-price') total += wins ? v - Math.max(top, r) : 0;
        if (format === 'all-pay') total += (wins ? v : 0) - bid;
      }
      expect(Math.abs(total / draws - bidPayoff(format, v, bid, n, r)), format).toBeLessThan(4 / Math.sqrt(draws));
    }
  });

  it('bestResponseBid finds the equilibrium bid: truthful in second price, shaded in first price', () => {
    expect(bestResponseBid('second-price', 0.8, 2)).toBeCloseTo(0.8, 6);
    expect(bestResponseBid('first-price', 0.8, 2)).toBeCloseTo(0.4, 6);
    expect(bidPayoff('first-price', 0.8, 0.8, 2)).toBe(0); // bidding your value in first price earns nothing
    for (const format of AUCTION_FORMATS) {
      for (const n of [2, 3, 5]) {
        for (const r of [0, 0.3]) {
          for (const v of [0.35, 0.6, 0.95]) {
            const check = compareWithBestResponse(format, v, n, r);
            expect(check.bestResponse, `${format} n=${n} r=${r} v=${v}`).toBeCloseTo(check.equilibrium, 4);
            expect(check.bestPayoff - check.equilibriumPayoff).toBeLessThan(1e-9);
          }
        }
      }
    }
  });

  it('no deviation beats the equilibrium bid (fast-check over values, bids, bidders and reserves)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AUCTION_FORMATS),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1.2, noNaN: true }),
        (format, n, v, r, bid) => {
          const eq = equilibriumBid(format, v, n, r);
          const best = bidPayoff(format, v, eq, n, r);
          expect(Number.isFinite(best)).toBe(true);
          expect(bidPayoff(format, v, bid, n, r)).toBeLessThanOrEqual(best + 1e-9);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('bidPayoffCurve samples payoffs on evenly spaced bids from 0 to 1', () => {
    const curve = bidPayoffCurve('first-price', 0.6, 2, 0, 5);
    expect(curve.bids).toEqual([0, 0.25, 0.5, 0.75, 1]);
    // (v − b)·min(2b, 1): 0, 0.35·0.5, 0.1·1, −0.15, −0.4.
    curve.payoffs.forEach((p, i) => expect(p).toBeCloseTo([0, 0.175, 0.1, -0.15, -0.4][i]!, 12));
  });
});
