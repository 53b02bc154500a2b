import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';
import { layoutLinkGraph, linkGraphInput, localGraphLayout, nodeRadius } from '../../src/wiki/link-graph-layout.ts';

const root = join(import.meta.dirname, '..', '..');
const graph = buildWikiGraph(readContent(root));
const input = linkGraphInput(graph);

describe('linkGraphInput', () => {
  test('linkGraphInput(graph) has one node per article, sorted by slug, with its backlink count and first category', () => {
    expect(input.nodes.map((n) => n.slug)).toEqual([...graph.articles.keys()].sort());
    for (const node of input.nodes) {
      const a = graph.articles.get(node.slug)!;
      expect(node.title).toBe(a.title);
      expect(node.backlinks).toBe(graph.backlinks.get(node.slug)!.length);
      expect(node.group).toBe(a.categories[0] ?? '');
    }
  });

  test('linkGraphInput(graph) has exactly one edge per link in articles[].linksTo', () => {
    const fromEdges = input.edges.map((e) => `${input.nodes[e.source]!.slug}>${input.nodes[e.target]!.slug}`).sort();
    const fromGraph = [...graph.articles.values()].flatMap((a) => a.linksTo.map((t) => `${a.slug}>${t}`)).sort();
    expect(fromEdges).toEqual(fromGraph);
    expect(new Set(fromEdges).size).toBe(fromEdges.length);
    expect(fromEdges.length).toBeGreaterThan(graph.articles.size);
  });
});

describe('layoutLinkGraph', () => {
  const layout = layoutLinkGraph(input);

  test('layoutLinkGraph(input) gives byte-identical output on every run with the same seed', () => {
    expect(JSON.stringify(layoutLinkGraph(input))).toBe(JSON.stringify(layout));
    // and the seed matters: another seed moves at least one node
    expect(JSON.stringify(layoutLinkGraph(input, { seed: 2 }))).not.toBe(JSON.stringify(layout));
  });

  test('layoutLinkGraph(input) keeps every node inside the viewBox, with coordinates rounded to 0.1', () => {
    expect(layout.nodes).toHaveLength(input.nodes.length);
    for (const n of layout.nodes) {
      expect(n.x - n.r).toBeGreaterThanOrEqual(0);
      expect(n.y - n.r).toBeGreaterThanOrEqual(0);
      expect(n.x + n.r).toBeLessThanOrEqual(layout.width);
      expect(n.y + n.r).toBeLessThanOrEqual(layout.height);
      expect(Math.round(n.x * 10) / 10).toBe(n.x);
      expect(Math.round(n.y * 10) / 10).toBe(n.y);
    }
  });

  test('layoutLinkGraph(input) sizes nodes by backlinks: more backlinks never means a smaller node', () => {
    const sorted = [...layout.nodes].sort((a, b) => a.backlinks - b.backlinks);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.r).toBeGreaterThanOrEqual(sorted[i - 1]!.r);
    for (const n of layout.nodes) expect(n.r).toBe(Math.round(nodeRadius(n.backlinks) * 10) / 10);
    const most = sorted.at(-1)!;
    const least = sorted[0]!;
    expect(most.r).toBeGreaterThan(least.r);
  });

  test('layoutLinkGraph(input) draws linked articles closer together than unlinked ones on average', () => {
    const dist = (i: number, j: number) => Math.hypot(layout.nodes[i]!.x - layout.nodes[j]!.x, layout.nodes[i]!.y - layout.nodes[j]!.y);
    const linked = new Set(input.edges.map((e) => `${Math.min(e.source, e.target)},${Math.max(e.source, e.target)}`));
    let [inSum, inN, outSum, outN] = [0, 0, 0, 0];
    for (let i = 0; i < layout.nodes.length; i++) for (let j = i + 1; j < layout.nodes.length; j++) {
      if (linked.has(`${i},${j}`)) [inSum, inN] = [inSum + dist(i, j), inN + 1];
      else [outSum, outN] = [outSum + dist(i, j), outN + 1];
    }
    expect(inSum / inN).toBeLessThan(outSum / outN);
  });

  test('layoutLinkGraph rejects edges naming missing nodes and bad options with a RangeError', () => {
    expect(() => layoutLinkGraph({ nodes: input.nodes.slice(0, 2), edges: [{ source: 0, target: 5 }] })).toThrow(RangeError);
    expect(() => layoutLinkGraph(input, { ticks: -1 })).toThrow(/ticks/);
    expect(() => layoutLinkGraph(input, { width: 10 })).toThrow(RangeError);
    expect(() => nodeRadius(-1)).toThrow(RangeError);
  });

  test('layoutLinkGraph lays out an empty graph and a lone node without failing', () => {
    expect(layoutLinkGraph({ nodes: [], edges: [] }).nodes).toEqual([]);
    const one = layoutLinkGraph({ nodes: [{ slug: 'a', title: 'A', group: '', backlinks: 0 }], edges: [] });
    expect(one.nodes[0]).toMatchObject({ x: 480, y: 360 });
  });
});

describe('localGraphLayout', () => {
  const slug = [...graph.articles.keys()].sort((a, b) => graph.backlinks.get(b)!.length - graph.backlinks.get(a)!.length)[0]!;
  const local = localGraphLayout(graph, slug);

  test('localGraphLayout(graph, slug) lists exactly the links and backlinks, each with its direction', () => {
    const a = graph.articles.get(slug)!;
    const back = new Set(graph.backlinks.get(slug));
    const out = new Set(a.linksTo);
    expect(new Set(local.neighbours.map((n) => n.slug))).toEqual(new Set([...out, ...back]));
    for (const n of local.neighbours) {
      expect(n.direction).toBe(out.has(n.slug) && back.has(n.slug) ? 'both' : out.has(n.slug) ? 'out' : 'in');
    }
  });

  test('localGraphLayout(graph, slug) orders neighbours by title clockwise from the top, on the ellipse', () => {
    const titles = local.neighbours.map((n) => n.title);
    expect(titles).toEqual([...titles].sort((x, y) => x.localeCompare(y, 'en')));
    expect(local.neighbours[0]).toMatchObject({ x: local.cx, y: local.cy - 105, angle: -90 });
    for (const n of local.neighbours) {
      const e = ((n.x - local.cx) / 150) ** 2 + ((n.y - local.cy) / 105) ** 2;
      expect(e).toBeCloseTo(1, 2);
    }
  });

  test('localGraphLayout throws a RangeError for an unknown slug', () => {
    expect(() => localGraphLayout(graph, 'no-such-article')).toThrow(/no-such-article/);
  });
});
