/** An Atom feed of new and changed articles, from git history (dates from commits, not the clock). */
import type { APIRoute } from 'astro';
import { getWikiGraph } from '../wiki/graph.ts';
import { articleHistory } from '../wiki/git-history.ts';
import { articleHref } from '../wiki/urls.ts';
import { siteConfig } from '../site.config.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = ({ site }) => {
  const base = (site ?? new URL(siteConfig.site)).href.replace(/\/$/, '');
  const graph = getWikiGraph();
  const entries = articleHistory()
    .flatMap((h) => h.changes.filter((c) => c.status !== 'deleted' && graph.articles.has(c.slug)).map((c) => ({ h, c })))
    .slice(0, 50);
  const updated = entries[0]?.h.date ?? '1970-01-01T00:00:00Z';
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>${escape(siteConfig.name)}: new and changed articles</title>
  <subtitle>${escape(siteConfig.tagline)}</subtitle>
  <link href="${base}/feed.xml" rel="self"/>
  <link href="${base}/special/recent-changes/"/>
  <id>${base}/feed.xml</id>
  <updated>${updated}</updated>
${entries
  .map(({ h, c }) => {
    const a = graph.articles.get(c.slug)!;
    return `  <entry>
    <title>${escape(`${a.title}${c.status === 'added' ? ' (new)' : ''}`)}</title>
    <link href="${base}${articleHref(c.slug)}"/>
    <id>${base}${articleHref(c.slug)}#${h.hash}</id>
    <updated>${h.date}</updated>
    <author><name>${escape(h.author)}</name></author>
    <summary>${escape(`${h.subject}. ${a.summary}`)}</summary>
  </entry>`;
  })
  .join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
