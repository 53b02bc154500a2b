/**
 * Charts shared by the Goodhart simulations, built from the kit's axes and scale: a curve chart
 * with a transformed x axis (log or square root), Monte Carlo points with ±2 SE bars, closed-form
 * lines, labelled vertical markers and a highlighted current point; and a scatter of candidates
 * with the chosen one ringed. The kit's LineChart and ScatterPlot have no transformed axis, error
 * bars or highlighted point, so these live here.
 */
import type { ComponentChildren } from 'preact';
import {
  AxisLeft,
  ChartSvg,
  ChartTitle,
  ReferenceLines,
  extent,
  r1,
  seriesColor,
  seriesDash,
} from '../kit/charts/axes.tsx';
import type { ChartSize, ReferenceLine } from '../kit/charts/axes.tsx';
import { linearScale, type LinearScale } from '../kit/charts/linear-scale.ts';

/** A tick on a custom x axis: its value in data units and its text. */
export type AxisTick = { readonly value: number; readonly label: string };

/** An x axis drawn through `transform` (e.g. Math.log10 or Math.sqrt), with ticks chosen by the caller. */
export type XAxis = {
  readonly transform: (x: number) => number;
  /** The range shown, in data units. */
  readonly domain: readonly [number, number];
  readonly ticks: readonly AxisTick[];
  readonly label: string;
};

/** A line through (x, y) pairs; non-finite values break it. */
export type CurveLine = {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  /** Series colour index. */
  readonly color: number;
  /** Dash pattern index (kit's seriesDash); default solid. */
  readonly dash?: number;
};

/** Monte Carlo means with their standard errors, drawn as dots with ±2 SE bars. */
export type CurvePoints = {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly se?: readonly number[];
  readonly color: number;
};

/** A labelled vertical line at x (data units); the label sits inside the plot at its top (default) or bottom. */
export type VerticalMarker = { readonly x: number; readonly label: string; readonly at?: 'top' | 'bottom' };

/** A ringed point, e.g. the current state. */
export type Highlight = { readonly x: number; readonly y: number; readonly color: number };

/** A legend entry. */
type Key = {
  readonly label: string;
  readonly color: number;
  readonly kind: 'line' | 'dot' | 'ring';
  readonly dash?: number;
};

// Small print under a chart; inline because kit.css is shared and has no such class.
const NOTE_STYLE = { margin: '0.2rem 0 0', fontSize: '0.8rem', color: 'var(--sim-fg-soft)' } as const;

const MARGIN = { left: 56, right: 104, bottom: 42 } as const;

function box(size: ChartSize, top: number) {
  return { x0: MARGIN.left, x1: size.width - MARGIN.right, y0: top, y1: size.height - MARGIN.bottom };
}

/** Returns an SVG path through the finite points, starting a new piece after each gap. */
export function pathThrough(xs: readonly number[], ys: readonly number[]): string {
  let d = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${r1(x)},${r1(y)}`;
    pen = true;
  }
  return d;
}

/** An HTML legend with line, dot and ring swatches (the kit's Legend draws one kind per chart). */
export function KeyLegend(props: { keys: readonly Key[] }) {
  return (
    <ul class="sim-legend">
      {props.keys.map((k) => (
        <li key={k.label}>
          <svg width="24" height="12" aria-hidden="true">
            {k.kind === 'line' ? (
              <line
                x1="0"
                x2="24"
                y1="6"
                y2="6"
                stroke={seriesColor(k.color)}
                stroke-width="2.5"
                stroke-dasharray={seriesDash(k.dash ?? 0)}
              />
            ) : k.kind === 'dot' ? (
              <circle cx="12" cy="6" r="4" fill={seriesColor(k.color)} />
            ) : (
              <circle cx="12" cy="6" r="5" fill="none" stroke={seriesColor(k.color)} stroke-width="2.5" />
            )}
          </svg>
          {k.label}
        </li>
      ))}
    </ul>
  );
}

function XAxisBottom(props: { axis: XAxis; scale: (x: number) => number; y: number; x0: number; x1: number }) {
  return (
    <g class="sim-axis">
      <line x1={props.x0} x2={props.x1} y1={props.y} y2={props.y} />
      {props.axis.ticks.map((t) => {
        const x = r1(props.scale(t.value));
        return (
          <g key={t.value}>
            <line x1={x} x2={x} y1={props.y} y2={props.y + 5} />
            <text x={x} y={props.y + 17} text-anchor="middle">
              {t.label}
            </text>
          </g>
        );
      })}
      <text class="sim-axis-label" x={(props.x0 + props.x1) / 2} y={props.y + 36} text-anchor="middle">
        {props.axis.label}
      </text>
    </g>
  );
}

function XAxisTop(props: {
  ticks: readonly AxisTick[];
  label: string;
  scale: (x: number) => number;
  y: number;
  x0: number;
}) {
  return (
    <g class="sim-axis">
      {props.ticks.map((t) => {
        const x = r1(props.scale(t.value));
        return (
          <g key={t.value}>
            <line x1={x} x2={x} y1={props.y - 4} y2={props.y} />
            <text x={x} y={props.y - 7} text-anchor="middle">
              {t.label}
            </text>
          </g>
        );
      })}
      <text class="sim-axis-label" x={props.x0 - 14} y={props.y - 7} text-anchor="end">
        {props.label}
      </text>
    </g>
  );
}

function Markers(props: {
  markers: readonly VerticalMarker[];
  scale: (x: number) => number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}) {
  return (
    <g class="sim-references">
      {props.markers.map((m, k) => {
        const x = r1(props.scale(m.x));
        if (!Number.isFinite(x) || x < props.x0 - 0.5 || x > props.x1 + 0.5) return null;
        // Labels sit inside the plot at the top or the bottom, stacked when there are several; past
        // the middle they hang to the left of their line so they stay inside the plot.
        const right = x > (props.x0 + props.x1) / 2;
        const y = m.at === 'bottom' ? props.y1 - 7 - 15 * k : props.y0 + 12 + 15 * k;
        return (
          <g key={m.label}>
            <line class="sim-reference" x1={x} x2={x} y1={props.y0} y2={props.y1} />
            <text
              class="sim-reference-label"
              paint-order="stroke"
              stroke="var(--sim-panel)"
              stroke-width="4"
              stroke-linejoin="round"
              x={right ? x - 5 : x + 5}
              y={y}
              text-anchor={right ? 'end' : 'start'}
            >
              {m.label}
            </text>
          </g>
        );
      })}
    </g>
  );
}

/** Props of `CurveChart`. */
export type CurveChartProps = {
  readonly title?: string;
  /** One-line text alternative, the SVG's accessible name. */
  readonly summary: string;
  readonly x: XAxis;
  readonly yLabel: string;
  readonly lines?: readonly CurveLine[];
  readonly points?: readonly CurvePoints[];
  readonly markers?: readonly VerticalMarker[];
  readonly references?: readonly ReferenceLine[];
  readonly highlights?: readonly Highlight[];
  /** Extra ticks along the top, e.g. n above a KL axis. */
  readonly topAxis?: { readonly ticks: readonly AxisTick[]; readonly label: string };
  readonly yDomain?: readonly [number, number];
  readonly includeZero?: boolean;
  readonly size?: ChartSize;
  /** Text under the chart (e.g. how many samples the dots hold). */
  readonly note?: ComponentChildren;
};

/** Renders closed-form lines, Monte Carlo dots with ±2 SE bars, markers and highlights over a transformed x axis. */
export function CurveChart(props: CurveChartProps) {
  const size = props.size ?? { width: 600, height: 280 };
  const b = box(size, props.topAxis ? 30 : 14);
  const lines = props.lines ?? [];
  const points = props.points ?? [];
  const refs = props.references ?? [];
  const t = props.x.transform;
  const xs = linearScale([t(props.x.domain[0]), t(props.x.domain[1])], [b.x0, b.x1]);
  const sx = (x: number) => xs(t(x));
  const yValues = function* () {
    for (const l of lines) yield* l.y;
    for (const p of points) yield* p.y;
    for (const r of refs) yield r.value;
  };
  const ys: LinearScale = linearScale(props.yDomain ?? extent(yValues(), props.includeZero ?? true), [
    b.y1,
    b.y0,
  ]).nice();
  const clampY = (v: number) => Math.min(b.y1, Math.max(b.y0, ys(v)));
  const keys: Key[] = [
    ...lines.map((l) => ({ label: l.label, color: l.color, kind: 'line' as const, dash: l.dash ?? 0 })),
    ...points.map((p) => ({ label: p.label, color: p.color, kind: 'dot' as const })),
  ];
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <ChartSvg size={size} summary={props.summary}>
        <AxisLeft scale={ys} x={b.x0} x1={b.x1} y0={b.y0} y1={b.y1} label={props.yLabel} />
        <XAxisBottom axis={props.x} scale={sx} y={b.y1} x0={b.x0} x1={b.x1} />
        {props.topAxis ? (
          <XAxisTop ticks={props.topAxis.ticks} label={props.topAxis.label} scale={sx} y={b.y0} x0={b.x0} />
        ) : null}
        <ReferenceLines lines={refs} scale={ys} {...b} />
        <Markers markers={props.markers ?? []} scale={sx} {...b} />
        {lines.map((l) => (
          <path
            key={l.label}
            class="sim-line"
            d={pathThrough(
              l.x.map(sx),
              l.y.map((v) => ys(v)),
            )}
            stroke={seriesColor(l.color)}
            stroke-dasharray={seriesDash(l.dash ?? 0)}
          />
        ))}
        {points.map((p) => (
          <g key={p.label} fill={seriesColor(p.color)} stroke={seriesColor(p.color)}>
            {p.x.map((x, i) => {
              const y = p.y[i]!;
              const se = p.se?.[i];
              if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
              const cx = r1(sx(x));
              const bar =
                se !== undefined && Number.isFinite(se) && se > 0 ? (
                  <line x1={cx} x2={cx} y1={r1(clampY(y - 2 * se))} y2={r1(clampY(y + 2 * se))} stroke-width="1.5" />
                ) : null;
              return (
                <g key={i}>
                  {bar}
                  <circle cx={cx} cy={r1(ys(y))} r="3.5" stroke="none" />
                </g>
              );
            })}
          </g>
        ))}
        {(props.highlights ?? []).map((h, i) =>
          Number.isFinite(h.x) && Number.isFinite(h.y) ? (
            <circle
              key={i}
              cx={r1(sx(h.x))}
              cy={r1(ys(h.y))}
              r="7.5"
              fill="none"
              stroke={seriesColor(h.color)}
              stroke-width="2.5"
            />
          ) : null,
        )}
      </ChartSvg>
      <KeyLegend keys={keys} />
      {props.note ? <p style={NOTE_STYLE}>{props.note}</p> : null}
    </div>
  );
}

/** Props of `CandidateScatter`. */
export type CandidateScatterProps = {
  readonly title?: string;
  readonly summary: string;
  readonly trueValues: readonly number[];
  readonly proxyValues: readonly number[];
  /** Index of the candidate the proxy picks. */
  readonly chosen: number;
  /** Index of the candidate with the highest true value. */
  readonly best: number;
  /** Most candidates drawn (the first ones, a random sample since they are iid); the chosen and the best are always drawn. */
  readonly maxPoints: number;
  readonly size?: ChartSize;
};

/**
 * Renders proxy against true value for each candidate as one SVG path of round dots (small even
 * for thousands), the line U = V (a perfect proxy), and rings round the chosen and the truly best.
 */
export function CandidateScatter(props: CandidateScatterProps) {
  const size = props.size ?? { width: 600, height: 280 };
  const b = box(size, 14);
  const { trueValues: v, proxyValues: u, chosen, best } = props;
  const count = Math.min(v.length, props.maxPoints);
  const shown = Array.from({ length: count }, (_, i) => i);
  for (const i of [chosen, best]) if (i >= count && i < v.length) shown.push(i);
  const xs = linearScale(
    extent(
      shown.map((i) => v[i]!),
      true,
    ),
    [b.x0, b.x1],
  ).nice();
  const ys = linearScale(
    extent(
      shown.map((i) => u[i]!),
      true,
    ),
    [b.y1, b.y0],
  ).nice();
  let dots = '';
  for (let i = 0; i < count; i++) dots += `M${r1(xs(v[i]!))} ${r1(ys(u[i]!))}h0`;
  // The diagonal U = V across the part of the plot where both coordinates are in range.
  const [xlo, xhi] = xs.domain;
  const [ylo, yhi] = ys.domain;
  const lo = Math.max(xlo, ylo);
  const hi = Math.min(xhi, yhi);
  const ring = (i: number, color: number, r: number) =>
    i >= 0 && i < v.length ? (
      <circle cx={r1(xs(v[i]!))} cy={r1(ys(u[i]!))} r={r} fill="none" stroke={seriesColor(color)} stroke-width="2.5" />
    ) : null;
  const xTicks = xs.ticks(6);
  const xFormat = xs.tickFormat(6);
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <ChartSvg size={size} summary={props.summary}>
        <AxisLeft scale={ys} x={b.x0} x1={b.x1} y0={b.y0} y1={b.y1} label="Proxy score U = V + E" />
        <XAxisBottom
          axis={{
            transform: (x) => x,
            domain: xs.domain,
            ticks: xTicks.map((value) => ({ value, label: xFormat(value) })),
            label: 'True value V',
          }}
          scale={xs}
          y={b.y1}
          x0={b.x0}
          x1={b.x1}
        />
        {hi > lo ? (
          <g class="sim-references">
            <line class="sim-reference" x1={r1(xs(lo))} y1={r1(ys(lo))} x2={r1(xs(hi))} y2={r1(ys(hi))} />
            <text class="sim-reference-label" x={r1(xs(hi)) + 6} y={r1(ys(hi))} dy="0.32em">
              U = V
            </text>
          </g>
        ) : null}
        <path
          d={dots}
          fill="none"
          stroke={seriesColor(0)}
          stroke-width={count <= 50 ? 7 : count <= 500 ? 5.5 : 4.5}
          stroke-linecap="round"
          stroke-opacity={count <= 50 ? 0.85 : 0.55}
        />
        {ring(best, 2, 6.5)}
        {ring(chosen, 1, 8)}
      </ChartSvg>
      <KeyLegend
        keys={[
          { label: 'candidate', color: 0, kind: 'dot' },
          { label: 'chosen by the proxy', color: 1, kind: 'ring' },
          { label: 'truly best', color: 2, kind: 'ring' },
        ]}
      />
      {v.length > count ? (
        <p style={NOTE_STYLE}>
          Showing {count.toLocaleString('en')} of the {v.length.toLocaleString('en')} candidates (a random sample), plus
          the chosen and the truly best.
        </p>
      ) : null}
    </div>
  );
}
