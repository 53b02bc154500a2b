/**
 * The build's remark plugin: fails the build on any content problem (the same checks as
 * `npm run check`), then turns wikilinks into links (red for missing pages), citations into
 * numbered marks, gives headings the wiki's slug ids, and marks passages challenged on the talk page.
 */
import { relative } from 'node:path';
import { visit, SKIP } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import type { Root, PhrasingContent, Text } from 'mdast';
import type { VFile } from 'vfile';
import { getWikiGraph, ARTICLES_DIR, type WikiGraph } from './graph.ts';
import { type CitationMatch, type WikilinkMatch } from './markers.ts';
import { replaceMarkers } from './marker-nodes.ts';
import { slugify } from './slug.ts';
import { ContentError } from './problems.ts';
import { wantedHref, articleHref } from './urls.ts';
import { markChallenges } from './talk-marks.ts';

export type RemarkWikiOptions = { root?: string };

function wikilinkNode(m: WikilinkMatch, graph: WikiGraph): PhrasingContent {
  const target = graph.resolve(m.target);
  if (target === undefined) {
    return {
      type: 'link',
      url: wantedHref(m.target),
      title: `${m.target} (page does not exist yet)`,
      children: [{ type: 'text', value: m.text }],
      data: { hProperties: { className: ['wikilink', 'new'], dataWanted: slugify(m.target) } },
    };
  }
  const hash = m.section !== undefined ? `#${slugify(m.section)}` : '';
  return {
    type: 'link',
    url: articleHref(target) + hash,
    title: null,
    children: [{ type: 'text', value: m.text }],
    data: { hProperties: { className: ['wikilink'], dataPreview: target, ...(hash ? { dataSection: hash.slice(1) } : {}) } },
  };
}

function citationNode(m: CitationMatch, numbers: Map<string, number>, seen: Set<string>): PhrasingContent {
  const children: unknown[] = [{ type: 'text', value: '[' }];
  m.items.forEach((item, i) => {
    if (i > 0) children.push({ type: 'text', value: '; ' });
    const n = numbers.get(item.key);
    children.push({
      type: 'element',
      tagName: 'a',
      properties: { href: `#ref-${item.key}`, ...(seen.has(item.key) ? {} : { id: `cite-${item.key}` }), ariaLabel: `Reference ${n}${item.locator ? `, ${item.locator}` : ''}` },
      children: [{ type: 'text', value: `${n}${item.locator ? `, ${item.locator}` : ''}` }],
    });
    seen.add(item.key);
  });
  children.push({ type: 'text', value: ']' });
  // an mdast node that becomes <sup class="cite">…</sup> through mdast-util-to-hast's data fields
  return { type: 'text', value: m.raw, data: { hName: 'sup', hProperties: { className: ['cite'], dataPagefindIgnore: '' }, hChildren: children } } as unknown as Text;
}

export function remarkWiki(options: RemarkWikiOptions = {}) {
  return (tree: Root, file: VFile) => {
    const root = options.root ?? process.cwd();
    const rel = relative(root, file.path).split('\\').join('/');
    if (!rel.startsWith(`${ARTICLES_DIR}/`)) return;
    const graph = getWikiGraph(root);
    if (graph.problems.length > 0) throw new ContentError(graph.problems);
    const slug = rel.slice(ARTICLES_DIR.length + 1).replace(/\.mdx$/, '');
    const article = graph.articles.get(slug);
    const numbers = new Map((article?.citations ?? []).map((key, i) => [key, i + 1] as const));
    const seen = new Set<string>();
    // first, while text nodes still hold the raw markup the quotes were anchored in
    const talk = graph.talk.get(slug);
    if (talk) markChallenges(tree, talk);

    visit(tree, (node, index, parent) => {
      if (node.type === 'heading') {
        // mdast-util-to-hast copies data.hProperties onto the <h2>/<h3>; Astro keeps an existing id
        const data = (node.data ?? {}) as { hProperties?: Record<string, unknown> };
        node.data = { ...data, hProperties: { ...data.hProperties, id: slugify(toString(node)) } } as typeof node.data;
        return undefined;
      }
      if (node.type === 'link' || node.type === 'linkReference' || node.type === 'inlineCode' || node.type === 'code') return SKIP;
      if (node.type !== 'text' || parent === undefined || index === undefined) return undefined;
      return replaceMarkers(node, index, parent, {
        render: (m) => (m.kind === 'wikilink' ? wikilinkNode(m, graph) : citationNode(m, numbers, seen)),
        // a citation hugs the word before it, as in print: "in 1999 [1]" reads "in 1999[1]"
        hugs: (m) => m.kind === 'citation',
      });
    });
  };
}
