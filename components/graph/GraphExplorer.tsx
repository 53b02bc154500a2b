/**
 * The explorable link graph of /special/graph/. The layout arrives precomputed as props (the
 * browser lays nothing out); the server render is the static SVG every reader gets, each node a
 * link with a <title>. Once hydrated it adds zoom and pan (buttons, wheel, drag), a search that
 * highlights matching articles, and keyboard moves between neighbours. Graphs larger than
 * `canvasThreshold` nodes are drawn on a canvas after hydration, since thousands of SVG links
 * make the page slow to style and hit-test.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { drawCached, drawScene, SETTLE_MS } from './canvas-draw.ts';

/** A positioned article: slug, title, centre (x, y) and radius r in viewBox units, fill colour, backlink count. */
export type ExplorerNode = {
  readonly slug: string;
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly colour: string;
  readonly backlinks: number;
};

/** Props of `GraphExplorer`: the precomputed layout and its accessible name. */
export type GraphExplorerProps = {
  readonly width: number;
  readonly height: number;
  readonly nodes: readonly ExplorerNode[];
  /** Links as [source, target] indices into `nodes`. */
  readonly edges: readonly (readonly [number, number])[];
  /** Accessible name of the drawing. */
  readonly label: string;
  /** Above this many nodes the hydrated island draws on a canvas; default CANVAS_THRESHOLD. */
  readonly canvasThreshold?: number;
  /** How many of the most linked-to articles carry a visible label; default 16. */
  readonly labelCount?: number;
};

/**
 * Node count above which the island switches from SVG to canvas by default. Measured with
 * `npm run bench:build` (synthetic wikis, about 12 links an article, software-rendered
 * Chromium): as SVG, 400 articles drag at about 30 frames a second and 1,000 at about 15; on
 * canvas, 1,000 and 5,000 articles drag at 60.
 */
export const CANVAS_THRESHOLD = 250;

type View = { k: number; tx: number; ty: number };
const HOME: View = { k: 1, tx: 0, ty: 0 };
const MIN_K = 0.5;
const MAX_K = 8;
const DRAG_SLOP = 4;

/** Returns the article href of a slug. */
export const nodeHref = (slug: string) => `/wiki/${slug}/`;

const ARROWS: Record<string, [number, number, string]> = {
  ArrowRight: [1, 0, 'right'],
  ArrowLeft: [-1, 0, 'left'],
  ArrowUp: [0, -1, 'up'],
  ArrowDown: [0, 1, 'down'],
};

/**
 * Returns the index of the neighbour of `from` that lies most nearly in direction (dx, dy) (within
 * 60° of it; ties broken by distance), or undefined when none does.
 */
export function neighbourInDirection(nodes: readonly ExplorerNode[], neighbours: readonly number[], from: number, dx: number, dy: number): number | undefined {
  const a = nodes[from];
  if (!a) return undefined;
  let best: number | undefined;
  let bestScore = Infinity;
  for (const j of neighbours) {
    const b = nodes[j]!;
    const vx = b.x - a.x;
    const vy = b.y - a.y;
    const len = Math.hypot(vx, vy);
    if (len === 0) continue;
    const cos = (vx * dx + vy * dy) / len;
    if (cos < 0.5) continue;
    // prefer the straightest, then the nearest
    const score = (1 - cos) * 1000 + len / 1000;
    if (score < bestScore) [best, bestScore] = [j, score];
  }
  return best;
}

/** Renders the link graph with zoom, pan, search and keyboard navigation between neighbours. */
export function GraphExplorer(props: GraphExplorerProps) {
  const { width, height, nodes, edges, label } = props;
  const threshold = props.canvasThreshold ?? CANVAS_THRESHOLD;
  const [mounted, setMounted] = useState(false);
  const [view, setView] = useState<View>(HOME);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState('');
  const svgRef = useRef<SVGSVGElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drag = useRef<{ x: number; y: number; view: View; moved: boolean } | undefined>(undefined);
  const suppressClick = useRef(false);

  useEffect(() => setMounted(true), []);
  const useCanvas = mounted && nodes.length > threshold;

  const neighbours = useMemo(() => {
    const sets = nodes.map(() => new Set<number>());
    for (const [s, t] of edges) {
      sets[s]?.add(t);
      sets[t]?.add(s);
    }
    // unsorted: sorting every list by title costs seconds at thousands of nodes; the one list
    // shown (the current node's) is sorted when drawn
    return sets.map((set) => [...set]);
  }, [nodes, edges]);
  const byTitle = (i: number, j: number) => nodes[i]!.title.localeCompare(nodes[j]!.title, 'en');

  const labelled = useMemo(() => {
    const order = nodes.map((_, i) => i).sort((i, j) => nodes[j]!.backlinks - nodes[i]!.backlinks || i - j);
    return new Set(order.slice(0, props.labelCount ?? 16));
  }, [nodes, props.labelCount]);

  const q = query.trim().toLowerCase();
  const matches = useMemo(() => (q === '' ? undefined : new Set(nodes.flatMap((n, i) => (n.title.toLowerCase().includes(q) ? [i] : [])))), [nodes, q]);

  const zoomAt = (vx: number, vy: number, factor: number) =>
    setView((v) => {
      const k = Math.min(MAX_K, Math.max(MIN_K, v.k * factor));
      return { k, tx: vx - ((vx - v.tx) * k) / v.k, ty: vy - ((vy - v.ty) * k) / v.k };
    });

  /** Client coordinates to viewBox coordinates (the drawing keeps the viewBox's aspect ratio). */
  const toViewBox = (clientX: number, clientY: number): [number, number] => {
    const el = useCanvas ? canvasRef.current : svgRef.current;
    const rect = el?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return [width / 2, height / 2];
    return [((clientX - rect.left) * width) / rect.width, ((clientY - rect.top) * height) / rect.height];
  };
  const scaleOf = () => {
    const rect = (useCanvas ? canvasRef.current : svgRef.current)?.getBoundingClientRect();
    return rect && rect.width > 0 ? width / rect.width : 1;
  };

  const focusNode = (i: number) => {
    setCurrent(i);
    const n = nodes[i]!;
    setStatus(`${n.title}: ${neighbours[i]!.length} neighbour${neighbours[i]!.length === 1 ? '' : 's'}. Arrow keys move to a neighbour; Enter opens the article.`);
    if (!useCanvas) (svgRef.current?.querySelector(`[data-index="${i}"]`) as SVGElement | null)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const arrow = ARROWS[event.key];
    if (current === undefined) return;
    if (arrow) {
      event.preventDefault();
      const next = neighbourInDirection(nodes, neighbours[current]!, current, arrow[0], arrow[1]);
      if (next === undefined) setStatus(`No neighbour of ${nodes[current]!.title} to the ${arrow[2]}.`);
      else focusNode(next);
    } else if (event.key === 'Enter' && useCanvas) {
      window.location.assign(nodeHref(nodes[current]!.slug));
    }
  };

  const onWheel = (event: WheelEvent) => {
    event.preventDefault();
    const [vx, vy] = toViewBox(event.clientX, event.clientY);
    zoomAt(vx, vy, Math.exp(-event.deltaY * 0.0015));
  };
  const onPointerDown = (event: PointerEvent) => {
    if (event.button !== 0) return;
    drag.current = { x: event.clientX, y: event.clientY, view, moved: false };
  };
  const onPointerMove = (event: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    const dx = event.clientX - d.x;
    const dy = event.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_SLOP) return;
    d.moved = true;
    const s = scaleOf();
    setView({ k: d.view.k, tx: d.view.tx + dx * s, ty: d.view.ty + dy * s });
  };
  const onPointerUp = () => {
    suppressClick.current = drag.current?.moved ?? false;
    drag.current = undefined;
  };
  const onClickCapture = (event: MouseEvent) => {
    // the end of a drag is not a click on the node under the pointer
    if (suppressClick.current) {
      event.preventDefault();
      event.stopPropagation();
      suppressClick.current = false;
    }
  };

  // wheel listeners must be non-passive to stop the page from scrolling while zooming
  const viewportRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = viewportRef.current;
    if (!el || !mounted) return undefined;
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  });

  // canvas drawing (canvas-draw.ts): a full drawing when what is shown changes; while only the
  // view moves, the cached drawing shifted and scaled, at most once a frame, and a full drawing
  // again once the view has been still for SETTLE_MS
  const cacheRef = useRef<{ canvas: HTMLCanvasElement; base: View; content: readonly unknown[] } | undefined>(undefined);
  useEffect(() => {
    if (!useCanvas) return undefined;
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return undefined;
    const ratio = typeof devicePixelRatio === 'number' ? devicePixelRatio : 1;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    const scene = { nodes, edges, matches, current, ink: getComputedStyle(canvas).color || '#888', width, height, ratio };
    const content = [nodes, edges, matches, current, width, height, ratio] as const;
    const full = () => {
      const cache = cacheRef.current?.canvas ?? document.createElement('canvas');
      cache.width = canvas.width;
      cache.height = canvas.height;
      const cctx = cache.getContext('2d');
      if (!cctx) return;
      drawScene(cctx, scene, view);
      cacheRef.current = { canvas: cache, base: view, content };
      drawCached(ctx, cache, scene, view, view);
    };
    const cached = cacheRef.current;
    const sameContent = cached !== undefined && cached.content.every((v, i) => v === content[i]);
    let settle: number | undefined;
    const frame = requestAnimationFrame(() => {
      if (!sameContent || !cached) return full();
      drawCached(ctx, cached.canvas, scene, cached.base, view);
      settle = window.setTimeout(full, SETTLE_MS);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(settle);
    };
  }, [useCanvas, view, nodes, edges, matches, current, width, height]);

  const nodeAt = (clientX: number, clientY: number): number | undefined => {
    const [vx, vy] = toViewBox(clientX, clientY);
    const x = (vx - view.tx) / view.k;
    const y = (vy - view.ty) / view.k;
    let best: number | undefined;
    let bestD = Infinity;
    nodes.forEach((n, i) => {
      const d = Math.hypot(n.x - x, n.y - y);
      if (d <= n.r + 3 / view.k && d < bestD) [best, bestD] = [i, d];
    });
    return best;
  };

  const transform = `translate(${view.tx} ${view.ty}) scale(${view.k})`;
  const nodeClass = (i: number) => ['graph-node', i === current ? 'is-current' : '', matches?.has(i) ? 'is-match' : matches ? 'is-dim' : ''].filter(Boolean).join(' ');
  const onEdge = (s: number, t: number) => current !== undefined && (s === current || t === current);

  // The drawing itself does not depend on the view: keep the same elements while the reader
  // drags or zooms, so Preact skips them and only the <g> transform changes.
  const drawing = useMemo(
    () => (
      <>
        <g class="graph-edges" aria-hidden="true">
          {edges.map(([s, t]) => {
            const a = nodes[s]!;
            const b = nodes[t]!;
            return <line x1={a.x} y1={a.y} x2={b.x} y2={b.y} class={onEdge(s, t) ? 'is-near' : undefined} />;
          })}
        </g>
        <g class="graph-nodes">
          {nodes.map((n, i) => (
            <a href={nodeHref(n.slug)} class={nodeClass(i)} data-index={i} data-slug={n.slug} onFocus={() => current !== i && focusNode(i)}>
              <title>{`${n.title} (${n.backlinks} backlink${n.backlinks === 1 ? '' : 's'})`}</title>
              <circle cx={n.x} cy={n.y} r={n.r} fill={n.colour} />
            </a>
          ))}
        </g>
        <g class="graph-labels" aria-hidden="true">
          {nodes.map((n, i) =>
            labelled.has(i) || i === current || matches?.has(i) ? (
              <text x={n.x} y={n.y + n.r + 11} text-anchor="middle">
                {n.title}
              </text>
            ) : null,
          )}
        </g>
      </>
    ),
    [nodes, edges, current, matches, labelled],
  );

  const matchCount = matches?.size ?? 0;
  const firstMatch = matches && matchCount > 0 ? Math.min(...matches) : undefined;

  return (
    <div class="graph-explorer" data-renderer={useCanvas ? 'canvas' : 'svg'}>
      {mounted && (
        <div class="graph-toolbar">
          <label>
            Find an article{' '}
            <input
              type="search"
              value={query}
              onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && firstMatch !== undefined) {
                  e.preventDefault();
                  focusNode(firstMatch);
                  if (useCanvas) canvasRef.current?.focus();
                }
              }}
            />
          </label>
          <span class="graph-matches" aria-live="polite">{q === '' ? '' : `${matchCount} article${matchCount === 1 ? '' : 's'} match`}</span>
          <span class="graph-zoom" role="group" aria-label="Zoom">
            <button type="button" onClick={() => zoomAt(width / 2, height / 2, 1.4)} aria-label="Zoom in">+</button>
            <button type="button" onClick={() => zoomAt(width / 2, height / 2, 1 / 1.4)} aria-label="Zoom out">−</button>
            <button type="button" onClick={() => setView(HOME)}>Reset view</button>
          </span>
        </div>
      )}
      <div
        class="graph-viewport"
        ref={viewportRef}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onClickCapture={onClickCapture}
      >
        {useCanvas ? (
          <canvas
            ref={canvasRef}
            class="graph-canvas"
            style={{ aspectRatio: `${width} / ${height}` }}
            tabIndex={0}
            role="img"
            aria-label={`${label} Focus here, then use the arrow keys to move between linked articles and Enter to open one.`}
            data-node-count={nodes.length}
            onKeyDown={onKeyDown}
            onFocus={() => {
              if (current === undefined && nodes.length > 0) focusNode(firstMatch ?? [...labelled][0] ?? 0);
            }}
            onClick={(e) => {
              const i = nodeAt(e.clientX, e.clientY);
              if (i !== undefined) window.location.assign(nodeHref(nodes[i]!.slug));
            }}
          />
        ) : (
          <svg ref={svgRef} class="graph-svg" viewBox={`0 0 ${width} ${height}`} role="group" aria-label={label} onKeyDown={onKeyDown}>
            <g transform={transform}>{drawing}</g>
          </svg>
        )}
      </div>
      {mounted && (
        <div class="graph-neighbours">
          <p class="graph-status" role="status">{status}</p>
          {current !== undefined && (
            <nav aria-label={`Neighbours of ${nodes[current]!.title}`}>
              <p>
                <a href={nodeHref(nodes[current]!.slug)}>Open {nodes[current]!.title}</a>; move to a neighbour:
              </p>
              <ul>
                {[...neighbours[current]!].sort(byTitle).map((j) => (
                  <li>
                    <button type="button" onClick={() => focusNode(j)}>
                      {nodes[j]!.title}
                    </button>
                  </li>
                ))}
              </ul>
            </nav>
          )}
        </div>
      )}
    </div>
  );
}
