/**
 * The wiki's markers (wikilinks and citations) turned into Markdown nodes inside text: shared by
 * the article plugin (remark-wiki.ts) and talk pages (talk-render.ts), which differ only in what
 * each marker becomes.
 */
import type { Parent, PhrasingContent, Text } from 'mdast';
import { SKIP } from 'unist-util-visit';
import { scanMarkers, type Marker } from './markers.ts';

export type MarkerRendering = {
  /** The node or nodes that stand for a marker. */
  readonly render: (marker: Marker) => PhrasingContent | PhrasingContent[];
  /** Whether a marker takes the spaces before it (a citation hugs the word before it, as in print). */
  readonly hugs?: (marker: Marker) => boolean;
};

/**
 * Replaces text node `node`, child `index` of `parent`, by its plain text and its rendered
 * markers. Returns what a `visit` callback should return: skip the new nodes, or undefined when
 * the text has no marker and stays as it is.
 */
export function replaceMarkers(node: Text, index: number, parent: Parent, rendering: MarkerRendering): [typeof SKIP, number] | undefined {
  const markers = scanMarkers(node.value);
  if (markers.length === 0) return undefined;
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const m of markers) {
    const before = node.value.slice(at, m.index);
    const kept = rendering.hugs?.(m) ? before.replace(/[ \t]+$/, '') : before;
    if (kept !== '') out.push({ type: 'text', value: kept });
    out.push(...[rendering.render(m)].flat());
    at = m.index + m.length;
  }
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  (parent.children as PhrasingContent[]).splice(index, 1, ...out);
  return [SKIP, index + out.length];
}
