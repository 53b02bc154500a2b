/** Data the article page derives from the link graph for its link previews. */
import type { WikiGraph } from '../wiki/graph.ts';
import { newArticleUrl } from '../wiki/new-article-link.ts';
import { slugify } from '../wiki/slug.ts';
import { previewFigure, type PreviewFigure } from './preview-figure.ts';

export type PreviewData = {
  /**
   * Title and summary of every page this page links to (and of itself), and the page's figure
   * (an image of this site or a simulation thumbnail) when it has one a preview can load.
   */
  pages: Record<string, { title: string; summary: string; figure?: PreviewFigure }>;
  /** For each missing page this page links to: its title and the "Create this page" link. */
  wanted: Record<string, { title: string; create: string }>;
  /** For each section link on this page (`slug#id`): the section's heading and first paragraph. */
  sections: Record<string, { title: string; summary: string }>;
};

/**
 * The preview data of article `slug`: small, and only for the links on that page. `figureOf`
 * gives a page's preview figure (tests pass their own; the build renders simulation thumbnails).
 */
export function previewData(graph: WikiGraph, slug: string, figureOf: (slug: string) => PreviewFigure | undefined = (s) => previewFigure(graph, s)): PreviewData {
  const node = graph.articles.get(slug);
  const out: PreviewData = { pages: {}, wanted: {}, sections: {} };
  if (!node) return out;
  const related = node.related.map((t) => graph.resolve(t)).filter((s): s is string => s !== undefined);
  const backlinks = graph.backlinks.get(slug) ?? [];
  for (const target of new Set([slug, ...node.linksTo, ...related, ...backlinks])) {
    const t = graph.articles.get(target);
    if (!t) continue;
    const figure = figureOf(target);
    // no "figure" key at all when there is none: the JSON is in every page
    out.pages[target] = figure ? { title: t.title, summary: t.summary, figure } : { title: t.title, summary: t.summary };
  }
  for (const { slug: target, section } of node.sectionLinks) {
    const t = graph.articles.get(target);
    const heading = t?.headings.find((h) => h.id === section);
    const lead = t?.sectionLeads[section];
    if (t && heading && lead) out.sections[`${target}#${section}`] = { title: `${t.title} › ${heading.text}`, summary: lead };
  }
  for (const title of node.redLinks) {
    const w = graph.wanted.find((x) => x.slug === slugify(title));
    if (w) out.wanted[w.slug] = { title: w.title, create: newArticleUrl(graph, w) };
  }
  return out;
}

/** JSON that is safe inside <script type="application/json">: no "</script" can close it early. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
