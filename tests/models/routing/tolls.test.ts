import { describe, expect, it } from 'vitest';
import {
  braessNetwork,
  gridNetwork,
  marginalCostTolls,
  pigouNetwork,
  priceOfAnarchy,
  roughgardenBound,
  systemOptimum,
  totalLatency,
  wardropEquilibrium,
  withLatencyDegree,
  withTolls,
} from '../../../src/models/routing/index.ts';

describe('marginal-cost tolls', () => {
  it('marginalCostTolls(pigou) charges 1/2 on the congestible road, and the tolled equilibrium is the optimum (cost 3/4)', () => {
    const { network, demand } = pigouNetwork();
    const tolls = marginalCostTolls(network, demand);
    // Optimum: x = 1/2 on ℓ(x) = x, so τ = x·ℓ'(x) = 1/2; the constant road gets none.
    expect(tolls[0]).toBeCloseTo(0.5, 9);
    expect(tolls[1]).toBe(0);
    const tolled = wardropEquilibrium(withTolls(network, tolls), demand);
    expect(tolled.flows[0]).toBeCloseTo(0.5, 6);
    expect(tolled.flows[1]).toBeCloseTo(0.5, 6);
    expect(totalLatency(network, tolled.flows)).toBeCloseTo(0.75, 9);
  });

  it('marginalCostTolls(braess with the link) brings the equilibrium back from 2 to 1.5 per driver', () => {
    const { network, demand } = braessNetwork({ withLink: true });
    expect(wardropEquilibrium(network, demand).cost).toBeCloseTo(2, 9);
    const tolls = marginalCostTolls(network, demand);
    const tolled = wardropEquilibrium(withTolls(network, tolls), demand);
    expect(totalLatency(network, tolled.flows)).toBeCloseTo(1.5, 6);
    // Nobody uses the free link once the congestible roads are tolled at 1/2.
    expect(tolled.flows[4]).toBeCloseTo(0, 6);
  });

  it('withTolls(marginalCostTolls) makes the equilibrium as cheap as the optimum on street grids of degree 1 to 3', () => {
    for (const seed of [1, 2, 3, 4]) {
      for (const degree of [1, 2, 3]) {
        const { network: base, demand } = gridNetwork({ rows: 3, cols: 4, seed, rate: 2 });
        const network = withLatencyDegree(base, degree);
        const opt = systemOptimum(network, demand);
        const tolled = wardropEquilibrium(withTolls(network, marginalCostTolls(network, demand)), demand);
        expect(Math.abs(totalLatency(network, tolled.flows) - opt.cost)).toBeLessThan(1e-6 * opt.cost);
        expect(wardropEquilibrium(network, demand).cost).toBeGreaterThanOrEqual(opt.cost * (1 - 1e-9));
      }
    }
  });

  it('withTolls adds each toll to the constant term and rejects tolls that do not fit', () => {
    const { network } = pigouNetwork();
    const tolled = withTolls(network, [0.25, 1]);
    expect(tolled.edges.map((e) => e.latency.b)).toEqual([0.25, 2]);
    // The input is not changed.
    expect(network.edges.map((e) => e.latency.b)).toEqual([0, 1]);
    expect(() => withTolls(network, [1])).toThrow(/one entry per edge \(2\), got 1/);
    expect(() => withTolls(network, [1, -1])).toThrow(/tolls\[1\] must be a finite number >= 0/);
  });
});

describe('withLatencyDegree', () => {
  it('withLatencyDegree(pigou, d) reaches Roughgarden’s bound 1.333, 1.626, 1.896, 2.151 for d = 1…4 (Roughgarden 2003)', () => {
    const published = [1.333, 1.626, 1.896, 2.151];
    published.forEach((value, k) => {
      const { network, demand } = pigouNetwork();
      const poa = priceOfAnarchy(withLatencyDegree(network, k + 1), demand);
      expect(poa).toBeCloseTo(roughgardenBound(k + 1), 6);
      expect(poa).toBeCloseTo(value, 3);
    });
  });

  it('withLatencyDegree(braess, d) keeps the equilibrium at 2 with the link and 1 + (1/2)^d without it', () => {
    for (const d of [1, 2, 3, 4]) {
      const withLink = braessNetwork({ withLink: true });
      const without = braessNetwork({ withLink: false });
      expect(wardropEquilibrium(withLatencyDegree(withLink.network, d), withLink.demand).cost).toBeCloseTo(2, 6);
      expect(wardropEquilibrium(withLatencyDegree(without.network, d), without.demand).cost).toBeCloseTo(1 + 0.5 ** d, 6);
    }
  });

  it('withLatencyDegree rejects degrees below 1', () => {
    expect(() => withLatencyDegree(pigouNetwork().network, 0.5)).toThrow(/degree must be a finite number >= 1, got 0.5/);
  });
});
