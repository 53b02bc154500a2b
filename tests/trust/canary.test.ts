import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A contributed article must not be able to run code on the build machine or ship script to
// readers. The build runs with a secret in its environment; articles try every way we know to
// leak it. Each must fail the build, naming its rule, and the secret must appear nowhere.
const ROOT = join(import.meta.dirname, '..', '..');
const CANARIES = join(ROOT, 'tests', 'fixtures', 'canary');
const SECRET = 'canary-7f3a9c1e-do-not-leak';

function project(articles: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'equilibria-canary-'));
  for (const f of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'components', 'public', 'scripts']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  mkdirSync(join(dir, 'content', 'articles'), { recursive: true });
  cpSync(join(ROOT, 'content', 'references.yaml'), join(dir, 'content', 'references.yaml'));
  for (const a of articles) cpSync(a, join(dir, 'content', 'articles', a.split('/').pop()!));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function build(dir: string) {
  return spawnSync(process.execPath, [join(dir, 'scripts', 'build.ts')], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', EQUILIBRIA_CANARY: SECRET },
    timeout: 240_000,
  });
}

function grepDir(dir: string, needle: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return grepDir(p, needle);
    return readFileSync(p).includes(needle) ? [p] : [];
  });
}

describe('the build with hostile articles and a secret in its environment', () => {
  it('fails on every leak path, names each rule, and writes the secret nowhere', () => {
    const canaries = readdirSync(CANARIES).map((f) => join(CANARIES, f));
    expect(canaries.length).toBeGreaterThanOrEqual(5);
    const dir = project(canaries);
    try {
      const r = build(dir);
      const out = `${r.stdout}\n${r.stderr}`;
      expect(r.status).not.toBe(0);
      for (const [file, rule] of [
        ['leak-expression.mdx', 'no-expression'],
        ['leak-import.mdx', 'no-import-export'],
        ['leak-prop.mdx', 'prop-literal'],
        ['leak-script.mdx', 'unknown-component'],
        ['leak-script.mdx', 'prop-forbidden'],
        ['leak-script.mdx', 'unsafe-url'],
        ['leak-math.mdx', 'math'],
      ] as const) {
        expect(out, `${file} ${rule}`).toMatch(new RegExp(`content/articles/${file.replace('.', '\\.')}:\\d+:\\d+ ${rule} `));
      }
      expect(out).not.toContain(SECRET);
      expect(grepDir(join(dir, 'dist'), SECRET)).toEqual([]);
      expect(grepDir(join(dir, '.astro'), SECRET)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('a clean build with the secret in its environment does not contain it either', () => {
    const dir = project([join(ROOT, 'tests', 'fixtures', 'valid-wiki', 'content', 'articles', 'nash-equilibrium.mdx')]);
    try {
      const r = build(dir);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(dir, 'dist', 'wiki', 'nash-equilibrium', 'index.html'))).toBe(true);
      expect(grepDir(join(dir, 'dist'), SECRET)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
