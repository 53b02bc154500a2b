/**
 * `npm run bench:build [-- --sizes 1000,5000] [--keep]`: builds synthetic wikis of each size in a scratch
 * copy of the project and prints build wall time, peak memory, the gzipped HTML, CSS and
 * JavaScript of an average article page before interaction, the Pagefind index size, the time to
 * rebuild after editing one article, and how the link-graph explorer behaves with every article in it.
 * A benchmark, never a test: it prints figures and checks the page-weight budgets.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { writeCorpus } from './corpus.ts';
import { measureGraph, graphRow, GRAPH_HEADER, type GraphBench } from './graph.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = args.includes('--sizes') && sizesArg ? sizesArg.split(',').map(Number) : [1000, 5000];
const keep = args.includes('--keep');
const BUDGET_JS_KB = 15;
/**
 * The peers' build times for 1,000 articles of this corpus's shape, measured on this machine
 * kind before the project began (median seconds): the budget is to beat Starlight and to aim at
 * the bare Astro + MDX + KaTeX + Pagefind pipeline, and the ratio to Quartz is reported.
 */
const PEERS_1000 = { starlight: 65, bare: 42, quartz: 29 };

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    if (s.isDirectory()) {
      const sub = dirBytes(p);
      bytes += sub.bytes;
      files += sub.files;
    } else {
      bytes += s.size;
      files++;
    }
  }
  return { bytes, files };
}

/** JavaScript a page loads before interaction: its module scripts and their static imports. */
function pageScripts(dist: string, html: string): string[] {
  const seen = new Set<string>();
  const queue = [...html.matchAll(/<script[^>]*\ssrc="(\/[^"]+\.js)"/g)].map((m) => m[1]!);
  // inline module scripts import bundles too
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*>([\s\S]*?)<\/script>/g)) {
    for (const i of (m[1] ?? '').matchAll(/(?:import|from)\s*["'](\/_astro\/[^"']+\.js)["']/g)) queue.push(i[1]!);
  }
  while (queue.length > 0) {
    const src = queue.pop()!;
    if (seen.has(src)) continue;
    seen.add(src);
    const file = join(dist, src);
    if (!existsSync(file)) continue;
    const code = readFileSync(file, 'utf8');
    // static imports only: dynamic import() is loaded on interaction
    for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(new URL(m[1]!, `http://x${src}`).pathname);
    }
  }
  return [...seen];
}

type Result = { articles: number; wallS: number; rebuildS: number; peakMb: number; htmlKb: number; cssKb: number; jsKb: number; pagefindMb: number; pagefindFiles: number; graph: GraphBench };

/** One `astro build` in its own process: wall time and that process's peak resident memory. */
function astroBuild(work: string): { wallMs: number; maxRssKb: number } {
  const out = execFileSync(process.execPath, [join(ROOT, 'scripts', 'bench', 'astro-build.ts')], { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out.trim().split('\n').pop()!) as { wallMs: number; maxRssKb: number };
}

async function run(n: number): Promise<Result> {
  const work = mkdtempSync(join(tmpdir(), `equilibria-bench-${n}-`));
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'components', 'public']) cpSync(join(ROOT, f), join(work, f), { recursive: true });
  mkdirSync(join(work, 'content'), { recursive: true });
  cpSync(join(ROOT, 'content', 'references.yaml'), join(work, 'content', 'references.yaml'));
  symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');
  writeCorpus(work, n);
  const { wallMs, maxRssKb } = astroBuild(work);
  // edit one article (one sentence more) and build again: what a contributor waits for
  const edited = join(work, 'content', 'articles', 'concept-1.mdx');
  writeFileSync(edited, `${readFileSync(edited, 'utf8')}\nOne more sentence, added by the rebuild benchmark.\n`);
  const rebuild = astroBuild(work);
  const dist = join(work, 'dist');
  let html = 0;
  let css = 0;
  let js = 0;
  const sample = Array.from({ length: Math.min(n, 50) }, (_, i) => 1 + Math.floor((i * n) / Math.min(n, 50)));
  for (const k of sample) {
    const page = join(dist, 'wiki', `concept-${k}`, 'index.html');
    const text = readFileSync(page, 'utf8');
    html += gz(page);
    for (const m of text.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"/g)) css += gz(join(dist, m[1]!));
    for (const src of pageScripts(dist, text)) js += gz(join(dist, src));
  }
  const pf = dirBytes(join(dist, 'pagefind'));
  // the link-graph explorer with every article of this wiki in it
  const graph = await measureGraph(dist);
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
  return {
    articles: n,
    wallS: wallMs / 1000,
    rebuildS: rebuild.wallMs / 1000,
    peakMb: maxRssKb / 1024,
    htmlKb: html / sample.length / 1024,
    cssKb: css / sample.length / 1024,
    jsKb: js / sample.length / 1024,
    pagefindMb: pf.bytes / 1024 / 1024,
    pagefindFiles: pf.files,
    graph,
  };
}

const results: Result[] = [];
for (const n of sizes) results.push(await run(n));
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
console.log(`\nBuild benchmark (${machine})\n`);
console.log('| articles | build wall time | rebuild after editing one article | peak memory | article HTML (gz) | CSS (gz) | JS before interaction (gz) | Pagefind index |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.articles} | ${r.wallS.toFixed(1)} s | ${r.rebuildS.toFixed(1)} s | ${r.peakMb.toFixed(0)} MB | ${r.htmlKb.toFixed(1)} KB | ${r.cssKb.toFixed(1)} KB | ${r.jsKb.toFixed(1)} KB | ${r.pagefindMb.toFixed(2)} MB in ${r.pagefindFiles} files |`);
}
console.log(`\nThe link-graph explorer, /special/graph/, in headless Chromium\n\n${GRAPH_HEADER}`);
for (const r of results) console.log(graphRow(r.articles, r.graph));
for (const r of results.filter((x) => x.articles === 1000)) {
  const { starlight, bare, quartz } = PEERS_1000;
  console.log(
    `budget: 1,000 articles in ${r.wallS.toFixed(1)} s: ${r.wallS < starlight ? 'faster' : 'SLOWER'} than Starlight (${starlight} s, ratio ${(r.wallS / starlight).toFixed(2)}); ${(r.wallS / bare).toFixed(2)}× the bare pipeline (${bare} s); ${(r.wallS / quartz).toFixed(2)}× Quartz (${quartz} s)`,
  );
}
for (const r of results) {
  const ok = r.jsKb <= BUDGET_JS_KB;
  console.log(`budget: a plain article ships ${r.jsKb.toFixed(1)} KB of gzipped JavaScript (budget ${BUDGET_JS_KB} KB): ${ok ? 'within' : 'OVER'}`);
}
const outDir = join(ROOT, 'bench', 'out');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'build.json'), JSON.stringify({ machine, results }, null, 2));

