/** Classic selfish-routing instances as plain data. */
import { createRng } from '../random.ts';
import type { Demand, RoutingNetwork } from './network.ts';

/** A named network with its demand. */
export type RoutingPreset = { name: string; description: string; network: RoutingNetwork; demand: Demand };

/**
 * Pigou's network: two parallel roads from s to t, one with latency x^degree (congestible),
 * one with constant latency 1; one unit of traffic (default degree 1). Its price of anarchy is
 * (1 − d·(d + 1)^(−(d + 1)/d))^(−1), 4/3 for d = 1.
 * @see pigou1920
 * @see roughgarden2003
 */
export function pigouNetwork(degree = 1, rate = 1): RoutingPreset {
  if (!(degree >= 1) || !Number.isFinite(degree)) throw new RangeError(`pigouNetwork: degree must be a finite number ≥ 1, got ${degree}`);
  return {
    name: degree === 1 ? 'Pigou’s network' : `Pigou’s network, latency x^${degree}`,
    description: 'Two roads from s to t: a wide one that always takes 1, and a narrow one whose delay grows with its traffic.',
    network: {
      edges: [
        { from: 's', to: 't', latency: { a: 1, b: 0, degree } },
        { from: 's', to: 't', latency: { a: 0, b: 1 } },
      ],
    },
    demand: { from: 's', to: 't', rate },
  };
}

/**
 * Braess's network: s→a (x), a→t (1), s→b (1), b→t (x), and optionally the free link a→b (0),
 * one unit of traffic. Equilibrium latency per driver: 1.5 without the link, 2 with it.
 * @see braess1968
 */
export function braessNetwork(options: { withLink?: boolean; rate?: number } = {}): RoutingPreset {
  const withLink = options.withLink ?? true;
  const edges: RoutingNetwork['edges'][number][] = [
    { from: 's', to: 'a', latency: { a: 1, b: 0 } },
    { from: 'a', to: 't', latency: { a: 0, b: 1 } },
    { from: 's', to: 'b', latency: { a: 0, b: 1 } },
    { from: 'b', to: 't', latency: { a: 1, b: 0 } },
  ];
  if (withLink) edges.push({ from: 'a', to: 'b', latency: { a: 0, b: 0 } });
  return {
    name: withLink ? 'Braess’s network with the shortcut' : 'Braess’s network without the shortcut',
    description: 'Two symmetric routes, each a congestible road then a fixed one; the shortcut joins the two congestible roads.',
    network: { edges },
    demand: { from: 's', to: 't', rate: options.rate ?? 1 },
  };
}

/** Options of gridNetwork: size in nodes, whether roads run both ways, the seed of the latencies (default 0) and the traffic (default 1). */
export type GridOptions = { rows: number; cols: number; bothWays?: boolean; seed?: number; rate?: number };

/**
 * A rows × cols street grid from the top-left corner 'r0c0' to the bottom-right one, with roads
 * east and south (and west and north when bothWays); each road gets a seeded latency a·x + b with
 * a in {1, 2, 3} and b in {0, 1, 2}, so routes differ in both length and congestibility.
 */
export function gridNetwork(options: GridOptions): RoutingPreset {
  const { rows, cols } = options;
  if (!Number.isInteger(rows) || rows < 1 || !Number.isInteger(cols) || cols < 1 || rows * cols < 2) {
    throw new RangeError(`gridNetwork: rows and cols must be integers ≥ 1 with at least two nodes, got ${rows}×${cols}`);
  }
  const rng = createRng(options.seed ?? 0);
  const name = (r: number, c: number): string => `r${r}c${c}`;
  const edges: RoutingNetwork['edges'][number][] = [];
  const road = (from: string, to: string): void => {
    edges.push({ from, to, latency: { a: 1 + Math.floor(rng() * 3), b: Math.floor(rng() * 3) } });
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols) {
        road(name(r, c), name(r, c + 1));
        if (options.bothWays) road(name(r, c + 1), name(r, c));
      }
      if (r + 1 < rows) {
        road(name(r, c), name(r + 1, c));
        if (options.bothWays) road(name(r + 1, c), name(r, c));
      }
    }
  }
  return {
    name: `${rows}×${cols} street grid`,
    description: 'A street grid whose roads differ in length and in how quickly they congest.',
    network: { edges },
    demand: { from: name(0, 0), to: name(rows - 1, cols - 1), rate: options.rate ?? 1 },
  };
}
