import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { requireDist, htmlPages, attributeValues, section, type Page } from './dist.ts';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';
import { allOpenChallenges, isMarked, openChallenges } from '../../src/wiki/talk.ts';
import { parseTalk } from '../../src/wiki/talk.ts';

const root = join(import.meta.dirname, '..', '..');
const content = readContent(root);
const graph = buildWikiGraph(content);
let byPath = new Map<string, Page>();
const html = (path: string) => {
  const page = byPath.get(path);
  if (!page) throw new Error(`dist/ has no page ${path}`);
  return page.html;
};

beforeAll(() => {
  requireDist();
  byPath = new Map(htmlPages().map((p) => [p.path, p]));
});

describe('talk pages in the built site', () => {
  it('builds /talk/<slug>/ for every talk file, and for nothing else', () => {
    expect(content.talk.length).toBeGreaterThan(0);
    const fromFiles = content.talk.map((t) => parseTalk(t.file, t.text).fileSlug).sort();
    const built = [...byPath.keys()].filter((p) => p.startsWith('/talk/')).map((p) => p.split('/')[2]).sort();
    expect(built).toEqual(fromFiles);
  });

  it('renders every challenge of a talk file under its id, with its responses', () => {
    for (const page of graph.talk.values()) {
      const doc = html(`/talk/${page.slug}/`);
      for (const c of page.challenges) {
        const block = section(doc, new RegExp(`<article class="challenge" id="${c.id}"[^>]*>`), '</article>');
        expect(block, c.id).toContain(c.title.replace(/&/g, '&amp;'));
        const count = (rs: typeof c.responses): number => rs.reduce((n, r) => n + 1 + count(r.replies), 0);
        expect(block.match(/<li class="response">/g)?.length ?? 0, c.id).toBe(count(c.responses));
      }
    }
  });

  it('shows "Talk (n open challenges)" beside the title of exactly the articles with a talk page', () => {
    for (const node of graph.articles.values()) {
      const tools = section(html(`/wiki/${node.slug}/`), /<div class="article-tools"[^>]*>/, '</div>');
      const talk = graph.talk.get(node.slug);
      if (!talk) {
        expect(tools, node.slug).not.toContain('/talk/');
        continue;
      }
      const n = openChallenges(talk);
      const label = n === 0 ? 'no open challenges' : `${n} open challenge${n === 1 ? '' : 's'}`;
      expect(tools).toContain(`<a class="talk-link" href="/talk/${node.slug}/">Talk (${label})</a>`);
    }
  });

  it('marks every open or answered challenge once in its article, linking to the challenge', () => {
    let marks = 0;
    for (const page of graph.talk.values()) {
      const article = html(`/wiki/${page.slug}/`);
      for (const c of page.challenges) {
        const mark = new RegExp(`<sup class="challenge-mark" id="challenge-${c.id}"[^>]*>\\[<a href="/talk/${page.slug}/#${c.id}"`, 'g');
        expect(article.match(mark)?.length ?? 0, c.id).toBe(isMarked(c.status) ? 1 : 0);
        if (isMarked(c.status)) marks++;
      }
    }
    expect(marks).toBeGreaterThan(0);
  });
});

describe('/special/open-challenges/', () => {
  it('lists exactly the open challenges of the talk files, newest first', () => {
    const doc = html('/special/open-challenges/');
    const listed = attributeValues(doc, 'data-challenge');
    // computed from the files independently of the page: status open, sorted by date descending
    const fromFiles = content.talk
      .flatMap((t) => {
        const parsed = parseTalk(t.file, t.text);
        return (parsed.frontmatter?.challenges ?? []).filter((c) => c.status === 'open').map((c) => ({ key: `${parsed.fileSlug}#${c.id}`, date: c.date }));
      })
      .sort((a, b) => b.date.localeCompare(a.date) || a.key.localeCompare(b.key))
      .map((x) => x.key);
    expect(listed).toEqual(fromFiles);
    expect(listed).toEqual(allOpenChallenges(graph.talk).map((o) => `${o.slug}#${o.challenge.id}`));
  });
});

describe('/special/statistics/', () => {
  it('shows the current figures of the graph and one chart per figure', () => {
    const doc = html('/special/statistics/');
    const row = (key: string) => Number(/<td>([\d,]+)<\/td>/.exec(section(doc, new RegExp(`<tr data-figure="${key}">`), '</tr>'))?.[1]?.replace(/,/g, ''));
    const nodes = [...graph.articles.values()];
    expect(row('articles')).toBe(graph.articles.size);
    expect(row('stub')).toBe(nodes.filter((a) => a.status === 'stub').length);
    expect(row('redLinks')).toBe(nodes.reduce((n, a) => n + a.redLinks.length, 0));
    expect(row('openChallenges')).toBe(allOpenChallenges(graph.talk).length);
    expect(doc.match(/<svg class="stat-chart" role="img"/g)?.length).toBe(9);
    expect(doc).not.toMatch(/<script(?![^>]*type="application\/json")[^>]*>(?!\s*<\/script>)[\s\S]*?stat/);
  });
});
