import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { DIST, requireDist, htmlPages, attributeValues, tags, section, distFiles, type Page } from './dist.ts';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';

const root = join(import.meta.dirname, '..', '..');
const graph = buildWikiGraph(readContent(root));
let pages: Page[] = [];
let byPath = new Map<string, Page>();

beforeAll(() => {
  requireDist();
  pages = htmlPages();
  byPath = new Map(pages.map((p) => [p.path, p]));
});

describe('the built site', () => {
  it('builds a page for every article and a redirect for every alias', () => {
    expect(graph.articles.size).toBeGreaterThanOrEqual(9);
    for (const slug of graph.articles.keys()) expect(byPath.has(`/wiki/${slug}/`), slug).toBe(true);
    for (const [slug, r] of graph.redirects) {
      const page = byPath.get(`/wiki/${slug}/`);
      expect(page?.html, slug).toContain(`url=/wiki/${r.target}/`);
      expect(page?.html).toMatch(new RegExp(`rel="canonical" href="[^"]*/wiki/${r.target}/"`));
    }
  });

  it('has a robots.txt that allows crawling and names the sitemap the build wrote', () => {
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \/$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(robots)?.[1];
    expect(sitemap).toBeDefined();
    expect(existsSync(join(DIST, new URL(sitemap!).pathname))).toBe(true);
  });

  it('has no broken internal link or anchor anywhere in dist/', () => {
    const ids = new Map(pages.map((p) => [p.path, new Set(attributeValues(p.html, 'id'))]));
    const files = new Set(distFiles());
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      for (const href of [...attributeValues(page.html, 'href'), ...attributeValues(page.html, 'src')]) {
        if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(href)) continue; // another scheme or host: not ours to check
        const url = new URL(href, `http://site${page.path}`);
        const path = decodeURIComponent(url.pathname);
        const hash = decodeURIComponent(url.hash.slice(1));
        checked++;
        const target = byPath.has(path) ? path : undefined;
        const asFile = path.replace(/^\//, '');
        if (!target && !files.has(asFile)) {
          broken.push(`${page.path}: ${href} (no such page or file)`);
          continue;
        }
        if (hash && target && !ids.get(target)?.has(hash)) broken.push(`${page.path}: ${href} (no element with id "${hash}")`);
      }
    }
    expect(broken).toEqual([]);
    // a checker that skips everything would pass silently: insist it looked at real links
    expect(checked).toBeGreaterThan(20 * graph.articles.size);
  });

  it('lists in "What links here" exactly the articles whose text links to the page', () => {
    // recompute backlinks from the HTML of the article bodies, independently of the graph
    const fromHtml = new Map<string, Set<string>>();
    for (const slug of graph.articles.keys()) fromHtml.set(slug, new Set());
    for (const slug of graph.articles.keys()) {
      const body = section(byPath.get(`/wiki/${slug}/`)!.html, /<article\b[^>]*>/, '<section class="see-also"') ;
      for (const href of attributeValues(body, 'href')) {
        const m = /^\/wiki\/([^/#]+)\//.exec(href);
        if (m?.[1] && m[1] !== slug && fromHtml.has(m[1])) fromHtml.get(m[1])!.add(slug);
      }
    }
    for (const slug of graph.articles.keys()) {
      const box = section(byPath.get(`/wiki/${slug}/`)!.html, /<section class="meta-box"[^>]*>/, '</section>');
      const listed = attributeValues(box, 'href').map((h) => /^\/wiki\/([^/#]+)\//.exec(h)?.[1]);
      expect(new Set(listed), slug).toEqual(fromHtml.get(slug));
      expect(listed.sort(), slug).toEqual([...(graph.backlinks.get(slug) ?? [])].sort());
    }
  });

  it('marks red links with class "new" pointing at their wanted-pages entry', () => {
    const wanted = byPath.get('/special/wanted-pages/')!.html;
    const red = pages.flatMap((p) => tags(p.html, 'a').filter((t) => /class="[^"]*\bnew\b/.test(t)));
    expect(red.length).toBeGreaterThan(0);
    for (const tag of red) {
      const href = /href="([^"]*)"/.exec(tag)?.[1] ?? '';
      expect(href).toMatch(/^\/special\/wanted-pages\/#[a-z0-9-]+$/);
      expect(wanted).toContain(`id="${href.split('#')[1]}"`);
    }
  });

  it('indexes every article with Pagefind, and nothing else', () => {
    const entry = JSON.parse(readFileSync(join(DIST, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    const count = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(count).toBe(graph.articles.size);
    for (const slug of graph.articles.keys()) {
      const html = byPath.get(`/wiki/${slug}/`)!.html;
      expect(html.match(/data-pagefind-body/g)?.length, slug).toBe(1);
      expect(section(html, /<article\b[^>]*data-pagefind-body[^>]*>/, '</article>')).toContain('data-pagefind-filter="category"');
    }
  });

  it('keeps KaTeX MathML out of the search index', () => {
    const withMath = pages.filter((p) => p.html.includes('class="katex-mathml"'));
    expect(withMath.length).toBeGreaterThan(0);
    for (const p of withMath) expect(p.html).not.toMatch(/class="katex-mathml"(?![^>]*data-pagefind-ignore)/);
  });

  it('loads nothing from another host', () => {
    const offenders: string[] = [];
    for (const page of pages) {
      for (const tag of [...tags(page.html, 'script'), ...tags(page.html, 'img'), ...tags(page.html, 'iframe'), ...tags(page.html, 'source'), ...tags(page.html, 'link')]) {
        if (/^<link/i.test(tag) && !/rel="(?:stylesheet|preload|modulepreload|icon|manifest)"/.test(tag)) continue;
        const url = /(?:src|href)="([^"]*)"/.exec(tag)?.[1];
        if (url && /^(?:[a-z]+:)?\/\//i.test(url)) offenders.push(`${page.path}: ${tag}`);
      }
    }
    for (const css of distFiles().filter((f) => f.endsWith('.css'))) {
      for (const m of readFileSync(join(DIST, css), 'utf8').matchAll(/url\(\s*['"]?([^'")]+)/g)) {
        if (/^(?:[a-z]+:)?\/\//i.test(m[1] ?? '') && !(m[1] ?? '').startsWith('data:')) offenders.push(`${css}: ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('serves the KaTeX fonts itself', () => {
    expect(distFiles().some((f) => /KaTeX_Main-Regular.*\.woff2$/.test(f))).toBe(true);
  });

  it('lists every article in the sitemap and no redirect', () => {
    expect(existsSync(join(DIST, 'sitemap-index.xml'))).toBe(true);
    const xml = distFiles().filter((f) => /^sitemap-\d+\.xml$/.test(f)).map((f) => readFileSync(join(DIST, f), 'utf8')).join('\n');
    for (const slug of graph.articles.keys()) expect(xml, slug).toContain(`/wiki/${slug}/</loc>`);
    for (const slug of graph.redirects.keys()) expect(xml).not.toContain(`/wiki/${slug}/</loc>`);
  });

  it('gives every article its summary as meta description and a numbered reference list', () => {
    for (const node of graph.articles.values()) {
      const html = byPath.get(`/wiki/${node.slug}/`)!.html;
      expect(html).toContain(`<meta name="description" content="${node.summary.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
      const refs = section(html, /<section class="references"[^>]*>/, '</section>');
      expect(refs.match(/<li id="ref-/g)?.length ?? 0, node.slug).toBe(node.citations.length);
    }
  });
});

describe('contextual links', () => {
  it('shows, in "What links here", the sentence around each link with the link text highlighted', () => {
    let contexts = 0;
    for (const slug of graph.articles.keys()) {
      const box = section(byPath.get(`/wiki/${slug}/`)!.html, /<section class="meta-box"[^>]*>/, '</section>');
      for (const m of box.matchAll(/<span class="link-context">([\s\S]*?)<\/span>/g)) {
        contexts++;
        expect(m[1]).toMatch(/<strong>[^<]+<\/strong>/);
      }
    }
    expect(contexts).toBeGreaterThan(graph.articles.size);
  });

  it('offers "Create this page" for every wanted page, opening the right file', () => {
    const html = byPath.get('/special/wanted-pages/')!.html;
    const links = attributeValues(html, 'href').filter((h) => h.includes('/new/'));
    expect(links).toHaveLength(graph.wanted.length);
    for (const [i, w] of graph.wanted.entries()) {
      expect(new URL(links[i]!).searchParams.get('filename')).toBe(`content/articles/${w.slug}.mdx`);
    }
  });

  it('marks articles with a simulation for the "has a simulation" search filter', () => {
    for (const node of graph.articles.values()) {
      const html = byPath.get(`/wiki/${node.slug}/`)!.html;
      const has = node.embeds.some((e) => e.component === 'Sim');
      expect(html.includes('data-pagefind-filter="content:Has a simulation"'), node.slug).toBe(has);
    }
  });
});

describe('growth and citation', () => {
  it('lists every stub on /special/stubs/ and marks stub articles', () => {
    const html = byPath.get('/special/stubs/')!.html;
    for (const node of graph.articles.values()) {
      const listed = html.includes(`href="/wiki/${node.slug}/"`);
      expect(listed, node.slug).toBe(node.status === 'stub');
      expect(byPath.get(`/wiki/${node.slug}/`)!.html.includes('class="notice stub-notice"'), node.slug).toBe(node.status === 'stub');
    }
  });
  it('pins "Cite this page" to the commit the site was built from', () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const html = byPath.get('/wiki/nash-equilibrium/')!.html;
    expect(section(html, /<details class="cite-page"[^>]*>/, '</details>')).toContain(`Version ${head.slice(0, 12)}`);
  });
});

describe('recent changes', () => {
  it('lists the commits that changed articles, with links to their diffs, newest first', () => {
    const log = execFileSync('git', ['log', '--format=%H', '--', 'content/articles'], { cwd: root, encoding: 'utf8' }).trim().split('\n').filter(Boolean);
    const html = byPath.get('/special/recent-changes/')!.html;
    const diffs = attributeValues(html, 'href').filter((h) => h.includes('/commit/')).map((h) => h.split('/commit/')[1]);
    expect(diffs).toEqual(log.slice(0, 100));
  });
  it('publishes an Atom feed whose entries point at articles and carry commit dates', () => {
    const xml = readFileSync(join(DIST, 'feed.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    const entries = [...xml.matchAll(/<entry>[\s\S]*?<link href="[^"]*\/wiki\/([a-z0-9-]+)\/"\/>[\s\S]*?<updated>([^<]+)<\/updated>/g)];
    expect(entries.length).toBeGreaterThan(0);
    for (const [, slug, date] of entries) {
      expect(graph.articles.has(slug!)).toBe(true);
      expect(Number.isNaN(Date.parse(date!))).toBe(false);
    }
  });
});
