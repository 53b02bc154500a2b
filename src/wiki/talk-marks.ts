/**
 * Marks challenged passages in an article's tree: after the last word of each live challenge's
 * quote, a small superscript link to the challenge on the talk page. Plain HTML, no JavaScript.
 * The passages come from `articlePassages`, the function the content check anchored the quotes
 * with, so every quote the check accepted is found here.
 */
import type { PhrasingContent, Root, Text } from 'mdast';
import { articlePassages, normalisePlain, type MarkPoint } from './passages.ts';
import { isMarked, markId, LEAD_SECTION, type TalkPage } from './talk.ts';
import { slugify } from './slug.ts';
import { talkHref } from './urls.ts';

function markNode(page: TalkPage, id: string, title: string): PhrasingContent {
  const link = {
    type: 'element',
    tagName: 'a',
    properties: { href: `${talkHref(page.slug)}#${id}`, ariaLabel: `Disputed on the talk page: ${title}` },
    children: [{ type: 'text', value: 'disputed' }],
  };
  // an mdast node that becomes <sup class="challenge-mark" id="challenge-…"><a …>disputed</a></sup>
  return { type: 'text', value: '', data: { hName: 'sup', hProperties: { className: ['challenge-mark'], id: markId(id), dataPagefindIgnore: '' }, hChildren: [{ type: 'text', value: '[' }, link, { type: 'text', value: ']' }] } } as unknown as Text;
}

/** Inserts a mark after each open or answered challenge's quote; returns the ids it marked. */
export function markChallenges(tree: Root, page: TalkPage): string[] {
  const passages = articlePassages(tree);
  const inserts = new Map<(typeof passages)[number]['block'], { point: MarkPoint; node: PhrasingContent }[]>();
  const marked: string[] = [];
  for (const c of page.challenges) {
    if (!isMarked(c.status)) continue;
    const quote = normalisePlain(c.quote);
    const sectionId = c.section === LEAD_SECTION ? '' : slugify(c.section);
    for (const p of passages) {
      if ((p.section === undefined ? '' : slugify(p.section)) !== sectionId) continue;
      const start = p.text.indexOf(quote);
      if (start === -1) continue;
      const point = p.points[start + quote.length - 1];
      if (!point) continue;
      inserts.set(p.block, [...(inserts.get(p.block) ?? []), { point, node: markNode(page, c.id, c.title) }]);
      marked.push(c.id);
      break;
    }
  }
  for (const [block, list] of inserts) {
    // from the end of the block backwards, so earlier offsets stay valid
    list.sort((x, y) => y.point.child - x.point.child || (y.point.at ?? Infinity) - (x.point.at ?? Infinity));
    const children = block.children as PhrasingContent[];
    for (const { point, node } of list) {
      const child = children[point.child];
      if (child && child.type === 'text' && point.at !== undefined && point.at < child.value.length) {
        const rest: Text = { type: 'text', value: child.value.slice(point.at) };
        child.value = child.value.slice(0, point.at);
        children.splice(point.child + 1, 0, node, rest);
      } else children.splice(point.child + 1, 0, node);
    }
  }
  return marked;
}
