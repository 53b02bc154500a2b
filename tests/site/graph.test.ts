import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, requireDist, distFiles, htmlPages, section } from './dist.ts';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';
import { layoutLinkGraph, linkGraphInput } from '../../src/wiki/link-graph-layout.ts';
import { offlineManifest, urlOfDistFile } from '../../src/wiki/offline-integration.ts';

const root = join(import.meta.dirname, '..', '..');
const graph = buildWikiGraph(readContent(root));
let html = '';

beforeAll(() => {
  requireDist();
  html = readFileSync(join(DIST, 'special', 'graph', 'index.html'), 'utf8');
});

const svgOf = (page: string) => section(page, /<svg class="graph-svg"[^>]*>/, '</svg>');

describe('/special/graph/', () => {
  it('draws every article as a link to it with a <title>, sized and placed by the build-time layout', () => {
    const svg = svgOf(html);
    const layout = layoutLinkGraph(linkGraphInput(graph));
    const nodes = [...svg.matchAll(/<a href="\/wiki\/([^/]+)\/"[^>]*><title>([^<]*)<\/title><circle cx="([^"]+)" cy="([^"]+)" r="([^"]+)"/g)];
    expect(nodes).toHaveLength(graph.articles.size);
    for (const [, slug, title, cx, cy, r] of nodes) {
      const n = layout.nodes.find((x) => x.slug === slug)!;
      expect(title, slug).toContain(graph.articles.get(slug!)!.title.replace(/&/g, '&amp;'));
      expect([Number(cx), Number(cy), Number(r)], slug).toEqual([n.x, n.y, n.r]);
    }
  });

  it('draws one line per link, each joining the centres of two articles where the first links to the second', () => {
    const svg = svgOf(html);
    const centre = new Map<string, string>();
    for (const [, slug, cx, cy] of svg.matchAll(/<a href="\/wiki\/([^/]+)\/"[^>]*><title>[^<]*<\/title><circle cx="([^"]+)" cy="([^"]+)"/g)) centre.set(`${cx},${cy}`, slug!);
    const lines = [...svg.matchAll(/<line x1="([^"]+)" y1="([^"]+)" x2="([^"]+)" y2="([^"]+)"/g)];
    const drawn = lines.map(([, x1, y1, x2, y2]) => `${centre.get(`${x1},${y1}`)}>${centre.get(`${x2},${y2}`)}`).sort();
    const links = [...graph.articles.values()].flatMap((a) => a.linksTo.map((t) => `${a.slug}>${t}`)).sort();
    expect(drawn).toEqual(links);
  });

  it('has a legend naming every first category, and hydrates the explorer when visible', () => {
    const legend = section(html, /<ul class="graph-legend"[^>]*>/, '</ul>');
    const firsts = new Set([...graph.articles.values()].map((a) => a.categories[0]).filter(Boolean));
    for (const c of firsts) expect(legend).toContain(`>${c!.replace(/&/g, '&amp;')}</a>`);
    expect(html).toMatch(/<astro-island[^>]*component-export="GraphExplorer"[^>]*client="visible"/);
  });
});

describe('offline reading', () => {
  it('ships the service worker and the offline page', () => {
    expect(existsSync(join(DIST, 'sw.js'))).toBe(true);
    const page = htmlPages().find((p) => p.path === '/special/offline/')!;
    expect(page.html).toContain('id="offline-save"');
  });

  it('offlineManifest(dist) lists every page, the whole search index and every script of the build', () => {
    const m = offlineManifest(DIST);
    const urls = new Set(m.urls);
    const files = distFiles();
    for (const f of files.filter((x) => x.endsWith('.html') || x.startsWith('pagefind/') || /^_astro\/.*\.(?:js|css|woff2)$/.test(x))) {
      expect(urls.has(urlOfDistFile(f)), f).toBe(true);
    }
    for (const slug of graph.articles.keys()) expect(urls.has(`/wiki/${slug}/`)).toBe(true);
    expect(urls.has('/pagefind/pagefind-entry.json')).toBe(true);
    expect(m.version).toMatch(/^[0-9a-f]{16}$/);
    expect(offlineManifest(DIST)).toEqual(m);
    // the manifest never lists itself or the worker
    expect(urls.has('/offline-manifest.json')).toBe(false);
    expect(urls.has('/sw.js')).toBe(false);
  });
});

describe('offlineManifest', () => {
  it('offlineManifest(dir) changes its version when a file changes, and only then', () => {
    const dir = mkdtempSync(join(tmpdir(), 'offline-manifest-'));
    try {
      mkdirSync(join(dir, 'wiki', 'a'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), '<p>home</p>');
      writeFileSync(join(dir, 'wiki', 'a', 'index.html'), '<p>a</p>');
      const first = offlineManifest(dir);
      expect(first.urls).toEqual(['/', '/wiki/a/']);
      expect(first.bytes).toBe(19);
      expect(offlineManifest(dir).version).toBe(first.version);
      writeFileSync(join(dir, 'wiki', 'a', 'index.html'), '<p>b</p>');
      expect(offlineManifest(dir).version).not.toBe(first.version);
      rmSync(join(dir, 'index.html'));
      expect(() => offlineManifest(dir)).toThrow(RangeError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
