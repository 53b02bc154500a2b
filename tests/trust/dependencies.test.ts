import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const installed = (name: string): string => (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
/** Compares dotted versions numerically (pre-release tags sort before the release). */
function atLeast(version: string, floor: string): boolean {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { nums: core.split('.').map(Number), pre };
  };
  const a = parse(version);
  const b = parse(floor);
  for (let i = 0; i < 3; i++) {
    const d = (a.nums[i] ?? 0) - (b.nums[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return !(a.pre && !b.pre);
}

describe('dependency floors', () => {
  it('atLeast compares versions numerically', () => {
    expect(atLeast('7.10.0', '7.2.8')).toBe(true);
    expect(atLeast('7.2.7', '7.2.8')).toBe(false);
    expect(atLeast('7.2.8-beta.1', '7.2.8')).toBe(false);
    expect(atLeast('0.16.21', '0.16.21')).toBe(true);
  });
  // GHSA-26w7-cxv4-gfx2 (remote code execution through AVIF image optimisation) was fixed in 7.2.8
  it('astro is at or above 7.2.8, the release that fixed GHSA-26w7-cxv4-gfx2', () => {
    expect(atLeast(installed('astro'), '7.2.8')).toBe(true);
  });
  // KaTeX before 0.16.21 could be made to loop or expand without bound by crafted input
  it('katex is at or above 0.16.21, including the copy rehype-katex uses', () => {
    expect(atLeast(installed('katex'), '0.16.21')).toBe(true);
    let nested: string | undefined;
    try {
      nested = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'rehype-katex', 'node_modules', 'katex', 'package.json'), 'utf8')) as { version: string }).version;
    } catch {
      nested = undefined; // rehype-katex shares the top-level copy
    }
    if (nested) expect(atLeast(nested, '0.16.21')).toBe(true);
  });
});

describe('CI workflows', () => {
  const dir = join(ROOT, '.github', 'workflows');
  const workflows = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => ({ f, text: readFileSync(join(dir, f), 'utf8') }));
  it('exist', () => {
    expect(workflows.length).toBeGreaterThan(0);
  });
  it.each(workflows.map((w) => [w.f, w.text] as const))('%s never runs pull-request code with secrets or write access', (_f, text) => {
    expect(text).not.toMatch(/pull_request_target|workflow_run/);
    expect(text).not.toMatch(/\$\{\{\s*secrets\./);
    expect(text).toMatch(/^permissions:\s*\n\s+contents:\s*read\s*$/m);
  });
});
