/**
 * Selfish routing: Wardrop equilibria and system optima of single-commodity networks with
 * polynomial latencies, and the price of anarchy.
 *
 * Method: path-based column generation. The active set starts with a shortest path; each round
 * equilibrates flow over the active paths (Newton's method on the equal-cost conditions of the
 * used paths, with exact pairwise shifts from dearer paths to the cheapest as the fallback),
 * then adds the current shortest path if it is cheaper than the active ones. Edge costs are
 * increasing, so this reaches the equilibrium without listing every path, and plain
 * Frank–Wolfe's zigzagging is avoided.
 */
import {
  checkDemand,
  checkNetwork,
  compileNetwork,
  edgeLatency,
  edgeMarginalCost,
  shortestPath,
  type CompiledNetwork,
  type Demand,
  type RoutingNetwork,
} from './network.ts';
import { solveLinearSystem } from '../games/linear-system.ts';

/** A path (edge indices from origin to destination) with its flow, latency and marginal social cost at the solution. */
export type PathFlow = { edges: number[]; flow: number; latency: number; marginalCost: number };

/**
 * A routing of the demand: edge flows (input order), total latency Σ x_e·ℓ_e(x_e), the used
 * paths, the common cost of the used paths (latency at equilibrium, marginal cost at the
 * optimum), the relative gap (Σ_p h_p c_p − rate·min_p c_p) / Σ_p h_p c_p that certifies it, and
 * the number of shortest-path rounds.
 */
export type RoutingResult = {
  flows: number[];
  cost: number;
  paths: PathFlow[];
  pathCost: number;
  gap: number;
  rounds: number;
};

/** Target relative spread of costs over the used paths. */
const REL_TOL = 1e-12;
const MAX_SWEEPS = 100_000;
const MAX_ACTIVE_PATHS = 5_000;

/**
 * The Wardrop (user) equilibrium: every used path has the same latency and no path is faster;
 * flows are unique up to ties between constant-latency parallel routes, the cost always.
 * @see wardrop1952
 * @see roughgarden2002
 */
export function wardropEquilibrium(net: RoutingNetwork, demand: Demand): RoutingResult {
  return solve('wardropEquilibrium', net, demand, false);
}

/**
 * The system optimum: the routing of least total latency, found as the Wardrop equilibrium for
 * the marginal costs ℓ(x) + x·ℓ'(x), so every used path has the same marginal cost.
 * @see wardrop1952
 * @see roughgarden2002
 */
export function systemOptimum(net: RoutingNetwork, demand: Demand): RoutingResult {
  return solve('systemOptimum', net, demand, true);
}

/**
 * The price of anarchy of this instance: equilibrium total latency over optimal total latency
 * (≥ 1; 1 when both are 0).
 * @see koutsoupias1999
 * @see roughgarden2002
 */
export function priceOfAnarchy(net: RoutingNetwork, demand: Demand): number {
  const eq = wardropEquilibrium(net, demand);
  const opt = systemOptimum(net, demand);
  if (opt.cost === 0) return eq.cost === 0 ? 1 : Infinity;
  return eq.cost / opt.cost;
}

/**
 * Roughgarden's tight bound on the price of anarchy with polynomial latencies of degree at most d
 * (d ≥ 1): (1 − d·(d + 1)^(−(d + 1)/d))^(−1), 4/3 for linear latencies; Pigou's network reaches it.
 * @see roughgarden2003
 */
export function roughgardenBound(degree: number): number {
  if (!(degree >= 1) || !Number.isFinite(degree)) throw new RangeError(`roughgardenBound: degree must be a finite number ≥ 1, got ${degree}`);
  return 1 / (1 - degree * Math.pow(degree + 1, -(degree + 1) / degree));
}

function solve(fn: string, net: RoutingNetwork, demand: Demand, marginal: boolean): RoutingResult {
  checkNetwork(fn, net);
  const c = compileNetwork(net, marginal);
  checkDemand(fn, c, demand);
  const s = c.nodeIndex.get(demand.from)!;
  const t = c.nodeIndex.get(demand.to)!;
  const m = net.edges.length;
  const x = new Float64Array(m);
  const len = new Float64Array(m);
  const updateLengths = (): void => {
    for (let e = 0; e < m; e++) len[e] = cost(c, e, x[e]!);
  };
  updateLengths();
  const first = shortestPath(c, s, t, len);
  if (first === null) throw new RangeError(`${fn}: ${JSON.stringify(demand.to)} cannot be reached from ${JSON.stringify(demand.from)}`);
  const rate = demand.rate;
  if (rate === 0) return { flows: new Array<number>(m).fill(0), cost: 0, paths: [], pathCost: first.cost, gap: 0, rounds: 0 };

  const paths: number[][] = [first.edges];
  const keys = new Set<string>([first.edges.join(',')]);
  const h: number[] = [rate];
  const stamp = new Int32Array(m);
  let stampValue = 0;
  let rounds = 0;
  for (;;) {
    rounds++;
    equilibrate(c, paths, h, x, stamp, () => ++stampValue);
    recomputeFlows(paths, h, x);
    updateLengths();
    const sp = shortestPath(c, s, t, len)!;
    let minActive = Infinity;
    for (const p of paths) minActive = Math.min(minActive, pathSum(p, len));
    const key = sp.edges.join(',');
    if (sp.cost >= minActive - REL_TOL * minActive || keys.has(key)) break;
    if (paths.length >= MAX_ACTIVE_PATHS) throw new RangeError(`${fn}: more than ${MAX_ACTIVE_PATHS} paths needed; the network is too large for this solver`);
    keys.add(key);
    paths.push(sp.edges);
    h.push(0);
  }

  recomputeFlows(paths, h, x);
  updateLengths();
  const sp = shortestPath(c, s, t, len)!;
  let weighted = 0;
  for (let p = 0; p < paths.length; p++) weighted += h[p]! * pathSum(paths[p]!, len);
  const gap = weighted > 0 ? Math.max(0, (weighted - rate * sp.cost) / weighted) : 0;
  const flows = Array.from(x);
  const edges = net.edges;
  const used: PathFlow[] = [];
  paths.forEach((p, k) => {
    if (h[k]! > 0) {
      used.push({
        edges: p.slice(),
        flow: h[k]!,
        latency: p.reduce((sum, e) => sum + edgeLatency(edges[e]!.latency, flows[e]!), 0),
        marginalCost: p.reduce((sum, e) => sum + edgeMarginalCost(edges[e]!.latency, flows[e]!), 0),
      });
    }
  });
  const total = edges.reduce((sum, e, i) => sum + flows[i]! * edgeLatency(e.latency, flows[i]!), 0);
  return { flows, cost: total, paths: used, pathCost: sp.cost, gap, rounds };
}

/** Cost of edge e at flow f in the compiled network (latency, or marginal cost for the optimum). */
function cost(c: CompiledNetwork, e: number, f: number): number {
  const d = c.degree[e]!;
  const v = f > 0 ? f : 0;
  return c.a[e]! * (d === 1 ? v : Math.pow(v, d)) + c.b[e]!;
}

function costSlope(c: CompiledNetwork, e: number, f: number): number {
  const d = c.degree[e]!;
  const v = f > 0 ? f : 0;
  return d === 1 ? c.a[e]! : c.a[e]! * d * Math.pow(v, d - 1);
}

function pathSum(p: readonly number[], len: Float64Array): number {
  let s = 0;
  for (const e of p) s += len[e]!;
  return s;
}

function recomputeFlows(paths: readonly number[][], h: readonly number[], x: Float64Array): void {
  x.fill(0);
  paths.forEach((p, k) => {
    const f = h[k]!;
    if (f > 0) for (const e of p) x[e] = x[e]! + f;
  });
}

/**
 * Equilibrates the active paths: Newton steps on the used set when they succeed, otherwise sweeps
 * that find the cheapest path and move flow to it from every dearer used path by an exact
 * pairwise shift; stops when the used paths' costs agree to REL_TOL and no active path is
 * cheaper. Mutates h and x (hot loop).
 */
function equilibrate(
  c: CompiledNetwork,
  paths: readonly number[][],
  h: number[],
  x: Float64Array,
  stamp: Int32Array,
  nextStamp: () => number,
): void {
  const P = paths.length;
  const costs = new Float64Array(P);
  let polishAt = Infinity;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    // Rebuild edge flows from path flows each sweep so incremental round-off cannot accumulate.
    recomputeFlows(paths, h, x);
    let q = 0;
    let maxUsed = -Infinity;
    for (let k = 0; k < P; k++) {
      let s = 0;
      for (const e of paths[k]!) s += cost(c, e, x[e]!);
      costs[k] = s;
      if (s < costs[q]!) q = k;
      if (h[k]! > 0 && s > maxUsed) maxUsed = s;
    }
    const minCost = costs[q]!;
    const tol = REL_TOL * Math.max(maxUsed, Number.MIN_VALUE);
    if (maxUsed - minCost <= tol) return;
    // Pairwise shifts converge only linearly; once close, Newton steps on the used set finish
    // the job in a few iterations (and fall back to shifts if the used set was not yet right).
    if (maxUsed - minCost <= polishAt * maxUsed) {
      if (newtonPolish(c, paths, h, x)) return;
      polishAt = ((maxUsed - minCost) / maxUsed) * 1e-3;
      continue;
    }
    for (let k = 0; k < P; k++) {
      if (k !== q && h[k]! > 0 && costs[k]! - minCost > tol) shift(c, paths[k]!, paths[q]!, k, q, h, x, stamp, nextStamp);
    }
  }
}

/**
 * Moves flow Δ ∈ [0, h_p] from path p to path q so that their costs become equal (or all of h_p
 * if q stays cheaper): g(Δ) = Σ_{q∖p} c_e(x_e + Δ) − Σ_{p∖q} c_e(x_e − Δ) is increasing, and its
 * root is found by Newton steps kept inside a shrinking bracket.
 */
function shift(
  c: CompiledNetwork,
  p: readonly number[],
  q: readonly number[],
  pi: number,
  qi: number,
  h: number[],
  x: Float64Array,
  stamp: Int32Array,
  nextStamp: () => number,
): void {
  const inQ = nextStamp();
  for (const e of q) stamp[e] = inQ;
  const pOnly = p.filter((e) => stamp[e] !== inQ);
  const inP = nextStamp();
  for (const e of p) stamp[e] = inP;
  const qOnly = q.filter((e) => stamp[e] !== inP);
  const g = (d: number): number => {
    let s = 0;
    for (const e of qOnly) s += cost(c, e, x[e]! + d);
    for (const e of pOnly) s -= cost(c, e, x[e]! - d);
    return s;
  };
  const slope = (d: number): number => {
    let s = 0;
    for (const e of qOnly) s += costSlope(c, e, x[e]! + d);
    for (const e of pOnly) s += costSlope(c, e, x[e]! - d);
    return s;
  };
  const H = h[pi]!;
  const g0 = g(0);
  if (!(g0 < 0) || H <= 0) return;
  let delta: number;
  if (g(H) <= 0) {
    delta = H;
  } else {
    let lo = 0;
    let hi = H;
    const s0 = slope(0);
    const guess = s0 > 0 ? -g0 / s0 : Number.NaN;
    delta = guess > 0 && guess < H ? guess : H / 2;
    let scale = 0;
    for (const e of qOnly) scale += cost(c, e, x[e]!);
    for (const e of pOnly) scale += cost(c, e, x[e]!);
    for (let it = 0; it < 100; it++) {
      const gv = g(delta);
      if (gv === 0 || Math.abs(gv) <= 1e-16 * scale) break;
      if (gv > 0) hi = delta;
      else lo = delta;
      if (hi - lo <= 1e-16 * H) break;
      const d = slope(delta);
      let next = d > 0 ? delta - gv / d : Number.NaN;
      if (!(next > lo && next < hi)) next = (lo + hi) / 2;
      delta = next;
    }
  }
  h[pi] = delta === H ? 0 : H - delta;
  h[qi] = h[qi]! + delta;
  for (const e of pOnly) x[e] = x[e]! - delta;
  for (const e of qOnly) x[e] = x[e]! + delta;
}

/**
 * Newton's method on the used paths U for the equal-cost conditions c_p(h) = λ (p in U), Σh fixed:
 * solves [[J + εI, −1], [1ᵀ, 0]]·[dh; dλ] = [λ − c; 0] with J_pq = Σ_{e ∈ p ∩ q} c_e'(x_e), and
 * stops a step where a path flow would turn negative (that path leaves U). The tiny ridge ε
 * handles the flat directions of path flows that leave every edge flow unchanged. Returns true
 * once the used paths' costs agree to REL_TOL and no active path is cheaper. Mutates h and x.
 */
function newtonPolish(c: CompiledNetwork, paths: readonly number[][], h: number[], x: Float64Array): boolean {
  const P = paths.length;
  const total = h.reduce((s, v) => s + v, 0);
  const slopes = new Float64Array(x.length);
  for (let iter = 0; iter < 50; iter++) {
    recomputeFlows(paths, h, x);
    const costs = paths.map((p) => p.reduce((s, e) => s + cost(c, e, x[e]!), 0));
    let maxUsed = -Infinity;
    let minUsed = Infinity;
    for (let k = 0; k < P; k++) {
      if (h[k]! > 0) {
        maxUsed = Math.max(maxUsed, costs[k]!);
        minUsed = Math.min(minUsed, costs[k]!);
      }
    }
    const minAll = Math.min(...costs);
    const tol = REL_TOL * Math.max(maxUsed, Number.MIN_VALUE);
    if (maxUsed - minAll <= tol) return true;
    for (let e = 0; e < x.length; e++) slopes[e] = costSlope(c, e, x[e]!);
    // The used paths, plus unused ones that are cheaper than every used one (they must gain flow).
    let U: number[] = [];
    for (let k = 0; k < P; k++) if (h[k]! > 0 || costs[k]! < minUsed - tol) U.push(k);
    let step: number[] | null = null;
    while (step === null) {
      const sol = newtonStep(paths, U, h, costs, slopes, total);
      if (sol === null) return false;
      // An unused path the step would drive negative stays out.
      const keep = U.filter((k, i) => h[k]! > 0 || sol[i]! >= 0);
      if (keep.length === U.length) step = sol;
      else U = keep;
    }
    let alpha = 1;
    U.forEach((k, i) => {
      const d = step![i]!;
      if (d < 0) alpha = Math.min(alpha, h[k]! / -d);
    });
    U.forEach((k, i) => {
      const next = h[k]! + alpha * step![i]!;
      h[k] = next > 1e-15 * total ? next : 0;
    });
    // Keep the total demand exact despite round-off.
    const sum = h.reduce((s, v) => s + v, 0);
    if (sum > 0) for (let k = 0; k < P; k++) h[k] = (h[k]! * total) / sum;
  }
  return false;
}

function newtonStep(
  paths: readonly number[][],
  U: readonly number[],
  h: readonly number[],
  costs: readonly number[],
  slopes: Float64Array,
  total: number,
): number[] | null {
  const n = U.length;
  const J = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  const sets = U.map((k) => new Set(paths[k]));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let v = 0;
      for (const e of paths[U[j]!]!) if (sets[i]!.has(e)) v += slopes[e]!;
      J[i]![j] = v;
      J[j]![i] = v;
    }
  }
  let diag = 0;
  for (let i = 0; i < n; i++) diag = Math.max(diag, J[i]![i]!);
  const ridge = 1e-12 * Math.max(diag, Number.MIN_VALUE);
  const lambda = U.reduce((s, k) => s + h[k]! * costs[k]!, 0) / total;
  const rhs = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < n; i++) {
    J[i]![i] = J[i]![i]! + ridge;
    J[i]![n] = -1;
    J[n]![i] = 1;
    rhs[i] = lambda - costs[U[i]!]!;
  }
  const sol = solveLinearSystem(J, rhs, 1e-300);
  return sol === null ? null : sol.slice(0, n);
}
