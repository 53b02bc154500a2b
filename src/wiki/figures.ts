/**
 * An article's figures — its Markdown images and its simulations, in the order they appear — and
 * which of them a link preview can show. Pure: the graph calls this, and so do the preview data
 * and the thumbnail endpoint (src/ui/preview-figure.ts), so they always agree.
 */
import type { ParsedEmbed, ParsedImage } from './parse-article.ts';

/** One figure of an article. */
export type ArticleFigure =
  | { readonly kind: 'image'; readonly url: string; readonly alt: string }
  | { readonly kind: 'sim'; readonly name: string; readonly props: Readonly<Record<string, unknown>> };

/**
 * Size of a figure in a preview card, in CSS pixels: thumbnails are drawn at this size and the
 * card reserves exactly this box (scaled to its width) before the image arrives.
 */
export const FIGURE_SIZE = { width: 240, height: 140 } as const;

/** The images and `<Sim>` embeds of a parsed article, merged in document order. */
export function figuresInOrder(images: readonly ParsedImage[], embeds: readonly ParsedEmbed[]): ArticleFigure[] {
  const placed: { line: number; column: number; figure: ArticleFigure }[] = [];
  for (const i of images) placed.push({ line: i.line, column: i.column, figure: { kind: 'image', url: i.url, alt: i.alt } });
  for (const e of embeds) {
    const name = e.props['name'];
    if (e.component === 'Sim' && typeof name === 'string') placed.push({ line: e.line, column: e.column, figure: { kind: 'sim', name, props: e.props } });
  }
  // Array.prototype.sort is stable: on a tie (impossible in practice) images stay first
  return placed.sort((a, b) => a.line - b.line || a.column - b.column).map((p) => p.figure);
}

/**
 * The address a preview may load an article image from, or undefined. Only images this site
 * serves qualify: a root-relative path (a file of public/) or an absolute https address on the
 * site's own origin. Other sites' images are skipped, because the Content-Security-Policy allows
 * images from 'self' only and a preview must not make readers' browsers call other hosts. Paths
 * relative to the article file are skipped too: Astro bundles those under a hashed name unknown
 * here, and the content check keeps any file but articles out of content/articles/ anyway.
 */
export function localImageSrc(url: string, site: string): string | undefined {
  const origin = new URL(site).origin;
  if (!url.startsWith('/') && !/^https:/i.test(url)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, origin);
  } catch {
    return undefined;
  }
  if (parsed.origin !== origin) return undefined;
  return `${parsed.pathname}${parsed.search}`;
}
