import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRequiresCycles, readingOrder, transitivePrerequisites, type PrerequisiteGraph } from '../../src/wiki/learning-paths.ts';

/** A graph from "slug: required slugs" pairs; titles are the slugs upper-cased. */
const graphOf = (edges: Record<string, string[]>): PrerequisiteGraph =>
  new Map(Object.entries(edges).map(([s, requires]) => [s, { title: s.toUpperCase(), requires }]));

const auctions = graphOf({
  optimal: ['revenue'],
  revenue: ['vickrey'],
  vcg: ['mechanism', 'vickrey'],
  vickrey: [],
  mechanism: ['game'],
  game: [],
  unrelated: [],
});

describe('readingOrder', () => {
  it('readingOrder(vcg) lists every transitive prerequisite before what needs it, ties by title, then vcg', () => {
    expect(readingOrder(auctions, 'vcg')).toEqual(['game', 'mechanism', 'vickrey', 'vcg']);
  });
  it('readingOrder(optimal) follows a chain and leaves out articles it does not need', () => {
    expect(readingOrder(auctions, 'optimal')).toEqual(['vickrey', 'revenue', 'optimal']);
  });
  it('readingOrder of an article without prerequisites is the article alone', () => {
    expect(readingOrder(auctions, 'unrelated')).toEqual(['unrelated']);
  });
  it('readingOrder breaks ties by title, not by slug or insertion order', () => {
    const g: PrerequisiteGraph = new Map([
      ['z', { title: 'Apple', requires: [] }],
      ['a', { title: 'Zebra', requires: [] }],
      ['t', { title: 'Target', requires: ['a', 'z'] }],
    ]);
    expect(readingOrder(g, 't')).toEqual(['z', 'a', 't']);
  });
  it('readingOrder rejects a cycle with a RangeError naming it by titles', () => {
    const g = graphOf({ a: ['b'], b: ['c'], c: ['a'], top: ['a'] });
    expect(() => readingOrder(g, 'top')).toThrow(/A requires B requires C requires A/);
    expect(() => readingOrder(g, 'top')).toThrow(RangeError);
  });
  it('readingOrder rejects an unknown slug or an unknown prerequisite with a RangeError', () => {
    expect(() => readingOrder(auctions, 'nope')).toThrow(/slug: no article "nope"/);
    expect(() => readingOrder(graphOf({ a: ['ghost'] }), 'a')).toThrow(/no article "ghost"/);
  });

  // random DAGs: an article may only require articles with a smaller index, so no cycles
  const dag = fc.integer({ min: 1, max: 12 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) => fc.subarray(Array.from({ length: i }, (_, j) => `n${j}`))),
    ).map((reqs) => graphOf(Object.fromEntries(reqs.map((r, i) => [`n${i}`, r])))),
  );
  it('readingOrder on random acyclic graphs respects every edge, covers exactly the closure, ends with the target and is deterministic', () => {
    fc.assert(
      fc.property(dag, (g) => {
        for (const target of g.keys()) {
          const order = readingOrder(g, target);
          expect(new Set(order)).toEqual(transitivePrerequisites(g, target));
          expect(order).toHaveLength(new Set(order).size);
          expect(order.at(-1)).toBe(target);
          const at = new Map(order.map((s, i) => [s, i]));
          for (const s of order) for (const r of g.get(s)!.requires) expect(at.get(r)!).toBeLessThan(at.get(s)!);
          // the same graph built in reverse insertion order gives the same order
          expect(readingOrder(new Map([...g].reverse()), target)).toEqual(order);
        }
      }),
      { seed: 20261127, numRuns: 200 },
    );
  });
});

describe('findRequiresCycles', () => {
  it('findRequiresCycles returns [] for an acyclic graph', () => {
    expect(findRequiresCycles(auctions)).toEqual([]);
  });
  it('findRequiresCycles names a two-article cycle once, starting from the first title', () => {
    expect(findRequiresCycles(graphOf({ b: ['a'], a: ['b'] }))).toEqual([['a', 'b', 'a']]);
  });
  it('findRequiresCycles finds a self-requirement and separate cycles', () => {
    expect(findRequiresCycles(graphOf({ a: ['a'], b: ['c'], c: ['d'], d: ['b'], e: [] }))).toEqual([
      ['a', 'a'],
      ['b', 'c', 'd', 'b'],
    ]);
  });
  it('findRequiresCycles rejects a prerequisite missing from the graph', () => {
    expect(() => findRequiresCycles(graphOf({ a: ['ghost'] }))).toThrow(RangeError);
  });
});
