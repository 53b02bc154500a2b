/**
 * `npm run export:offline [out.tar.gz]`: packs the built site (run `npm run build` first) into one
 * archive, `equilibria-offline.tar.gz` by default, with the static server of scripts/serve.ts as a
 * plain `serve.mjs` and a README. Pagefind fetches its index over HTTP, so the site is read through
 * that server rather than from file:// URLs. The archive is reproducible: files sorted, owners
 * zeroed, every timestamp the date of the last commit (never the clock), gzip without a name or time.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transformSync } from 'esbuild';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'dist');
const out = resolve(process.argv[2] ?? join(root, 'equilibria-offline.tar.gz'));
const FOLDER = 'equilibria-offline';
const PORT = 4321;

if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'pagefind'))) {
  console.error('dist/ (with its search index) is missing: run `npm run build` first.');
  process.exit(1);
}

/** Seconds since the epoch of the last commit, so the archive's timestamps come from history. */
function commitTime(): number {
  try {
    return Number(execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()) || 0;
  } catch {
    return 0; // not a git checkout: the epoch, still reproducible
  }
}

/** scripts/serve.ts as plain JavaScript, serving the `site/` folder beside it whatever the working directory. */
function serverScript(): string {
  const source = readFileSync(join(root, 'scripts', 'serve.ts'), 'utf8');
  const from = "resolve(process.argv[2] ?? 'dist')";
  if (!source.includes(from)) throw new Error(`scripts/serve.ts no longer contains ${from}: update export-offline.ts to match.`);
  const { code: js } = transformSync(source.replace(from, "resolve(import.meta.dirname, process.argv[2] ?? 'site')"), { loader: 'ts', format: 'esm' });
  return `// The static server of the offline archive (generated from scripts/serve.ts): node serve.mjs [folder] [port]\n${js}`;
}

const README = `Equilibria, for offline reading
================================

This folder holds the whole wiki: every article, its search index and its simulations.

To read it, run this in this folder (any Node.js 22 or later):

    node serve.mjs

then open http://127.0.0.1:${PORT}/ in a browser. Another port: node serve.mjs site 8080.

Search needs the site to be served over HTTP like this: opening site/index.html directly
from disk (file://) shows the articles, but search and simulations will not work.

Text CC BY-SA 4.0, code MIT.
`;

const stage = mkdtempSync(join(tmpdir(), 'equilibria-export-'));
try {
  const folder = join(stage, FOLDER);
  cpSync(dist, join(folder, 'site'), { recursive: true });
  writeFileSync(join(folder, 'serve.mjs'), serverScript());
  writeFileSync(join(folder, 'README.txt'), README);
  const mtime = `@${commitTime()}`;
  execFileSync(
    'tar',
    ['--sort=name', `--mtime=${mtime}`, '--owner=0', '--group=0', '--numeric-owner', '--format=gnu', '--use-compress-program=gzip -n -9', '-cf', out, '-C', stage, FOLDER],
    { stdio: 'inherit' },
  );
} finally {
  rmSync(stage, { recursive: true, force: true });
}
console.log(`wrote ${out} (${(statSync(out).size / 1e6).toFixed(1)} MB): unpack it and run \`node serve.mjs\` in ${FOLDER}/`);
