/**
 * A directed network: nodes at given positions, edges as arrows whose widths are proportional to
 * their flow, each optionally labelled. Parallel edges (Pigou's two roads) bend apart.
 */
import { ChartTitle, ChartSvg, DEFAULT_SIZE, type ChartSize } from './axes.tsx';

/** A node; x and y are in [0, 1] across the drawing (y downwards). */
export type NetworkNode = { readonly id: string; readonly label: string; readonly x: number; readonly y: number };

/** A directed edge carrying `flow` ≥ 0. */
export type NetworkEdge = {
  readonly from: string;
  readonly to: string;
  readonly flow: number;
  readonly label?: string;
};

/** Props of `NetworkDiagram`. */
export type NetworkDiagramProps = {
  readonly nodes: readonly NetworkNode[];
  readonly edges: readonly NetworkEdge[];
  /** Visible title above the chart. */
  readonly title?: string;
  /** One-line text alternative, the SVG's accessible name. */
  readonly summary: string;
  /** Flow drawn at the widest width; default the largest flow. */
  readonly maxFlow?: number;
  readonly size?: ChartSize;
};

const PAD = 40;
const RADIUS = 18;
const MIN_WIDTH = 1;
const MAX_WIDTH = 12;
const BEND = 38;

type Pt = { x: number; y: number };

const along = (from: Pt, to: Pt, dist: number): Pt => {
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  return { x: from.x + (dx / len) * dist, y: from.y + (dy / len) * dist };
};
const f = (v: number) => v.toFixed(1);

/** Returns the stroke width for `flow`: proportional to it (12 viewBox units at `maxFlow`), but never thinner than 1 so an idle edge stays visible. */
export function edgeWidth(flow: number, maxFlow: number): number {
  if (!(maxFlow > 0) || !Number.isFinite(flow)) return MIN_WIDTH;
  return Math.max(MIN_WIDTH, (MAX_WIDTH * Math.min(maxFlow, Math.max(0, flow))) / maxFlow);
}

/** Renders nodes and edges; edges between the same two nodes are spread on either side of the straight line. */
export function NetworkDiagram(props: NetworkDiagramProps) {
  const size = props.size ?? DEFAULT_SIZE;
  const at = new Map<string, Pt>(
    props.nodes.map((n) => [n.id, { x: PAD + n.x * (size.width - 2 * PAD), y: PAD + n.y * (size.height - 2 * PAD) }]),
  );
  const maxFlow = props.maxFlow ?? props.edges.reduce((m, e) => Math.max(m, Number.isFinite(e.flow) ? e.flow : 0), 0);
  // Edges between the same unordered pair share a group so they can bend apart.
  const pairKey = (e: NetworkEdge) => (e.from < e.to ? `${e.from}\u0000${e.to}` : `${e.to}\u0000${e.from}`);
  const groups = new Map<string, number>();
  for (const e of props.edges) groups.set(pairKey(e), (groups.get(pairKey(e)) ?? 0) + 1);
  const seen = new Map<string, number>();

  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <ChartSvg size={size} summary={props.summary} class="sim-network">
        {props.edges.map((e, i) => {
          const a = at.get(e.from);
          const b = at.get(e.to);
          if (!a || !b || e.from === e.to) return null;
          const key = pairKey(e);
          const m = groups.get(key) ?? 1;
          const k = seen.get(key) ?? 0;
          seen.set(key, k + 1);
          // The normal is taken in the pair's canonical direction, so the sides do not depend on which way an edge points.
          const [p, q] = e.from < e.to ? [a, b] : [b, a];
          const len = Math.hypot(q.x - p.x, q.y - p.y) || 1;
          const normal = { x: -(q.y - p.y) / len, y: (q.x - p.x) / len };
          const offset = (k - (m - 1) / 2) * BEND;
          const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
          // A quadratic curve passes its control point's offset at half strength.
          const c = { x: mid.x + normal.x * offset * 2, y: mid.y + normal.y * offset * 2 };
          const width = edgeWidth(e.flow, maxFlow);
          const head = 6 + width;
          const start = along(a, c, RADIUS);
          const tip = along(b, c, RADIUS);
          const end = along(tip, c, head);
          const dir = { x: tip.x - end.x, y: tip.y - end.y };
          const dl = Math.hypot(dir.x, dir.y) || 1;
          const side = { x: (-dir.y / dl) * (width / 2 + 4), y: (dir.x / dl) * (width / 2 + 4) };
          const label = { x: 0.25 * start.x + 0.5 * c.x + 0.25 * end.x, y: 0.25 * start.y + 0.5 * c.y + 0.25 * end.y };
          return (
            <g key={i} class={e.flow > 0 ? 'sim-edge' : 'sim-edge sim-edge-idle'}>
              <path
                d={`M${f(start.x)},${f(start.y)}Q${f(c.x)},${f(c.y)} ${f(end.x)},${f(end.y)}`}
                stroke-width={width.toFixed(2)}
              />
              <polygon
                points={`${f(tip.x)},${f(tip.y)} ${f(end.x + side.x)},${f(end.y + side.y)} ${f(end.x - side.x)},${f(end.y - side.y)}`}
              />
              {e.label ? (
                <text x={f(label.x)} y={f(label.y)} dy="-0.5em" text-anchor="middle" class="sim-edge-label">
                  {e.label}
                </text>
              ) : null}
            </g>
          );
        })}
        {props.nodes.map((n) => {
          const p = at.get(n.id)!;
          return (
            <g key={n.id} class="sim-node">
              <circle cx={f(p.x)} cy={f(p.y)} r={RADIUS} />
              <text x={f(p.x)} y={f(p.y)} dy="0.35em" text-anchor="middle">
                {n.label}
              </text>
            </g>
          );
        })}
      </ChartSvg>
    </div>
  );
}
