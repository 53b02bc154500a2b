/**
 * `npm run bench:browser` (after `npm run build`): opens pages of the built site in headless
 * Chromium and reports, per page, the gzipped JavaScript loaded before interaction (and after
 * a simulation hydrates), and while the flagship simulation plays: frames per second and the
 * longest main-thread task (PerformanceObserver 'longtask'). A benchmark, never a test.
 */
import { spawn } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const PORT = 4391;
const BASE = `http://127.0.0.1:${PORT}`;
const BUDGET = { plain: 15, simulation: 35 };

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('dist/ is missing: run `npm run build` first.');
  process.exit(1);
}
const server = spawn(process.execPath, [join(ROOT, 'scripts', 'serve.ts'), DIST, String(PORT)], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));

const gz = (path: string) => (existsSync(path) ? gzipSync(readFileSync(path), { level: 9 }).length : 0);
const jsKb = (urls: string[]) => urls.filter((u) => u.startsWith(BASE) && u.endsWith('.js')).reduce((n, u) => n + gz(join(DIST, new URL(u).pathname)), 0) / 1024;

const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

async function measure(path: string, simSelector?: string) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const loaded: string[] = [];
  page.on('request', (req) => loaded.push(req.url()));
  await page.goto(BASE + path, { waitUntil: 'networkidle' });
  const before = jsKb(loaded);
  let after = before;
  let play: { fps: number; longestTaskMs: number; tasks: number } | undefined;
  if (simSelector) {
    await page.locator(simSelector).scrollIntoViewIfNeeded();
    await page.locator(`${simSelector} button:has-text("Step")`).waitFor({ state: 'visible' });
    await page.waitForFunction((sel) => !(document.querySelector(`${sel} button.sim-play`) as HTMLButtonElement | null)?.disabled, simSelector);
    await page.waitForLoadState('networkidle');
    after = jsKb(loaded);
    await page.evaluate(() => {
      const w = window as unknown as { __tasks: number[] };
      w.__tasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
    });
    await page.locator(`${simSelector} button.sim-play`).click();
    play = await page.evaluate(
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
  return { path, before, after, play };
}

const rows = [await measure('/'), await measure('/wiki/nash-equilibrium/'), await measure('/wiki/alignment-problem/', '#sim-commons-harvest')];

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
server.kill();

console.log('| page | JS before interaction (gz) | JS once its simulation hydrates (gz) | while playing |');
console.log('| --- | ---: | ---: | --- |');
for (const r of rows) {
  const p = r.play ? `${r.play.fps.toFixed(0)} fps, longest task ${r.play.longestTaskMs.toFixed(0)} ms (${r.play.tasks} long tasks)` : '';
  console.log(`| ${r.path} | ${r.before.toFixed(1)} KB | ${r.play ? `${r.after.toFixed(1)} KB` : ''} | ${p} |`);
}
console.log('\n| heavy run in a Web Worker (timed from the page) | time |');
console.log('| --- | ---: |');
for (const c of heavy.calvano) console.log(`| Calvano baseline, seed ${c.seed}: ${(c.periods / 1e6).toFixed(2)} M periods | ${c.ms} ms (${(c.periods / c.ms / 1000).toFixed(1)} M periods/s) |`);
for (const y of heavy.yee) console.log(`| 200×200 Yee diagram, ${y.rule} | ${y.ms} ms |`);
console.log(`| 200×200 Yee diagrams, five rules in all | ${heavy.yee.reduce((n, y) => n + y.ms, 0)} ms |`);
const plain = rows[1]!;
const sim = rows[2]!;
console.log(`budget: plain article ${plain.before.toFixed(1)} KB of ${BUDGET.plain} KB: ${plain.before <= BUDGET.plain ? 'within' : 'OVER'}`);
console.log(`budget: simulation article ${sim.after.toFixed(1)} KB of ${BUDGET.simulation} KB: ${sim.after <= BUDGET.simulation ? 'within' : 'OVER'}`);
