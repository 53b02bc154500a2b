// The build pipeline, top to bottom: content checks, Markdown (remark) plugins, HTML (rehype)
// plugins, then the integrations. See README.md, "Architecture".
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { siteConfig } from './src/site.config.ts';
import { remarkWiki } from './src/wiki/remark-wiki.ts';
import { rehypeMathGuard } from './src/wiki/rehype-math-guard.ts';
import { katexOptions } from './src/wiki/katex-options.ts';
import { cspConfig } from './src/wiki/csp.ts';
import { wikiIntegration } from './src/wiki/integration.ts';
import { offlineIntegration } from './src/wiki/offline-integration.ts';
import { getWikiGraph } from './src/wiki/graph.ts';

// alias redirects are not pages of their own: keep them out of the sitemap
const redirectPaths = new Set([...getWikiGraph().redirects.keys()].map((slug) => `/wiki/${slug}/`));

export default defineConfig({
  site: siteConfig.site,
  trailingSlash: 'always',
  // every page carries a Content-Security-Policy with hashes of its inline scripts and styles
  security: { csp: cspConfig },
  markdown: {
    // no syntax highlighting: Shiki needs inline styles the Content-Security-Policy forbids
    syntaxHighlight: false,
    processor: unified({
      // 1. parse math, 2. wikilinks, citations, heading ids (fails on any content problem)
      remarkPlugins: [remarkMath, remarkWiki],
      // 3. typeset math at build time, 4. make KaTeX errors build errors
      rehypePlugins: [[rehypeKatex, katexOptions], rehypeMathGuard],
      smartypants: false,
    }),
  },
  integrations: [
    wikiIntegration(),
    mdx(),
    preact(),
    sitemap({ filter: (page) => !redirectPaths.has(new URL(page).pathname) }),
    // last: its manifest lists every file the other steps wrote (Pagefind's index included)
    offlineIntegration(),
  ],
});
