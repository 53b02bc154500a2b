import { describe, expect, it } from 'vitest';
import { slugify, linkKey } from '../../src/wiki/slug.ts';

describe('slugify', () => {
  // the table of DESIGN.md: every route, file name and heading id follows it
  it.each([
    ["Goodhart's law", 'goodharts-law'],
    ['Braess’s paradox', 'braesss-paradox'],
    ['Gibbard–Satterthwaite theorem', 'gibbard-satterthwaite-theorem'],
    ['Principal–agent problem', 'principal-agent-problem'],
    ['Erdős–Rényi model', 'erdos-renyi-model'],
    ['VCG mechanism', 'vcg-mechanism'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['Price of anarchy (PoA): 4/3!', 'price-of-anarchy-poa-4-3'],
    ['Ｆｕｌｌｗｉｄｔｈ', 'fullwidth'],
  ])('slugify(%j) is %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('slugify of punctuation alone is empty', () => {
    expect(slugify('—?!')).toBe('');
  });
});

describe('linkKey', () => {
  it('linkKey ignores case, underscores vs spaces and curly vs straight apostrophes', () => {
    expect(linkKey('Goodhart’s_Law')).toBe(linkKey("goodhart's law"));
    expect(linkKey('  Nash   equilibrium ')).toBe('nash equilibrium');
  });
  it('linkKey keeps distinctions that matter', () => {
    expect(linkKey('Nash equilibria')).not.toBe(linkKey('Nash equilibrium'));
  });
});
