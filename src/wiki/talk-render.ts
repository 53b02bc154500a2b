/**
 * Renders the Markdown of talk pages (arguments, responses, reasons) to HTML at build time:
 * wikilinks become links, citations `[@key, p. 3]` become author–year links into the
 * bibliography, and raw HTML is dropped (the content check has already refused it).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { visit, SKIP } from 'unist-util-visit';
import type { PhrasingContent, Root } from 'mdast';
import type { Marker } from './markers.ts';
import { replaceMarkers } from './marker-nodes.ts';
import { articleHref, referenceHref } from './urls.ts';
import { slugify } from './slug.ts';
import type { WikiGraph } from './graph.ts';
import type { Reference } from './schema.ts';

/** "Holmström and Milgrom 1991", "Amodei et al. 2016": a short name for a work in running text. */
export function shortCite(ref: Reference): string {
  const surname = (name: string) => name.trim().split(/\s+/).pop() ?? name;
  const [first = '', second] = ref.authors;
  const who = ref.authors.length === 1 ? surname(first) : ref.authors.length === 2 && second ? `${surname(first)} and ${surname(second)}` : `${surname(first)} et al.`;
  return `${who} ${ref.year}`;
}

/** A wikilink as a plain link (red links as text), a citation as "(Author year; …)" linking to the references. */
function talkMarkerNodes(m: Marker, graph: WikiGraph): PhrasingContent[] {
  if (m.kind === 'wikilink') {
    const target = graph.resolve(m.target);
    const hash = m.section !== undefined ? `#${slugify(m.section)}` : '';
    return [target ? { type: 'link', url: articleHref(target) + hash, children: [{ type: 'text', value: m.text }] } : { type: 'text', value: m.text }];
  }
  const out: PhrasingContent[] = [{ type: 'text', value: '(' }];
  m.items.forEach((item, i) => {
    if (i > 0) out.push({ type: 'text', value: '; ' });
    const ref = graph.references.get(item.key);
    out.push({ type: 'link', url: referenceHref(item.key), children: [{ type: 'text', value: ref ? shortCite(ref) : item.key }] });
    if (item.locator) out.push({ type: 'text', value: `, ${item.locator}` });
  });
  out.push({ type: 'text', value: ')' });
  return out;
}

function remarkTalkMarkers(graph: WikiGraph) {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'link' || node.type === 'inlineCode' || node.type === 'code') return SKIP;
      if (node.type !== 'text' || parent === undefined || index === undefined) return undefined;
      return replaceMarkers(node, index, parent, { render: (m) => talkMarkerNodes(m, graph) });
    });
  };
}

/** The HTML of one Markdown field of a talk page (HTML in the source is dropped, not passed through). */
export function renderTalkMarkdown(markdown: string, graph: WikiGraph): string {
  const processor = unified().use(remarkParse).use(remarkGfm).use(remarkTalkMarkers, graph).use(remarkRehype).use(rehypeStringify);
  return String(processor.processSync(markdown));
}
