/**
 * The wiki's inline markup inside Markdown text: wikilinks `[[Target#Section|label]]trail` and
 * citations `[@key, p. 12; @other]`. One scanner serves the checker and the build plugin.
 */

export type WikilinkMatch = {
  kind: 'wikilink';
  /** Index of `[[` in the scanned text, and the length of the whole match including the trail. */
  index: number;
  length: number;
  raw: string;
  target: string;
  section: string | undefined;
  /** The text shown: the label, or the target (with its section) when there is none, plus the trail. */
  text: string;
};

export type CitationItem = { key: string; locator: string | undefined };

export type CitationMatch = {
  kind: 'citation';
  index: number;
  length: number;
  raw: string;
  items: CitationItem[];
  /** Set when the brackets start with `@` but the inside is not a valid citation list. */
  error: string | undefined;
};

export type Marker = WikilinkMatch | CitationMatch;

// [[ target (no brackets, pipes or newlines) optional |label (no brackets/newline) ]] then
// an optional link trail of lower-case letters, as on MediaWiki ("[[game]]s" shows "games").
const WIKILINK = /\[\[([^[\]|\n]+)(?:\|([^[\]\n]*))?\]\]([a-z]*)/g;
// [@ … ] with no nested brackets or newlines: a citation list.
const CITATION = /\[(@[^[\]\n]*)\]/g;
// one citation item: @key, then optionally a comma and a locator ("p. 12", "ch. 3").
const CITATION_ITEM = /^@([a-z][a-z0-9_-]*)\s*(?:,\s*(\S.*?))?\s*$/;

/** Every wikilink and citation in `text`, in order of appearance. */
export function scanMarkers(text: string): Marker[] {
  const out: Marker[] = [];
  for (const m of text.matchAll(WIKILINK)) {
    const [raw, inner = '', label, trail = ''] = m;
    const hash = inner.indexOf('#');
    const target = (hash === -1 ? inner : inner.slice(0, hash)).trim();
    const section = hash === -1 ? undefined : inner.slice(hash + 1).trim();
    const shown = label !== undefined && label.trim() !== '' ? label.trim() : inner.trim();
    out.push({ kind: 'wikilink', index: m.index, length: raw.length, raw, target, section, text: shown + trail });
  }
  for (const m of text.matchAll(CITATION)) {
    if (out.some((w) => m.index >= w.index && m.index < w.index + w.length)) continue;
    const [raw, inner = ''] = m;
    const items: CitationItem[] = [];
    let error: string | undefined;
    for (const part of inner.split(';')) {
      const item = CITATION_ITEM.exec(part.trim());
      if (!item) {
        error = `"${part.trim()}" is not a citation: write [@key] or [@key, p. 12], keys separated by ";"`;
        break;
      }
      items.push({ key: item[1] ?? '', locator: item[2] });
    }
    out.push({ kind: 'citation', index: m.index, length: raw.length, raw, items, error });
  }
  return out.sort((a, b) => a.index - b.index);
}
