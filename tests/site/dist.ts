/** Reads the built site in dist/ for the site checks. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const DIST = join(import.meta.dirname, '..', '..', 'dist');

export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/ is missing: run `npm run build` before the site checks.');
}

/** Every file under dist/, as paths relative to it with forward slashes. */
export function distFiles(dir = DIST): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...distFiles(full));
    else out.push(relative(DIST, full).split('\\').join('/'));
  }
  return out;
}

export type Page = { file: string; path: string; html: string };

/** Every HTML page with its URL path (`/wiki/x/` for `wiki/x/index.html`). */
export function htmlPages(): Page[] {
  return distFiles()
    .filter((f) => f.endsWith('.html'))
    .map((file) => ({
      file,
      path: '/' + file.replace(/index\.html$/, '').replace(/\.html$/, '.html'),
      html: readFileSync(join(DIST, file), 'utf8'),
    }));
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Values of one attribute on every tag (Astro always writes attributes with double quotes). */
export function attributeValues(html: string, attr: string): string[] {
  const re = new RegExp(`\\s${attr}="([^"]*)"`, 'g');
  return [...html.matchAll(re)].map((m) => decode(m[1] ?? ''));
}

/** Tags of one name with their raw attribute text. */
export function tags(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((m) => m[0]);
}

/** The inner HTML of the first element matching an opening-tag pattern, up to its closing tag. */
export function section(html: string, open: RegExp, close: string): string {
  const m = open.exec(html);
  if (!m) return '';
  const start = m.index + m[0].length;
  const end = html.indexOf(close, start);
  return html.slice(start, end === -1 ? undefined : end);
}
