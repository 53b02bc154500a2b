import { describe, expect, it } from 'vitest';
import { fixtureGraph } from './fixtures.ts';

const graph = fixtureGraph('valid-wiki');

describe('the link resolver', () => {
  it('resolve() finds titles and aliases ignoring case, underscores and apostrophe style', () => {
    expect(graph.resolve('Nash equilibrium')).toBe('nash-equilibrium');
    expect(graph.resolve('NASH_EQUILIBRIUM')).toBe('nash-equilibrium');
    expect(graph.resolve('nash point')).toBe('nash-equilibrium');
    expect(graph.resolve('Coordination_ratio')).toBe('price-of-anarchy');
  });
  it('an alias spelling the title another way resolves, without a redirect page of its own', () => {
    expect(graph.resolve('Nash-equilibrium')).toBe('nash-equilibrium');
    expect(graph.redirects.has('nash-equilibrium')).toBe(false);
  });
  it('resolve() returns undefined for missing pages', () => {
    expect(graph.resolve('Braess’s paradox')).toBeUndefined();
  });
  it('links through aliases and trails count as links to the page, self links do not', () => {
    expect(graph.articles.get('price-of-anarchy')?.linksTo).toEqual(['nash-equilibrium']);
    expect(graph.backlinks.get('nash-equilibrium')).toEqual(['price-of-anarchy']);
    expect(graph.backlinks.get('price-of-anarchy')).toEqual([]);
  });
  it('red links from text and from related become wanted pages, counted once per page, most wanted first', () => {
    expect(graph.wanted.map((w) => [w.title, w.slug, w.from.map((f) => f.slug)])).toEqual([
      ['Braess’s paradox', 'braesss-paradox', ['price-of-anarchy']],
      ['Wardrop equilibrium', 'wardrop-equilibrium', ['price-of-anarchy']],
    ]);
  });
  it('aliases become redirects to their article', () => {
    expect([...graph.redirects]).toEqual([
      ['nash-point', { alias: 'Nash point', target: 'nash-equilibrium' }],
      ['coordination-ratio', { alias: 'Coordination ratio', target: 'price-of-anarchy' }],
    ]);
  });
  it('categories list their articles by title', () => {
    expect(graph.categories.get('game-theory')).toEqual({ name: 'Game theory', articles: ['nash-equilibrium', 'price-of-anarchy'] });
    expect(graph.categories.get('economics')?.articles).toEqual(['price-of-anarchy']);
  });
});

describe('citations', () => {
  it('citations are numbered in order of first appearance, each key once', () => {
    expect(graph.articles.get('price-of-anarchy')?.citations).toEqual(['nash1950']);
  });
  it('citedBy lists the citing articles', () => {
    expect(graph.citedBy.get('nash1950')).toEqual(['nash-equilibrium', 'price-of-anarchy']);
  });
});

describe('headings', () => {
  it('heading ids use the wiki slug function', () => {
    expect(graph.articles.get('nash-equilibrium')?.headings.map((h) => h.id)).toEqual(['mixed-strategies']);
  });
});

describe('prerequisites', () => {
  it('requires entries resolve through titles and aliases to prerequisites', () => {
    expect(graph.articles.get('price-of-anarchy')?.requires).toEqual(['Nash point']);
    expect(graph.articles.get('price-of-anarchy')?.prerequisites).toEqual(['nash-equilibrium']);
    expect(graph.articles.get('nash-equilibrium')?.prerequisites).toEqual([]);
  });
});

describe('section leads', () => {
  it('records the first paragraph of each section, and the section links an article makes', () => {
    expect(graph.articles.get('nash-equilibrium')?.sectionLeads['mixed-strategies']).toBe('Players may randomise.');
    expect(graph.articles.get('price-of-anarchy')?.sectionLinks).toEqual([{ slug: 'nash-equilibrium', section: 'mixed-strategies' }]);
  });
});
