import { describe, expect, it } from 'vitest';
import { fixtureGraph } from './fixtures.ts';
import { newArticleUrl, wantedPageTemplate } from '../../src/wiki/new-article-link.ts';
import { parseArticle } from '../../src/wiki/parse-article.ts';
import { siteConfig } from '../../src/site.config.ts';

const graph = fixtureGraph('valid-wiki');
const wardrop = graph.wanted.find((w) => w.slug === 'wardrop-equilibrium')!;

describe('Create this page', () => {
  it('newArticleUrl opens the new-file page for content/articles/<slug>.mdx with the template filled in', () => {
    const url = new URL(newArticleUrl(graph, wardrop));
    expect(url.href.startsWith(`${siteConfig.repo}/new/${siteConfig.branch}?`)).toBe(true);
    expect(url.searchParams.get('filename')).toBe('content/articles/wardrop-equilibrium.mdx');
    expect(url.searchParams.get('value')).toBe(wantedPageTemplate(graph, wardrop));
  });

  it('the template is a valid article with the linking pages’ categories and their sentences', () => {
    const text = wantedPageTemplate(graph, wardrop);
    expect(text).toContain('title: "Wardrop equilibrium"');
    expect(text).toContain('categories: [Economics, Game theory]');
    expect(text).toContain('[[Price of anarchy]]: "See Nash Equilibrium#Mixed strategies and Braess’s paradox and Wardrop equilibrium."');
    const parsed = parseArticle('content/articles/wardrop-equilibrium.mdx', text);
    expect(parsed.problems).toEqual([]);
    expect(parsed.frontmatter?.status).toBe('stub');
  });

  it('wanted pages take the title with a capital first letter', () => {
    expect(graph.wanted.map((w) => w.title)).toContain('Braess’s paradox');
  });
});
