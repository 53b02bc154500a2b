import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

// src/models/ is pure TypeScript: it imports only itself (and pure-rand, in random.ts alone),
// and touches no DOM, clock, network, storage or unseeded randomness.
const MODELS = join(import.meta.dirname, '..', '..', 'src', 'models');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}
const sources = files(MODELS).map((file) => ({ file: relative(MODELS, file), text: readFileSync(file, 'utf8') }));
// code without comments and string contents, so a comment mentioning Math.random does not count
const code = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').replace(/(['"`])(?:\\.|(?!\1).)*\1/g, '""');

const FORBIDDEN: [string, RegExp][] = [
  ['Math.random', /\bMath\.random\b/],
  ['Date', /\b(?:Date\.now|new Date)\b/],
  ['performance', /\bperformance\./],
  ['the DOM', /\b(?:document|window|navigator|globalThis\.document)\b/],
  ['network', /\b(?:fetch|XMLHttpRequest|WebSocket)\s*\(/],
  ['storage', /\b(?:localStorage|sessionStorage|indexedDB)\b/],
  ['timers', /\b(?:setTimeout|setInterval|requestAnimationFrame)\s*\(/],
  ['process', /\bprocess\./],
];

describe('src/models is pure', () => {
  it('reads a real set of model files', () => {
    expect(sources.length).toBeGreaterThan(50);
  });

  it.each(sources.map((s) => [s.file, s.text] as const))('%s imports nothing from outside src/models but pure-rand in random.ts', (file, text) => {
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) {
        const target = resolve(dirname(join(MODELS, file)), spec);
        expect(relative(MODELS, target).startsWith('..'), `${file} imports ${spec}`).toBe(false);
      } else {
        expect(file === 'random.ts' && spec.startsWith('pure-rand'), `${file} imports ${spec}`).toBe(true);
      }
    }
    expect(/\bimport\s*\(/.test(code(text)), `${file} uses a dynamic import`).toBe(false);
  });

  it.each(sources.map((s) => [s.file, s.text] as const))('%s touches no DOM, clock, network, storage or Math.random', (file, text) => {
    const body = code(text);
    for (const [what, re] of FORBIDDEN) expect(re.test(body), `${file} uses ${what}`).toBe(false);
  });
});
