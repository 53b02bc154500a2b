/**
 * Last-updated dates from git history, read once per build with a single `git log` (one process,
 * not one per article). Dates come from commits, never from the clock, so builds are reproducible.
 */
import { execFileSync } from 'node:child_process';

const CACHE_KEY = Symbol.for('equilibria.git-dates');

/** Map of repository-relative path -> ISO date of the newest commit touching it (empty outside git). */
export function lastCommitDates(root = process.cwd(), dir = 'content'): Map<string, string> {
  const store = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  const cached = store[CACHE_KEY];
  if (cached) return cached;
  const dates = new Map<string, string>();
  try {
    const out = execFileSync('git', ['log', '--format=%x00%cI', '--name-only', '--no-renames', '--', dir], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let current = '';
    for (const line of out.split('\n')) {
      if (line.startsWith('\0')) current = line.slice(1).trim();
      else if (line.trim() !== '' && current !== '' && !dates.has(line.trim())) dates.set(line.trim(), current);
    }
  } catch {
    // not a git checkout (e.g. a source tarball): pages simply show no date
  }
  store[CACHE_KEY] = dates;
  return dates;
}

/** "27 November 2026" from an ISO date, in UTC so the output does not depend on the machine. */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

const HEAD_KEY = Symbol.for('equilibria.git-head');

/** The commit the site is built from (full hash), or undefined outside a git checkout. */
export function buildCommit(root = process.cwd()): string | undefined {
  const store = globalThis as unknown as Record<symbol, { value: string | undefined } | undefined>;
  const cached = store[HEAD_KEY];
  if (cached) return cached.value;
  let value: string | undefined;
  try {
    value = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
  } catch {
    value = undefined;
  }
  store[HEAD_KEY] = { value };
  return value;
}
