import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { requireDist, htmlPages, attributeValues, section, type Page } from './dist.ts';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';

const root = join(import.meta.dirname, '..', '..');
const graph = buildWikiGraph(readContent(root));
const withPrerequisites = [...graph.articles.values()].filter((a) => a.prerequisites.length > 0);
let byPath = new Map<string, Page>();

beforeAll(() => {
  requireDist();
  byPath = new Map(htmlPages().map((p) => [p.path, p]));
});

/** Slugs of the article links inside a piece of HTML, in order. */
const articleLinks = (html: string) => attributeValues(html, 'href').filter((h) => h.startsWith('/wiki/')).map((h) => h.slice('/wiki/'.length, -1));

describe('learning paths in the built site', () => {
  it('the wiki has enough prerequisites to make paths worth having', () => {
    expect(withPrerequisites.length).toBeGreaterThanOrEqual(10);
  });

  it('builds /paths/<slug>/ for exactly the articles with prerequisites', () => {
    const built = [...byPath.keys()].filter((p) => p.startsWith('/paths/')).sort();
    expect(built).toEqual(withPrerequisites.map((a) => `/paths/${a.slug}/`).sort());
  });

  it('each reading path covers every transitive prerequisite once, respects every `requires` edge and ends with the article', () => {
    for (const a of withPrerequisites) {
      const html = byPath.get(`/paths/${a.slug}/`)!.html;
      const order = attributeValues(section(html, /<ol class="reading-path"[^>]*>/, '</ol>'), 'data-slug');
      // the closure, recomputed here by a plain walk over the resolved `requires`
      const closure = new Set<string>();
      const pending = [a.slug];
      while (pending.length > 0) {
        const s = pending.pop()!;
        if (!closure.has(s)) closure.add(s), pending.push(...graph.articles.get(s)!.prerequisites);
      }
      expect(new Set(order), a.slug).toEqual(closure);
      expect(order).toHaveLength(closure.size);
      expect(order.at(-1)).toBe(a.slug);
      const at = new Map(order.map((s, i) => [s, i]));
      for (const s of order) for (const r of graph.articles.get(s)!.prerequisites) {
        expect(at.get(r)!, `${a.slug}: ${r} before ${s}`).toBeLessThan(at.get(s)!);
      }
    }
  });

  it('the path for VCG mechanism reads Game theory, Mechanism design and Vickrey auction first', () => {
    const html = byPath.get('/paths/vcg-mechanism/')!.html;
    expect(attributeValues(section(html, /<ol class="reading-path"[^>]*>/, '</ol>'), 'data-slug')).toEqual(['game-theory', 'mechanism-design', 'vickrey-auction', 'vcg-mechanism']);
  });

  it('"Read first" lists exactly the direct prerequisites and links the reading path; other articles have no box', () => {
    for (const a of graph.articles.values()) {
      const html = byPath.get(`/wiki/${a.slug}/`)!.html;
      const box = section(html, /<section class="read-first"[^>]*>/, '</section>');
      if (a.prerequisites.length === 0) {
        expect(box, a.slug).toBe('');
        continue;
      }
      expect(articleLinks(box), a.slug).toEqual(a.prerequisites);
      expect(attributeValues(box, 'href')).toContain(`/paths/${a.slug}/`);
      // near the top: before the article body's first section heading
      expect(html.indexOf('class="read-first"')).toBeLessThan(html.indexOf('class="article-tools"'));
    }
  });
});

describe('summary levels in the built site', () => {
  const withSummaries = [...graph.articles.values()].filter((a) => a.summaries);
  it('at least six articles offer simpler and deeper summaries', () => {
    expect(withSummaries.filter((a) => a.summaries?.brief && a.summaries.technical).length).toBeGreaterThanOrEqual(6);
  });
  it('articles with summaries show the standard text without JavaScript and carry the others for the switch', () => {
    for (const a of withSummaries) {
      const html = byPath.get(`/wiki/${a.slug}/`)!.html;
      const p = /<p class="summary"[^>]*>([^<]*)<\/p>/.exec(html);
      expect(p?.[0], a.slug).toBeDefined();
      const tag = p![0];
      expect(attributeValues(tag, 'data-summary-brief')).toEqual(a.summaries?.brief ? [a.summaries.brief] : []);
      expect(attributeValues(tag, 'data-summary-technical')).toEqual(a.summaries?.technical ? [a.summaries.technical] : []);
      expect(attributeValues(tag, 'data-summary-standard')).toEqual([a.summary]);
      expect(p![1]!.replace(/&#39;/g, "'").replace(/&amp;/g, '&')).toBe(a.summary);
      expect(html).toMatch(/<fieldset class="summary-switch" hidden/);
    }
  });
  it('articles without summaries have no switch', () => {
    for (const a of graph.articles.values()) if (!a.summaries) expect(byPath.get(`/wiki/${a.slug}/`)!.html, a.slug).not.toContain('<fieldset class="summary-switch"');
  });
});
