import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DIST, requireDist } from './dist.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** path -> sha256 of every file under `dir`. */
function manifest(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) manifest(p, base, out);
    else out.set(relative(base, p).split('\\').join('/'), createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return out;
}

describe('reproducible builds', () => {
  it('a second clean build gives a byte-identical dist/, Pagefind index included', () => {
    requireDist();
    const other = mkdtempSync(join(tmpdir(), 'equilibria-rebuild-'));
    try {
      // a production build, like `npm run build` (Vitest sets NODE_ENV=test, which changes bundle hashes)
      execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.ts'), '--outDir', other], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_ENV: 'production' } });
      const a = manifest(DIST);
      const b = manifest(other);
      expect(a.size).toBeGreaterThan(100);
      expect([...a.keys()].some((k) => k.startsWith('pagefind/'))).toBe(true);
      const differing = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
      expect(differing).toEqual([]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  }, 300_000);
});
