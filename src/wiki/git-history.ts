/**
 * The history of the articles from git, read once per build with a single `git log`: every
 * commit that touched content/articles/, newest first, with the files it added or changed.
 * Every date comes from a commit, never from the clock, so builds stay reproducible.
 */
import { execFileSync } from 'node:child_process';
import { ARTICLES_DIR } from './graph.ts';

export type ArticleChange = { slug: string; status: 'added' | 'modified' | 'deleted' };
export type HistoryEntry = { hash: string; date: string; author: string; subject: string; changes: ArticleChange[] };

const KEY = Symbol.for('equilibria.git-history');

/** Commits touching the articles, newest first (empty outside a git checkout). */
export function articleHistory(root = process.cwd()): HistoryEntry[] {
  const store = globalThis as unknown as Record<symbol, HistoryEntry[] | undefined>;
  const cached = store[KEY];
  if (cached) return cached;
  const entries: HistoryEntry[] = [];
  try {
    const out = execFileSync('git', ['log', '--format=%x1e%H%x1f%cI%x1f%an%x1f%s', '--name-status', '--no-renames', '--', ARTICLES_DIR], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    for (const record of out.split('\u001e').slice(1)) {
      const [head = '', ...lines] = record.split('\n');
      const [hash = '', date = '', author = '', subject = ''] = head.split('\u001f');
      const changes: ArticleChange[] = [];
      for (const line of lines) {
        // "A\tcontent/articles/x.mdx": status letter, tab, path
        const m = /^([AMD])\t(.+)$/.exec(line.trim());
        if (!m || !m[2]!.startsWith(`${ARTICLES_DIR}/`) || !m[2]!.endsWith('.mdx')) continue;
        const slug = m[2]!.slice(ARTICLES_DIR.length + 1, -'.mdx'.length);
        changes.push({ slug, status: m[1] === 'A' ? 'added' : m[1] === 'D' ? 'deleted' : 'modified' });
      }
      if (changes.length > 0) entries.push({ hash, date, author, subject, changes });
    }
  } catch {
    // not a git checkout: no history to show
  }
  store[KEY] = entries;
  return entries;
}
