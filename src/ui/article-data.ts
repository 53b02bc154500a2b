/** Data the article page derives from the link graph: previews, backlinks, references. */
import type { WikiGraph } from '../wiki/graph.ts';

/** Title and summary of every page `slug` links to (and of itself), for its preview cards. */
export function previewData(graph: WikiGraph, slug: string): Record<string, { title: string; summary: string }> {
  const node = graph.articles.get(slug);
  const out: Record<string, { title: string; summary: string }> = {};
  if (!node) return out;
  const related = node.related.map((t) => graph.resolve(t)).filter((s): s is string => s !== undefined);
  const backlinks = graph.backlinks.get(slug) ?? [];
  for (const target of new Set([slug, ...node.linksTo, ...related, ...backlinks])) {
    const t = graph.articles.get(target);
    if (t) out[target] = { title: t.title, summary: t.summary };
  }
  return out;
}

/** JSON that is safe inside <script type="application/json">: no "</script" can close it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
