/**
 * The wiki's knowledge graph, built once per build from every article: titles, aliases and the
 * resolver, outgoing links and backlinks, red links (wanted pages), categories, citations and
 * embeds. Every page that shows links reads this one graph, so they can never disagree.
 */
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ArticleFrontmatter, Reference } from './schema.ts';
import { parseArticle, type ParsedArticle, type ParsedHeading, type Place } from './parse-article.ts';
import { parseReferences } from './references.ts';
import { linkKey, slugify } from './slug.ts';
import type { Problem } from './problems.ts';
import type { LinkContext } from './link-context.ts';
import { checkTalk, parseTalk, TALK_DIR, type TalkPage } from './talk.ts';
import { findRequiresCycles, prerequisiteGraph } from './learning-paths.ts';
import { figuresInOrder, type ArticleFigure } from './figures.ts';

export const ARTICLES_DIR = 'content/articles';
export const REFERENCES_FILE = 'content/references.yaml';

export type ArticleNode = ArticleFrontmatter & {
  slug: string;
  file: string;
  headings: ParsedHeading[];
  /** Resolved targets of this article's links (slugs of existing pages), in order, without repeats. */
  linksTo: string[];
  /** Resolved `requires`: slugs of the articles to read first, in frontmatter order, without repeats. */
  prerequisites: string[];
  /** Titles of missing pages this article links to. */
  redLinks: string[];
  /** Links of this article to a section of another page (existing sections only). */
  sectionLinks: { slug: string; section: string }[];
  /** Citation keys in order of first appearance: the numbering of its reference list. */
  citations: string[];
  embeds: { component: string; props: Record<string, unknown> }[];
  /** Markdown images and simulations, in the order they appear (link previews show the first usable one). */
  figures: ArticleFigure[];
  wordCount: number;
  /** The first paragraph of each section, as plain text, by heading id (for previews of section links). */
  sectionLeads: Record<string, string>;
};

const LEAD_MAX = 320;

/** The first passage under each heading, shortened at a word boundary. */
function sectionLeads(passages: readonly { section: string | undefined; text: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of passages) {
    if (p.section === undefined) continue;
    const id = slugify(p.section);
    if (out[id] !== undefined || p.text.length === 0) continue;
    out[id] = p.text.length <= LEAD_MAX ? p.text : `${p.text.slice(0, p.text.lastIndexOf(' ', LEAD_MAX))}…`;
  }
  return out;
}

export type WantedPage = { title: string; slug: string; from: { slug: string; line: number }[] };

export type WikiGraph = {
  articles: Map<string, ArticleNode>;
  /** The slug of the page a link target names (title or alias, loosely matched), if any. */
  resolve(target: string): string | undefined;
  /** slug -> slugs of the articles linking to it (excluding itself), sorted by title. */
  backlinks: Map<string, string[]>;
  /**
   * Target slug (an article's, or a wanted page's) -> for each page linking to it, the sentence
   * around its first link there (undefined when the link is not in running text).
   */
  mentions: Map<string, Map<string, LinkContext | undefined>>;
  /** Missing pages, most wanted first. */
  wanted: WantedPage[];
  /** Alias redirects: alias slug -> { alias, target slug }. */
  redirects: Map<string, { alias: string; target: string }>;
  /** Category slug -> { name, article slugs sorted by title }. */
  categories: Map<string, { name: string; articles: string[] }>;
  references: Map<string, Reference>;
  /** Reference key -> slugs of the articles citing it. */
  citedBy: Map<string, string[]>;
  /** Article slug -> its talk page (content/talk/<slug>.mdx), for articles that have one. */
  talk: Map<string, TalkPage>;
  problems: Problem[];
};

type Source = { file: string; text: string };

/** Reads the article and reference files of a project (paths relative to `root`). */
export function readContent(root: string): { articles: Source[]; references: Source | undefined; strays: string[]; talk: Source[] } {
  const dir = join(root, ARTICLES_DIR);
  const articles: Source[] = [];
  const strays: string[] = [];
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).sort()) {
      const file = `${ARTICLES_DIR}/${name}`;
      if (statSync(join(dir, name)).isDirectory() || !name.endsWith('.mdx')) strays.push(file);
      else articles.push({ file, text: readFileSync(join(dir, name), 'utf8') });
    }
  }
  const talk: Source[] = [];
  const talkDir = join(root, TALK_DIR);
  if (existsSync(talkDir)) {
    for (const name of readdirSync(talkDir).sort()) {
      const file = `${TALK_DIR}/${name}`;
      if (statSync(join(talkDir, name)).isDirectory() || !name.endsWith('.mdx')) strays.push(file);
      else talk.push({ file, text: readFileSync(join(talkDir, name), 'utf8') });
    }
  }
  const refPath = join(root, REFERENCES_FILE);
  const references = existsSync(refPath) ? { file: REFERENCES_FILE, text: readFileSync(refPath, 'utf8') } : undefined;
  return { articles, references, strays, talk };
}

/** Builds the graph from sources already read; pure, so tests can feed it fixtures. */
export function buildWikiGraph(input: { articles: Source[]; references: Source | undefined; strays?: string[]; talk?: Source[] }): WikiGraph {
  const problems: Problem[] = [];
  for (const stray of input.strays ?? []) {
    const talkStray = stray.startsWith(`${TALK_DIR}/`);
    const message = talkStray ? `Only talk pages (<slug>.mdx) belong in ${TALK_DIR}/: move or delete this file.` : `Only articles (<slug>.mdx) belong in ${ARTICLES_DIR}/: move or delete this file.`;
    problems.push({ file: stray, line: 1, column: 1, rule: 'stray-file', message });
  }
  const bib = input.references ? parseReferences(input.references.file, input.references.text) : { entries: new Map<string, Reference>(), problems: [] };
  problems.push(...bib.problems);

  const parsed: ParsedArticle[] = input.articles.map((a) => parseArticle(a.file, a.text));
  for (const p of parsed) problems.push(...p.problems);
  const valid = parsed.filter((p): p is ParsedArticle & { frontmatter: ArticleFrontmatter } => p.frontmatter !== undefined);

  // ---- names: titles and aliases, by loose key and by slug ------------------------------
  const byKey = new Map<string, { slug: string; file: string; place: Place; name: string }>();
  const bySlug = new Map<string, { slug: string; file: string; place: Place; name: string }>();
  const claim = (article: ParsedArticle & { frontmatter: ArticleFrontmatter }, name: string, place: Place, what: string) => {
    const owner = { slug: article.frontmatter ? slugify(article.frontmatter.title) : article.fileSlug, file: article.file, place, name };
    const key = linkKey(name);
    const slug = slugify(name);
    const clash = byKey.get(key) ?? bySlug.get(slug);
    if (clash) {
      // another spelling of a name of the same article ("Gibbard-Satterthwaite" beside the
      // en-dash title): a link target, but no redirect page of its own
      if (clash.file === owner.file) {
        if (!byKey.has(key)) byKey.set(key, clash);
        return;
      }
      problems.push({
        file: article.file,
        ...place,
        rule: 'duplicate-name',
        message: `The ${what} "${name}" resolves to the same page name as "${clash.name}" in ${clash.file}:${clash.place.line}: titles and aliases must be unique across the wiki. Rename or remove one.`,
      });
      return;
    }
    byKey.set(key, owner);
    bySlug.set(slug, owner);
  };
  for (const a of valid) claim(a, a.frontmatter.title, a.fieldPlaces.get('title') ?? { line: 1, column: 1 }, 'title');
  for (const a of valid) {
    a.frontmatter.aliases.forEach((alias, i) => claim(a, alias, a.fieldPlaces.get(`aliases.${i}`) ?? a.fieldPlaces.get('aliases') ?? { line: 1, column: 1 }, 'alias'));
  }
  const resolve = (target: string) => byKey.get(linkKey(target))?.slug;

  // ---- nodes --------------------------------------------------------------------------
  const articles = new Map<string, ArticleNode>();
  for (const a of valid) {
    const slug = slugify(a.frontmatter.title);
    articles.set(slug, {
      ...a.frontmatter,
      slug,
      file: a.file,
      headings: a.headings,
      linksTo: [],
      prerequisites: [],
      redLinks: [],
      sectionLinks: [],
      citations: [],
      embeds: a.embeds.map(({ component, props }) => ({ component, props })),
      figures: figuresInOrder(a.images, a.embeds),
      wordCount: a.wordCount,
      sectionLeads: sectionLeads(a.passages),
    });
  }

  // ---- links, sections, citations ----------------------------------------------------------
  const wanted = new Map<string, WantedPage>();
  const mentions = new Map<string, Map<string, LinkContext | undefined>>();
  const mention = (target: string, from: string, context: LinkContext | undefined) => {
    const m = mentions.get(target) ?? new Map<string, LinkContext | undefined>();
    if (!m.has(from) || (m.get(from) === undefined && context)) m.set(from, context);
    mentions.set(target, m);
  };
  const citedBy = new Map<string, string[]>();
  for (const a of valid) {
    const node = articles.get(slugify(a.frontmatter.title))!;
    const linked = new Set<string>();
    const red = new Set<string>();
    const addWanted = (title: string, line: number) => {
      const wslug = slugify(title);
      if (wslug === '') return;
      // shown as a page title: first letter upper case, as MediaWiki does ("[[natural selection]]")
      const w = wanted.get(wslug) ?? { title: title.charAt(0).toUpperCase() + title.slice(1), slug: wslug, from: [] };
      if (!w.from.some((f) => f.slug === node.slug)) w.from.push({ slug: node.slug, line });
      wanted.set(wslug, w);
      red.add(title);
    };
    for (const link of a.links) {
      const target = resolve(link.target);
      if (target === undefined) {
        addWanted(link.target, link.line);
        mention(slugify(link.target), node.slug, link.context);
        continue;
      }
      if (target !== node.slug) mention(target, node.slug, link.context);
      if (link.section !== undefined) {
        const targetNode = articles.get(target)!;
        const id = slugify(link.section);
        if (targetNode.headings.some((h) => h.id === id)) {
          if (!node.sectionLinks.some((l) => l.slug === target && l.section === id)) node.sectionLinks.push({ slug: target, section: id });
        } else {
          const sections = targetNode.headings.map((h) => `"${h.text}"`).join(', ') || 'none';
          problems.push({ file: a.file, line: link.line, column: link.column, rule: 'wikilink-section', message: `"${targetNode.title}" has no section "${link.section}". Its sections are: ${sections}.` });
        }
      }
      if (target !== node.slug) linked.add(target);
    }
    a.frontmatter.related.forEach((title, i) => {
      const target = resolve(title);
      if (target === undefined) addWanted(title, (a.fieldPlaces.get(`related.${i}`) ?? { line: 1 }).line);
    });
    node.linksTo = [...linked];
    node.redLinks = [...red];
    // unlike a red link, a prerequisite must exist: a reading path cannot send readers to nothing
    const prerequisites = new Set<string>();
    a.frontmatter.requires.forEach((title, i) => {
      const place = a.fieldPlaces.get(`requires.${i}`) ?? a.fieldPlaces.get('requires') ?? { line: 1, column: 1 };
      const target = resolve(title);
      if (target === undefined) {
        problems.push({ file: a.file, ...place, rule: 'requires', message: `\`requires\` names "${title}", which is not the title or alias of any article: a prerequisite must exist. Fix the name, or write the article first.` });
      } else if (target !== node.slug) prerequisites.add(target);
      else problems.push({ file: a.file, ...place, rule: 'requires-cycle', message: `"${node.title}" requires itself: remove "${title}" from \`requires\`.` });
    });
    node.prerequisites = [...prerequisites];
    const order: string[] = [];
    for (const c of a.citations) {
      for (const item of c.items) {
        if (!bib.entries.has(item.key)) {
          problems.push({ file: a.file, line: c.line, column: c.column, rule: 'citation', message: `Unknown citation key "${item.key}": add the work to ${REFERENCES_FILE} (authors, title, year, venue, doi or url) or fix the key.` });
          continue;
        }
        if (!order.includes(item.key)) order.push(item.key);
      }
    }
    node.citations = order;
    for (const key of order) citedBy.set(key, [...(citedBy.get(key) ?? []), node.slug]);
  }

  // ---- derived maps ---------------------------------------------------------------------
  const byTitle = (x: string, y: string) => (articles.get(x)?.title ?? x).localeCompare(articles.get(y)?.title ?? y);
  const backlinks = new Map<string, string[]>();
  for (const slug of articles.keys()) backlinks.set(slug, []);
  for (const node of articles.values()) for (const t of node.linksTo) backlinks.get(t)!.push(node.slug);
  for (const list of backlinks.values()) list.sort(byTitle);

  const redirects = new Map<string, { alias: string; target: string }>();
  for (const node of articles.values()) for (const alias of node.aliases) {
    const s = slugify(alias);
    if (!articles.has(s) && bySlug.get(s)?.slug === node.slug) redirects.set(s, { alias, target: node.slug });
  }

  const categories = new Map<string, { name: string; articles: string[] }>();
  for (const node of articles.values()) for (const name of node.categories) {
    const s = slugify(name);
    const c = categories.get(s) ?? { name, articles: [] };
    c.articles.push(node.slug);
    categories.set(s, c);
  }
  for (const c of categories.values()) c.articles.sort(byTitle);
  for (const list of citedBy.values()) list.sort(byTitle);

  // a cycle among `requires` has no reading order: report it once, at its first article's entry
  const placesOf = new Map(valid.map((a) => [slugify(a.frontmatter.title), a] as const));
  for (const cycle of findRequiresCycles(prerequisiteGraph(articles))) {
    const first = articles.get(cycle[0]!)!;
    const second = cycle[1]!;
    const parsedFirst = placesOf.get(first.slug)!;
    const index = parsedFirst.frontmatter.requires.findIndex((t) => resolve(t) === second);
    const place = parsedFirst.fieldPlaces.get(`requires.${index}`) ?? parsedFirst.fieldPlaces.get('requires') ?? { line: 1, column: 1 };
    const names = cycle.map((s) => articles.get(s)?.title ?? s).join(' requires ');
    problems.push({ file: first.file, ...place, rule: 'requires-cycle', message: `The prerequisites form a cycle: ${names}. Remove one of these \`requires\` entries so the articles have a reading order.` });
  }

  const wantedList = [...wanted.values()].sort((x, y) => y.from.length - x.from.length || x.title.localeCompare(y.title));

  // ---- talk pages: challenges anchored in the articles' text ---------------------------------
  const passagesBySlug = new Map(valid.map((a) => [slugify(a.frontmatter.title), a.passages] as const));
  const talk = new Map<string, TalkPage>();
  for (const source of input.talk ?? []) {
    const parsedTalk = parseTalk(source.file, source.text);
    problems.push(...parsedTalk.problems);
    const checked = checkTalk(parsedTalk, {
      resolve,
      hasReference: (key) => bib.entries.has(key),
      passages: (slug) => passagesBySlug.get(slug),
      sections: (slug) => (articles.get(slug)?.headings ?? []).map((h) => h.text),
    });
    problems.push(...checked.problems);
    if (checked.page && checked.page.slug === parsedTalk.fileSlug && !talk.has(checked.page.slug)) talk.set(checked.page.slug, checked.page);
  }

  return { articles, resolve, backlinks, mentions, wanted: wantedList, redirects, categories, references: bib.entries, citedBy, talk, problems };
}

type Cache = { root: string; signature: string; graph: WikiGraph; frozen: boolean };
const CACHE_KEY = Symbol.for('equilibria.wiki-graph');
const store = globalThis as unknown as Record<symbol, Cache | undefined>;

/**
 * The graph of the project at `root`, rebuilt only when a content file changed (cached per
 * process, on globalThis so the integration and the bundled pages share it). Checking for
 * changes stats every content file, which is right for `astro dev` but made a build quadratic
 * (every page asked, and every asking stat-ed every article): during a build the integration
 * freezes the graph with `freezeWikiGraph`, and pages get it without the check.
 */
export function getWikiGraph(root = process.cwd()): WikiGraph {
  root = resolve(root);
  const cached = store[CACHE_KEY];
  if (cached?.frozen && cached.root === root) return cached.graph;
  const dir = join(root, ARTICLES_DIR);
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const stamp = (p: string) => (existsSync(p) ? statSync(p).mtimeMs : 0);
  const talkDir = join(root, TALK_DIR);
  const talkNames = existsSync(talkDir) ? readdirSync(talkDir).sort() : [];
  const signature = [
    root,
    ...names.map((n) => `${n}:${stamp(join(dir, n))}`),
    ...talkNames.map((n) => `talk/${n}:${stamp(join(talkDir, n))}`),
    `refs:${stamp(join(root, REFERENCES_FILE))}`,
  ].join('|');
  if (cached && cached.root === root && cached.signature === signature) return cached.graph;
  const graph = buildWikiGraph(readContent(root));
  store[CACHE_KEY] = { root, signature, graph, frozen: false };
  return graph;
}

/** For `astro build` only, where content cannot change while pages render: from now on `getWikiGraph(root)` returns this graph without checking files. */
export function freezeWikiGraph(root: string): WikiGraph {
  const graph = getWikiGraph(resolve(root));
  store[CACHE_KEY] = { ...store[CACHE_KEY]!, frozen: true };
  return graph;
}
