/**
 * The link-graph explorer (`/special/graph/`) in headless Chromium: the page's gzipped HTML, the
 * time until the island is ready, which renderer it chose, and the frame rate and longest
 * main-thread task while the reader drags the graph and zooms with the wheel. Used by
 * `npm run bench:build` on each synthetic wiki (1,000 and 5,000 articles), or alone:
 * `node scripts/bench/graph.ts --dist <built site>`. A benchmark, never a test.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { serveDist } from './serve-dist.ts';

const ROOT = join(import.meta.dirname, '..', '..');

export type GraphBench = {
  nodes: number;
  htmlKb: number;
  readyMs: number;
  renderer: string;
  drag: { fps: number; longestTaskMs: number; tasks: number };
  zoom: { fps: number; longestTaskMs: number; tasks: number };
};

export async function measureGraph(dist: string, port = 4395): Promise<GraphBench> {
  const server = await serveDist(dist, port);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const started = Date.now();
    await page.goto(`${server.base}/special/graph/`);
    await page.locator('.graph-explorer').scrollIntoViewIfNeeded();
    await page.getByRole('button', { name: 'Zoom in' }).waitFor({ state: 'visible', timeout: 120_000 });
    const readyMs = Date.now() - started;
    // let hydration's own work (the first full drawing included) finish before measuring
    await page.waitForTimeout(1500);
    const renderer = (await page.locator('.graph-explorer').getAttribute('data-renderer')) ?? '';
    const nodes = Number((await page.locator('canvas.graph-canvas').getAttribute('data-node-count').catch(() => null)) ?? (await page.locator('svg.graph-svg a.graph-node').count()));
    const box = (await page.locator('.graph-viewport').boundingBox())!;
    const cx = box.x + box.width / 2;
    const cy = box.y + Math.min(box.height, 900 - box.y) / 2;

    /** Counts frames and long tasks while `act` runs. */
    const during = async (act: () => Promise<void>) => {
      await page.evaluate(() => {
        const w = window as unknown as { __bench: { frames: number; tasks: number[]; on: boolean; t0: number } };
        w.__bench = { frames: 0, tasks: [], on: true, t0: performance.now() };
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__bench.tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
        const tick = () => {
          if (!w.__bench.on) return;
          w.__bench.frames++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await act();
      return page.evaluate(() => {
        const w = window as unknown as { __bench: { frames: number; tasks: number[]; on: boolean; t0: number } };
        w.__bench.on = false;
        const seconds = (performance.now() - w.__bench.t0) / 1000;
        return { fps: w.__bench.frames / seconds, longestTaskMs: Math.max(0, ...w.__bench.tasks), tasks: w.__bench.tasks.length };
      });
    };
    // a two-second drag, one pointer move per 16 ms, as a hand would
    const drag = await during(async () => {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      for (let i = 1; i <= 120; i++) {
        await page.mouse.move(cx + 200 * Math.sin(i / 20), cy + 120 * Math.sin(i / 31));
        await page.waitForTimeout(16);
      }
      await page.mouse.up();
    });
    // zoom in and back out with the wheel
    const zoom = await during(async () => {
      for (let i = 0; i < 60; i++) {
        await page.mouse.wheel(0, i < 30 ? -60 : 60);
        await page.waitForTimeout(16);
      }
    });
    const html = readFileSync(join(dist, 'special', 'graph', 'index.html'));
    return { nodes, htmlKb: gzipSync(html, { level: 9 }).length / 1024, readyMs, renderer, drag, zoom };
  } finally {
    await browser.close();
    server.stop();
  }
}

export function graphRow(n: number, g: GraphBench): string {
  const f = (m: GraphBench['drag']) => `${m.fps.toFixed(0)} fps, longest task ${m.longestTaskMs.toFixed(0)} ms (${m.tasks} long tasks)`;
  return `| ${n} | ${g.nodes} (${g.renderer}) | ${g.htmlKb.toFixed(0)} KB | ${(g.readyMs / 1000).toFixed(1)} s | ${f(g.drag)} | ${f(g.zoom)} |`;
}
export const GRAPH_HEADER = '| articles | nodes (renderer) | graph page HTML (gz) | ready after | dragging | zooming |\n| ---: | ---: | ---: | ---: | --- | --- |';

if (import.meta.main) {
  const args = process.argv.slice(2);
  const dist = args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : join(ROOT, 'dist');
  const g = await measureGraph(dist);
  console.log(GRAPH_HEADER);
  console.log(graphRow(g.nodes, g));
}
