/**
 * The offline manifest: when the build is done (after the search index is written), lists every
 * file a reader needs offline — each page by its URL, the Pagefind index under /pagefind/ and the
 * scripts and styles under /_astro/ — and writes it to dist/offline-manifest.json with a version
 * that is a hash of the files' contents, so a changed build gets a new cache and the service
 * worker (public/sw.js) replaces the old one. No clock is read: the same dist/ gives the same file.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The manifest's file name at the root of dist/. */
export const OFFLINE_MANIFEST = 'offline-manifest.json';

/** The offline manifest: a content hash of the build, the URLs to cache, and their total size in bytes. */
export type OfflineManifest = { readonly version: string; readonly bytes: number; readonly urls: readonly string[] };

// not worth a reader's disk: the service worker itself, the manifest, and the legacy font formats
// KaTeX lists after woff2 (every browser with service workers reads woff2)
const SKIP = [/^offline-manifest\.json$/, /^sw\.js$/, /^_astro\/.*\.(?:ttf|woff)$/];

function walk(dir: string, root: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, root, out);
    else out.push(relative(root, full).split('\\').join('/'));
  }
}

/** Returns the URL a file of dist/ is served at: `/wiki/x/` for `wiki/x/index.html`, `/` for `index.html`, else `/path`. */
export function urlOfDistFile(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/** Returns the offline manifest of the built site in `dir` (files sorted, so the result depends only on their paths and contents). */
export function offlineManifest(dir: string): OfflineManifest {
  const files: string[] = [];
  walk(dir, dir, files);
  const kept = files.filter((f) => !SKIP.some((re) => re.test(f))).sort();
  if (!kept.includes('index.html')) throw new RangeError(`offlineManifest: ${dir} has no index.html; is it a built site?`);
  const hash = createHash('sha256');
  let bytes = 0;
  for (const f of kept) {
    const body = readFileSync(join(dir, f));
    bytes += body.length;
    hash.update(f).update('\0').update(createHash('sha256').update(body).digest()).update('\0');
  }
  return { version: hash.digest('hex').slice(0, 16), bytes, urls: kept.map(urlOfDistFile) };
}

/** Writes dist/offline-manifest.json for the built site in `dir` and returns the manifest. */
export function writeOfflineManifest(dir: string): OfflineManifest {
  const manifest = offlineManifest(dir);
  writeFileSync(join(dir, OFFLINE_MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** Returns the Astro integration that writes the offline manifest when the build is done; list it after the wiki integration, whose hook writes the search index. */
export function offlineIntegration(): AstroIntegration {
  return {
    name: 'equilibria-offline',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const m = writeOfflineManifest(fileURLToPath(dir));
        logger.info(`offline manifest: ${m.urls.length} files, ${(m.bytes / 1e6).toFixed(1)} MB, version ${m.version}`);
      },
    },
  };
}
