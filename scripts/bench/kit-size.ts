/**
 * `npm run bench:kit`: the gzipped size of the simulation kit alone (everything in
 * components/kit/index.ts, minified, with Preact and d3-shape left out) and of Preact itself.
 */
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

async function gzSize(entry: string, external: string[]): Promise<number> {
  const out = await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    external,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  });
  return gzipSync(out.outputFiles[0]!.contents, { level: 9 }).length / 1024;
}

const kit = await gzSize('components/kit/index.ts', ['preact', 'preact/*', 'd3-shape']);
const kitWithShape = await gzSize('components/kit/index.ts', ['preact', 'preact/*']);
const all = await gzSize('components/kit/index.ts', []);
console.log('| what | gzipped |');
console.log('| --- | ---: |');
console.log(`| the kit alone (no Preact, no d3-shape) | ${kit.toFixed(1)} KB |`);
console.log(`| the kit with d3-shape | ${kitWithShape.toFixed(1)} KB |`);
console.log(`| the kit with d3-shape and Preact | ${all.toFixed(1)} KB |`);
