/**
 * Pieces every chart shares: the plot box, axes with ticks and labels, labelled reference lines
 * and the HTML legend. Colours come from CSS custom properties (kit.css).
 */
import type { ComponentChildren } from 'preact';

/** A linear scale as the charts use it (linear-scale.ts; d3's scaleLinear fits too). */
export type Scale = {
  (value: number): number;
  ticks(count?: number): number[];
  tickFormat(count?: number): (value: number) => string;
};

/** Plot size in viewBox units; the SVG scales to its container's width. */
export type ChartSize = { readonly width: number; readonly height: number };

/** Margins around the plot area, in viewBox units. */
export const MARGIN = { top: 12, right: 104, bottom: 42, left: 56 } as const;

/** Default chart size in viewBox units. */
export const DEFAULT_SIZE: ChartSize = { width: 600, height: 240 };

/** A horizontal line at `value` on the y axis, labelled at the right ("optimum 8.0"). */
export type ReferenceLine = { readonly value: number; readonly label: string };

/** Returns `v` rounded to one decimal: enough for a viewBox ~600 wide, and it keeps the HTML small. */
export function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Returns [lo, hi] covering `values` (finite ones), widened when flat, optionally including zero. */
export function extent(values: Iterable<number>, includeZero: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (includeZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  if (!(lo <= hi)) return [0, 1];
  if (lo === hi) {
    const pad = Math.abs(lo) > 0 ? Math.abs(lo) * 0.1 : 1;
    return [lo - pad, hi + pad];
  }
  return [lo, hi];
}

/** Returns the CSS variable reference of series colour k (0-based; eight colours, then repeating). */
export function seriesColor(k: number): string {
  return `var(--sim-series-${(k % 8) + 1})`;
}

// Dash patterns tell series apart without colour.
const DASHES = ['', '7 4', '2 3', '10 3 2 3'];

/** Returns the stroke-dasharray of series k ('' for solid). */
export function seriesDash(k: number): string {
  return DASHES[k % DASHES.length] ?? '';
}

/** The SVG root every chart uses: role="img" with a one-line summary as its accessible name. */
export function ChartSvg(props: { size: ChartSize; summary: string; children: ComponentChildren; class?: string }) {
  return (
    <svg
      class={`sim-chart-svg${props.class ? ` ${props.class}` : ''}`}
      viewBox={`0 0 ${props.size.width} ${props.size.height}`}
      role="img"
      aria-label={props.summary}
      preserveAspectRatio="xMidYMid meet"
    >
      {props.children}
    </svg>
  );
}

/** Bottom axis: ticks, tick labels and the axis label, drawn at y = `y`. */
export function AxisBottom(props: { scale: Scale; y: number; x0: number; x1: number; label: string; ticks?: number }) {
  const count = props.ticks ?? 6;
  const format = props.scale.tickFormat(count);
  return (
    <g class="sim-axis">
      <line x1={props.x0} x2={props.x1} y1={props.y} y2={props.y} />
      {props.scale.ticks(count).map((t) => {
        const x = r1(props.scale(t));
        return (
          <g key={t}>
            <line x1={x} x2={x} y1={props.y} y2={props.y + 5} />
            <text x={x} y={props.y + 17} text-anchor="middle">
              {format(t)}
            </text>
          </g>
        );
      })}
      <text class="sim-axis-label" x={(props.x0 + props.x1) / 2} y={props.y + 36} text-anchor="middle">
        {props.label}
      </text>
    </g>
  );
}

/** Left axis: ticks, tick labels, light grid lines across to `x1`, and the rotated axis label. */
export function AxisLeft(props: {
  scale: Scale;
  x: number;
  x1: number;
  y0: number;
  y1: number;
  label: string;
  ticks?: number;
}) {
  const count = props.ticks ?? 5;
  const format = props.scale.tickFormat(count);
  const mid = (props.y0 + props.y1) / 2;
  return (
    <g class="sim-axis">
      <line x1={props.x} x2={props.x} y1={props.y0} y2={props.y1} />
      {props.scale.ticks(count).map((t) => {
        const y = r1(props.scale(t));
        return (
          <g key={t}>
            <line class="sim-grid" x1={props.x} x2={props.x1} y1={y} y2={y} />
            <line x1={props.x - 5} x2={props.x} y1={y} y2={y} />
            <text x={props.x - 8} y={y} dy="0.32em" text-anchor="end">
              {format(t)}
            </text>
          </g>
        );
      })}
      <text class="sim-axis-label" transform={`translate(${props.x - 42} ${mid}) rotate(-90)`} text-anchor="middle">
        {props.label}
      </text>
    </g>
  );
}

/** Returns label positions for points at `ys`, pushed apart to at least `gap` (same order as input). */
export function spreadLabels(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const placed = order.map((o) => o.y);
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k]!, placed[k - 1]! + gap);
  // If the stack ran off the bottom, shift it up, keeping the gaps.
  const overflow = (placed.at(-1) ?? 0) - hi;
  if (overflow > 0) for (let k = 0; k < placed.length; k++) placed[k] = Math.max(lo, placed[k]! - overflow);
  const out = new Array<number>(ys.length);
  order.forEach((o, k) => (out[o.i] = placed[k]!));
  return out;
}

/** Horizontal reference lines across the plot, each labelled in the right margin. */
export function ReferenceLines(props: {
  lines: readonly ReferenceLine[];
  scale: Scale;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}) {
  const ys = props.lines.map((l) => r1(props.scale(l.value)));
  const labelYs = spreadLabels(ys, 13, props.y0, props.y1).map(r1);
  return (
    <g class="sim-references">
      {props.lines.map((l, k) =>
        Number.isFinite(ys[k]) ? (
          <g key={l.label}>
            <line class="sim-reference" x1={props.x0} x2={props.x1} y1={ys[k]} y2={ys[k]} />
            <text class="sim-reference-label" x={props.x1 + 6} y={labelYs[k]} dy="0.32em">
              {l.label}
            </text>
          </g>
        ) : null,
      )}
    </g>
  );
}

/** A chart's visible title, above the plot. */
export function ChartTitle(props: { title: string | undefined }) {
  return props.title ? <p class="sim-chart-title">{props.title}</p> : null;
}

/** An HTML legend: one swatch (colour and dash) per series. */
export function Legend(props: { labels: readonly string[]; kind?: 'line' | 'dot' }) {
  if (props.labels.length < 2) return null;
  return (
    <ul class="sim-legend">
      {props.labels.map((label, k) => (
        <li key={label}>
          <svg width="24" height="10" aria-hidden="true">
            {props.kind === 'dot' ? (
              <circle cx="12" cy="5" r="4" fill={seriesColor(k)} />
            ) : (
              <line
                x1="0"
                x2="24"
                y1="5"
                y2="5"
                stroke={seriesColor(k)}
                stroke-width="2.5"
                stroke-dasharray={seriesDash(k)}
              />
            )}
          </svg>
          {label}
        </li>
      ))}
    </ul>
  );
}

/** The inner plot box of a chart of `size`. */
export function plotBox(size: ChartSize) {
  return {
    x0: MARGIN.left,
    x1: size.width - MARGIN.right,
    y0: MARGIN.top,
    y1: size.height - MARGIN.bottom,
  };
}
