import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkMath from 'remark-math';
import remarkRehype from 'remark-rehype';
import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { remarkWiki } from '../../src/wiki/remark-wiki.ts';
import { rehypeMathGuard } from '../../src/wiki/rehype-math-guard.ts';
import { katexOptions } from '../../src/wiki/katex-options.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/** Renders a fixture article to HTML with the build's plugins (MDX left out: plain Markdown here). */
async function render(fixture: string, slug: string, markdown?: string): Promise<string> {
  const root = join(FIXTURES, fixture);
  const path = join(root, 'content', 'articles', `${slug}.mdx`);
  const source = markdown ?? readFileSync(path, 'utf8').replace(/^---[\s\S]*?---\n/, '');
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkMath)
    .use(remarkWiki, { root })
    .use(remarkRehype)
    .use(rehypeKatex, katexOptions)
    .use(rehypeMathGuard)
    .use(rehypeStringify);
  return String(await processor.process(new VFile({ path, value: source })));
}

describe('remarkWiki', () => {
  it('remarkWiki turns wikilinks into links to the resolved page, keeping label and trail', async () => {
    const html = await render('valid-wiki', 'price-of-anarchy');
    expect(html).toContain('<a href="/wiki/nash-equilibrium/" class="wikilink" data-preview="nash-equilibrium">stable state</a>');
    expect(html).toContain('<a href="/wiki/nash-equilibrium/" class="wikilink" data-preview="nash-equilibrium">nash_equilibriums</a>');
    expect(html).toContain('<a href="/wiki/nash-equilibrium/#mixed-strategies" class="wikilink" data-preview="nash-equilibrium" data-section="mixed-strategies">');
  });

  it('remarkWiki renders missing targets as red links to their wanted-pages entry', async () => {
    const html = await render('valid-wiki', 'price-of-anarchy');
    expect(html).toMatch(/<a href="\/special\/wanted-pages\/#wardrop-equilibrium" title="Wardrop equilibrium \(page does not exist yet\)" class="wikilink new" data-wanted="wardrop-equilibrium">Wardrop equilibrium<\/a>/);
    expect(html).toContain('href="/special/wanted-pages/#braesss-paradox"');
  });

  it('remarkWiki numbers citations in order of first appearance and keeps locators', async () => {
    const html = await render('valid-wiki', 'price-of-anarchy');
    expect(html).toContain('<sup class="cite" data-pagefind-ignore="">[<a href="#ref-nash1950" id="cite-nash1950" aria-label="Reference 1">1</a>; <a href="#ref-nash1950" aria-label="Reference 1, p. 49">1, p. 49</a>]</sup>');
    // the space before a citation mark goes, as in print
    expect(html).toContain('Wardrop equilibrium</a><sup class="cite"');
  });

  it('remarkWiki gives headings the wiki slug as id', async () => {
    const html = await render('valid-wiki', 'nash-equilibrium');
    expect(html).toContain('<h2 id="mixed-strategies">Mixed strategies</h2>');
  });

  it('remarkWiki fails the build with every content problem of the wiki, file and line first', async () => {
    await expect(render('unknown-citation', 'price-of-anarchy')).rejects.toThrow(
      /content\/articles\/price-of-anarchy\.mdx:7:\d+ citation Unknown citation key "koutsoupias1999"/,
    );
  });
});

describe('rehypeMathGuard', () => {
  it('rehypeMathGuard turns a KaTeX error into a build error naming file and line', async () => {
    await expect(render('valid-wiki', 'nash-equilibrium', 'Fine $x$.\n\nBroken $\\frac{1}{$ here.\n')).rejects.toThrow(
      /Invalid LaTeX[\s\S]*nash-equilibrium\.mdx:3:8 math/,
    );
  });
  it('rehypeMathGuard hides the MathML copy of formulas from the search index', async () => {
    const html = await render('valid-wiki', 'nash-equilibrium', 'Inline $x^2$.');
    expect(html).toContain('<span class="katex-mathml" data-pagefind-ignore="">');
  });
});
