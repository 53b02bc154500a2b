/**
 * The wiki's figures (articles by status, words, links, red links, open challenges, simulations),
 * now and at every commit that changed the content. History comes from one `git log -p` replayed
 * file by file, never from the clock, so the same commit always gives the same figures.
 */
import { execFileSync } from 'node:child_process';
import { parseArticle, type ParsedArticle } from './parse-article.ts';
import { parseTalk } from './talk.ts';
import { linkKey } from './slug.ts';
import { ARTICLES_DIR } from './graph.ts';
import { TALK_DIR } from './talk.ts';

export type WikiFigures = {
  articles: number;
  stub: number;
  draft: number;
  reviewed: number;
  words: number;
  /** Links from one article to another existing one, each pair counted once. */
  links: number;
  /** Links to missing pages, each (article, missing title) pair counted once. */
  redLinks: number;
  openChallenges: number;
  /** Simulations embedded in articles. */
  simulations: number;
};

type Source = { file: string; text: string };

/** The figures of one state of the content, from the article and talk files' text. */
export function figuresOf(articles: readonly Source[], talk: readonly Source[], cache = new Map<string, ParsedArticle>()): WikiFigures {
  const parsed = articles.map((a) => {
    const key = `${a.file}\u0000${a.text}`;
    let p = cache.get(key);
    if (!p) {
      p = parseArticle(a.file, a.text);
      cache.set(key, p);
    }
    return p;
  });
  const valid = parsed.filter((p) => p.frontmatter !== undefined);
  const names = new Map<string, string>();
  for (const p of valid) {
    const fm = p.frontmatter!;
    for (const name of [fm.title, ...fm.aliases]) if (!names.has(linkKey(name))) names.set(linkKey(name), p.fileSlug);
  }
  const f: WikiFigures = { articles: valid.length, stub: 0, draft: 0, reviewed: 0, words: 0, links: 0, redLinks: 0, openChallenges: 0, simulations: 0 };
  for (const p of valid) {
    f[p.frontmatter!.status]++;
    f.words += p.wordCount;
    f.simulations += p.embeds.filter((e) => e.component === 'Sim').length;
    const linked = new Set<string>();
    const red = new Set<string>();
    for (const link of p.links) {
      const target = names.get(linkKey(link.target));
      if (target === undefined) red.add(linkKey(link.target));
      else if (target !== p.fileSlug) linked.add(target);
    }
    f.links += linked.size;
    f.redLinks += red.size;
  }
  for (const t of talk) f.openChallenges += parseTalk(t.file, t.text).frontmatter?.challenges.filter((c) => c.status === 'open').length ?? 0;
  return f;
}

export type Snapshot = { hash: string; date: string; files: Map<string, string> };

/**
 * Replays the output of `git log --reverse -p --unified=0` (records starting with U+001E, then
 * `hash U+001F date`) into the full text of every file after each commit, oldest first.
 */
export function replayLog(log: string): Snapshot[] {
  const files = new Map<string, string[]>();
  const out: Snapshot[] = [];
  for (const record of log.split('\u001e').slice(1)) {
    const lines = record.split('\n');
    const [hash = '', date = ''] = (lines[0] ?? '').split('\u001f');
    let path: string | undefined;
    let old: string[] = [];
    let next: string[] = [];
    let copied = 0;
    let deleted = false;
    // before a file's first hunk, "--- " and "+++ " lines are its header; after, they are content
    let inHunks = false;
    const finish = () => {
      if (path === undefined) return;
      if (deleted) files.delete(path);
      else files.set(path, [...next, ...old.slice(copied)]);
      path = undefined;
    };
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (line.startsWith('diff --git ')) {
        finish();
        const m = / b\/(.+)$/.exec(line);
        path = m?.[1];
        old = path !== undefined ? (files.get(path) ?? []) : [];
        next = [];
        copied = 0;
        deleted = false;
        inHunks = false;
      } else if (path === undefined || line.startsWith('\\')) continue;
      else if (!inHunks && line.startsWith('+++ ')) deleted = line === '+++ /dev/null';
      else if (line.startsWith('@@')) {
        inHunks = true;
        // @@ -start,count +start,count @@: with no context, count 0 means "insert after start"
        const m = /^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@/.exec(line);
        if (!m) continue;
        const start = Number(m[1]);
        const count = m[2] === undefined ? 1 : Number(m[2]);
        const upTo = count === 0 ? start : start - 1;
        next.push(...old.slice(copied, upTo));
        copied = upTo + count;
      } else if (inHunks && line.startsWith('+')) next.push(line.slice(1));
    }
    finish();
    out.push({ hash, date, files: new Map([...files].map(([p, l]) => [p, l.join('\n')])) });
  }
  return out;
}

export type FiguresAt = { hash: string; date: string; figures: WikiFigures };

const KEY = Symbol.for('equilibria.statistics-history');

/** The figures after every commit that changed articles or talk pages, oldest first (empty outside git). */
export function figuresOverTime(root = process.cwd()): FiguresAt[] {
  const store = globalThis as unknown as Record<symbol, FiguresAt[] | undefined>;
  const cached = store[KEY];
  if (cached) return cached;
  let log = '';
  try {
    log = execFileSync('git', ['log', '--reverse', '-p', '--unified=0', '--no-renames', '--no-color', '--no-ext-diff', '--format=%x1e%H%x1f%cI', '--', ARTICLES_DIR, TALK_DIR], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    // not a git checkout: no history to chart
  }
  const cache = new Map<string, ParsedArticle>();
  const result = replayLog(log).map((s) => {
    const pick = (dir: string) => [...s.files].filter(([p]) => p.startsWith(`${dir}/`) && p.endsWith('.mdx')).map(([file, text]) => ({ file, text }));
    return { hash: s.hash, date: s.date, figures: figuresOf(pick(ARTICLES_DIR), pick(TALK_DIR), cache) };
  });
  store[KEY] = result;
  return result;
}

/**
 * A small line chart as static SVG markup: one series of values over dates, with its axis
 * labels, sized `width` by `height` pixels. Returns the `<svg>` element as a string.
 */
export function lineChartSvg(points: readonly { date: string; value: number }[], options: { title: string; width?: number; height?: number }): string {
  const width = options.width ?? 320;
  const height = options.height ?? 120;
  const pad = { left: 40, right: 10, top: 10, bottom: 22 };
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  if (points.length === 0) return `<svg role="img" aria-label="${esc(options.title)}: no history" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"></svg>`;
  const max = Math.max(1, ...points.map((p) => p.value));
  const x = (i: number) => pad.left + (points.length === 1 ? (width - pad.left - pad.right) / 2 : (i / (points.length - 1)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - v / max) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const dots = points.map((p, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="2.5"><title>${esc(p.date.slice(0, 10))}: ${p.value}</title></circle>`).join('');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const label = `${options.title}: from ${first.value} on ${first.date.slice(0, 10)} to ${last.value} on ${last.date.slice(0, 10)}`;
  return (
    `<svg class="stat-chart" role="img" aria-label="${esc(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<line class="axis" x1="${pad.left}" y1="${height - pad.bottom}" x2="${width - pad.right}" y2="${height - pad.bottom}"/>` +
    `<line class="axis" x1="${pad.left}" y1="${pad.top}" x2="${pad.left}" y2="${height - pad.bottom}"/>` +
    `<text x="${pad.left - 4}" y="${pad.top + 4}" text-anchor="end">${max}</text>` +
    `<text x="${pad.left - 4}" y="${height - pad.bottom}" text-anchor="end">0</text>` +
    `<text x="${pad.left}" y="${height - 6}">${esc(first.date.slice(0, 10))}</text>` +
    `<text x="${width - pad.right}" y="${height - 6}" text-anchor="end">${esc(last.date.slice(0, 10))}</text>` +
    `<path d="${path}"/>${dots}</svg>`
  );
}
