/**
 * `npm run bench:browser` (after `npm run build`): opens pages of the built site in headless
 * Chromium and reports, per page type, the HTML, CSS and JavaScript bytes fetched before
 * interaction (gzipped by the server as a static host would; fonts apart), the JavaScript once a
 * simulation hydrates, the bytes a first search fetches, and while a simulation plays: frames per second and the
 * longest main-thread task (PerformanceObserver 'longtask'). A benchmark, never a test.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { serveDist } from './serve-dist.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const DIST = args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : join(ROOT, 'dist');
const PORT = 4391;
const BASE = `http://127.0.0.1:${PORT}`;
const BUDGET = { plain: 15, total: 60, simulation: 35 };

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const server = await serveDist(DIST, PORT);

type Kind = 'html' | 'css' | 'js' | 'font' | 'other';
type Bytes = Record<Kind, number>;
const empty = (): Bytes => ({ html: 0, css: 0, js: 0, font: 0, other: 0 });
const kindOf = (type: string, url: string): Kind =>
  type === 'document' ? 'html' : type === 'stylesheet' ? 'css' : type === 'script' || url.endsWith('.js') ? 'js' : type === 'font' ? 'font' : 'other';
/** Bytes as they cross the network (the server gzips text as a static host does), by kind. */
function track(page: import('playwright-core').Page) {
  const bytes = empty();
  const pending: Promise<void>[] = [];
  page.on('requestfinished', (req) => {
    pending.push(
      req.sizes().then((s) => {
        bytes[kindOf(req.resourceType(), req.url())] += s.responseBodySize;
      }),
    );
  });
  return async () => {
    await Promise.all(pending);
    return { ...bytes };
  };
}
const kb = (n: number) => n / 1024;

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});

/** One page: bytes before interaction; with a simulation, scrolled to it, hydrated, and played when `play`. */
async function measure(path: string, simSelector?: string, play = true) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const bytes = track(page);
  await page.goto(BASE + path, { waitUntil: 'networkidle' });
  const before = await bytes();
  let after = before.js;
  let playing: { fps: number; longestTaskMs: number; tasks: number } | undefined;
  if (simSelector) {
    await page.locator(simSelector).scrollIntoViewIfNeeded();
    // hydrated: the kit enables "Copy link" once the island runs
    await page.waitForFunction(
      (sel) => [...document.querySelectorAll<HTMLButtonElement>(`${sel} .sim-actions button`)].some((b) => b.textContent?.trim() === 'Copy link' && !b.disabled),
      simSelector,
    );
    await page.waitForLoadState('networkidle');
    after = (await bytes()).js;
  }
  if (simSelector && play) {
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: number[] };
      w.__tasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
    });
    await page.locator(`${simSelector} button.sim-play`).click();
    playing = await page.evaluate(
      () =>
        new Promise<{ fps: number; longestTaskMs: number; tasks: number }>((resolve) => {
          let frames = 0;
          const start = performance.now();
          const tick = () => {
            frames++;
            if (performance.now() - start < 3000) requestAnimationFrame(tick);
            else {
              const tasks = (window as unknown as { __tasks: number[] }).__tasks;
              resolve({ fps: (frames * 1000) / (performance.now() - start), longestTaskMs: Math.max(0, ...tasks), tasks: tasks.length });
            }
          };
          requestAnimationFrame(tick);
        }),
    );
  }
  await page.close();
  return { path, before, after: kb(after), sim: simSelector !== undefined, play: playing };
}

const rows = [
  { kind: 'front page', ...(await measure('/')) },
  { kind: 'plain article', ...(await measure('/wiki/principal-agent-problem/')) },
  { kind: 'plain article', ...(await measure('/wiki/campbells-law/')) },
  { kind: 'simulation article (flagship)', ...(await measure('/wiki/alignment-problem/', '#sim-commons-harvest')) },
  { kind: 'simulation article (largest island)', ...(await measure('/wiki/nash-equilibrium/', '#sim-game-explorer', false)) },
];

/** Bytes fetched to answer a first search, from the front page's search dialog. */
async function firstQuery() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${BASE}/`, { waitUntil: 'networkidle' });
  const bytes = track(page);
  const files: string[] = [];
  page.on('requestfinished', (req) => files.push(new URL(req.url()).pathname));
  await page.keyboard.press('/');
  const input = page.locator('pagefind-modal input').first();
  await input.waitFor({ state: 'visible' });
  await input.fill('equilibrium');
  await page.locator('pagefind-modal a[href*="/wiki/"]').first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const b = await bytes();
  await page.close();
  const pagefind = files.filter((f) => f.startsWith('/pagefind/'));
  return { total: b.html + b.css + b.js + b.font + b.other, files: pagefind.length, byKind: b };
}
const search = await firstQuery();

/** Heavy runs in the simulations' Web Workers, timed from the page. */
async function workerRuns() {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  // Calvano et al.'s baseline, three seeds, in the algorithmic-collusion worker
  await page.goto(`${BASE}/wiki/algorithmic-collusion/`, { waitUntil: 'networkidle' });
  const fig = page.locator('#sim-algorithmic-collusion');
  await fig.scrollIntoViewIfNeeded();
  const calvano: { seed: number; ms: number; periods: number }[] = [];
  for (const seed of [1, 2, 3]) {
    await fig.getByLabel('Seed').fill(String(seed));
    await fig.getByLabel('Seed').press('Tab');
    const t = Date.now();
    await fig.getByRole('button', { name: /Run Q-learning|Restart/ }).click();
    await fig.locator('figcaption').filter({ hasText: new RegExp(`Run with seed ${seed}, .*converged after`) }).waitFor({ timeout: 120_000 });
    const ms = Date.now() - t;
    const text = (await fig.locator('figcaption').textContent()) ?? '';
    const periods = Number(/converged after ([\d.]+) million periods/.exec(text)?.[1] ?? Number.NaN) * 1e6;
    calvano.push({ seed, ms, periods });
  }
  // 200×200 Yee diagrams for five rules in the spatial-election worker
  await page.goto(`${BASE}/wiki/voting-systems/`, { waitUntil: 'networkidle' });
  const el = page.locator('#sim-spatial-election');
  await el.scrollIntoViewIfNeeded();
  const status = el.locator('.sim-action-status[role="status"]').filter({ hasText: /diagram|preview/ });
  await status.filter({ hasText: 'computed in a Web Worker' }).waitFor({ timeout: 60_000 });
  await el.getByLabel('Resolution').selectOption('200');
  await status.filter({ hasText: '200 × 200 diagram, computed in a Web Worker' }).waitFor({ timeout: 120_000 });
  const yee: { rule: string; ms: number }[] = [];
  for (const rule of ['irv', 'borda', 'copeland', 'schulze', 'plurality']) {
    const t = Date.now();
    await el.getByLabel('Yee diagram rule').selectOption(rule);
    await status.filter({ hasText: '200 × 200 diagram, computed in a Web Worker' }).waitFor({ timeout: 120_000 });
    yee.push({ rule, ms: Date.now() - t });
  }
  await page.close();
  return { calvano, yee };
}
const heavy = await workerRuns();
await browser.close();
server.stop();

console.log('| page | HTML | CSS | JS | total before interaction | fonts (apart) | JS once its simulation hydrates | while playing |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  const b = r.before;
  const p = r.play ? `${r.play.fps.toFixed(0)} fps, longest task ${r.play.longestTaskMs.toFixed(0)} ms (${r.play.tasks} long tasks)` : '';
  console.log(
    `| ${r.kind} (\`${r.path}\`) | ${kb(b.html).toFixed(1)} KB | ${kb(b.css).toFixed(1)} KB | ${kb(b.js).toFixed(1)} KB | ${kb(b.html + b.css + b.js).toFixed(1)} KB | ${kb(b.font).toFixed(1)} KB | ${r.sim ? `${r.after.toFixed(1)} KB` : ''} | ${p} |`,
  );
}
console.log(`\nFirst search ("equilibrium" from the front page's dialog): ${kb(search.total).toFixed(1)} KB fetched, of which ${search.files} Pagefind files (JS ${kb(search.byKind.js).toFixed(1)} KB, CSS ${kb(search.byKind.css).toFixed(1)} KB, index, WebAssembly and fragments ${kb(search.byKind.other).toFixed(1)} KB)`);
console.log('\n| heavy run in a Web Worker (timed from the page) | time |');
console.log('| --- | ---: |');
for (const c of heavy.calvano) console.log(`| Calvano baseline, seed ${c.seed}: ${(c.periods / 1e6).toFixed(2)} M periods | ${c.ms} ms (${(c.periods / c.ms / 1000).toFixed(1)} M periods/s) |`);
for (const y of heavy.yee) console.log(`| 200×200 Yee diagram, ${y.rule} | ${y.ms} ms |`);
console.log(`| 200×200 Yee diagrams, five rules in all | ${heavy.yee.reduce((n, y) => n + y.ms, 0)} ms |`);
for (const r of rows) {
  const js = kb(r.before.js);
  const total = kb(r.before.html + r.before.css + r.before.js);
  if (r.sim) console.log(`budget: ${r.kind}, JavaScript once hydrated ${r.after.toFixed(1)} KB of ${BUDGET.simulation} KB: ${r.after <= BUDGET.simulation ? 'within' : 'OVER'}`);
  else console.log(`budget: ${r.kind}, JavaScript ${js.toFixed(1)} KB of ${BUDGET.plain} KB, HTML+CSS+JS ${total.toFixed(1)} KB of ${BUDGET.total} KB: ${js <= BUDGET.plain && total <= BUDGET.total ? 'within' : 'OVER'}`);
}
