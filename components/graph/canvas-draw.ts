/**
 * Drawing the link graph on a canvas, for graphs too large for SVG (thousands of nodes, tens of
 * thousands of links). Two things keep it smooth while the reader drags or zooms:
 *
 * - One path per batch: all links are one stroked path, and nodes are grouped by colour and
 *   highlight, so a frame costs a handful of fill calls instead of one per article.
 * - A cached picture: the full drawing is made once into an offscreen bitmap at the current view;
 *   while the view moves, each frame only paints that bitmap shifted and scaled (one drawImage),
 *   and the full drawing is redone once the view has been still for a moment (`SETTLE_MS`).
 *
 * No DOM beyond the 2D context it is given, so it can be tested with a recording context.
 */

/** What the drawing needs of a node. */
export type DrawNode = { readonly x: number; readonly y: number; readonly r: number; readonly colour: string };

/** Zoom `k` and translation (tx, ty), in viewBox units: screen = t + k · world. */
export type DrawView = { readonly k: number; readonly tx: number; readonly ty: number };

/** The 2D context calls the drawing uses (a subset of CanvasRenderingContext2D). */
export type Ctx = Pick<
  CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'beginPath' | 'moveTo' | 'lineTo' | 'arc' | 'fill' | 'stroke' | 'drawImage' | 'closePath'
> & {
  strokeStyle: CanvasRenderingContext2D['strokeStyle'];
  fillStyle: CanvasRenderingContext2D['fillStyle'];
  globalAlpha: number;
  lineWidth: number;
};

/** How long the view must stay still before the full drawing is redone at the new view. */
export const SETTLE_MS = 120;

export type Scene = {
  readonly nodes: readonly DrawNode[];
  readonly edges: readonly (readonly [number, number])[];
  /** Indices of search matches (the rest are dimmed), or undefined when there is no search. */
  readonly matches: ReadonlySet<number> | undefined;
  /** The focused node, outlined. */
  readonly current: number | undefined;
  /** Colour of links and outlines (the canvas's CSS colour). */
  readonly ink: string;
  /** Size of the drawing in viewBox units, and device pixels per unit. */
  readonly width: number;
  readonly height: number;
  readonly ratio: number;
};

/** Nodes grouped into draw batches: one per (colour, dimmed) pair, in first-seen order. */
export function batches(nodes: readonly DrawNode[], matches: ReadonlySet<number> | undefined): { colour: string; dim: boolean; indices: number[] }[] {
  const byKey = new Map<string, { colour: string; dim: boolean; indices: number[] }>();
  nodes.forEach((n, i) => {
    const dim = matches !== undefined && !matches.has(i);
    const key = `${dim ? 1 : 0}${n.colour}`;
    let batch = byKey.get(key);
    if (!batch) byKey.set(key, (batch = { colour: n.colour, dim, indices: [] }));
    batch.indices.push(i);
  });
  // dimmed nodes first, so highlighted ones are drawn over them
  return [...byKey.values()].sort((a, b) => Number(b.dim) - Number(a.dim));
}

/** The whole graph at `view`, into `ctx` (sized width·ratio × height·ratio device pixels). */
export function drawScene(ctx: Ctx, scene: Scene, view: DrawView): void {
  const { nodes, edges, matches, current, ink, width, height, ratio } = scene;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width * ratio, height * ratio);
  ctx.setTransform(ratio * view.k, 0, 0, ratio * view.k, ratio * view.tx, ratio * view.ty);
  ctx.strokeStyle = ink;
  ctx.globalAlpha = 0.18;
  ctx.lineWidth = 0.6 / view.k;
  ctx.beginPath();
  for (const [s, t] of edges) {
    const a = nodes[s];
    const b = nodes[t];
    if (!a || !b) continue;
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
  }
  ctx.stroke();
  for (const batch of batches(nodes, matches)) {
    ctx.globalAlpha = batch.dim ? 0.2 : 1;
    ctx.fillStyle = batch.colour;
    ctx.beginPath();
    for (const i of batch.indices) {
      const n = nodes[i]!;
      // a sub-path per circle: moveTo first so arcs are not joined by lines
      ctx.moveTo(n.x + n.r, n.y);
      ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
      ctx.closePath();
    }
    ctx.fill();
  }
  // outlines on the focused node and on matches, over everything
  const outlined = [...(matches ?? []), ...(current === undefined ? [] : [current])];
  if (outlined.length > 0) {
    ctx.globalAlpha = 1;
    ctx.strokeStyle = ink;
    ctx.lineWidth = 2.5 / view.k;
    ctx.beginPath();
    for (const i of outlined) {
      const n = nodes[i];
      if (!n) continue;
      ctx.moveTo(n.x + n.r, n.y);
      ctx.arc(n.x, n.y, n.r, 0, 2 * Math.PI);
      ctx.closePath();
    }
    ctx.stroke();
  }
  ctx.globalAlpha = 1;
}

/**
 * A frame while the view moves: the cached picture, drawn at `base`, moved to where `view` puts
 * it. With s = view.k / base.k, a point the cache shows at p appears at s · p + (t − s · t_base).
 */
export function drawCached(ctx: Ctx, cache: CanvasImageSource, scene: Pick<Scene, 'width' | 'height' | 'ratio'>, base: DrawView, view: DrawView): void {
  const { width, height, ratio } = scene;
  const s = view.k / base.k;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width * ratio, height * ratio);
  ctx.globalAlpha = 1;
  ctx.setTransform(s, 0, 0, s, ratio * (view.tx - s * base.tx), ratio * (view.ty - s * base.ty));
  ctx.drawImage(cache, 0, 0);
}
