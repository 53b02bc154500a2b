/**
 * The figure a link preview shows for an article (build time only): its first figure that a
 * preview can load — a Markdown image this site serves, or a simulation whose static picture has
 * an SVG chart, which becomes a thumbnail file at /thumbs/<slug>.svg (src/pages/thumbs/).
 * Previews and the thumbnail endpoint both ask this module, so the JSON never names a thumbnail
 * that was not built.
 */
import { h, type ComponentType } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sims } from '../../components/sims/index.ts';
import { getSimulation } from '../../components/registry.ts';
import type { WikiGraph } from '../wiki/graph.ts';
import { localImageSrc } from '../wiki/figures.ts';
import { chartThumbnail, parseKitStyles, type KitStyles } from '../wiki/thumbnail.ts';
import { thumbHref } from '../wiki/urls.ts';
import { siteConfig } from '../site.config.ts';
import { simIslandProps } from './sim-props.ts';

/** A figure in a page's preview data: where to load it from and its text alternative. */
export type PreviewFigure = { src: string; alt: string };

// read from the project root, like the wiki graph (src/wiki/graph.ts): the build runs there, and
// bundled build code has no stable path of its own to find the file from
let kit: KitStyles | undefined;
const kitStyles = (): KitStyles => (kit ??= parseKitStyles(readFileSync(join(process.cwd(), 'components', 'kit', 'kit.css'), 'utf8')));
/** The text alternative of a simulation's thumbnail, and the start of the thumbnail's own title. */
const simAlt = (title: string) => `Simulation: ${title}`;

// Each article page asks about every page it links to, so one simulation embed is asked about
// many times per build: render each distinct embed once.
const thumbnails = new Map<string, string | undefined>();

/** The thumbnail SVG of simulation `name` embedded with the article's `props` (name and id included), or undefined when its picture has no chart. */
export function simThumbnail(name: string, props: Readonly<Record<string, unknown>>): string | undefined {
  const key = JSON.stringify([name, props]);
  if (thumbnails.has(key)) return thumbnails.get(key);
  const sim = getSimulation(name);
  const component = (sims as Record<string, ComponentType<Record<string, unknown>>>)[name];
  // the same server render as the island's in Sim.astro: same component, same props
  const svg = sim && component ? chartThumbnail(renderToString(h(component, simIslandProps(props))), { title: simAlt(sim.title), kit: kitStyles() }) : undefined;
  thumbnails.set(key, svg);
  return svg;
}

type Chosen = { figure: PreviewFigure; svg?: string };

function choose(graph: WikiGraph, slug: string): Chosen | undefined {
  const node = graph.articles.get(slug);
  if (!node) return undefined;
  for (const f of node.figures) {
    if (f.kind === 'image') {
      const src = localImageSrc(f.url, siteConfig.site);
      // an image without alt text still needs a name in a preview, where it stands for the article
      if (src) return { figure: { src, alt: f.alt.trim() || `Figure from ${node.title}` } };
      continue;
    }
    const svg = simThumbnail(f.name, f.props);
    if (svg) return { figure: { src: thumbHref(slug), alt: simAlt(getSimulation(f.name)?.title ?? f.name) }, svg };
  }
  return undefined;
}

/** The figure the preview of article `slug` shows, or undefined when it has none a preview can load. */
export function previewFigure(graph: WikiGraph, slug: string): PreviewFigure | undefined {
  return choose(graph, slug)?.figure;
}

/** The thumbnail file of article `slug` (served at thumbHref(slug)), or undefined when its preview figure is not a simulation thumbnail. */
export function articleThumbnail(graph: WikiGraph, slug: string): string | undefined {
  return choose(graph, slug)?.svg;
}
