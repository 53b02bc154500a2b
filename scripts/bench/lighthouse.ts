/**
 * `npm run bench:lighthouse` (after `npm run build`): Lighthouse, pinned in package.json, run in
 * the system's Chromium against the built site served with gzip by `scripts/serve.ts`, on the
 * front page, a plain article and a simulation article, with Lighthouse's mobile defaults
 * (simulated slow 4G and a 4× slower CPU) and its desktop preset. Prints the four category
 * scores per page and the audits that cost points, and checks the budget: 100 in every category.
 * Each page runs `--runs` times (3 by default) and the run with the median performance score is
 * reported, as Lighthouse's authors advise: one run on a busy machine is noise. A benchmark,
 * never a test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { serveDist, waitFor } from './serve-dist.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const DIST = args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : join(ROOT, 'dist');
const PORT = 4393;
const DEBUG_PORT = 9333;
const RUNS = args.includes('--runs') ? Math.max(1, Number(args[args.indexOf('--runs') + 1])) : 3;
const BASE = `http://127.0.0.1:${PORT}`;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PAGES = [
  { kind: 'front page', path: '/' },
  { kind: 'plain article', path: '/wiki/principal-agent-problem/' },
  { kind: 'simulation article (flagship)', path: '/wiki/alignment-problem/' },
];

if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`${DIST} has no index.html: run \`npm run build\` first.`);
  process.exit(1);
}
const version = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'lighthouse', 'package.json'), 'utf8')) as { version: string }).version;

const server = await serveDist(DIST, PORT);
const profile = mkdtempSync(join(tmpdir(), 'equilibria-lighthouse-'));
let chrome: ChildProcess | undefined;
try {
  chrome = spawn(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_ARGS,
      `--remote-debugging-port=${DEBUG_PORT}`,
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  await waitFor(`http://127.0.0.1:${DEBUG_PORT}/json/version`);
  const browserVersion = ((await (await fetch(`http://127.0.0.1:${DEBUG_PORT}/json/version`)).json()) as { Browser: string }).Browser;

  type Row = { kind: string; path: string; preset: string; scores: Record<string, number>; lost: string[] };
  const rows: Row[] = [];
  for (const preset of ['mobile', 'desktop'] as const) {
    for (const { kind, path } of PAGES) {
      const runs: { scores: Record<string, number>; lost: string[]; lhr: object }[] = [];
      for (let run = 0; run < RUNS; run++) {
        const result = await lighthouse(
          BASE + path,
          { port: DEBUG_PORT, logLevel: 'error', output: 'json', onlyCategories: [...CATEGORIES] },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        const { lhr } = result;
        if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        const scores: Record<string, number> = {};
        const lost: string[] = [];
        for (const id of CATEGORIES) {
          const category = lhr.categories[id];
          scores[id] = Math.round((category?.score ?? 0) * 100);
          for (const ref of category?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) lost.push(`${id}/${ref.id} (${audit.displayValue ?? audit.score})`);
          }
        }
        const metric = (id: string) => lhr.audits[id]?.displayValue ?? '';
        lost.push(`FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`);
        runs.push({ scores, lost, lhr });
      }
      runs.sort((a, b) => (a.scores['performance'] ?? 0) - (b.scores['performance'] ?? 0));
      const { scores, lost, lhr } = runs[Math.floor(runs.length / 2)]!;
      lost.push(`performance over ${RUNS} runs: ${runs.map((r) => r.scores['performance']).join(', ')}`);
      rows.push({ kind, path, preset, scores, lost });
      // the whole report, for a closer look at what a page loses
      mkdirSync(join(ROOT, 'bench', 'out', 'lighthouse'), { recursive: true });
      writeFileSync(join(ROOT, 'bench', 'out', 'lighthouse', `${preset}-${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'front'}.json`), JSON.stringify(lhr));
    }
  }

  console.log(`\nLighthouse ${version} in ${browserVersion}, served with gzip by scripts/serve.ts, median of ${RUNS} runs\n`);
  console.log('| page | preset | performance | accessibility | best practices | SEO | metrics, and audits that cost points |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    console.log(`| ${r.kind} (\`${r.path}\`) | ${r.preset} | ${CATEGORIES.map((c) => r.scores[c]).join(' | ')} | ${r.lost.join('; ')} |`);
  }
  for (const r of rows) {
    const below = CATEGORIES.filter((c) => (r.scores[c] ?? 0) < 100);
    console.log(`budget: ${r.kind}, ${r.preset}: ${below.length === 0 ? '100 in every category' : `BELOW 100 in ${below.join(', ')}`}`);
  }
  const outDir = join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'lighthouse.json'), JSON.stringify({ lighthouse: version, browser: browserVersion, rows }, null, 2));
} finally {
  chrome?.kill();
  server.stop();
  rmSync(profile, { recursive: true, force: true });
}
