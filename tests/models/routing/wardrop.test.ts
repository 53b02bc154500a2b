import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  braessNetwork,
  edgeLatency,
  edgeMarginalCost,
  gridNetwork,
  pigouNetwork,
  priceOfAnarchy,
  roughgardenBound,
  simplePaths,
  systemOptimum,
  totalLatency,
  wardropEquilibrium,
  type Demand,
  type RoutingNetwork,
  type RoutingResult,
} from '../../../src/models/routing/index.ts';

/** Cheapest path cost from demand.from to demand.to under per-edge costs, by Bellman–Ford (independent of the solver). */
function cheapest(net: RoutingNetwork, demand: Demand, edgeCost: (i: number) => number): number {
  const dist = new Map<string, number>([[demand.from, 0]]);
  for (let round = 0; round < net.edges.length; round++) {
    net.edges.forEach((e, i) => {
      const d = dist.get(e.from);
      if (d !== undefined && d + edgeCost(i) < (dist.get(e.to) ?? Infinity)) dist.set(e.to, d + edgeCost(i));
    });
  }
  return dist.get(demand.to) ?? Infinity;
}

/** Checks feasibility: non-negative flows, path flows add up to the edge flows and to the demand. */
function expectFeasible(net: RoutingNetwork, demand: Demand, r: RoutingResult): void {
  expect(r.flows).toHaveLength(net.edges.length);
  expect(r.flows.every((x) => x >= 0)).toBe(true);
  const fromPaths = new Array<number>(net.edges.length).fill(0);
  let sent = 0;
  for (const p of r.paths) {
    expect(p.flow).toBeGreaterThan(0);
    sent += p.flow;
    // Each path runs from the origin to the destination along consecutive edges.
    expect(net.edges[p.edges[0]!]!.from).toBe(demand.from);
    expect(net.edges[p.edges[p.edges.length - 1]!]!.to).toBe(demand.to);
    p.edges.slice(1).forEach((e, k) => expect(net.edges[e]!.from).toBe(net.edges[p.edges[k]!]!.to));
    for (const e of p.edges) fromPaths[e]! += p.flow;
  }
  expect(sent).toBeCloseTo(demand.rate, 10);
  fromPaths.forEach((x, i) => expect(Math.abs(x - r.flows[i]!)).toBeLessThan(1e-9 * Math.max(1, demand.rate)));
  expect(r.cost).toBeCloseTo(totalLatency(net, r.flows), 9);
}

/** Wardrop's first principle: every used path has the least latency. */
function expectWardrop(net: RoutingNetwork, demand: Demand, r: RoutingResult): void {
  const best = cheapest(net, demand, (i) => edgeLatency(net.edges[i]!.latency, r.flows[i]!));
  for (const p of r.paths) expect(p.latency).toBeLessThanOrEqual(best * (1 + 1e-9) + 1e-12);
  // Hence the total latency is the demand times that least latency.
  expect(Math.abs(r.cost - demand.rate * best)).toBeLessThanOrEqual(1e-9 * Math.max(r.cost, 1e-12));
}

/** The optimality conditions: every used path has the least marginal cost. */
function expectOptimal(net: RoutingNetwork, demand: Demand, r: RoutingResult): void {
  const best = cheapest(net, demand, (i) => edgeMarginalCost(net.edges[i]!.latency, r.flows[i]!));
  for (const p of r.paths) expect(p.marginalCost).toBeLessThanOrEqual(best * (1 + 1e-9) + 1e-12);
}

/** Small random networks: a chain 0 → 1 → … → k−1 guarantees a route; extra edges may be parallel or point backwards. */
const randomInstance = fc
  .integer({ min: 2, max: 6 })
  .chain((k) =>
    fc.record({
      k: fc.constant(k),
      extra: fc.array(
        fc.record({
          from: fc.integer({ min: 0, max: k - 1 }),
          to: fc.integer({ min: 0, max: k - 1 }),
        }),
        { maxLength: 8 },
      ),
      latencies: fc.array(
        fc.record({
          a: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 3, noNaN: true })),
          b: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 3, noNaN: true })),
          degree: fc.constantFrom(1, 2, 3, 4),
        }),
        { minLength: 14, maxLength: 14 },
      ),
      rate: fc.double({ min: 0.05, max: 5, noNaN: true }),
    }),
  )
  .map(({ k, extra, latencies, rate }) => {
    const pairs = [...Array.from({ length: k - 1 }, (_, i) => ({ from: i, to: i + 1 })), ...extra.filter((e) => e.from !== e.to)];
    const network: RoutingNetwork = {
      edges: pairs.map((p, i) => ({ from: `n${p.from}`, to: `n${p.to}`, latency: latencies[i % latencies.length]! })),
    };
    const demand: Demand = { from: 'n0', to: `n${k - 1}`, rate };
    return { network, demand };
  });

describe('published results', () => {
  it('priceOfAnarchy(pigou) is 4/3 (Pigou 1920; Roughgarden & Tardos 2002)', () => {
    const { network, demand } = pigouNetwork();
    expect(priceOfAnarchy(network, demand)).toBeCloseTo(4 / 3, 9);
  });

  it('priceOfAnarchy(pigou with x^d) meets Roughgarden’s bound 1.333, 1.626, 1.896, 2.151 for d = 1…4', () => {
    // Roughgarden (2003): (1 − d·(d + 1)^(−(d + 1)/d))^(−1), attained by Pigou's network.
    const published = [1.333, 1.626, 1.896, 2.151];
    published.forEach((value, k) => {
      const d = k + 1;
      const { network, demand } = pigouNetwork(d);
      const poa = priceOfAnarchy(network, demand);
      expect(poa).toBeCloseTo(value, 3);
      expect(Math.abs(poa - roughgardenBound(d))).toBeLessThan(1e-6 * poa);
    });
  });

  it('wardropEquilibrium(braess) costs 1.5 per driver without the link and 2 with it (Braess 1968)', () => {
    const without = braessNetwork({ withLink: false });
    const withLink = braessNetwork({ withLink: true });
    const a = wardropEquilibrium(without.network, without.demand);
    const b = wardropEquilibrium(withLink.network, withLink.demand);
    expect(a.cost).toBeCloseTo(1.5, 9);
    expect(a.flows.every((x) => Math.abs(x - 0.5) < 1e-4)).toBe(true);
    expect(b.cost).toBeCloseTo(2, 9);
    b.flows.forEach((x, i) => expect(x).toBeCloseTo([1, 0, 0, 1, 1][i]!, 4));
    // The planner would not use the new link: the optimum is still 1.5.
    expect(systemOptimum(withLink.network, withLink.demand).cost).toBeCloseTo(1.5, 9);
  });

  it('wardropEquilibrium(pigou) sends all traffic down the variable road; systemOptimum splits it in half', () => {
    const { network, demand } = pigouNetwork();
    const eq = wardropEquilibrium(network, demand);
    const opt = systemOptimum(network, demand);
    expect(eq.flows[0]).toBeCloseTo(1, 4);
    expect(eq.cost).toBeCloseTo(1, 9);
    expect(opt.flows[0]).toBeCloseTo(0.5, 4);
    expect(opt.cost).toBeCloseTo(0.75, 9);
  });

  it('wardropEquilibrium(pigou, rate 2) splits flow so both routes cost the same', () => {
    const { network, demand } = pigouNetwork(1, 2);
    const eq = wardropEquilibrium(network, demand);
    expect(eq.flows[0]).toBeCloseTo(1, 6);
    expect(eq.flows[1]).toBeCloseTo(1, 6);
    expect(eq.paths.map((p) => p.latency)).toEqual([expect.closeTo(1, 9), expect.closeTo(1, 9)]);
  });
});

describe('equilibrium and optimality conditions', () => {
  it('wardropEquilibrium on random networks: used paths have the least latency', () => {
    fc.assert(
      fc.property(randomInstance, ({ network, demand }) => {
        const r = wardropEquilibrium(network, demand);
        expectFeasible(network, demand, r);
        expectWardrop(network, demand, r);
        expect(r.gap).toBeLessThan(1e-10);
      }),
      { numRuns: 300 },
    );
  });

  it('systemOptimum on random networks: used paths have the least marginal cost', () => {
    fc.assert(
      fc.property(randomInstance, ({ network, demand }) => {
        const r = systemOptimum(network, demand);
        expectFeasible(network, demand, r);
        expectOptimal(network, demand, r);
      }),
      { numRuns: 300 },
    );
  });

  it('systemOptimum costs no more than the equilibrium or any single path, and the ratio respects Roughgarden’s bound', () => {
    fc.assert(
      fc.property(randomInstance, ({ network, demand }) => {
        const eq = wardropEquilibrium(network, demand);
        const opt = systemOptimum(network, demand);
        expect(opt.cost).toBeLessThanOrEqual(eq.cost * (1 + 1e-9) + 1e-12);
        for (const path of simplePaths(network, demand.from, demand.to)) {
          const flows = network.edges.map((_, i) => (path.includes(i) ? demand.rate : 0));
          expect(opt.cost).toBeLessThanOrEqual(totalLatency(network, flows) * (1 + 1e-9) + 1e-12);
        }
        // Roughgarden (2003): the price of anarchy is at most the bound for the largest degree.
        const d = Math.max(...network.edges.map((e) => e.latency.degree ?? 1));
        if (opt.cost > 0) expect(eq.cost / opt.cost).toBeLessThanOrEqual(roughgardenBound(d) * (1 + 1e-9));
      }),
      { numRuns: 200 },
    );
  });

  it('wardropEquilibrium on two parallel linear roads matches the closed form', () => {
    // Equal latencies a1·x1 + b1 = a2·(r − x1) + b2 give x1 = (a2·r + b2 − b1)/(a1 + a2), clipped to [0, r].
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        (a1, b1, a2, b2, rate) => {
          const network: RoutingNetwork = {
            edges: [
              { from: 's', to: 't', latency: { a: a1, b: b1 } },
              { from: 's', to: 't', latency: { a: a2, b: b2 } },
            ],
          };
          const x1 = Math.min(rate, Math.max(0, (a2 * rate + b2 - b1) / (a1 + a2)));
          const r = wardropEquilibrium(network, { from: 's', to: 't', rate });
          expect(Math.abs(r.flows[0]! - x1)).toBeLessThan(1e-9 * Math.max(1, rate));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('wardropEquilibrium and systemOptimum on a 49-edge street grid satisfy their conditions', () => {
    for (const bothWays of [false, true]) {
      const { network, demand } = gridNetwork({ rows: 5, cols: 6, bothWays, seed: 3, rate: 10 });
      const eq = wardropEquilibrium(network, demand);
      const opt = systemOptimum(network, demand);
      expectFeasible(network, demand, eq);
      expectFeasible(network, demand, opt);
      expectWardrop(network, demand, eq);
      expectOptimal(network, demand, opt);
      expect(opt.cost).toBeLessThanOrEqual(eq.cost);
      expect(eq.paths.length).toBeGreaterThan(1);
    }
  });

  it('wardropEquilibrium gives a unique cost when parallel constant roads tie', () => {
    const network: RoutingNetwork = {
      edges: [
        { from: 's', to: 't', latency: { a: 0, b: 2 } },
        { from: 's', to: 't', latency: { a: 0, b: 2 } },
        { from: 's', to: 't', latency: { a: 1, b: 0, degree: 2 } },
      ],
    };
    const r = wardropEquilibrium(network, { from: 's', to: 't', rate: 3 });
    // The quadratic road fills up until x² = 2; the remaining 3 − √2 pays 2 each.
    expect(r.flows[2]).toBeCloseTo(Math.SQRT2, 9);
    expect(r.cost).toBeCloseTo(3 * 2, 9);
  });

  it('wardropEquilibrium with zero demand routes nothing', () => {
    const { network } = braessNetwork();
    const r = wardropEquilibrium(network, { from: 's', to: 't', rate: 0 });
    expect(r.flows).toEqual([0, 0, 0, 0, 0]);
    expect(r.cost).toBe(0);
  });
});

describe('input checks', () => {
  const { network } = braessNetwork();

  it('wardropEquilibrium throws when the destination cannot be reached', () => {
    expect(() => wardropEquilibrium(network, { from: 't', to: 's', rate: 1 })).toThrow(/cannot be reached/);
  });

  it('wardropEquilibrium names an unknown node', () => {
    expect(() => wardropEquilibrium(network, { from: 's', to: 'z', rate: 1 })).toThrow(/demand\.to "z"/);
  });

  it('wardropEquilibrium names the bad edge parameter', () => {
    const bad: RoutingNetwork = { edges: [{ from: 's', to: 't', latency: { a: -1, b: 0 } }] };
    expect(() => wardropEquilibrium(bad, { from: 's', to: 't', rate: 1 })).toThrow(/edges\[0\]\.latency\.a/);
    const badDegree: RoutingNetwork = { edges: [{ from: 's', to: 't', latency: { a: 1, b: 0, degree: 0.5 } }] };
    expect(() => systemOptimum(badDegree, { from: 's', to: 't', rate: 1 })).toThrow(/degree/);
  });

  it('wardropEquilibrium rejects a negative rate', () => {
    expect(() => wardropEquilibrium(network, { from: 's', to: 't', rate: -1 })).toThrow(/rate/);
  });

  it('simplePaths lists every route and refuses to list too many', () => {
    // Braess with the link: s-a-t, s-a-b-t, s-b-t.
    expect(simplePaths(network, 's', 't')).toHaveLength(3);
    const grid = gridNetwork({ rows: 4, cols: 4 });
    // Monotone lattice paths in a 4×4 grid: C(6, 3) = 20.
    expect(simplePaths(grid.network, 'r0c0', 'r3c3')).toHaveLength(20);
    expect(() => simplePaths(grid.network, 'r0c0', 'r3c3', 10)).toThrow(/more than 10/);
  });

  it('roughgardenBound rejects degrees below 1', () => {
    expect(() => roughgardenBound(0.5)).toThrow(/degree/);
  });
});
