/**
 * "Create this page": a link to the repository host's new-file page with the path and a
 * starting article filled in: valid frontmatter, the categories most used by the pages that
 * link to it, and the sentences that mention it, so a reader becomes a contributor in one click.
 */
import type { WantedPage, WikiGraph } from './graph.ts';
import { ARTICLES_DIR } from './graph.ts';
import { articleTemplate } from './template.ts';
import { newFileUrl } from '../site.config.ts';

const MAX_MENTIONS = 5;

/** The starting text of a wanted page's article. */
export function wantedPageTemplate(graph: WikiGraph, wanted: WantedPage): string {
  const counts = new Map<string, number>();
  for (const f of wanted.from) for (const c of graph.articles.get(f.slug)?.categories ?? []) counts.set(c, (counts.get(c) ?? 0) + 1);
  const categories = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([c]) => c);
  const mentions = graph.mentions.get(wanted.slug);
  const sentences = wanted.from
    .slice(0, MAX_MENTIONS)
    .map((f) => ({ title: graph.articles.get(f.slug)?.title ?? f.slug, context: mentions?.get(f.slug) }))
    .filter((m) => m.context !== undefined)
    .map((m) => `[[${m.title}]]: "${m.context!.sentence.replace(/\*\//g, '* /')}"`);
  return articleTemplate(wanted.title, wanted.from.map((f) => graph.articles.get(f.slug)?.title ?? f.slug), {
    categories: categories.length > 0 ? categories : undefined,
    mentions: sentences,
  });
}

/** The repository's new-file link for a wanted page. */
export function newArticleUrl(graph: WikiGraph, wanted: WantedPage): string {
  return newFileUrl(`${ARTICLES_DIR}/${wanted.slug}.mdx`, wantedPageTemplate(graph, wanted));
}
