import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const run = (script: string, cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd, encoding: 'utf8' });

describe('npm run check', () => {
  it('check reports every problem as file:line:col rule message and exits 1', () => {
    const r = run('check.ts', join(FIXTURES, 'unsafe-markup'));
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^content\/articles\/price-of-anarchy\.mdx:\d+:\d+ [a-z-]+ \S/);
    expect(r.stderr).toMatch(/4 problems in 2 articles/);
  });
  it('check with file arguments reports only those files', () => {
    const r = run('check.ts', join(FIXTURES, 'unsafe-markup'), 'content/articles/nash-equilibrium.mdx');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/content check: 1 file, .* no problems/);
  });
  it('check passes a valid wiki', () => {
    const r = run('check.ts', join(FIXTURES, 'valid-wiki'));
    expect(r.stdout).toMatch(/content check: 2 articles, 2 wanted pages, no problems/);
    expect(r.status).toBe(0);
  });
});

describe('npm run new', () => {
  it('new scaffolds an article that passes the checks, and lists pages already linking to it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilibria-new-'));
    cpSync(join(FIXTURES, 'valid-wiki'), dir, { recursive: true });
    const r = run('new-article.ts', dir, 'Wardrop equilibrium');
    expect(r.status, r.stderr).toBe(0);
    const file = join(dir, 'content', 'articles', 'wardrop-equilibrium.mdx');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('[[Price of anarchy]]');
    expect(buildWikiGraph(readContent(dir)).problems).toEqual([]);
  });
  it('new refuses a title that already names a page, through an alias too', () => {
    const r = run('new-article.ts', join(FIXTURES, 'valid-wiki'), 'Nash point');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/already names the page "Nash equilibrium"/);
  });
});
