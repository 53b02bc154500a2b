import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { replayLog, figuresOf, figuresOverTime, lineChartSvg } from '../../src/wiki/statistics.ts';
import { readContent } from '../../src/wiki/graph.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' });

describe('replayLog', () => {
  it('replayLog rebuilds files from zero-context patches: additions, changes, insertions and deletions', () => {
    const log = [
      '\u001eaaa\u001f2026-01-01T00:00:00Z\n\ndiff --git a/c/x.mdx b/c/x.mdx\nnew file mode 100644\n--- /dev/null\n+++ b/c/x.mdx\n@@ -0,0 +1,3 @@\n+one\n+two\n+three\n',
      '\u001ebbb\u001f2026-01-02T00:00:00Z\n\ndiff --git a/c/x.mdx b/c/x.mdx\n--- a/c/x.mdx\n+++ b/c/x.mdx\n@@ -0,0 +1 @@\n+zero\n@@ -2 +3 @@\n-two\n+TWO\n@@ -3,0 +5,2 @@\n+-- not a header\n+++ nor this\n',
      '\u001eccc\u001f2026-01-03T00:00:00Z\n\ndiff --git a/c/y.mdx b/c/y.mdx\n--- /dev/null\n+++ b/c/y.mdx\n@@ -0,0 +1 @@\n+y\n\\ No newline at end of file\ndiff --git a/c/x.mdx b/c/x.mdx\ndeleted file mode 100644\n--- a/c/x.mdx\n+++ /dev/null\n@@ -1,6 +0,0 @@\n-zero\n-one\n-TWO\n-three\n--- not a header\n-++ nor this\n',
    ].join('');
    const snaps = replayLog(log);
    expect(snaps.map((s) => [s.hash, s.date])).toEqual([['aaa', '2026-01-01T00:00:00Z'], ['bbb', '2026-01-02T00:00:00Z'], ['ccc', '2026-01-03T00:00:00Z']]);
    expect(snaps[0]?.files.get('c/x.mdx')).toBe('one\ntwo\nthree');
    expect(snaps[1]?.files.get('c/x.mdx')).toBe('zero\none\nTWO\nthree\n-- not a header\n++ nor this');
    expect([...snaps[2]!.files]).toEqual([['c/y.mdx', 'y']]);
  });

  it('figuresOverTime replays the repository to exactly the articles of HEAD', () => {
    const history = figuresOverTime(ROOT);
    const commits = git('log', '--format=%H', '--', 'content/articles', 'content/talk').trim().split('\n');
    expect(history.map((h) => h.hash)).toEqual([...commits].reverse());
    // rebuild HEAD's articles from git directly and compare figures computed both ways
    const files = git('ls-tree', '-r', '--name-only', 'HEAD', '--', 'content/articles').trim().split('\n').filter((f) => f.endsWith('.mdx'));
    const head = files.map((file) => ({ file, text: git('show', `HEAD:${file}`) }));
    const talkFiles = git('ls-tree', '-r', '--name-only', 'HEAD', '--', 'content/talk').trim().split('\n').filter((f) => f.endsWith('.mdx'));
    const talk = talkFiles.map((file) => ({ file, text: git('show', `HEAD:${file}`) }));
    expect(history.at(-1)?.figures).toEqual(figuresOf(head, talk));
  });
});

describe('figuresOf', () => {
  it('figuresOf counts articles by status, words, links, red links, simulations and open challenges', () => {
    const { articles, talk } = readContent(join(ROOT, 'tests', 'fixtures', 'talk-valid'));
    // price-of-anarchy links to nash-equilibrium (once, whatever the spelling) and to two missing pages
    expect(figuresOf(articles, talk)).toMatchObject({ articles: 2, stub: 0, draft: 2, reviewed: 0, links: 1, redLinks: 2, openChallenges: 1, simulations: 0 });
  });
});

describe('lineChartSvg', () => {
  it('lineChartSvg draws one point per value with an accessible summary and no script', () => {
    const svg = lineChartSvg([{ date: '2026-01-01T00:00:00Z', value: 2 }, { date: '2026-02-01T00:00:00Z', value: 5 }], { title: 'Articles' });
    expect(svg).toContain('role="img" aria-label="Articles: from 2 on 2026-01-01 to 5 on 2026-02-01"');
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).not.toContain('<script');
  });
});
