/**
 * The sentence around each wikilink, as plain text, computed at build time: "What links here"
 * shows it, and a wanted page's "Create this page" template starts from it.
 */
import type { Nodes, Parents, Root } from 'mdast';
import { scanMarkers } from './markers.ts';
import { positionAt } from './problems.ts';

export type LinkContext = {
  /** The sentence, with wikilinks shown as their text and citation marks left out. */
  sentence: string;
  /** Where the link's text sits in the sentence, for highlighting. */
  start: number;
  end: number;
};

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const MAX = 320;

/** Sentence boundaries: ., ! or ? followed by space and a capital, a digit or an opening bracket. */
function sentenceSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]["”’)]?\s+(?=[A-Z0-9“"(\[$])/g)) {
    const end = m.index + m[0].trimEnd().length;
    spans.push([start, end]);
    start = m.index + m[0].length;
  }
  spans.push([start, text.length]);
  return spans;
}

/** Map from `line:column` of each wikilink in `tree` to its context. `body` is the parsed source. */
export function linkContexts(tree: Root, body: string): Map<string, LinkContext> {
  const out = new Map<string, LinkContext>();
  const walkBlock = (block: Parents) => {
    let text = '';
    const links: { key: string; start: number; end: number }[] = [];
    const walk = (node: Nodes) => {
      if (node.type === 'text') {
        const start = node.position?.start.offset ?? 0;
        const end = node.position?.end.offset ?? body.length;
        let at = 0;
        for (const m of scanMarkers(node.value)) {
          text += node.value.slice(at, m.index);
          if (m.kind === 'wikilink') {
            const found = body.indexOf(m.raw, start);
            const place = found !== -1 && found < end ? positionAt(body, found) : { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
            links.push({ key: `${place.line}:${place.column}`, start: text.length, end: text.length + m.text.length });
            text += m.text;
          } else text = text.replace(/[ \t]+$/, '');
          at = m.index + m.length;
        }
        text += node.value.slice(at);
      } else if (node.type === 'inlineMath' || node.type === 'inlineCode') text += node.value;
      else if (node.type === 'break') text += ' ';
      else if ('children' in node) for (const child of node.children) walk(child as Nodes);
    };
    for (const child of block.children) walk(child as Nodes);
    if (links.length === 0) return;
    const flat = text.replace(/\s+/g, ' ');
    const spans = sentenceSpans(flat);
    for (const link of links) {
      const [s, e] = spans.find(([s0, e0]) => link.start >= s0 && link.start < e0) ?? [0, flat.length];
      let sentence = flat.slice(s, e).trim();
      let start = link.start - s - (flat.slice(s, e).length - flat.slice(s, e).trimStart().length);
      // very long sentences: a window around the link
      if (sentence.length > MAX) {
        const from = Math.max(0, start - MAX / 2);
        const cut = sentence.slice(from, from + MAX);
        sentence = `${from > 0 ? '…' : ''}${cut}${from + MAX < sentence.length ? '…' : ''}`;
        start = start - from + (from > 0 ? 1 : 0);
      }
      out.set(link.key, { sentence, start, end: start + (link.end - link.start) });
    }
  };
  const visit = (node: Nodes) => {
    if (BLOCKS.has(node.type)) walkBlock(node as Parents);
    else if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return out;
}
