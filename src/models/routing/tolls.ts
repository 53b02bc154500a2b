/**
 * Marginal-cost tolls: charging each road the congestion its users impose on everyone else makes
 * selfish routing optimal.
 *
 * At the system optimum every used path has the least marginal cost Σ_e (ℓ_e(x_e) + x_e·ℓ_e'(x_e)).
 * A fixed toll τ_e = x*_e·ℓ_e'(x*_e) on each edge, computed at the optimal flows x*, makes drivers'
 * perceived cost ℓ_e(x) + τ_e coincide with the marginal cost at x*, so the optimum satisfies
 * Wardrop's conditions for the tolled network: the tolled equilibrium is the optimum (Pigou's
 * argument for taxing congestion, 1920).
 */
import { checkNetwork, edgeLatency, edgeMarginalCost, type Demand, type RoutingNetwork } from './network.ts';
import { systemOptimum } from './wardrop.ts';

/**
 * Returns the marginal-cost toll of each edge (input order), τ_e = x*_e·ℓ_e'(x*_e) at the system
 * optimum x*: the extra latency one more driver on e causes the others; 0 on constant roads.
 * @see pigou1920
 * @see roughgarden2002
 */
export function marginalCostTolls(net: RoutingNetwork, demand: Demand): number[] {
  const opt = systemOptimum(net, demand);
  return net.edges.map((e, i) => {
    const x = opt.flows[i]!;
    const toll = edgeMarginalCost(e.latency, x) - edgeLatency(e.latency, x);
    return toll > 0 ? toll : 0;
  });
}

/** Returns a copy of `net` whose edge latencies include a fixed toll (input order, each finite ≥ 0) added to the constant term b. */
export function withTolls(net: RoutingNetwork, tolls: readonly number[]): RoutingNetwork {
  checkNetwork('withTolls', net);
  if (!Array.isArray(tolls) || tolls.length !== net.edges.length) {
    throw new RangeError(`withTolls: tolls must have one entry per edge (${net.edges.length}), got ${Array.isArray(tolls) ? tolls.length : String(tolls)}`);
  }
  return {
    edges: net.edges.map((e, i) => {
      const toll = tolls[i]!;
      if (!(toll >= 0) || !Number.isFinite(toll)) throw new RangeError(`withTolls: tolls[${i}] must be a finite number >= 0, got ${String(toll)}`);
      return { from: e.from, to: e.to, latency: { ...e.latency, b: e.latency.b + toll } };
    }),
  };
}
