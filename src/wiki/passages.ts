/**
 * The plain text of an article's blocks (paragraphs and table cells) as a reader sees it: wikilinks
 * as their shown text, citation marks left out, white space collapsed, curly quotes straightened.
 * The content check anchors talk-page quotes in this text, and the build plugin uses the same
 * function to find where to put each challenge's mark, so the two can never disagree.
 */
import type { Nodes, Parents, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { scanMarkers } from './markers.ts';

/**
 * Where a mark may go after a character of the plain text: inside the block's top-level child
 * `child`, either at offset `at` of that text node's value, or (when `at` is undefined) after the
 * whole child.
 */
export type MarkPoint = { child: number; at: number | undefined };

export type Passage = {
  /** The block (paragraph or table cell) in the tree it was read from. */
  block: Parents;
  /** Text of the nearest heading above the block, or undefined in the lead. */
  section: string | undefined;
  /** Normalised plain text. */
  text: string;
  /** For each character of `text`, where a mark placed after it would go. */
  points: MarkPoint[];
  line: number;
};

const BLOCKS = new Set(['paragraph', 'tableCell']);
const QUOTES: Record<string, string> = { '‘': "'", '’': "'", 'ʼ': "'", '“': '"', '”': '"', '„': '"', '«': '"', '»': '"' };

/** A quote or passage in comparable form: straight quotes, single spaces, trimmed. */
export function normalisePlain(text: string): string {
  return text
    .replace(/[‘’ʼ“”„«»]/g, (c) => QUOTES[c] ?? c)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A passage without its tree: what the content check keeps of each article. */
export type PassageText = Pick<Passage, 'section' | 'text' | 'line'>;

/** Every paragraph and table cell of `tree` with its section and normalised plain text, in order. */
export function articlePassages(tree: Root): Passage[] {
  const out: Passage[] = [];
  let section: string | undefined;
  const readBlock = (block: Parents) => {
    let text = '';
    const points: MarkPoint[] = [];
    const emit = (s: string, point: (i: number) => MarkPoint) => {
      const chars = [...s];
      let offset = 0;
      for (const raw of chars) {
        offset += raw.length;
        const c = /\s/.test(raw) ? ' ' : (QUOTES[raw] ?? raw);
        if (c === ' ' && (text === '' || text.endsWith(' '))) continue;
        text += c;
        points.push(point(offset));
      }
    };
    block.children.forEach((child, index) => {
      const node = child as Nodes;
      if (node.type === 'text') {
        let at = 0;
        for (const m of scanMarkers(node.value)) {
          emit(node.value.slice(at, m.index), (i) => ({ child: index, at: at + i }));
          if (m.kind === 'wikilink') emit(m.text, () => ({ child: index, at: m.index + m.length }));
          else {
            // a citation mark hugs the word before it, so the space before it goes too
            while (text.endsWith(' ')) {
              text = text.slice(0, -1);
              points.pop();
            }
          }
          at = m.index + m.length;
        }
        const base = at;
        emit(node.value.slice(at), (i) => ({ child: index, at: base + i }));
      } else if (node.type === 'break') emit(' ', () => ({ child: index, at: undefined }));
      else emit(plainOf(node), () => ({ child: index, at: undefined }));
    });
    while (text.endsWith(' ')) {
      text = text.slice(0, -1);
      points.pop();
    }
    out.push({ block, section, text, points, line: block.position?.start.line ?? 1 });
  };
  const walk = (node: Nodes) => {
    if (node.type === 'heading') {
      section = toString(node).trim();
      return;
    }
    if (BLOCKS.has(node.type)) readBlock(node as Parents);
    else if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(tree);
  return out;
}

/** The plain text of an inline node other than a top-level text node (emphasis, link, math…). */
function plainOf(node: Nodes): string {
  if (node.type === 'text') {
    let s = '';
    let at = 0;
    for (const m of scanMarkers(node.value)) {
      s += node.value.slice(at, m.index);
      if (m.kind === 'wikilink') s += m.text;
      at = m.index + m.length;
    }
    return s + node.value.slice(at);
  }
  if (node.type === 'inlineMath' || node.type === 'inlineCode') return node.value;
  if (node.type === 'break') return ' ';
  if ('children' in node) return (node.children as Nodes[]).map(plainOf).join('');
  return '';
}

/** Every start index of `needle` in `haystack` (non-overlapping). */
export function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) found.push(i);
  return found;
}
