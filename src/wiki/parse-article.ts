/**
 * Parses one article file into what the link graph needs (frontmatter, headings, wikilinks,
 * citations, embeds) and reports every problem that can be seen from the file alone. The build
 * and `npm run check` share this parser, so they accept and reject exactly the same articles.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import remarkGfm from 'remark-gfm';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import katex from 'katex';
import YAML, { LineCounter, isMap, isSeq } from 'yaml';
import type { Root, Nodes, Parents } from 'mdast';
import { ArticleFrontmatterSchema, type ArticleFrontmatter } from './schema.ts';
import { slugify } from './slug.ts';
import { scanMarkers, type CitationItem } from './markers.ts';
import { literalValue, NotALiteral } from './literal.ts';
import { katexOptions } from './katex-options.ts';
import { positionAt, type Problem } from './problems.ts';
import { checkEmbed, SITE_COMPONENTS } from './embeds.ts';
import { linkContexts, type LinkContext } from './link-context.ts';
import { articlePassages, type PassageText } from './passages.ts';

export type Place = { line: number; column: number };

export type ParsedHeading = Place & { depth: number; text: string; id: string };
export type ParsedLink = Place & { target: string; section: string | undefined; text: string; context?: LinkContext };
export type ParsedCitation = Place & { items: CitationItem[] };
export type ParsedEmbed = Place & { component: string; props: Record<string, unknown> };
/** A Markdown image, `![alt](url)` or `![alt][ref]` (the reference resolved); its place orders it among the embeds. */
export type ParsedImage = Place & { url: string; alt: string };

export type ParsedArticle = {
  /** Path relative to the project root. */
  file: string;
  /** The file name without `.mdx`: must equal the slug of the title. */
  fileSlug: string;
  frontmatter: ArticleFrontmatter | undefined;
  /** Where each frontmatter field starts, for graph-level problems (duplicate alias, title). */
  fieldPlaces: Map<string, Place>;
  headings: ParsedHeading[];
  links: ParsedLink[];
  citations: ParsedCitation[];
  embeds: ParsedEmbed[];
  /** Markdown images in document order (reference images whose definition is missing are left out). */
  images: ParsedImage[];
  /** Plain words of the body (for statistics), and the first paragraph's text. */
  wordCount: number;
  /** Plain text of each paragraph and table cell with its section, for anchoring talk-page quotes. */
  passages: PassageText[];
  problems: Problem[];
};

const processor = unified().use(remarkParse).use(remarkMdx).use(remarkMath).use(remarkGfm);

/** Frontmatter between `---` lines at the very top; returns the YAML text and where the body starts. */
function splitFrontmatter(source: string): { yaml: string; yamlStart: number; bodyStart: number } | undefined {
  // ^---\n  (YAML)  \n---\n : the opening and closing fences must be alone on their lines
  const m = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(source);
  if (!m) return undefined;
  const yamlStart = source.indexOf('\n') + 1;
  return { yaml: m[1] ?? '', yamlStart, bodyStart: m[0].length };
}

const ALLOWED_URL = /^(?:https:|mailto:|#|\/|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

/** True when a link or image address is https, mailto, relative or a fragment (after decoding). */
export function isSafeUrl(url: string): boolean {
  let decoded = url;
  try {
    // decode %-escapes repeatedly: "javascript%3A" must not slip through
    for (let i = 0; i < 3; i++) {
      const next = decodeURIComponent(decoded);
      if (next === decoded) break;
      decoded = next;
    }
  } catch {
    return false;
  }
  // browsers ignore control characters and white space inside a scheme ("java\nscript:")
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (compact === '') return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme) return ['https', 'mailto'].includes((scheme[1] ?? '').toLowerCase());
  return ALLOWED_URL.test(compact);
}

export function parseArticle(file: string, source: string): ParsedArticle {
  const problems: Problem[] = [];
  const fileSlug = (file.split('/').pop() ?? file).replace(/\.mdx$/, '');
  const report = (place: Place, rule: string, message: string) => problems.push({ file, ...place, rule, message });
  const fieldPlaces = new Map<string, Place>();

  // ---- frontmatter -------------------------------------------------------------------
  let frontmatter: ArticleFrontmatter | undefined;
  const fm = splitFrontmatter(source);
  let body = source;
  if (!fm) {
    report({ line: 1, column: 1 }, 'frontmatter', 'The article must start with frontmatter between two `---` lines (title, summary, categories). Run `npm run new -- "Title"` for a template.');
  } else {
    // keep line numbers: the body is parsed with the frontmatter blanked out, newlines kept
    body = source.slice(0, fm.bodyStart).replace(/[^\n]/g, ' ') + source.slice(fm.bodyStart);
    const lineCounter = new LineCounter();
    const doc = YAML.parseDocument(fm.yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const fmLineOffset = positionAt(source, fm.yamlStart).line - 1;
    const at = (offset: number): Place => {
      const p = lineCounter.linePos(offset);
      return { line: p.line + fmLineOffset, column: p.col };
    };
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        report(at(err.pos[0]), 'frontmatter', `Broken YAML: ${err.message.split('\n')[0]}. Check quotes, colons and indentation.`);
      }
    } else {
      if (isMap(doc.contents)) {
        for (const item of doc.contents.items) {
          const key = String((item.key as { value?: unknown } | null)?.value ?? '');
          const range = (item.key as { range?: [number, number, number] } | null)?.range;
          if (range) fieldPlaces.set(key, at(range[0]));
          if (isSeq(item.value)) {
            item.value.items.forEach((el, i) => {
              const r = (el as { range?: [number, number, number] }).range;
              if (r) fieldPlaces.set(`${key}.${i}`, at(r[0]));
            });
          }
        }
      }
      const parsed = ArticleFrontmatterSchema.safeParse(doc.toJS());
      if (parsed.success) {
        frontmatter = parsed.data;
      } else {
        for (const issue of parsed.error.issues) {
          if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys) {
              report(fieldPlaces.get(key) ?? at(0), 'frontmatter', `Unknown field \`${key}\`. Allowed fields: title, summary, summaries, aliases, categories, related, requires, status.`);
            }
            continue;
          }
          const path = issue.path.map(String);
          const place = fieldPlaces.get(path.join('.')) ?? fieldPlaces.get(path[0] ?? '') ?? at(0);
          const field = path.length > 0 ? `\`${path.join('.')}\`` : 'frontmatter';
          const hint = /received undefined/.test(issue.message) ? ' This field is required.' : '';
          report(place, 'frontmatter', `${field}: ${issue.message}.${hint}`);
        }
      }
    }
  }
  if (frontmatter && slugify(frontmatter.title) !== fileSlug) {
    report(fieldPlaces.get('title') ?? { line: 1, column: 1 }, 'file-name', `The file name must be the slug of the title: rename ${fileSlug}.mdx to ${slugify(frontmatter.title)}.mdx (or change the title).`);
  }

  // ---- body --------------------------------------------------------------------------
  const headings: ParsedHeading[] = [];
  const links: ParsedLink[] = [];
  const citations: ParsedCitation[] = [];
  const embeds: ParsedEmbed[] = [];
  const images: ParsedImage[] = [];
  // `![alt][ref]` names a definition that may come later in the file: resolve them after the walk
  const imageRefs: (Place & { identifier: string; alt: string })[] = [];
  const definitions = new Map<string, string>();
  let wordCount = 0;
  let tree: Root;
  try {
    tree = processor.parse(body);
  } catch (err) {
    const e = err as { line?: number; column?: number; place?: { line?: number; column?: number }; reason?: string; message: string };
    const line = e.place?.line ?? e.line ?? 1;
    const column = e.place?.column ?? e.column ?? 1;
    report({ line, column }, 'mdx-syntax', `${e.reason ?? e.message}. Outside math, write "<", ">", "{" and "}" as words or inside $…$; HTML is not allowed in articles.`);
    return { file, fileSlug, frontmatter, fieldPlaces, headings, links, citations, embeds, images, wordCount, passages: [], problems };
  }
  const placeOf = (node: Nodes): Place => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const headingIds = new Map<string, Place>();

  visit(tree, (node: Nodes, _index, parent: Parents | undefined) => {
    switch (node.type) {
      case 'heading': {
        const text = toString(node);
        const id = slugify(text);
        const place = placeOf(node);
        if (id === '') report(place, 'heading', 'A heading needs some letters or digits.');
        else if (headingIds.has(id)) {
          const first = headingIds.get(id)!;
          report(place, 'duplicate-heading', `Two headings of this page have the id "${id}" (the first is on line ${first.line}): rename one so section links stay unambiguous.`);
        } else headingIds.set(id, place);
        headings.push({ ...place, depth: node.depth, text, id });
        return;
      }
      case 'text': {
        wordCount += node.value.split(/\s+/).filter(Boolean).length;
        if (parent && (parent.type === 'link' || parent.type === 'linkReference')) return;
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? body.length;
        for (const m of scanMarkers(node.value)) {
          // find the marker in the source (escapes can shift offsets); fall back to the node start
          const found = body.indexOf(m.raw, start);
          const place = found !== -1 && found < end ? positionAt(body, found) : placeOf(node);
          if (m.kind === 'wikilink') {
            if (m.target === '') report(place, 'wikilink', `"${m.raw}" has no target: write [[Target]] or [[Target#Section|label]].`);
            else links.push({ ...place, target: m.target, section: m.section, text: m.text });
          } else if (m.error) report(place, 'citation', m.error);
          else citations.push({ ...place, items: m.items });
        }
        return;
      }
      case 'inlineMath':
      case 'math': {
        // with trust off KaTeX draws these as red text rather than failing: make them an error
        const untrusted = /\\(href|url|includegraphics|htmlClass|htmlId|htmlStyle|htmlData)(?![a-zA-Z])/.exec(node.value);
        if (untrusted) {
          report(placeOf(node), 'math', `\\${untrusted[1]} is not allowed in formulas: links and HTML do not belong in math. Write the link in Markdown outside the formula.`);
          return SKIP;
        }
        try {
          katex.renderToString(node.value, { ...katexOptions, throwOnError: true, displayMode: node.type === 'math' });
        } catch (err) {
          const message = err instanceof Error ? err.message.replace(/^KaTeX parse error: /, '') : String(err);
          report(placeOf(node), 'math', `Invalid LaTeX: ${message}. Fix the formula (KaTeX supports most of LaTeX math; see katex.org/docs/supported).`);
        }
        return SKIP;
      }
      case 'mdxjsEsm':
        report(placeOf(node), 'no-import-export', `Articles cannot import or export code: a contribution must not run code at build time. Use the components the site provides instead (${SITE_COMPONENTS.map((c) => `<${c} …/>`).join(', ')}), with no import; CONTRIBUTING.md lists them.`);
        return SKIP;
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const program = node.data?.estree;
        if (!program || program.body.length > 0) {
          report(placeOf(node), 'no-expression', 'JavaScript expressions in { } are not allowed in articles (only comments {/* … */}). To show a brace, write it inside math: $\\{x\\}$.');
        }
        return SKIP;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const place = placeOf(node);
        const name = node.name ?? '';
        if (!SITE_COMPONENTS.includes(name)) {
          report(place, 'unknown-component', `<${name || '>'}${name ? '>' : ''} is not allowed in articles: HTML and other components are off limits. Use Markdown, or a component the site provides (${SITE_COMPONENTS.map((c) => `<${c}>`).join(', ')}).`);
          return SKIP;
        }
        const props: Record<string, unknown> = {};
        let ok = true;
        for (const attr of node.attributes) {
          if (attr.type === 'mdxJsxExpressionAttribute') {
            report(place, 'prop-literal', `<${name}> takes named props with literal values; spreading {…} is not allowed.`);
            ok = false;
            continue;
          }
          const prop = attr.name;
          if (/^client:/i.test(prop) || /^on/i.test(prop) || prop === 'style' || /^set:/i.test(prop) || /^is:/i.test(prop)) {
            report(place, 'prop-forbidden', `The prop "${prop}" is not allowed on <${name}>: the site decides how components load and look.`);
            ok = false;
            continue;
          }
          if (attr.value === null || attr.value === undefined) props[prop] = true;
          else if (typeof attr.value === 'string') props[prop] = attr.value;
          else {
            const program = attr.value.data?.estree;
            const stmt = program?.body[0];
            try {
              if (!program || program.body.length !== 1 || stmt?.type !== 'ExpressionStatement') throw new NotALiteral('an expression is required');
              props[prop] = literalValue(stmt.expression as unknown as { type: string });
            } catch (err) {
              const why = err instanceof NotALiteral ? err.message : String(err);
              report(place, 'prop-literal', `The prop "${prop}" of <${name}> must be a literal (string, number, boolean, or an array or object of literals): ${why}.`);
              ok = false;
            }
          }
        }
        if (node.children.length > 0) report(place, 'component-children', `<${name}> takes no content between its tags: write <${name} … />.`);
        if (ok) {
          const problem = checkEmbed(name, props);
          if (problem) report(place, 'embed', problem);
          else embeds.push({ ...place, component: name, props });
        }
        return SKIP;
      }
      case 'link':
      case 'image':
      case 'definition': {
        if (!isSafeUrl(node.url)) {
          report(placeOf(node), 'unsafe-url', `The address "${node.url.slice(0, 80)}" is not allowed: links and images must be https:, mailto:, relative or a #fragment.`);
          return;
        }
        if (node.type === 'image') images.push({ ...placeOf(node), url: node.url, alt: node.alt ?? '' });
        // the first definition of a label wins, as in CommonMark
        else if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
        return;
      }
      case 'imageReference':
        imageRefs.push({ ...placeOf(node), identifier: node.identifier, alt: node.alt ?? '' });
        return;
      case 'html':
        report(placeOf(node), 'unknown-component', 'Raw HTML is not allowed in articles: use Markdown.');
        return SKIP;
      default:
        return;
    }
  });

  const contexts = linkContexts(tree, body);
  for (const link of links) {
    const context = contexts.get(`${link.line}:${link.column}`);
    if (context) link.context = context;
  }
  for (const ref of imageRefs) {
    const url = definitions.get(ref.identifier);
    if (url !== undefined) images.push({ line: ref.line, column: ref.column, url, alt: ref.alt });
  }
  images.sort((a, b) => a.line - b.line || a.column - b.column);
  const passages = articlePassages(tree).map(({ section, text, line }) => ({ section, text, line }));
  return { file, fileSlug, frontmatter, fieldPlaces, headings, links, citations, embeds, images, wordCount, passages, problems };
}
