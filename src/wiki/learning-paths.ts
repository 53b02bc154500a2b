/**
 * Learning paths: the order in which to read an article's prerequisites (frontmatter `requires`).
 * Pure functions over a small graph of slugs, so the build, the pages and the tests share them.
 */

/** One article as the ordering sees it: its title (for tie-breaks) and the slugs it requires. */
export type PrerequisiteNode = { title: string; requires: readonly string[] };

/** Slug -> node; every slug named in a `requires` list must be a key. */
export type PrerequisiteGraph = ReadonlyMap<string, PrerequisiteNode>;

function nodeOf(graph: PrerequisiteGraph, slug: string, parameter: string): PrerequisiteNode {
  const node = graph.get(slug);
  if (!node) throw new RangeError(`${parameter}: no article "${slug}" in the prerequisite graph`);
  return node;
}

const byTitle = (graph: PrerequisiteGraph) => (x: string, y: string) =>
  (graph.get(x)?.title ?? x).localeCompare(graph.get(y)?.title ?? y) || (x < y ? -1 : x > y ? 1 : 0);

/**
 * Returns every cycle among `requires`, each as slugs from its first article back to it
 * (`['a', 'b', 'a']` for "a requires b requires a"), found by depth-first search in title order
 * and listed once each whatever article it is entered from; [] when the graph is acyclic.
 */
export function findRequiresCycles(graph: PrerequisiteGraph): string[][] {
  const order = byTitle(graph);
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (slug: string) => {
    state.set(slug, 'active');
    stack.push(slug);
    for (const next of [...nodeOf(graph, slug, 'graph').requires].sort(order)) {
      nodeOf(graph, next, 'graph');
      const s = state.get(next);
      if (s === 'active') {
        const loop = stack.slice(stack.indexOf(next));
        // the same cycle entered elsewhere is a rotation: key it by its smallest rotation
        const least = loop.reduce((best, _, i) => {
          const rot = [...loop.slice(i), ...loop.slice(0, i)].join('\u0000');
          return rot < best ? rot : best;
        }, loop.join('\u0000'));
        if (!seen.has(least)) {
          seen.add(least);
          cycles.push([...loop, next]);
        }
      } else if (s === undefined) visit(next);
    }
    stack.pop();
    state.set(slug, 'done');
  };
  for (const slug of [...graph.keys()].sort(order)) if (!state.has(slug)) visit(slug);
  return cycles;
}

/** Returns `slug` and every article it requires directly or indirectly (a set of slugs). */
export function transitivePrerequisites(graph: PrerequisiteGraph, slug: string): Set<string> {
  const out = new Set<string>();
  const pending = [slug];
  while (pending.length > 0) {
    const s = pending.pop()!;
    if (out.has(s)) continue;
    out.add(s);
    pending.push(...nodeOf(graph, s, out.size === 1 ? 'slug' : 'graph').requires);
  }
  return out;
}

/**
 * Returns the reading order for `slug`: all its transitive prerequisites, each after everything it
 * requires, ties broken by title (so the order is deterministic), ending with `slug` itself.
 * Throws a RangeError naming the cycle ("A requires B requires A") when the prerequisites loop.
 */
export function readingOrder(graph: PrerequisiteGraph, slug: string): string[] {
  const members = transitivePrerequisites(graph, slug);
  const sub = new Map([...members].map((s) => [s, nodeOf(graph, s, 'graph')] as const));
  const cycle = findRequiresCycles(sub)[0];
  if (cycle) throw new RangeError(`graph: the prerequisites form a cycle: ${cycle.map((s) => graph.get(s)?.title ?? s).join(' requires ')}`);
  // Kahn's algorithm: an article is ready once all it requires has been placed; take the first ready by title
  const order = byTitle(graph);
  const missing = new Map([...sub].map(([s, n]) => [s, new Set(n.requires)] as const));
  const placed: string[] = [];
  const ready = () => [...missing].filter(([s, req]) => s !== slug && req.size === 0).map(([s]) => s).sort(order);
  for (let next = ready(); next.length > 0; next = ready()) {
    const s = next[0]!;
    placed.push(s);
    missing.delete(s);
    for (const req of missing.values()) req.delete(s);
  }
  placed.push(slug);
  return placed;
}

/** Returns the prerequisite graph of the wiki's articles (slug -> title and resolved prerequisites). */
export function prerequisiteGraph(articles: ReadonlyMap<string, { title: string; prerequisites: readonly string[] }>): PrerequisiteGraph {
  return new Map([...articles].map(([slug, a]) => [slug, { title: a.title, requires: a.prerequisites }] as const));
}

/** Returns the address of an article's reading path page, `/paths/<slug>/`. */
export const pathHref = (slug: string): string => `/paths/${slug}/`;
