import { afterAll, describe, expect, test } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freezeWikiGraph, getWikiGraph } from '../../src/wiki/graph.ts';

const fixture = join(import.meta.dirname, '..', 'fixtures', 'valid-wiki');
const roots: string[] = [];
function copy(): string {
  const root = mkdtempSync(join(tmpdir(), 'equilibria-graph-cache-'));
  cpSync(fixture, root, { recursive: true });
  roots.push(root);
  return root;
}
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

/** Adds a sentence to the first article and moves its modification time on, as an editor would. */
function edit(root: string, slug: string): void {
  const file = join(root, 'content', 'articles', `${slug}.mdx`);
  appendFileSync(file, '\nA sentence added by the cache test.\n');
  const later = new Date(Date.now() + 60_000);
  utimesSync(file, later, later);
}

describe('getWikiGraph cache', () => {
  test('getWikiGraph returns the same graph while nothing changes, and a new one after an edit (astro dev)', () => {
    const root = copy();
    const first = getWikiGraph(root);
    expect(getWikiGraph(root)).toBe(first);
    // a trailing slash names the same project
    expect(getWikiGraph(`${root}/`)).toBe(first);
    const slug = [...first.articles.keys()][0]!;
    edit(root, slug);
    const second = getWikiGraph(root);
    expect(second).not.toBe(first);
    expect(second.articles.get(slug)!.wordCount).toBeGreaterThan(first.articles.get(slug)!.wordCount);
  });

  test('freezeWikiGraph makes later calls skip the check (astro build), for that project only', () => {
    const root = copy();
    const frozen = freezeWikiGraph(root);
    edit(root, [...frozen.articles.keys()][0]!);
    expect(getWikiGraph(root)).toBe(frozen);
    expect(getWikiGraph(`${root}/`)).toBe(frozen);
    // another project is read afresh, and is not frozen
    const other = copy();
    const otherGraph = getWikiGraph(other);
    expect(otherGraph).not.toBe(frozen);
    edit(other, [...otherGraph.articles.keys()][0]!);
    expect(getWikiGraph(other)).not.toBe(otherGraph);
  });
});
