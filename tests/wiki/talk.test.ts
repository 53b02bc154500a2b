import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { fixtureGraph } from './fixtures.ts';
import { formatProblem } from '../../src/wiki/problems.ts';
import { parseTalk, challengeTemplate, openChallenges } from '../../src/wiki/talk.ts';
import { articlePassages, normalisePlain } from '../../src/wiki/passages.ts';
import { remarkWiki } from '../../src/wiki/remark-wiki.ts';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures');
const T = 'content/talk/price-of-anarchy.mdx';

const problemsOf = (fixture: string) => fixtureGraph(fixture).problems.map(formatProblem).sort();

describe('talk pages: schema', () => {
  it('buildWikiGraph accepts a valid talk page and keeps every challenge with its line', () => {
    const graph = fixtureGraph('talk-valid');
    expect(graph.problems.map(formatProblem)).toEqual([]);
    const page = graph.talk.get('price-of-anarchy');
    expect(page?.file).toBe(T);
    expect(page?.challenges.map((c) => [c.id, c.line, c.status, c.sectionId])).toEqual([
      ['stable-is-not-good', 4, 'open', ''],
      ['curly-quotes-match', 21, 'answered', ''],
      ['already-fixed', 29, 'accepted', 'price-of-anarchy'],
      ['let-go', 38, 'outdated', 'no-such-section-any-more'],
    ]);
    expect(openChallenges(page)).toBe(1);
  });

  it('parseTalk keeps threaded responses, replies nested under the response they answer', () => {
    const page = fixtureGraph('talk-valid').talk.get('price-of-anarchy')!;
    const [first] = page.challenges;
    expect(first?.responses).toEqual([{ author: 'other', date: '2026-01-03', body: 'Fair point.', replies: [{ author: 'tester', date: '2026-01-04', body: 'Thanks.', replies: [] }] }]);
  });

  it('a talk page that breaks the schema fails with file, line and the field at fault', () => {
    expect(problemsOf('talk-bad-schema')).toEqual([
      'content/talk/nash-equilibrium.txt:1:1 stray-file Only talk pages (<slug>.mdx) belong in content/talk/: move or delete this file.',
      'content/talk/price-of-anarchy.mdx:10:5 talk-frontmatter `challenges.0.status`: Invalid option: expected one of "open"|"answered"|"accepted"|"rejected"|"outdated".',
      'content/talk/price-of-anarchy.mdx:18:5 talk-frontmatter `challenges.1.status`: an accepted challenge needs `change`: the commit or pull request that changed the article.',
      expect.stringMatching(/^content\/talk\/price-of-anarchy\.mdx:20:5 talk-frontmatter Unknown field `challenges\.1\.colour`/),
      expect.stringMatching(/^content\/talk\/price-of-anarchy\.mdx:4:5 talk-frontmatter `challenges\.0\.id`: must be lower case/),
      'content/talk/price-of-anarchy.mdx:9:5 talk-frontmatter `challenges.0.date`: is not a real calendar date.',
    ]);
  });

  it('parseTalk rejects text after the frontmatter and a missing frontmatter, naming the line', () => {
    const body = parseTalk(T, '---\narticle: Price of anarchy\nchallenges: []\n---\n\nSome prose.\n');
    expect(body.problems.map((p) => `${p.line} ${p.rule}`)).toEqual(['6 talk-body', '3 talk-frontmatter']);
    expect(parseTalk(T, 'no frontmatter').problems.map((p) => `${p.line} ${p.rule}`)).toEqual(['1 talk-frontmatter']);
  });

  it('parseTalk reports a duplicate challenge id at the second one', () => {
    const c = (id: string) => `  - {id: ${id}, title: Same id, section: Lead, quote: Selfish play reaches, author: a, date: 2026-01-01, status: open, argument: x}\n`;
    const parsed = parseTalk(T, `---\narticle: Price of anarchy\nchallenges:\n${c('twice')}${c('twice')}---\n`);
    expect(parsed.problems.map(formatProblem)).toEqual([`${T}:5:6 talk-frontmatter Two challenges have the id "twice" (the first is on line 4): ids name the challenge in links, so they must be unique.`]);
  });
});

describe('talk pages: anchoring quotes in the article', () => {
  it('a quote missing from its article fails with the file and the line of the quote', () => {
    const problems = problemsOf('talk-bad-quote');
    expect(problems).toEqual([
      expect.stringMatching(/^content\/talk\/price-of-anarchy\.mdx:16:5 talk-quote The quote is not in the section "Price of anarchy" of "Price of anarchy"\. It is in the section "Lead": fix `section`\.$/),
      'content/talk/price-of-anarchy.mdx:24:5 talk-section "Price of anarchy" has no section "History". Its sections are: "Lead", "Price of anarchy".',
      'content/talk/price-of-anarchy.mdx:30:53 citation Unknown citation key "nobody2020": add the work to content/references.yaml or fix the key.',
      'content/talk/price-of-anarchy.mdx:31:16 talk-link "[[No such page]]" does not name an article: talk pages link only to existing pages.',
      expect.stringMatching(/^content\/talk\/price-of-anarchy\.mdx:7:5 talk-quote The quote is not in the section "Lead" of "Price of anarchy"\. Quote the article word for word .*set `status: outdated`/),
    ]);
  });

  it('npm run check reports the missing quote as file:line:col rule message and exits 1', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check.ts')], { cwd: join(FIXTURES, 'talk-bad-quote'), encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${T}:7:5 talk-quote The quote is not in the section "Lead"`);
  });

  it('a quote repeated in its section is ambiguous and fails; repeated under another heading it is not', () => {
    const input = readContent(join(FIXTURES, 'talk-valid'));
    const edit = (f: (text: string) => string) => input.articles.map((a) => (a.file.endsWith('price-of-anarchy.mdx') ? { ...a, text: f(a.text) } : a));
    // appended at the end, the sentence lands under the "Price of anarchy" heading: the Lead quote stays unique
    const elsewhere = buildWikiGraph({ ...input, articles: edit((t) => `${t}\nSelfish play reaches a stable state again.\n`) });
    expect(elsewhere.problems.map(formatProblem)).toEqual([]);
    const inLead = buildWikiGraph({ ...input, articles: edit((t) => t.replace('A self link', 'Selfish play reaches a stable state, twice. A self link')) });
    expect(inLead.problems.map(formatProblem)).toEqual([`${T}:7:5 talk-quote The quote appears 2 times in "Lead": quote more words so it marks one passage.`]);
  });

  it('articlePassages reads wikilinks as their shown text, drops citation marks and tracks sections', () => {
    const tree = unified().use(remarkParse).use(remarkMdx).use(remarkMath).parse('Lead with [[Nash equilibrium|a link]] [@nash1950].\n\n## Part one\n\nSpaced   *out*\ntext’s end $x$.\n');
    expect(articlePassages(tree).map((p) => [p.section, p.text])).toEqual([
      [undefined, 'Lead with a link.'],
      ['Part one', "Spaced out text's end x."],
    ]);
    expect(normalisePlain('  “Curly”\n quotes ')).toBe('"Curly" quotes');
  });
});

describe('talk pages: marks in the article', () => {
  async function render(fixture: string): Promise<string> {
    const root = join(FIXTURES, fixture);
    const path = join(root, 'content', 'articles', 'price-of-anarchy.mdx');
    const source = readFileSync(path, 'utf8').replace(/^---[\s\S]*?---\n/, (fm) => fm.replace(/[^\n]/g, ''));
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkWiki, { root }).use(remarkRehype).use(rehypeStringify);
    return String(await processor.process(new VFile({ path, value: source })));
  }

  it('remarkWiki puts a link to the challenge right after the last word of each live quote', async () => {
    const html = await render('talk-valid');
    expect(html).toContain('stable state</a><sup class="challenge-mark" id="challenge-stable-is-not-good" data-pagefind-ignore="">[<a href="/talk/price-of-anarchy/#stable-is-not-good" aria-label="Disputed on the talk page: Stable says nothing about good">disputed</a>]</sup>;');
    // the quote skips the citation mark and ends with the full stop after it: the mark follows that
    expect(html).toMatch(/Wardrop equilibrium<\/a><sup class="cite"[^>]*>.*?<\/sup>\.<sup class="challenge-mark" id="challenge-curly-quotes-match"/);
  });

  it('remarkWiki marks only open and answered challenges', async () => {
    const html = await render('talk-valid');
    expect(html.match(/class="challenge-mark"/g)).toHaveLength(2);
    expect(html).not.toContain('challenge-already-fixed');
    expect(html).not.toContain('challenge-let-go');
  });
});

describe('npm run new:challenge', () => {
  const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts', 'new-challenge.ts'), ...args], { cwd, encoding: 'utf8' });

  it('new:challenge writes a talk page whose only problem is the placeholder quote', () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilibria-challenge-'));
    cpSync(join(FIXTURES, 'valid-wiki'), dir, { recursive: true });
    const r = run(dir, 'Nash point');
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'content', 'talk', 'nash-equilibrium.mdx'), 'utf8');
    expect(text).toContain('article: "Nash equilibrium"');
    const problems = buildWikiGraph(readContent(dir)).problems;
    expect(problems.map((p) => p.rule)).toEqual(['talk-quote']);
  });

  it('new:challenge appends to an existing talk page, keeping it valid YAML', () => {
    const dir = mkdtempSync(join(tmpdir(), 'equilibria-challenge-'));
    cpSync(join(FIXTURES, 'talk-valid'), dir, { recursive: true });
    const r = run(dir, 'Price of anarchy');
    expect(r.status, r.stderr).toBe(0);
    const graph = buildWikiGraph(readContent(dir));
    expect(graph.problems.map((p) => p.rule)).toEqual(['talk-quote']);
    expect(parseTalk(T, readFileSync(join(dir, T), 'utf8')).frontmatter?.challenges).toHaveLength(5);
  });

  it('new:challenge refuses a title that names no article', () => {
    const r = run(join(FIXTURES, 'valid-wiki'), 'No such article');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/There is no article "No such article"/);
  });

  it('challengeTemplate dates the challenge with the date it is given', () => {
    expect(challengeTemplate('X', '2026-03-04')).toContain('date: 2026-03-04');
  });
});

describe('the wiki’s own talk pages', () => {
  it('every talk page of the wiki passes the checks and has a challenge with a response', () => {
    const graph = buildWikiGraph(readContent(ROOT));
    expect(graph.problems.filter((p) => p.file.startsWith('content/talk/')).map(formatProblem)).toEqual([]);
    const hub = graph.talk.get('alignment-problem');
    expect(hub?.challenges.some((c) => c.responses.length > 0)).toBe(true);
  });
});
