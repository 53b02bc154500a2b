/** Raising a network's congestible latencies to a common power, to see how steep congestion changes the price of anarchy. */
import { checkNetwork, type RoutingNetwork } from './network.ts';

/**
 * Returns a copy of `net` in which every edge's latency a·x^d + b takes the degree d ≥ 1
 * (constant roads, a = 0, stay constant); Roughgarden's bound for the result is roughgardenBound(d).
 * @see roughgarden2003
 */
export function withLatencyDegree(net: RoutingNetwork, degree: number): RoutingNetwork {
  checkNetwork('withLatencyDegree', net);
  if (!(degree >= 1) || !Number.isFinite(degree)) throw new RangeError(`withLatencyDegree: degree must be a finite number >= 1, got ${String(degree)}`);
  return { edges: net.edges.map((e) => ({ from: e.from, to: e.to, latency: { ...e.latency, degree } })) };
}
