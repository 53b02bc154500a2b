/**
 * The wiki's Astro integration: checks all content before a build starts (so a broken article
 * fails fast with every problem listed, not midway with one), and indexes `dist/` with Pagefind
 * when the build is done.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { freezeWikiGraph, getWikiGraph } from './graph.ts';
import { ContentError, formatProblem } from './problems.ts';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { headersFile, metaPolicy } from './csp.ts';

/** Every HTML file under `dir`, as [URL path, file]. */
function htmlFiles(dir: string, base = dir): [string, string][] {
  return readdirSync(dir).sort().flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p, base);
    if (!name.endsWith('.html')) return [];
    const rel = relative(base, p).split('\\').join('/');
    return [[`/${rel.replace(/index\.html$/, '')}`, p] as [string, string]];
  });
}

const ISLAND_STYLE = '<style>astro-island,astro-slot,astro-static-slot{display:contents}</style>';

/** `html` with Astro's island style moved from the body into the head (once). */
export function hoistIslandStyle(html: string): string {
  const head = html.indexOf('</head>');
  const at = html.indexOf(ISLAND_STYLE, head);
  if (head === -1 || at === -1) return html;
  const without = html.slice(0, at) + html.slice(at + ISLAND_STYLE.length);
  return html.slice(0, head).includes(ISLAND_STYLE) ? without : without.slice(0, head) + ISLAND_STYLE + without.slice(head);
}

export function wikiIntegration(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'equilibria-wiki',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        // a build reads the content once: the pages it renders all share this graph
        const graph = command === 'build' ? freezeWikiGraph(root) : getWikiGraph(root);
        if (graph.problems.length === 0) return;
        if (command === 'build') throw new ContentError(graph.problems);
        // in dev the server keeps running; the page with the problem shows it in the overlay
        for (const p of graph.problems) logger.warn(formatProblem(p));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        // Astro writes the islands' one-line <style> where the first island renders, inside the
        // body, where HTML does not allow <style>: move it into <head> (its CSP hash is unchanged)
        for (const [, file] of htmlFiles(out)) {
          const html = readFileSync(file, 'utf8');
          const fixed = hoistIslandStyle(html);
          if (fixed !== html) writeFileSync(file, fixed);
        }
        // the same Content-Security-Policy as each page's <meta>, plus frame-ancestors, for hosts that read _headers
        const pages = htmlFiles(out).flatMap(([path, file]) => {
          const policy = metaPolicy(readFileSync(file, 'utf8'));
          return policy ? [{ path, policy }] : [];
        });
        writeFileSync(join(out, '_headers'), headersFile(pages));
        const pagefind = await import('pagefind');
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const site = fileURLToPath(dir);
        const added = await index.addDirectory({ path: site });
        if (added.errors.length > 0) throw new Error(`Pagefind failed to index: ${added.errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${site.replace(/\/$/, '')}/pagefind` });
        if (written.errors.length > 0) throw new Error(`Pagefind failed to write: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Pagefind indexed ${added.page_count} pages`);
      },
    },
  };
}
