/** Routing networks with polynomial edge latencies: types, checks, shortest paths and path listing. */

/** Edge latency ℓ(x) = a·x^degree + b for flow x ≥ 0; a, b ≥ 0, degree ≥ 1 (default 1). */
export type Latency = { a: number; b: number; degree?: number };

/** A directed edge with its latency function; parallel edges are allowed. */
export type RoutingEdge = { from: string; to: string; latency: Latency };

/** A directed network; edges are referred to by their index in `edges`. */
export type RoutingNetwork = { readonly edges: readonly RoutingEdge[] };

/** Traffic of `rate` ≥ 0 units from node `from` to node `to`. */
export type Demand = { from: string; to: string; rate: number };

/** Most simple paths simplePaths lists before giving up. */
export const MAX_LISTED_PATHS = 100_000;

/** The latency ℓ(x) = a·x^degree + b of one edge at flow x (negative round-off is read as 0). */
export function edgeLatency(latency: Latency, x: number): number {
  const d = latency.degree ?? 1;
  const f = x > 0 ? x : 0;
  return latency.a * (d === 1 ? f : Math.pow(f, d)) + latency.b;
}

/** The marginal social cost (x·ℓ(x))' = (degree + 1)·a·x^degree + b of one edge at flow x. */
export function edgeMarginalCost(latency: Latency, x: number): number {
  const d = latency.degree ?? 1;
  const f = x > 0 ? x : 0;
  return (d + 1) * latency.a * (d === 1 ? f : Math.pow(f, d)) + latency.b;
}

/** Total latency Σ_e x_e·ℓ_e(x_e) of edge flows `flows` (in edge order). */
export function totalLatency(net: RoutingNetwork, flows: readonly number[]): number {
  checkNetwork('totalLatency', net);
  if (flows.length !== net.edges.length) throw new RangeError(`totalLatency: flows must have one entry per edge (${net.edges.length}), got ${flows.length}`);
  return net.edges.reduce((s, e, i) => s + flows[i]! * edgeLatency(e.latency, flows[i]!), 0);
}

/** A network compiled to index form for the solvers (internal). */
export type CompiledNetwork = {
  nodeIndex: Map<string, number>;
  from: Int32Array;
  to: Int32Array;
  a: Float64Array;
  b: Float64Array;
  degree: Float64Array;
  /** out[v]: indices of the edges leaving node v. */
  out: number[][];
};

/** Throws a TypeError/RangeError naming the bad edge unless every edge is well formed. */
export function checkNetwork(fn: string, net: RoutingNetwork): void {
  if (net === null || typeof net !== 'object' || !Array.isArray(net.edges)) throw new TypeError(`${fn}: net must be an object with an edges array`);
  net.edges.forEach((e, i) => {
    if (e === null || typeof e !== 'object') throw new TypeError(`${fn}: net.edges[${i}] must be an object`);
    if (typeof e.from !== 'string' || typeof e.to !== 'string') throw new TypeError(`${fn}: net.edges[${i}].from and .to must be node names (strings)`);
    const l = e.latency;
    if (l === null || typeof l !== 'object') throw new TypeError(`${fn}: net.edges[${i}].latency must be an object { a, b, degree? }`);
    if (!(l.a >= 0) || !Number.isFinite(l.a)) throw new RangeError(`${fn}: net.edges[${i}].latency.a must be a finite number ≥ 0, got ${String(l.a)}`);
    if (!(l.b >= 0) || !Number.isFinite(l.b)) throw new RangeError(`${fn}: net.edges[${i}].latency.b must be a finite number ≥ 0, got ${String(l.b)}`);
    const d = l.degree ?? 1;
    if (!(d >= 1) || !Number.isFinite(d)) throw new RangeError(`${fn}: net.edges[${i}].latency.degree must be a finite number ≥ 1, got ${String(l.degree)}`);
  });
}

/** Throws unless the demand is well formed and both ends are nodes of the network. */
export function checkDemand(fn: string, net: CompiledNetwork, demand: Demand): void {
  if (demand === null || typeof demand !== 'object') throw new TypeError(`${fn}: demand must be an object { from, to, rate }`);
  if (!(demand.rate >= 0) || !Number.isFinite(demand.rate)) throw new RangeError(`${fn}: demand.rate must be a finite number ≥ 0, got ${String(demand.rate)}`);
  if (!net.nodeIndex.has(demand.from)) throw new RangeError(`${fn}: demand.from ${JSON.stringify(demand.from)} is not a node of the network`);
  if (!net.nodeIndex.has(demand.to)) throw new RangeError(`${fn}: demand.to ${JSON.stringify(demand.to)} is not a node of the network`);
  if (demand.from === demand.to) throw new RangeError(`${fn}: demand.from and demand.to must differ, both are ${JSON.stringify(demand.from)}`);
}

/** Index form of a checked network; with `marginal`, each edge's latency is replaced by its marginal social cost. */
export function compileNetwork(net: RoutingNetwork, marginal = false): CompiledNetwork {
  const nodeIndex = new Map<string, number>();
  const node = (name: string): number => {
    let v = nodeIndex.get(name);
    if (v === undefined) {
      v = nodeIndex.size;
      nodeIndex.set(name, v);
    }
    return v;
  };
  const m = net.edges.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  const a = new Float64Array(m);
  const b = new Float64Array(m);
  const degree = new Float64Array(m);
  net.edges.forEach((e, i) => {
    from[i] = node(e.from);
    to[i] = node(e.to);
    const d = e.latency.degree ?? 1;
    // The marginal cost of a·x^d + b is (d + 1)·a·x^d + b: the same family, so one solver serves both.
    a[i] = marginal ? (d + 1) * e.latency.a : e.latency.a;
    b[i] = e.latency.b;
    degree[i] = d;
  });
  const out: number[][] = Array.from({ length: nodeIndex.size }, () => []);
  for (let i = 0; i < m; i++) out[from[i]!]!.push(i);
  return { nodeIndex, from, to, a, b, degree, out };
}

/**
 * A shortest path (as edge indices) from s to t under non-negative edge lengths by Dijkstra's
 * algorithm, with its length; null when t cannot be reached.
 */
export function shortestPath(net: CompiledNetwork, s: number, t: number, length: Float64Array): { edges: number[]; cost: number } | null {
  const n = net.out.length;
  const dist = new Float64Array(n).fill(Infinity);
  const via = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  dist[s] = 0;
  // The networks here are small, so a linear scan for the closest node beats a heap.
  for (;;) {
    let u = -1;
    let best = Infinity;
    for (let v = 0; v < n; v++) {
      if (!done[v] && dist[v]! < best) {
        best = dist[v]!;
        u = v;
      }
    }
    if (u === -1 || u === t) break;
    done[u] = 1;
    for (const e of net.out[u]!) {
      const v = net.to[e]!;
      const nd = best + length[e]!;
      if (nd < dist[v]!) {
        dist[v] = nd;
        via[v] = e;
      }
    }
  }
  if (dist[t] === Infinity) return null;
  const edges: number[] = [];
  for (let v = t; v !== s; ) {
    const e = via[v]!;
    edges.push(e);
    v = net.from[e]!;
  }
  edges.reverse();
  return { edges, cost: dist[t]! };
}

/**
 * Every simple path from `from` to `to` as a list of edge indices (parallel edges give distinct
 * paths), in depth-first order; throws a RangeError when there are more than maxPaths
 * (default 100,000) or none.
 */
export function simplePaths(net: RoutingNetwork, from: string, to: string, maxPaths = MAX_LISTED_PATHS): number[][] {
  checkNetwork('simplePaths', net);
  const c = compileNetwork(net);
  const s = c.nodeIndex.get(from);
  const t = c.nodeIndex.get(to);
  if (s === undefined) throw new RangeError(`simplePaths: ${JSON.stringify(from)} is not a node of the network`);
  if (t === undefined) throw new RangeError(`simplePaths: ${JSON.stringify(to)} is not a node of the network`);
  if (s === t) throw new RangeError(`simplePaths: from and to must differ, both are ${JSON.stringify(from)}`);
  const paths: number[][] = [];
  const onPath = new Uint8Array(c.out.length);
  const stack: number[] = [];
  const visit = (u: number): void => {
    if (u === t) {
      if (paths.length >= maxPaths) throw new RangeError(`simplePaths: more than ${maxPaths} simple paths from ${from} to ${to}`);
      paths.push(stack.slice());
      return;
    }
    onPath[u] = 1;
    for (const e of c.out[u]!) {
      const v = c.to[e]!;
      if (onPath[v]) continue;
      stack.push(e);
      visit(v);
      stack.pop();
    }
    onPath[u] = 0;
  };
  visit(s);
  if (paths.length === 0) throw new RangeError(`simplePaths: ${JSON.stringify(to)} cannot be reached from ${JSON.stringify(from)}`);
  return paths;
}
