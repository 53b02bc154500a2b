// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, distFiles, htmlPages, requireDist, type Page } from './dist.ts';
import { metaPolicy } from '../../src/wiki/csp.ts';
import { FIGURE_SIZE } from '../../src/wiki/figures.ts';

type Figure = { src: string; alt: string };
type Previews = { pages: Record<string, { title: string; summary: string; figure?: Figure }> };

let articles: { page: Page; slug: string; previews: Previews }[] = [];
beforeAll(() => {
  requireDist();
  articles = htmlPages().flatMap((page) => {
    const json = /<script type="application\/json" id="wiki-previews">([\s\S]*?)<\/script>/.exec(page.html)?.[1];
    const slug = /^\/wiki\/([^/]+)\/$/.exec(page.path)?.[1];
    return json && slug ? [{ page, slug, previews: JSON.parse(json) as Previews }] : [];
  });
});

const figures = () => articles.flatMap(({ page, previews }) => Object.entries(previews.pages).flatMap(([slug, p]) => (p.figure ? [{ from: page.path, slug, figure: p.figure }] : [])));
const fileOf = (src: string) => join(DIST, decodeURIComponent(new URL(src, 'http://site').pathname));

/** Parses an SVG file as a browser would load it through <img>: as XML, failing on malformed markup. */
function parseSvg(text: string, where: string): Document {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror'), where).toHaveLength(0);
  return doc;
}

describe('link preview figures', () => {
  it('some previews have figures, each a same-site address with alt text', () => {
    expect(articles.length).toBeGreaterThan(20);
    const all = figures();
    expect(all.length).toBeGreaterThan(100);
    for (const { from, figure } of all) {
      expect(figure.src, from).toMatch(/^\/(?!\/)/);
      expect(figure.alt.trim(), from).not.toBe('');
    }
  });

  it('every figure.src in every page’s preview data is a file in dist/, and a valid SVG or image', () => {
    const checked = new Set<string>();
    for (const { from, figure } of figures()) {
      const file = fileOf(figure.src);
      expect(existsSync(file), `${from}: ${figure.src} is not in dist/`).toBe(true);
      if (checked.has(file)) continue;
      checked.add(file);
      const bytes = readFileSync(file);
      if (!file.endsWith('.svg')) {
        // a raster image: PNG, JPEG, GIF or WebP by its magic number
        const hex = bytes.subarray(0, 12).toString('hex');
        expect(/^89504e47|^ffd8ff|^47494638|^52494646.{8}57454250/.test(hex), `${figure.src} is not an image`).toBe(true);
        continue;
      }
      const text = bytes.toString('utf8');
      const root = parseSvg(text, figure.src).documentElement;
      expect(root.tagName, figure.src).toBe('svg');
      expect(root.getAttribute('xmlns'), figure.src).toBe('http://www.w3.org/2000/svg');
      expect(root.getAttribute('viewBox'), figure.src).toMatch(/^[\d.]+ [\d.]+ [\d.]+ [\d.]+$/);
      expect(root.getAttribute('width'), figure.src).toBe(String(FIGURE_SIZE.width));
      expect(root.getAttribute('height'), figure.src).toBe(String(FIGURE_SIZE.height));
      expect(root.querySelector('title')?.textContent, figure.src).toBeTruthy();
      expect(root.querySelector('style')?.textContent, figure.src).toContain('prefers-color-scheme:dark');
      // an image runs nothing and loads nothing
      expect(text, figure.src).not.toMatch(/<script|<foreignObject|<image|<use|\son[a-z]+=|href=|url\((?!#)/i);
    }
    expect(checked.size).toBeGreaterThan(10);
  });

  it('every thumbnail in dist/thumbs/ is some preview’s figure and is listed in the offline manifest', () => {
    const thumbs = distFiles().filter((f) => f.startsWith('thumbs/'));
    expect(thumbs.length).toBeGreaterThan(10);
    const used = new Set(figures().map(({ figure }) => figure.src));
    const manifest = JSON.parse(readFileSync(join(DIST, 'offline-manifest.json'), 'utf8')) as { urls: string[] };
    for (const t of thumbs) {
      expect(t).toMatch(/^thumbs\/[a-z0-9-]+\.svg$/);
      expect(used.has(`/${t}`), `${t} is never previewed`).toBe(true);
      expect(manifest.urls, `${t} would be missing offline`).toContain(`/${t}`);
    }
  });

  it('a thumbnail draws the same picture as the static render on the article’s own page', () => {
    let compared = 0;
    for (const { page, slug } of articles) {
      const file = join(DIST, 'thumbs', `${slug}.svg`);
      if (!existsSync(file)) continue;
      const svg = readFileSync(file, 'utf8');
      // the first few shapes, by their geometry: each coordinate attribute is in the page as written
      const shapes = [...svg.matchAll(/<(?:path|line|polyline|polygon|rect|circle|ellipse) ([^>]*?)\/?>/g)].slice(0, 5);
      expect(shapes.length, slug).toBeGreaterThan(0);
      for (const shape of shapes) {
        const geometry = [...(shape[1] ?? '').matchAll(/\b(?:d|points|x|y|x1|y1|cx|cy|width|height)="[^"]*"/g)].map((m) => m[0]);
        expect(geometry.length, `${slug}: ${shape[0]}`).toBeGreaterThan(0);
        for (const g of geometry) expect(page.html, `${slug}: ${g}`).toContain(g);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('the pages that show figures allow images from the site itself', () => {
    for (const { page } of articles) {
      const imgSrc = metaPolicy(page.html)?.split(';').map((d) => d.trim()).find((d) => d.startsWith('img-src ')) ?? '';
      expect(imgSrc, page.path).toContain("'self'");
    }
  });
});
