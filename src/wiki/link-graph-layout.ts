/**
 * Layouts of the wiki's link graph, computed at build time so the browser never lays anything
 * out: the whole graph by a seeded, hand-stepped d3-force simulation (the same input always gives
 * the same coordinates, rounded, so builds are byte-identical), and an article's neighbourhood
 * on a circle ordered by title.
 */
import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from 'd3-force';
import { createRng } from '../models/random.ts';
import type { WikiGraph } from './graph.ts';

/** One article of the link graph: its slug, title, first category ('' when none) and backlink count. */
export type LinkGraphNode = { readonly slug: string; readonly title: string; readonly group: string; readonly backlinks: number };

/** A link from the article at index `source` to the article at index `target` of the node list. */
export type LinkGraphEdge = { readonly source: number; readonly target: number };

/** The link graph as node and edge lists, nodes sorted by slug so the order never depends on file order. */
export type LinkGraphInput = { readonly nodes: readonly LinkGraphNode[]; readonly edges: readonly LinkGraphEdge[] };

/** A node with its place in the drawing: centre (x, y) and radius r, in viewBox units. */
export type PositionedNode = LinkGraphNode & { readonly x: number; readonly y: number; readonly r: number };

/** The laid-out graph: a width × height viewBox, the nodes in input order with positions, and the edges. */
export type LinkGraphLayout = {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly PositionedNode[];
  readonly edges: readonly LinkGraphEdge[];
};

/** Options of `layoutLinkGraph`. */
export type LayoutOptions = {
  /** Seed of the simulation's random source; default 1. */
  readonly seed?: number;
  /** Simulation steps; default 300 (d3's own cooling schedule reaches alphaMin in about 300). */
  readonly ticks?: number;
  /** Drawing width in viewBox units; default 960. */
  readonly width?: number;
  /** Drawing height in viewBox units; default 720. */
  readonly height?: number;
};

const MIN_R = 4;
const R_PER_SQRT_BACKLINK = 2.2;
const MAX_R = 22;
const PAD = 28;

/** Returns a node's radius in viewBox units for `backlinks` ≥ 0: 4 plus 2.2·√backlinks, at most 22, so area grows with the count. */
export function nodeRadius(backlinks: number): number {
  if (!Number.isFinite(backlinks) || backlinks < 0) throw new RangeError(`nodeRadius: backlinks must be a finite number ≥ 0, got ${backlinks}`);
  return Math.min(MAX_R, MIN_R + R_PER_SQRT_BACKLINK * Math.sqrt(backlinks));
}

/** Returns the link graph of `graph`: one node per article (sorted by slug), one edge per resolved link between two articles. */
export function linkGraphInput(graph: Pick<WikiGraph, 'articles' | 'backlinks'>): LinkGraphInput {
  const slugs = [...graph.articles.keys()].sort();
  const index = new Map(slugs.map((s, i) => [s, i]));
  const nodes = slugs.map((slug) => {
    const a = graph.articles.get(slug)!;
    return { slug, title: a.title, group: a.categories[0] ?? '', backlinks: graph.backlinks.get(slug)?.length ?? 0 };
  });
  const edges: LinkGraphEdge[] = [];
  slugs.forEach((slug, source) => {
    for (const t of graph.articles.get(slug)!.linksTo) {
      const target = index.get(t);
      if (target !== undefined && target !== source) edges.push({ source, target });
    }
  });
  return { nodes, edges };
}

const round1 = (v: number) => Math.round(v * 10) / 10;

type SimNode = SimulationNodeDatum & { index: number; r: number };

/**
 * Returns positions for every node of `input` from a seeded d3-force simulation stepped by hand
 * (`ticks` steps, no timer), fitted into the viewBox and rounded to 0.1 units: deterministic for a
 * given input and options.
 */
export function layoutLinkGraph(input: LinkGraphInput, options: LayoutOptions = {}): LinkGraphLayout {
  const { seed = 1, ticks = 300, width = 960, height = 720 } = options;
  if (!Number.isInteger(ticks) || ticks < 0) throw new RangeError(`layoutLinkGraph: ticks must be a whole number ≥ 0, got ${ticks}`);
  if (!(width > 2 * PAD) || !(height > 2 * PAD)) throw new RangeError(`layoutLinkGraph: width and height must exceed ${2 * PAD}, got ${width} × ${height}`);
  const n = input.nodes.length;
  for (const e of input.edges) {
    if (!Number.isInteger(e.source) || !Number.isInteger(e.target) || e.source < 0 || e.target < 0 || e.source >= n || e.target >= n) {
      throw new RangeError(`layoutLinkGraph: edge ${e.source} → ${e.target} names a node outside 0…${n - 1}`);
    }
  }
  const rng = createRng(seed);
  // seeded starting positions (d3's own start, a phyllotaxis spiral, ignores the random source)
  const spread = 10 * Math.sqrt(n + 1);
  const simNodes: SimNode[] = input.nodes.map((node, index) => ({ index, r: nodeRadius(node.backlinks), x: (rng() - 0.5) * spread, y: (rng() - 0.5) * spread }));
  const simLinks: SimulationLinkDatum<SimNode>[] = input.edges.map((e) => ({ source: e.source, target: e.target }));
  const simulation = forceSimulation<SimNode>(simNodes)
    .randomSource(rng)
    .force('link', forceLink<SimNode, SimulationLinkDatum<SimNode>>(simLinks).id((d) => d.index).distance(60))
    .force('charge', forceManyBody<SimNode>().strength(-160))
    .force('collide', forceCollide<SimNode>((d) => d.r + 6))
    // weak pulls to the centre keep unlinked articles from drifting off the drawing
    .force('x', forceX<SimNode>(0).strength(0.04))
    .force('y', forceY<SimNode>(0).strength(0.06))
    .force('center', forceCenter<SimNode>(0, 0))
    .stop();
  simulation.tick(ticks);

  // fit the cloud into the viewBox, keeping its aspect ratio
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const d of simNodes) {
    minX = Math.min(minX, (d.x ?? 0) - d.r);
    maxX = Math.max(maxX, (d.x ?? 0) + d.r);
    minY = Math.min(minY, (d.y ?? 0) - d.r);
    maxY = Math.max(maxY, (d.y ?? 0) + d.r);
  }
  const spanX = Math.max(maxX - minX, 1);
  const spanY = Math.max(maxY - minY, 1);
  const scale = n === 0 ? 1 : Math.min((width - 2 * PAD) / spanX, (height - 2 * PAD) / spanY, 1.6);
  const offX = width / 2 - ((minX + maxX) / 2) * scale;
  const offY = height / 2 - ((minY + maxY) / 2) * scale;
  const nodes = input.nodes.map((node, i) => {
    const d = simNodes[i]!;
    return { ...node, x: round1((d.x ?? 0) * scale + offX), y: round1((d.y ?? 0) * scale + offY), r: round1(d.r) };
  });
  return { width, height, nodes, edges: input.edges.map((e) => ({ source: e.source, target: e.target })) };
}

/** How a neighbour is linked to the centre article: it links out to it, it links in, or both. */
export type NeighbourDirection = 'out' | 'in' | 'both';

/** A neighbour of an article, placed on the circle of its local graph (viewBox units). */
export type LocalNeighbour = { readonly slug: string; readonly title: string; readonly direction: NeighbourDirection; readonly x: number; readonly y: number; readonly angle: number };

/** An article's local graph: the article at (cx, cy), its neighbours on an ellipse ordered by title. */
export type LocalGraphLayout = {
  readonly width: number;
  readonly height: number;
  readonly cx: number;
  readonly cy: number;
  readonly slug: string;
  readonly title: string;
  readonly neighbours: readonly LocalNeighbour[];
};

/**
 * Returns the local graph of the article `slug`: every article it links to or that links to it,
 * on an ellipse of radii (rx, ry) around the centre of a width × height drawing, ordered by title
 * clockwise from the top; defaults 480 × 300 with radii 150 × 105.
 */
export function localGraphLayout(
  graph: Pick<WikiGraph, 'articles' | 'backlinks'>,
  slug: string,
  size: { width?: number; height?: number; rx?: number; ry?: number } = {},
): LocalGraphLayout {
  const article = graph.articles.get(slug);
  if (!article) throw new RangeError(`localGraphLayout: no article with slug "${slug}"`);
  const { width = 480, height = 300, rx = 150, ry = 105 } = size;
  const out = new Set(article.linksTo.filter((s) => s !== slug && graph.articles.has(s)));
  const incoming = new Set((graph.backlinks.get(slug) ?? []).filter((s) => s !== slug));
  const titleOf = (s: string) => graph.articles.get(s)?.title ?? s;
  const all = [...new Set([...out, ...incoming])].sort((a, b) => titleOf(a).localeCompare(titleOf(b), 'en') || a.localeCompare(b));
  const cx = width / 2;
  const cy = height / 2;
  const neighbours = all.map((s, i) => {
    // start at the top and go clockwise; a lone neighbour sits at the top
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / all.length;
    const direction: NeighbourDirection = out.has(s) && incoming.has(s) ? 'both' : out.has(s) ? 'out' : 'in';
    return { slug: s, title: titleOf(s), direction, x: round1(cx + rx * Math.cos(angle)), y: round1(cy + ry * Math.sin(angle)), angle: round1((angle * 180) / Math.PI) };
  });
  return { width, height, cx, cy, slug, title: article.title, neighbours };
}
