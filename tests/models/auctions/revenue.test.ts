import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUCTION_FORMATS,
  equilibriumBid,
  expectedRevenue,
  optimalReserve,
  simulateAuction,
  virtualValue,
} from '../../../src/models/auctions/index.ts';

const TRIALS = 200_000;
// Every revenue simulated here has a standard deviation below 0.5 (two bidders, second price:
// 1/√18 ≈ 0.24; five bidders, all-pay: ≈ 0.45), so four standard errors are at most:
const TOLERANCE = 4 * (0.5 / Math.sqrt(TRIALS));

/** Simpson's rule on [a, b] with 2,000 panels. */
function integrate(f: (x: number) => number, a: number, b: number): number {
  const k = 2000;
  const h = (b - a) / k;
  let s = f(a) + f(b);
  for (let i = 1; i < k; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

describe('simulateAuction reproduces revenue equivalence', () => {
  it('simulateAuction with two bidders earns 1/3 in first- and second-price auctions (Vickrey 1961)', () => {
    for (const format of ['first-price', 'second-price'] as const) {
      const { revenue, efficiency } = simulateAuction({ format, bidders: 2, trials: TRIALS, seed: 1961 });
      expect(Math.abs(revenue - 1 / 3), format).toBeLessThan(TOLERANCE);
      expect(efficiency).toBe(1);
    }
  });

  it('simulateAuction with n bidders and no reserve earns (n − 1)/(n + 1) in every format', () => {
    for (const n of [3, 5]) {
      for (const format of AUCTION_FORMATS) {
        const { revenue } = simulateAuction({ format, bidders: n, trials: TRIALS, seed: n });
        expect(Math.abs(revenue - (n - 1) / (n + 1)), `${format} n=${n}`).toBeLessThan(TOLERANCE);
      }
    }
  });

  it('simulateAuction with two bidders and reserve 1/2 earns 5/12 in every format (Myerson 1981)', () => {
    for (const format of AUCTION_FORMATS) {
      const { revenue, efficiency } = simulateAuction({ format, bidders: 2, reserve: 0.5, trials: TRIALS, seed: 1981 });
      expect(Math.abs(revenue - 5 / 12), format).toBeLessThan(TOLERANCE);
      // Unsold items (both values below 1/2) count as efficient, and the highest bid is the highest value.
      expect(efficiency).toBe(1);
    }
  });

  it('simulateAuction with one bidder and a reserve is a posted price: revenue r(1 − r)', () => {
    const { revenue } = simulateAuction({ format: 'second-price', bidders: 1, reserve: 0.4, trials: TRIALS, seed: 3 });
    expect(Math.abs(revenue - 0.24)).toBeLessThan(TOLERANCE);
  });

  it('simulateAuction is deterministic for a seed and throws on bad options', () => {
    const options = { format: 'all-pay', bidders: 4, reserve: 0.2, trials: 1000, seed: 5 } as const;
    expect(simulateAuction(options)).toEqual(simulateAuction(options));
    expect(() => simulateAuction({ ...options, trials: 0 })).toThrow(
      'simulateAuction: trials must be an integer >= 1, got 0',
    );
    expect(() => simulateAuction({ ...options, bidders: 2.5 })).toThrow(/bidders must be an integer/);
  });
});

describe('expectedRevenue and the optimal reserve', () => {
  it('expectedRevenue gives 1/3, (n − 1)/(n + 1) and 5/12 at the published points', () => {
    expect(expectedRevenue(2)).toBeCloseTo(1 / 3, 14);
    for (let n = 1; n <= 10; n++) expect(expectedRevenue(n)).toBeCloseTo((n - 1) / (n + 1), 14);
    expect(expectedRevenue(2, 0.5)).toBeCloseTo(5 / 12, 14);
  });

  it('expectedRevenue equals the expected payment of each format integrated over values', () => {
    // Revenue = n × a bidder's expected payment. First price: b(v)·vⁿ⁻¹ (pays when it wins);
    // all-pay: b(v) always; second price: the payment rule integrated gives the same number.
    for (const n of [2, 3, 6]) {
      for (const r of [0, 0.25, 0.5, 0.8]) {
        const first = n * integrate((v) => equilibriumBid('first-price', v, n, r) * v ** (n - 1), r, 1);
        const allPay = n * integrate((v) => equilibriumBid('all-pay', v, n, r), r, 1);
        const formula = n * integrate((v) => (2 * v - 1) * v ** (n - 1), r, 1);
        expect(first, `first n=${n} r=${r}`).toBeCloseTo(expectedRevenue(n, r), 9);
        expect(allPay, `all-pay n=${n} r=${r}`).toBeCloseTo(expectedRevenue(n, r), 9);
        expect(formula).toBeCloseTo(expectedRevenue(n, r), 9);
      }
    }
  });

  it('optimalReserve is 1/2 whatever the number of bidders, where the virtual value turns positive (Myerson 1981)', () => {
    for (const n of [1, 2, 3, 5, 10]) expect(optimalReserve(n)).toBeCloseTo(0.5, 6);
    expect(virtualValue(0.5)).toBe(0);
    expect(virtualValue(0.25)).toBe(-0.5);
    expect(expectedRevenue(2, 0.5)).toBeGreaterThan(expectedRevenue(2, 0.45));
    expect(expectedRevenue(2, 0.5)).toBeGreaterThan(expectedRevenue(2, 0.55));
  });
});

describe('auctions: outputs for valid parameters (fast-check)', () => {
  it('expectedRevenue is finite and between 0 and the expected highest value n/(n + 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, r) => {
        const revenue = expectedRevenue(n, r);
        expect(Number.isFinite(revenue)).toBe(true);
        expect(revenue).toBeGreaterThanOrEqual(-1e-12);
        expect(revenue).toBeLessThanOrEqual(n / (n + 1) + 1e-12);
      }),
    );
  });

  it('simulateAuction returns a finite revenue and an efficiency in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...AUCTION_FORMATS),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (format, bidders, reserve, seed) => {
          const { revenue, efficiency } = simulateAuction({ format, bidders, reserve, trials: 50, seed });
          expect(Number.isFinite(revenue)).toBe(true);
          expect(revenue).toBeGreaterThanOrEqual(0);
          expect(efficiency).toBeGreaterThanOrEqual(0);
          expect(efficiency).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});
