import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  externalityDeadweightLoss,
  externalityMarketQuantity,
  externalityOptimalQuantity,
  externalityOutcome,
  externalityWelfare,
  marginalExternalDamage,
  pigouvianTax,
  type ExternalityMarket,
} from '../../../src/models/commons/index.ts';

// P = 100 − Q, MPC = 10 + Q, MED = 20: by hand, Q_c = 90/2 = 45, Q* = 70/2 = 35, t* = 20 and
// DWL = d²/(2(β + δ)) = 400/4 = 100.
const market: ExternalityMarket = { demandIntercept: 100, demandSlope: 1, costIntercept: 10, costSlope: 1, damage: 20 };

/** Brute-force welfare maximiser: total benefit − private cost − damage, integrated numerically on a grid. */
function bruteOptimum(m: ExternalityMarket): number {
  const top = Math.max(0, m.demandIntercept / m.demandSlope);
  let best = 0;
  let bestW = 0;
  const n = 4000;
  let w = 0;
  const dq = top / n;
  for (let k = 1; k <= n; k++) {
    const q = (k - 0.5) * dq;
    w += (m.demandIntercept - m.demandSlope * q - (m.costIntercept + m.costSlope * q) - (m.damage + (m.damageSlope ?? 0) * q)) * dq;
    if (w > bestW) {
      bestW = w;
      best = k * dq;
    }
  }
  return best;
}

const markets = fc.record({
  demandIntercept: fc.double({ min: 1, max: 200, noNaN: true }),
  demandSlope: fc.double({ min: 0.1, max: 5, noNaN: true }),
  costIntercept: fc.double({ min: 0, max: 50, noNaN: true }),
  costSlope: fc.double({ min: 0, max: 5, noNaN: true }),
  damage: fc.double({ min: 0, max: 50, noNaN: true }),
  damageSlope: fc.double({ min: 0, max: 3, noNaN: true }),
});

describe('closed forms', () => {
  test('externalityMarketQuantity and externalityOptimalQuantity solve demand = MPC and demand = MPC + MED', () => {
    expect(externalityMarketQuantity(market)).toBe(45);
    expect(externalityOptimalQuantity(market)).toBe(35);
    // At Q_c the buyers' price equals the marginal private cost; at Q* it equals MPC + MED.
    expect(100 - 45).toBe(10 + 45);
    expect(100 - 35).toBe(10 + 35 + marginalExternalDamage(market, 35));
  });

  test('externalityDeadweightLoss of the untaxed market is the triangle d²/(2(β + δ)) = 100 for constant damage', () => {
    expect(externalityDeadweightLoss(market, 45)).toBeCloseTo(100, 10);
    expect(externalityDeadweightLoss(market, 35)).toBe(0);
    fc.assert(
      fc.property(markets, (m) => {
        const constant = { ...m, damageSlope: 0 };
        const qc = externalityMarketQuantity(constant);
        const qs = externalityOptimalQuantity(constant);
        fc.pre(qs > 0);
        const slope = m.demandSlope + m.costSlope;
        expect(qc - qs).toBeCloseTo(m.damage / slope, 9);
        const expected = (m.damage * m.damage) / (2 * slope);
        expect(Math.abs(externalityDeadweightLoss(constant, qc) - expected)).toBeLessThan(1e-9 * Math.max(1, expected));
      }),
    );
  });

  test('externalityDeadweightLoss with linear damage is (β + δ + ε)(Q − Q*)²/2 on either side of the optimum', () => {
    const linear = { ...market, damageSlope: 0.5 };
    // Q* = 70/2.5 = 28, t* = 20 + 0.5·28 = 34.
    expect(externalityOptimalQuantity(linear)).toBeCloseTo(28, 12);
    expect(pigouvianTax(linear)).toBeCloseTo(34, 12);
    for (const q of [0, 10, 28, 45, 60]) expect(externalityDeadweightLoss(linear, q)).toBeCloseTo((2.5 * (q - 28) ** 2) / 2, 9);
  });

  test('externalityOptimalQuantity maximises welfare, checked against a brute-force integration', () => {
    fc.assert(
      fc.property(markets, (m) => {
        const q = externalityOptimalQuantity(m);
        const top = m.demandIntercept / m.demandSlope;
        expect(Math.abs(q - bruteOptimum(m))).toBeLessThanOrEqual(2 * (top / 4000) + 1e-9);
        expect(externalityWelfare(m, q)).toBeGreaterThanOrEqual(externalityWelfare(m, q * 0.9) - 1e-9);
        expect(externalityWelfare(m, q)).toBeGreaterThanOrEqual(externalityWelfare(m, q * 1.1 + 0.1) - 1e-9);
      }),
    );
  });
});

describe('the Pigouvian tax (Pigou 1920)', () => {
  test('pigouvianTax equals the marginal damage at the optimum, and the taxed market trades the optimum with no deadweight loss', () => {
    expect(pigouvianTax(market)).toBe(20);
    const taxed = externalityOutcome(market, pigouvianTax(market));
    expect(taxed.quantity).toBe(35);
    expect(taxed.deadweightLoss).toBe(0);
    expect(taxed.consumerPrice).toBe(65);
    expect(taxed.producerPrice).toBe(45);
    expect(taxed.taxRevenue).toBe(700);
    // Revenue 700 equals the damage 20 × 35: the tax makes the polluter pay for the harm.
    expect(taxed.externalDamage).toBe(700);
  });

  test('pigouvianTax restores the optimum for any linear market, and any other tax leaves a loss', () => {
    fc.assert(
      fc.property(markets, fc.double({ min: 0.5, max: 20, noNaN: true }), (m, off) => {
        const t = pigouvianTax(m);
        const q = externalityOptimalQuantity(m);
        expect(Math.abs(externalityMarketQuantity(m, t) - q)).toBeLessThan(1e-9 * Math.max(1, q));
        expect(externalityOutcome(m, t).deadweightLoss).toBeLessThan(1e-9 * Math.max(1, externalityWelfare(m, q)));
        if (q > 0) {
          expect(externalityOutcome(m, t + off).deadweightLoss).toBeGreaterThan(0);
          if (t > off) expect(externalityOutcome(m, t - off).quantity).toBeGreaterThan(q);
        }
      }),
    );
  });

  test('externalityOutcome splits welfare into surpluses, revenue and damage that add up', () => {
    for (const tax of [0, 10, 20, 30, 90, 120]) {
      const o = externalityOutcome(market, tax);
      expect(o.welfare).toBeCloseTo(externalityWelfare(market, o.quantity), 9);
      expect(o.consumerSurplus + o.producerSurplus + o.taxRevenue - o.externalDamage).toBeCloseTo(o.welfare, 9);
      expect(o.deadweightLoss).toBeCloseTo(externalityWelfare(market, 35) - o.welfare, 9);
    }
    // Untaxed: CS = PS = 45²/2 = 1012.5, damage 900, welfare 1125 = W(Q*) 1225 − DWL 100.
    const free = externalityOutcome(market);
    expect(free.consumerSurplus).toBe(1012.5);
    expect(free.producerSurplus).toBe(1012.5);
    expect(free.welfare).toBe(1125);
    // A tax that kills the market leaves no trade and loses all of W(Q*).
    expect(externalityOutcome(market, 200).quantity).toBe(0);
    expect(externalityOutcome(market, 200).deadweightLoss).toBe(1225);
  });

  test('no trade is optimal when the damage exceeds every unit’s net benefit', () => {
    const dirty = { ...market, damage: 95 };
    expect(externalityOptimalQuantity(dirty)).toBe(0);
    expect(pigouvianTax(dirty)).toBe(95);
    expect(externalityMarketQuantity(dirty, pigouvianTax(dirty))).toBe(0);
  });
});

describe('input checks', () => {
  test('the functions name the bad parameter', () => {
    expect(() => externalityMarketQuantity({ ...market, demandSlope: 0 })).toThrow(/demandSlope must be a finite number > 0, got 0/);
    expect(() => externalityOptimalQuantity({ ...market, damage: -1 })).toThrow(/damage must be a finite number >= 0/);
    expect(() => pigouvianTax({ ...market, damageSlope: Number.NaN })).toThrow(/damageSlope/);
    expect(() => externalityMarketQuantity(market, Number.POSITIVE_INFINITY)).toThrow(/tax must be a finite number/);
    expect(() => externalityWelfare(market, -1)).toThrow(/quantity must be a finite number >= 0/);
    expect(() => externalityOutcome(null as unknown as ExternalityMarket)).toThrow(TypeError);
  });
});
