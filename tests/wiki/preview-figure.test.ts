import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';
import { localImageSrc } from '../../src/wiki/figures.ts';
import { thumbHref } from '../../src/wiki/urls.ts';
import { articleThumbnail, previewFigure, simThumbnail } from '../../src/ui/preview-figure.ts';
import { jsonForScript, previewData } from '../../src/ui/article-data.ts';
import { siteConfig } from '../../src/site.config.ts';
import { getSimulation } from '../../components/registry.ts';

const article = (title: string, body: string) => ({
  file: `content/articles/${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.mdx`,
  text: `---\ntitle: ${title}\nsummary: A test article called ${title}.\ncategories: [Testing]\n---\n\n${body}\n`,
});

// a small wiki with every kind of first figure
const graph = buildWikiGraph({
  references: undefined,
  articles: [
    article('Hub', 'Links to [[Image first]], [[Sim first]], [[Outside image]], [[Table sim]], [[Plain]], [[Reference image]] and [[Relative image]].'),
    article('Image first', '![A diagram of the commons](/figures/commons.png)\n\n<Sim name="commons-harvest" />'),
    article('Sim first', 'Text.\n\n<Sim name="selfish-routing" network="braess" />\n\n![Later](/figures/later.png)'),
    article('Outside image', '![Elsewhere](https://images.example.com/x.png)\n\n<Sim name="public-goods" />'),
    article('Table sim', '<Sim name="manipulation-finder" />'),
    article('Plain', 'No figures at all.'),
    article('Reference image', 'See ![][diagram].\n\n[diagram]: /figures/ref.svg'),
    article('Relative image', '![Beside the file](./beside.png)'),
  ],
});

describe('an article’s figures', () => {
  it('the graph lists images and simulations in document order', () => {
    expect(graph.problems).toEqual([]);
    expect(graph.articles.get('image-first')?.figures.map((f) => f.kind)).toEqual(['image', 'sim']);
    expect(graph.articles.get('sim-first')?.figures).toEqual([
      { kind: 'sim', name: 'selfish-routing', props: { name: 'selfish-routing', network: 'braess' } },
      { kind: 'image', url: '/figures/later.png', alt: 'Later' },
    ]);
    expect(graph.articles.get('reference-image')?.figures).toEqual([{ kind: 'image', url: '/figures/ref.svg', alt: '' }]);
    expect(graph.articles.get('plain')?.figures).toEqual([]);
  });

  it('localImageSrc keeps images this site serves and nothing else', () => {
    const site = 'https://wiki.example.org';
    expect(localImageSrc('/figures/a.png', site)).toBe('/figures/a.png');
    expect(localImageSrc('https://wiki.example.org/figures/a.png?v=2#x', site)).toBe('/figures/a.png?v=2');
    expect(localImageSrc('https://images.example.com/a.png', site)).toBeUndefined();
    expect(localImageSrc('//images.example.com/a.png', site)).toBeUndefined();
    expect(localImageSrc('./a.png', site)).toBeUndefined();
    expect(localImageSrc('a.png', site)).toBeUndefined();
  });
});

describe('previewFigure', () => {
  it('an image this site serves, when it comes first, is used as it is', () => {
    expect(previewFigure(graph, 'image-first')).toEqual({ src: '/figures/commons.png', alt: 'A diagram of the commons' });
    expect(articleThumbnail(graph, 'image-first')).toBeUndefined();
  });
  it('a simulation first gives its thumbnail, named after the simulation', () => {
    expect(previewFigure(graph, 'sim-first')).toEqual({ src: thumbHref('sim-first'), alt: `Simulation: ${getSimulation('selfish-routing')?.title}` });
    const svg = articleThumbnail(graph, 'sim-first');
    expect(svg).toBe(simThumbnail('selfish-routing', { name: 'selfish-routing', network: 'braess' }));
    // the embed's props reach the render: Braess's network has four nodes, Pigou's two
    expect(svg?.match(/<g class="sim-node">/g)).toHaveLength(4);
  });
  it('another site’s image is skipped for the next figure', () => {
    expect(previewFigure(graph, 'outside-image')?.src).toBe(thumbHref('outside-image'));
  });
  it('a simulation with no SVG chart, an article without figures and a file-relative image give no figure', () => {
    expect(previewFigure(graph, 'table-sim')).toBeUndefined();
    expect(articleThumbnail(graph, 'table-sim')).toBeUndefined();
    expect(previewFigure(graph, 'plain')).toBeUndefined();
    expect(previewFigure(graph, 'relative-image')).toBeUndefined();
    expect(previewFigure(graph, 'no-such-page')).toBeUndefined();
  });
  it('an image without alt text is still named', () => {
    expect(previewFigure(graph, 'reference-image')).toEqual({ src: '/figures/ref.svg', alt: 'Figure from Reference image' });
  });
});

describe('previewData', () => {
  it('gives each linked page its figure, and no figure key where there is none', () => {
    const data = previewData(graph, 'hub');
    expect(data.pages['image-first']?.figure).toEqual({ src: '/figures/commons.png', alt: 'A diagram of the commons' });
    expect(data.pages['sim-first']?.figure?.src).toBe('/thumbs/sim-first.svg');
    expect(data.pages['table-sim']).toEqual({ title: 'Table sim', summary: 'A test article called Table sim.' });
    expect('figure' in (data.pages['plain'] ?? {})).toBe(false);
  });
  it('takes figures from the function it is given', () => {
    const data = previewData(graph, 'hub', (slug) => (slug === 'plain' ? { src: '/x.svg', alt: 'x' } : undefined));
    expect(data.pages['plain']?.figure).toEqual({ src: '/x.svg', alt: 'x' });
    expect(data.pages['sim-first']?.figure).toBeUndefined();
  });
  it('stays small on the real wiki: a figure adds at most about 120 bytes per linked page', () => {
    const wiki = buildWikiGraph(readContent(join(import.meta.dirname, '..', '..')));
    for (const slug of wiki.articles.keys()) {
      const withFigures = jsonForScript(previewData(wiki, slug));
      const without = jsonForScript(previewData(wiki, slug, () => undefined));
      const figures = Object.values(previewData(wiki, slug).pages).filter((p) => p.figure).length;
      expect(withFigures.length - without.length, slug).toBeLessThanOrEqual(figures * 120);
      for (const page of Object.values(JSON.parse(withFigures) as ReturnType<typeof previewData>['pages'])) {
        if (page.figure) expect(page.figure.src, slug).toMatch(/^\/(?!\/)/);
      }
    }
  });
  it('uses the site address only to recognise the site’s own absolute image links', () => {
    expect(localImageSrc(`${siteConfig.site}/figures/a.png`, siteConfig.site)).toBe('/figures/a.png');
  });
});
