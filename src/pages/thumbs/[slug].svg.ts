/**
 * Preview thumbnails, one static SVG per article whose preview figure is a simulation, cut from
 * that simulation's static picture at build time (src/ui/preview-figure.ts). A preview loads
 * only this small file, never the article page.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getWikiGraph } from '../../wiki/graph.ts';
import { articleThumbnail } from '../../ui/preview-figure.ts';

export const getStaticPaths = (() => {
  const graph = getWikiGraph();
  return [...graph.articles.keys()].sort().flatMap((slug) => {
    const svg = articleThumbnail(graph, slug);
    return svg === undefined ? [] : [{ params: { slug }, props: { svg } }];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ svg: string }> = ({ props }) =>
  new Response(props.svg, { headers: { 'content-type': 'image/svg+xml; charset=utf-8' } });
