import { describe, expect, test } from 'vitest';
import { batches, drawCached, drawScene, type Ctx, type DrawNode, type DrawView } from '../../components/graph/canvas-draw.ts';

/** A 2D context that records its calls, enough to check what the drawing asks of the canvas. */
function recorder() {
  const calls: { name: string; args: unknown[]; alpha: number; fill: unknown; stroke: unknown }[] = [];
  const ctx = {
    globalAlpha: 1,
    lineWidth: 1,
    fillStyle: '' as Ctx['fillStyle'],
    strokeStyle: '' as Ctx['strokeStyle'],
  } as Ctx;
  for (const name of ['setTransform', 'clearRect', 'beginPath', 'moveTo', 'lineTo', 'arc', 'fill', 'stroke', 'drawImage', 'closePath'] as const) {
    (ctx as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => calls.push({ name, args, alpha: ctx.globalAlpha, fill: ctx.fillStyle, stroke: ctx.strokeStyle });
  }
  return { ctx, calls, count: (name: string) => calls.filter((c) => c.name === name).length };
}

const COLOURS = ['#0072b2', '#e69f00', '#009e73'];
function bigGraph(n: number) {
  const nodes: DrawNode[] = Array.from({ length: n }, (_, i) => ({ x: (i * 37) % 1000, y: (i * 91) % 700, r: 2 + (i % 5), colour: COLOURS[i % 3]! }));
  const edges = Array.from({ length: n * 6 }, (_, i) => [i % n, (i * 7 + 3) % n] as const);
  return { nodes, edges };
}
const scene = (g: ReturnType<typeof bigGraph>, matches?: Set<number>, current?: number) => ({ ...g, matches, current, ink: '#333', width: 1000, height: 700, ratio: 2 });

describe('canvas drawing of the link graph', () => {
  test('5,000 nodes and 30,000 links take one stroke for the links and one fill per colour, not one per node', () => {
    const g = bigGraph(5000);
    const { ctx, count } = recorder();
    drawScene(ctx, scene(g), { k: 1, tx: 0, ty: 0 });
    expect(count('lineTo')).toBe(g.edges.length);
    expect(count('arc')).toBe(g.nodes.length);
    expect(count('stroke')).toBe(1);
    expect(count('fill')).toBe(COLOURS.length);
  });

  test('a search dims the other nodes in their own batches, drawn first, and outlines matches and the focused node', () => {
    const g = bigGraph(30);
    const matches = new Set([1, 2]);
    expect(batches(g.nodes, matches).map((b) => b.dim)).toEqual([true, true, true, false, false]);
    const { ctx, calls, count } = recorder();
    drawScene(ctx, scene(g, matches, 7), { k: 2, tx: 10, ty: 5 });
    const fills = calls.filter((c) => c.name === 'fill');
    expect(fills.map((f) => f.alpha)).toEqual([0.2, 0.2, 0.2, 1, 1]);
    // links, then one outline stroke around the two matches and the focused node
    expect(count('stroke')).toBe(2);
    expect(count('arc')).toBe(30 + 3);
  });

  test('a frame while the view moves is one drawImage of the cached picture, placed where the new view puts it', () => {
    const base: DrawView = { k: 1.5, tx: 40, ty: -20 };
    const view: DrawView = { k: 3, tx: -100, ty: 60 };
    const ratio = 2;
    const { ctx, calls, count } = recorder();
    const cache = {} as CanvasImageSource;
    drawCached(ctx, cache, { width: 1000, height: 700, ratio }, base, view);
    expect(count('drawImage')).toBe(1);
    expect(count('arc') + count('lineTo')).toBe(0);
    const [a, , , d, e, f] = calls.filter((c) => c.name === 'setTransform').at(-1)!.args as number[];
    // a world point w is at ratio·(t_base + k_base·w) in the cache and must land at ratio·(t + k·w)
    for (const [wx, wy] of [[0, 0], [123, 456], [-50, 900]] as const) {
      const cx = ratio * (base.tx + base.k * wx);
      const cy = ratio * (base.ty + base.k * wy);
      expect(a! * cx + e!).toBeCloseTo(ratio * (view.tx + view.k * wx), 9);
      expect(d! * cy + f!).toBeCloseTo(ratio * (view.ty + view.k * wy), 9);
    }
  });
});
