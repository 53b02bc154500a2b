import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createQPricing,
  forcedDeviation,
  simulateQPricing,
  type QPricingOutcome,
} from '../../../src/models/learning/q-pricing.ts';
import { logitMonopolyPrice, logitNashPrice, logitProfits } from '../../../src/models/learning/logit-demand.ts';

// Calvano, Calzolari, Denicolò & Pastorello (2020), "Artificial Intelligence, Algorithmic Pricing,
// and Collusion", American Economic Review 110(10): baseline logit duopoly (a − c = 1, c = 1, a₀ = 0,
// μ = 1/4), p_N ≈ 1.473, p_M ≈ 1.925, average profit gain Δ ≈ 0.85, convergence after about a
// million or more periods, and deviations met by punishment and a return to the old prices.

describe('logit market', () => {
  it('logitNashPrice() and logitMonopolyPrice() match Calvano et al.’s 1.473 and 1.925', () => {
    expect(logitNashPrice()).toBeCloseTo(1.473, 3);
    expect(logitMonopolyPrice()).toBeCloseTo(1.925, 3);
  });

  it('logitNashPrice() satisfies each firm’s first-order condition; logitMonopolyPrice() maximises joint profit', () => {
    const pN = logitNashPrice();
    const pM = logitMonopolyPrice();
    const h = 1e-5;
    const own = (p: number): number => logitProfits([p, pN])[0]!;
    expect((own(pN + h) - own(pN - h)) / (2 * h)).toBeCloseTo(0, 8);
    const joint = (p: number): number => logitProfits([p, p]).reduce((a, b) => a + b, 0);
    expect((joint(pM + h) - joint(pM - h)) / (2 * h)).toBeCloseTo(0, 8);
    expect(joint(pM)).toBeGreaterThan(joint(pN));
  });
});

describe('simulateQPricing at Calvano et al.’s baseline', () => {
  // Three full runs (about 1.5 million periods each). Seeds 0, 1 and 2 are simply the first three;
  // over seeds 0–39 every run converged, after 1.42 to 2.51 million periods, with mean Δ ≈ 0.88
  // (range 0.71 to 1.00) and every cycle price above p_N, so these three are typical.
  const seeds = [0, 1, 2];
  const outcomes: QPricingOutcome[] = [];
  beforeAll(() => {
    for (const seed of seeds) {
      const sim = createQPricing({ seed });
      while (!sim.done) sim.step(500_000);
      outcomes.push(sim.result());
    }
  });

  it('createQPricing runs converge within 0.5 to 5 million periods', () => {
    for (const r of outcomes) {
      expect(r.converged).toBe(true);
      expect(r.periods).toBeGreaterThanOrEqual(500_000);
      expect(r.periods).toBeLessThanOrEqual(5_000_000);
    }
  });

  it('both firms’ average cycle prices lie above the Nash price and within the grid', () => {
    for (const r of outcomes) {
      for (const p of r.prices) {
        expect(p).toBeGreaterThan(r.nashPrice);
        expect(p).toBeLessThanOrEqual(r.priceGrid[r.priceGrid.length - 1]! + 1e-12);
      }
    }
  });

  it('the average profit gain over the seeds is between 0.6 and 1.0 (paper: about 0.85)', () => {
    const mean = outcomes.reduce((s, r) => s + r.profitGain, 0) / outcomes.length;
    expect(mean).toBeGreaterThan(0.6);
    expect(mean).toBeLessThan(1.0);
  });

  it('the price grid has 15 prices from p_N − 0.1(p_M − p_N) to p_M + 0.1(p_M − p_N)', () => {
    const r = outcomes[0]!;
    const span = r.monopolyPrice - r.nashPrice;
    expect(r.priceGrid).toHaveLength(15);
    expect(r.priceGrid[0]).toBeCloseTo(r.nashPrice - 0.1 * span, 12);
    expect(r.priceGrid[14]).toBeCloseTo(r.monopolyPrice + 0.1 * span, 12);
  });

  it('forcedDeviation: a one-period price cut is punished, then play returns to the old cycle', () => {
    for (const r of outcomes) {
      const periods = 15;
      const d = forcedDeviation(r, 0, periods);
      const k = d.deviationPeriod;
      // Without the deviation, greedy play from cycle[0] visits cycle[1], cycle[2], … in turn.
      const onCycle = (t: number): [number, number] => r.cycle[(t + 1) % r.cycle.length]!;
      for (let t = 0; t < k; t++) expect(d.prices[1][t]).toBe(r.priceGrid[onCycle(t)[1]]);
      // The deviation undercuts the firm's own cycle price and pays in the deviation period ...
      expect(d.prices[0][k]).toBeLessThan(r.priceGrid[onCycle(k)[0]]!);
      expect(d.profits[0][k]).toBeGreaterThan(r.profitTable[onCycle(k)[0]]![onCycle(k)[1]]!);
      // ... the rival answers with a price below anything it charges on the cycle ...
      const rivalCycleMin = Math.min(...r.cycle.map(([, a1]) => r.priceGrid[a1]!));
      expect(d.prices[1][k + 1]).toBeLessThan(rivalCycleMin);
      // ... the deviation does not pay once discounted at δ = 0.95 ...
      let gain = 0;
      for (let t = k; t < k + 1 + periods; t++) {
        const [a0, a1] = onCycle(t);
        gain += 0.95 ** (t - k) * (d.profits[0][t]! - r.profitTable[a0]![a1]!);
      }
      expect(gain).toBeLessThan(0);
      // ... and by the end both firms are back on the pre-deviation cycle (possibly at another phase of it).
      const last = k + periods;
      const cyclePrices = r.cycle.map(([a0, a1]) => [r.priceGrid[a0], r.priceGrid[a1]]);
      expect(cyclePrices).toContainEqual([d.prices[0][last], d.prices[1][last]]);
    }
  });
});

describe('createQPricing mechanics', () => {
  it('simulateQPricing is deterministic for a seed and independent of the chunk size', () => {
    const options = { seed: 7, maxPeriods: 200_000 };
    const once = simulateQPricing(options);
    expect(simulateQPricing(options)).toEqual(once);
    const sim = createQPricing(options);
    let steps = 0;
    while (!sim.done) {
      sim.step(12_345);
      steps++;
    }
    const chunked = sim.result();
    expect(steps).toBeGreaterThan(1);
    expect({ prices: chunked.prices, profitGain: chunked.profitGain, periods: chunked.periods, converged: chunked.converged }).toEqual(once);
  });

  it('simulateQPricing stops at maxPeriods without converging while exploration is still high', () => {
    const r = simulateQPricing({ seed: 1, maxPeriods: 1000 });
    expect(r.periods).toBe(1000);
    expect(r.converged).toBe(false);
  });

  it('createQPricing reports progress: period, decaying ε and recent mean prices', () => {
    const sim = createQPricing({ seed: 3, maxPeriods: 50_000, beta: 1e-4 });
    expect(Number.isNaN(sim.progress.recentPrices[0])).toBe(true);
    const p = sim.step(10_000);
    expect(p.period).toBe(10_000);
    expect(p.epsilon).toBeCloseTo(Math.exp(-1e-4 * 10_000), 9);
    expect(p.done).toBe(false);
    expect(p.recentPrices[0]).toBeGreaterThan(1.4);
    expect(p.recentPrices[0]).toBeLessThan(2);
  });

  it('simulateQPricing gives finite results inside the grid for all valid parameters', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e-3, noNaN: true }),
        fc.double({ min: 0, max: 0.99, noNaN: true }),
        (seed, alpha, beta, delta) => {
          const r = createQPricing({ seed, alpha, beta, delta, maxPeriods: 20_000, convergencePeriods: 2_000 });
          while (!r.done) r.step(5_000);
          const out = r.result();
          expect(Number.isFinite(out.profitGain)).toBe(true);
          for (const p of out.prices) {
            expect(p).toBeGreaterThanOrEqual(out.priceGrid[0]! - 1e-12);
            expect(p).toBeLessThanOrEqual(out.priceGrid[14]! + 1e-12);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('createQPricing and forcedDeviation reject bad options with errors that name them', () => {
    expect(() => createQPricing({ seed: 1, alpha: 0 })).toThrow(/alpha/);
    expect(() => createQPricing({ seed: 1, delta: 1 })).toThrow(/delta/);
    expect(() => createQPricing({ seed: 1, maxPeriods: 0.5 })).toThrow(/maxPeriods/);
    expect(() => createQPricing({ seed: 1, market: { quality: 2, cost: 1, outsideQuality: 0, mu: 0 } })).toThrow(/mu/);
    const sim = createQPricing({ seed: 1, maxPeriods: 10 });
    sim.step(10);
    expect(() => sim.step(-1)).toThrow(/periods/);
    expect(() => forcedDeviation(sim.result(), 2 as 0, 5)).toThrow(/firm/);
  });
});
