/** robots.txt: everything may be crawled; the sitemap lists the articles (alias redirects left out). */
import type { APIRoute } from 'astro';
import { siteConfig } from '../site.config.ts';

export const GET: APIRoute = ({ site }) => {
  const base = (site ?? new URL(siteConfig.site)).href.replace(/\/$/, '');
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${base}/sitemap-index.xml\n`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
