/**
 * The Frank–Wolfe algorithm for traffic assignment, kept iteration by iteration so a reader can
 * watch selfish routing settle.
 *
 * Iteration 0 sends all traffic down the path that is shortest on an empty network. Each later
 * iteration finds the shortest path at the current costs (latency for the equilibrium, marginal
 * cost for the optimum), and moves the share λ of traffic onto it that minimises the objective
 * along that direction: Beckmann's potential Σ_e ∫₀^{x_e} ℓ_e for the equilibrium, total latency
 * for the optimum. Both objectives are convex, so the iterates converge; the relative gap
 * (Σ c_e x_e − Σ c_e y_e)/Σ c_e x_e bounds how far from the solution they are. The converged
 * answers come from wardropEquilibrium and systemOptimum, which are faster and exact; this file
 * is for showing the way there.
 */
import { checkDemand, checkNetwork, compileNetwork, shortestPath, totalLatency, type Demand, type RoutingNetwork } from './network.ts';

/** Which solution the iterations approach: the Wardrop equilibrium or the system optimum. */
export type FrankWolfeObjective = 'equilibrium' | 'optimum';

/** One iterate: edge flows (input order), their total latency, the relative gap and the step λ ∈ [0, 1] that produced them (1 for iteration 0). */
export type FrankWolfeIterate = { flows: number[]; cost: number; gap: number; step: number };

/** Most iterations frankWolfe runs. */
export const MAX_FRANK_WOLFE_ITERATIONS = 10_000;

/**
 * Returns `iterations` + 1 Frank–Wolfe iterates toward the Wardrop equilibrium (default) or the
 * system optimum, the first being the all-or-nothing assignment on the empty network.
 * @see wardrop1952
 */
export function frankWolfe(
  net: RoutingNetwork,
  demand: Demand,
  options: { iterations: number; objective?: FrankWolfeObjective },
): FrankWolfeIterate[] {
  checkNetwork('frankWolfe', net);
  const objective = options?.objective ?? 'equilibrium';
  if (objective !== 'equilibrium' && objective !== 'optimum') {
    throw new TypeError(`frankWolfe: objective must be 'equilibrium' or 'optimum', got ${String(objective)}`);
  }
  const iterations = options?.iterations;
  if (!Number.isInteger(iterations) || iterations < 0 || iterations > MAX_FRANK_WOLFE_ITERATIONS) {
    throw new RangeError(`frankWolfe: iterations must be an integer from 0 to ${MAX_FRANK_WOLFE_ITERATIONS}, got ${String(iterations)}`);
  }
  // For the optimum, the marginal cost (d + 1)·a·x^d + b plays the part of the latency.
  const c = compileNetwork(net, objective === 'optimum');
  checkDemand('frankWolfe', c, demand);
  const s = c.nodeIndex.get(demand.from)!;
  const t = c.nodeIndex.get(demand.to)!;
  const m = net.edges.length;
  const cost = (e: number, f: number): number => {
    const d = c.degree[e]!;
    const v = f > 0 ? f : 0;
    return c.a[e]! * (d === 1 ? v : Math.pow(v, d)) + c.b[e]!;
  };
  const costs = new Float64Array(m);
  const allOrNothing = (x: readonly number[]): number[] => {
    for (let e = 0; e < m; e++) costs[e] = cost(e, x[e]!);
    const path = shortestPath(c, s, t, costs);
    if (path === null) throw new RangeError(`frankWolfe: ${JSON.stringify(demand.to)} cannot be reached from ${JSON.stringify(demand.from)}`);
    const y = new Array<number>(m).fill(0);
    for (const e of path.edges) y[e] = demand.rate;
    return y;
  };
  const gapOf = (x: readonly number[]): number => {
    const y = allOrNothing(x);
    let now = 0;
    let best = 0;
    for (let e = 0; e < m; e++) {
      now += costs[e]! * x[e]!;
      best += costs[e]! * y[e]!;
    }
    return now > 0 ? Math.max(0, (now - best) / now) : 0;
  };
  let x = allOrNothing(new Array<number>(m).fill(0));
  const out: FrankWolfeIterate[] = [{ flows: x, cost: totalLatency(net, x), gap: gapOf(x), step: 1 }];
  for (let k = 1; k <= iterations; k++) {
    const y = allOrNothing(x);
    const from = x;
    // The objective's slope along y − x is Σ_e c_e(x + λ(y − x))·(y_e − x_e), increasing in λ;
    // its root in [0, 1] (or an end) is the exact line search.
    const slope = (lambda: number): number => {
      let g = 0;
      for (let e = 0; e < m; e++) {
        const dir = y[e]! - from[e]!;
        if (dir !== 0) g += cost(e, from[e]! + lambda * dir) * dir;
      }
      return g;
    };
    let step: number;
    if (slope(0) >= 0) step = 0;
    else if (slope(1) <= 0) step = 1;
    else {
      let lo = 0;
      let hi = 1;
      for (let it = 0; it < 60; it++) {
        const mid = (lo + hi) / 2;
        if (slope(mid) > 0) hi = mid;
        else lo = mid;
      }
      step = (lo + hi) / 2;
    }
    x = from.map((v, e) => v + step * (y[e]! - v));
    out.push({ flows: x, cost: totalLatency(net, x), gap: gapOf(x), step });
  }
  return out;
}
