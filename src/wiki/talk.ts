/**
 * Talk pages, `content/talk/<slug>.mdx`: the challenges raised against one article, each quoting
 * the passage it disputes. The content check (and so the build) rejects a talk file whose
 * frontmatter breaks the schema, or whose quote is no longer in the article's section, with the
 * file and line of the offending field; a challenge stays anchored until it is marked `outdated`.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import YAML, { LineCounter, isMap, isSeq, type Document } from 'yaml';
import type { Nodes } from 'mdast';
import { TalkFrontmatterSchema, type Challenge, type TalkFrontmatter, type TalkResponse } from './schema.ts';
import { positionAt, type Problem } from './problems.ts';
import { scanMarkers } from './markers.ts';
import { isSafeUrl, type Place } from './parse-article.ts';
import { normalisePlain, occurrences, type PassageText } from './passages.ts';
import { slugify } from './slug.ts';

export const TALK_DIR = 'content/talk';
/** The section name a challenge gives for the text above an article's first heading. */
export const LEAD_SECTION = 'Lead';

export type TalkChallenge = Challenge & {
  /** Line of the challenge's `id` in the talk file. */
  line: number;
  /** The id of the article's heading the quote sits under ('' for the lead). */
  sectionId: string;
};

export type TalkPage = {
  /** The article's slug, which is also the talk file's name. */
  slug: string;
  file: string;
  challenges: TalkChallenge[];
};

export type ParsedTalk = {
  file: string;
  fileSlug: string;
  frontmatter: TalkFrontmatter | undefined;
  /** Place of each field, by dotted path (`challenges.0.quote`). */
  places: Map<string, Place>;
  /** The raw text, to find wiki markers in prose fields. */
  source: string;
  problems: Problem[];
};

/** `challenges.2` and friends: the places of every YAML node, recursively. */
function collectPlaces(doc: Document, at: (offset: number) => Place): Map<string, Place> {
  const places = new Map<string, Place>();
  const walk = (node: unknown, path: string[]) => {
    const range = (node as { range?: [number, number, number] } | null)?.range;
    if (range && path.length > 0) places.set(path.join('.'), at(range[0]));
    if (isMap(node)) {
      for (const item of node.items) {
        const key = String((item.key as { value?: unknown } | null)?.value ?? '');
        const keyRange = (item.key as { range?: [number, number, number] } | null)?.range;
        // the key's place for the field itself; its value (where the text starts) under `…:value`
        if (keyRange) places.set([...path, key].join('.'), at(keyRange[0]));
        const valueRange = (item.value as { range?: [number, number, number] } | null)?.range;
        if (valueRange) places.set(`${[...path, key].join('.')}:value`, at(valueRange[0]));
        if (isMap(item.value) || isSeq(item.value)) walk(item.value, [...path, key]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((el, i) => walk(el, [...path, String(i)]));
    }
  };
  walk(doc.contents, []);
  return places;
}

/** Parses one talk file: YAML frontmatter validated by the talk schema, and nothing after it. */
export function parseTalk(file: string, source: string): ParsedTalk {
  const problems: Problem[] = [];
  const fileSlug = (file.split('/').pop() ?? file).replace(/\.mdx$/, '');
  const report = (place: Place, rule: string, message: string) => problems.push({ file, ...place, rule, message });
  const m = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  const empty: ParsedTalk = { file, fileSlug, frontmatter: undefined, places: new Map(), source, problems };
  if (!m) {
    report({ line: 1, column: 1 }, 'talk-frontmatter', 'A talk page is frontmatter between two `---` lines: `article:` and a `challenges:` list. Run `npm run new:challenge -- "Article title"` for a template.');
    return empty;
  }
  const rest = source.slice(m[0].length);
  if (rest.trim() !== '') {
    const offset = m[0].length + (rest.length - rest.trimStart().length);
    report(positionAt(source, offset), 'talk-body', 'Nothing may follow the frontmatter of a talk page: arguments and responses go in the `argument` and `body` fields.');
  }
  const yamlStart = source.indexOf('\n') + 1;
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(m[1] ?? '', { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineOffset = positionAt(source, yamlStart).line - 1;
  const at = (offset: number): Place => {
    const p = lineCounter.linePos(offset);
    return { line: p.line + lineOffset, column: p.col };
  };
  if (doc.errors.length > 0) {
    for (const err of doc.errors) report(at(err.pos[0]), 'talk-frontmatter', `Broken YAML: ${err.message.split('\n')[0]}. Check quotes, colons and indentation; long text goes in a block (\`argument: |\`).`);
    return empty;
  }
  const places = collectPlaces(doc, at);
  const parsed = TalkFrontmatterSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          report(places.get([...path, key].join('.')) ?? at(0), 'talk-frontmatter', `Unknown field \`${[...path, key].join('.')}\`. A challenge has id, title, section, quote, author, date, status, argument, change, reason and responses; a response has author, date, body and replies.`);
        }
        continue;
      }
      // the nearest field that exists: a missing field is reported at its challenge
      let place: Place | undefined;
      for (let n = path.length; n >= 0 && !place; n--) place = places.get(path.slice(0, n).join('.'));
      const field = path.length > 0 ? `\`${path.join('.')}\`` : 'frontmatter';
      const hint = /received undefined/.test(issue.message) ? ' This field is required.' : '';
      report(place ?? at(0), 'talk-frontmatter', `${field}: ${issue.message}.${hint}`);
    }
    return { ...empty, places };
  }
  const seen = new Map<string, number>();
  parsed.data.challenges.forEach((c, i) => {
    const place = places.get(`challenges.${i}.id`) ?? at(0);
    const first = seen.get(c.id);
    if (first !== undefined) report(place, 'talk-frontmatter', `Two challenges have the id "${c.id}" (the first is on line ${first}): ids name the challenge in links, so they must be unique.`);
    else seen.set(c.id, place.line);
  });
  return { file, fileSlug, frontmatter: parsed.data, places, source, problems };
}

const markdown = unified().use(remarkParse).use(remarkGfm);

/** What the prose fields of a talk page may link to and cite. */
export type TalkContext = {
  resolve(target: string): string | undefined;
  hasReference(key: string): boolean;
  /** Slug of an article -> its passages, for anchoring quotes. */
  passages(slug: string): PassageText[] | undefined;
  /** Heading texts of an article, for "its sections are" hints. */
  sections(slug: string): string[];
};

/**
 * Checks a parsed talk file against the wiki: the article exists and the file is named after it,
 * every quote is in the named section exactly once (unless the challenge is `outdated`), and the
 * prose cites known works, links to existing pages, and holds no HTML or unsafe links.
 */
export function checkTalk(talk: ParsedTalk, wiki: TalkContext): { page: TalkPage | undefined; problems: Problem[] } {
  const problems: Problem[] = [];
  const fm = talk.frontmatter;
  if (!fm) return { page: undefined, problems };
  const report = (place: Place | undefined, rule: string, message: string) => problems.push({ file: talk.file, ...(place ?? { line: 1, column: 1 }), rule, message });
  const slug = wiki.resolve(fm.article);
  if (slug === undefined) {
    report(talk.places.get('article'), 'talk-article', `There is no article "${fm.article}": a talk page discusses an existing article, named by its title.`);
    return { page: undefined, problems };
  }
  if (slug !== talk.fileSlug) {
    report(talk.places.get('article'), 'file-name', `A talk page is named after its article's slug: rename ${talk.fileSlug}.mdx to ${slug}.mdx.`);
  }
  const passages = wiki.passages(slug) ?? [];
  const challenges: TalkChallenge[] = [];
  fm.challenges.forEach((c, i) => {
    const at = (field: string) => talk.places.get(`challenges.${i}.${field}`) ?? talk.places.get(`challenges.${i}`);
    const sectionId = c.section === LEAD_SECTION ? '' : slugify(c.section);
    checkProse(talk, `challenges.${i}.argument`, c.argument, wiki, report);
    if (c.reason !== undefined) checkProse(talk, `challenges.${i}.reason`, c.reason, wiki, report);
    const walkResponses = (list: TalkResponse[], path: string) =>
      list.forEach((r, j) => {
        checkProse(talk, `${path}.${j}.body`, r.body, wiki, report);
        if (r.date < c.date) report(talk.places.get(`${path}.${j}.date`), 'talk-date', `This response (${r.date}) is dated before the challenge it answers (${c.date}).`);
        walkResponses(r.replies, `${path}.${j}.replies`);
      });
    walkResponses(c.responses, `challenges.${i}.responses`);
    challenges.push({ ...c, line: (at('id') ?? { line: 1 }).line, sectionId });
    if (!isAnchored(c.status)) return;
    const sections = wiki.sections(slug);
    if (sectionId !== '' && !sections.some((s) => slugify(s) === sectionId)) {
      report(at('section'), 'talk-section', `"${fm.article}" has no section "${c.section}". Its sections are: ${[LEAD_SECTION, ...sections].map((s) => `"${s}"`).join(', ')}.`);
      return;
    }
    const quote = normalisePlain(c.quote);
    const inSection = passages.filter((p) => (p.section === undefined ? '' : slugify(p.section)) === sectionId);
    const hits = inSection.reduce((n, p) => n + occurrences(p.text, quote).length, 0);
    if (hits === 1) return;
    if (hits > 1) {
      report(at('quote'), 'talk-quote', `The quote appears ${hits} times in "${c.section}": quote more words so it marks one passage.`);
      return;
    }
    const elsewhere = passages.find((p) => p.text.includes(quote));
    const where = elsewhere ? ` It is in the section "${elsewhere.section ?? LEAD_SECTION}": fix \`section\`.` : ' Quote the article word for word (citation marks left out), or, if the article has changed so the challenge no longer applies, set `status: outdated` with a `reason`.';
    report(at('quote'), 'talk-quote', `The quote is not in the section "${c.section}" of "${fm.article}".${where}`);
  });
  return { page: { slug, file: talk.file, challenges }, problems };
}

/** Problems in one Markdown field: HTML, unsafe links, unknown citation keys, links to missing pages. */
function checkProse(talk: ParsedTalk, path: string, text: string, wiki: TalkContext, report: (place: Place | undefined, rule: string, message: string) => void) {
  const fieldPlace = talk.places.get(`${path}:value`) ?? talk.places.get(path);
  // markers are found in the raw file after the field starts, so problems point at their line
  const startOffset = fieldPlace ? offsetOf(talk.source, fieldPlace) : 0;
  const placeOf = (raw: string): Place | undefined => {
    const found = talk.source.indexOf(raw, startOffset);
    return found === -1 ? fieldPlace : positionAt(talk.source, found);
  };
  visit(markdown.parse(text), (node: Nodes) => {
    if (node.type === 'html') report(placeOf(node.value.split('\n')[0] ?? ''), 'talk-markup', 'HTML is not allowed on talk pages: use Markdown.');
    else if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url)) {
      report(placeOf(node.url), 'unsafe-url', `The address "${node.url.slice(0, 80)}" is not allowed: links must be https:, mailto:, relative or a #fragment.`);
    } else if (node.type === 'text') {
      for (const m of scanMarkers(node.value)) {
        if (m.kind === 'wikilink') {
          if (m.target === '' || wiki.resolve(m.target) === undefined) report(placeOf(m.raw), 'talk-link', `"${m.raw}" does not name an article: talk pages link only to existing pages.`);
        } else if (m.error) report(placeOf(m.raw), 'citation', m.error);
        else for (const item of m.items) if (!wiki.hasReference(item.key)) report(placeOf(m.raw), 'citation', `Unknown citation key "${item.key}": add the work to content/references.yaml or fix the key.`);
      }
    }
  });
}

function offsetOf(source: string, place: Place): number {
  let offset = 0;
  for (let line = 1; line < place.line; line++) {
    const next = source.indexOf('\n', offset);
    if (next === -1) return source.length;
    offset = next + 1;
  }
  return offset + place.column - 1;
}

/**
 * Whether a challenge's quote must still be in the article: open, answered and rejected ones
 * dispute text that is there; an accepted one names the change that rewrote it, and an outdated
 * one has been let go on purpose.
 */
export const isAnchored = (status: Challenge['status']) => status === 'open' || status === 'answered' || status === 'rejected';

/** Whether the article marks the challenged passage: only while the dispute is live. */
export const isMarked = (status: Challenge['status']) => status === 'open' || status === 'answered';

/** How many challenges of a talk page are open. */
export function openChallenges(page: TalkPage | undefined): number {
  return page ? page.challenges.filter((c) => c.status === 'open').length : 0;
}

/** Ids the article and talk pages use: the mark beside a passage, and the challenge itself. */
export const markId = (challengeId: string) => `challenge-${challengeId}`;

/** The starting text of a talk page with one open challenge against `title`, dated `date`. */
export function challengeTemplate(title: string, date: string, existing?: string): string {
  const challenge = `  - id: short-name-of-the-challenge
    title: What you dispute, in a few words
    section: ${LEAD_SECTION}   # the heading the quote is under ("${LEAD_SECTION}" above the first heading)
    quote: >-
      Copy the disputed words from the article exactly (at least a phrase).
    author: Your name or handle
    date: ${date}
    status: open
    argument: |
      Why the passage is wrong, misleading or incomplete, with sources from
      content/references.yaml cited as in articles, and what the article should say instead.
    responses: []
`;
  if (existing !== undefined) return `${existing.replace(/\n*---\s*$/, '\n')}${challenge}---\n`;
  return `---\narticle: ${JSON.stringify(title)}\nchallenges:\n${challenge}---\n`;
}

export type OpenChallenge = { slug: string; challenge: TalkChallenge };

/** Every open challenge of the wiki, newest first (then by article slug and id, for a stable order). */
export function allOpenChallenges(talk: ReadonlyMap<string, TalkPage>): OpenChallenge[] {
  const out: OpenChallenge[] = [];
  for (const page of talk.values()) for (const c of page.challenges) if (c.status === 'open') out.push({ slug: page.slug, challenge: c });
  return out.sort((a, b) => b.challenge.date.localeCompare(a.challenge.date) || a.slug.localeCompare(b.slug) || a.challenge.id.localeCompare(b.challenge.id));
}
