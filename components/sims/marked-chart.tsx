/**
 * A chart the kit does not have: curves over their own x values, Monte Carlo dots in distinct
 * shapes, labelled vertical markers ("truthful bid", "optimal reserve") and labelled points, on the
 * kit's axes, reference lines and colours. Shared by the auction-room and vcg-public-project
 * simulations.
 */
import {
  AxisBottom,
  AxisLeft,
  ChartSvg,
  ChartTitle,
  DEFAULT_SIZE,
  ReferenceLines,
  extent,
  plotBox,
  r1,
  seriesColor,
  seriesDash,
  type ChartSize,
  type ReferenceLine,
} from '../kit/charts/axes.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';

/** A curve: y over its own x values (non-finite values leave a gap); colour and dash are series indices. */
export type MarkedCurve = {
  readonly label: string;
  readonly x: readonly number[];
  readonly y: readonly number[];
  readonly color: number;
  readonly dash?: number;
  /** Draw the curve as steps (horizontal, then vertical), for piecewise-constant functions. */
  readonly step?: boolean;
};

/** The shape of a group of dots, so groups differ by more than colour. */
export type DotShape = 'circle' | 'square' | 'triangle';

/** A group of dots (Monte Carlo estimates, say) with a legend entry. */
export type MarkedDots = {
  readonly label: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
  readonly color: number;
  readonly shape: DotShape;
  /** Horizontal shift in viewBox units, so groups at the same x sit side by side instead of hiding each other. */
  readonly offset?: number;
};

/** A labelled vertical line at `x`; `color` is a series index (default: the reference grey). */
export type VerticalMark = { readonly x: number; readonly label: string; readonly color?: number };

/** A ring drawn over everything else, labelled beside it when `label` is given (keep labels for points away from curves). */
export type PointMark = { readonly x: number; readonly y: number; readonly label?: string; readonly color?: number };

/** Props of `MarkedChart`. */
export type MarkedChartProps = {
  readonly title?: string;
  /** One-line text alternative, the SVG's accessible name. */
  readonly summary: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly curves?: readonly MarkedCurve[];
  readonly dots?: readonly MarkedDots[];
  readonly references?: readonly ReferenceLine[];
  readonly verticals?: readonly VerticalMark[];
  readonly points?: readonly PointMark[];
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** Whether the y axis reaches zero; default true. */
  readonly includeZero?: boolean;
  readonly size?: ChartSize;
};

// Height of one row of marker labels, in viewBox units.
const ROW = 15;

// A halo in the panel colour keeps labels readable where they cross a curve.
const HALO = {
  style: { paintOrder: 'stroke', stroke: 'var(--sim-panel)', strokeWidth: '4px', strokeLinejoin: 'round' },
} as const;

function Dot(props: { x: number; y: number; shape: DotShape; fill: string }) {
  const { x, y, fill } = props;
  if (props.shape === 'square') return <rect x={r1(x - 3.5)} y={r1(y - 3.5)} width={7} height={7} fill={fill} />;
  if (props.shape === 'triangle')
    return (
      <polygon
        points={`${r1(x)},${r1(y - 4.5)} ${r1(x + 4.5)},${r1(y + 3.5)} ${r1(x - 4.5)},${r1(y + 3.5)}`}
        fill={fill}
      />
    );
  return <circle cx={r1(x)} cy={r1(y)} r={3.5} fill={fill} />;
}

/** Returns the legend entries' swatches: a dashed line for curves, the shape for dots. */
function MarkedLegend(props: { curves: readonly MarkedCurve[]; dots: readonly MarkedDots[] }) {
  if (props.curves.length + props.dots.length < 2) return null;
  return (
    <ul class="sim-legend">
      {props.curves.map((c) => (
        <li key={`c-${c.label}`}>
          <svg width="24" height="10" aria-hidden="true">
            <line
              x1="0"
              x2="24"
              y1="5"
              y2="5"
              stroke={seriesColor(c.color)}
              stroke-width="2.5"
              stroke-dasharray={seriesDash(c.dash ?? 0)}
            />
          </svg>
          {c.label}
        </li>
      ))}
      {props.dots.map((d) => (
        <li key={`d-${d.label}`}>
          <svg width="14" height="12" aria-hidden="true">
            <Dot x={7} y={6} shape={d.shape} fill={seriesColor(d.color)} />
          </svg>
          {d.label}
        </li>
      ))}
    </ul>
  );
}

/** Renders curves, dots, horizontal reference lines, labelled vertical markers and labelled points on shared axes. */
export function MarkedChart(props: MarkedChartProps) {
  const size = props.size ?? DEFAULT_SIZE;
  const box = plotBox(size);
  const curves = props.curves ?? [];
  const dots = props.dots ?? [];
  const refs = props.references ?? [];
  const verticals = props.verticals ?? [];
  const points = props.points ?? [];
  const allX = function* () {
    for (const c of curves) yield* c.x;
    for (const d of dots) for (const p of d.points) yield p.x;
    for (const v of verticals) yield v.x;
  };
  const allY = function* () {
    for (const c of curves) yield* c.y;
    for (const d of dots) for (const p of d.points) yield p.y;
    for (const r of refs) yield r.value;
    for (const p of points) yield p.y;
  };
  const xs = linearScale(props.xDomain ?? extent(allX(), false), [box.x0, box.x1]);
  const inX = (x: number) => Number.isFinite(x) && x >= xs.domain[0] - 1e-9 && x <= xs.domain[1] + 1e-9;
  // Marker labels sit in rows at the top of the plot, one row per marker from left to right, so
  // nearby markers never print over each other; each reads away from the nearer edge.
  const order = verticals
    .map((v, i) => ({ v, i }))
    .filter((o) => inX(o.v.x))
    .sort((a, b) => a.v.x - b.v.x);
  let yDomain = props.yDomain;
  if (!yDomain) {
    const [lo, hi] = extent(allY(), props.includeZero ?? true);
    // Leave a band above the data for the marker labels, so they never sit on a curve.
    const band = order.length > 0 ? order.length * ROW + 6 : 0;
    const height = box.y1 - box.y0;
    yDomain = [lo, hi + ((hi - lo) * band) / Math.max(1, height - band)];
  }
  const ys = linearScale(yDomain, [box.y1, box.y0]).nice();
  const mid = (box.x0 + box.x1) / 2;
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <ChartSvg size={size} summary={props.summary}>
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label={props.yLabel} />
        <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label={props.xLabel} />
        <ReferenceLines lines={refs} scale={ys} {...box} />
        <g class="sim-references">
          {order.map(({ v, i }) => {
            const x = r1(xs(v.x));
            return (
              <line
                key={i}
                class="sim-reference"
                x1={x}
                x2={x}
                y1={box.y0}
                y2={box.y1}
                {...(v.color === undefined ? {} : { style: { stroke: seriesColor(v.color) } })}
              />
            );
          })}
        </g>
        {curves.map((c) => {
          // The path by hand (no d3-shape, which a page without the kit's LineChart need not load):
          // a gap at each non-finite point; steps hold each value until the next x.
          let d = '';
          let open = false;
          c.y.forEach((y, i) => {
            const x = c.x[i];
            if (!Number.isFinite(y) || x === undefined || !Number.isFinite(x)) {
              open = false;
              return;
            }
            const px = r1(xs(x));
            const py = r1(ys(y));
            d += !open ? `M${px},${py}` : c.step ? `H${px}V${py}` : `L${px},${py}`;
            open = true;
          });
          return (
            <path
              key={c.label}
              class="sim-line"
              d={d}
              stroke={seriesColor(c.color)}
              stroke-dasharray={seriesDash(c.dash ?? 0)}
            />
          );
        })}
        {dots.map((g) => (
          <g key={g.label} class="sim-points">
            {g.points.map((p, k) =>
              Number.isFinite(p.x) && Number.isFinite(p.y) ? (
                <Dot key={k} x={xs(p.x) + (g.offset ?? 0)} y={ys(p.y)} shape={g.shape} fill={seriesColor(g.color)} />
              ) : null,
            )}
          </g>
        ))}
        {points.map((p) =>
          inX(p.x) && Number.isFinite(p.y) ? (
            <g key={`${p.x},${p.y}`} class="sim-mark">
              <circle
                cx={r1(xs(p.x))}
                cy={r1(ys(p.y))}
                r={5.5}
                fill="none"
                stroke={p.color === undefined ? 'var(--sim-fg)' : seriesColor(p.color)}
                stroke-width={2.5}
              />
              {p.label ? (
                <text
                  x={r1(xs(p.x) + (xs(p.x) > mid ? -9 : 9))}
                  y={r1(ys(p.y) + (ys(p.y) < box.y0 + 30 ? 16 : -9))}
                  text-anchor={xs(p.x) > mid ? 'end' : 'start'}
                  class="sim-reference-label"
                  {...HALO}
                >
                  {p.label}
                </text>
              ) : null}
            </g>
          ) : null,
        )}
        <g class="sim-marker-labels">
          {order.map(({ v, i }, row) => {
            const x = xs(v.x);
            const right = x > mid;
            return (
              <text
                key={i}
                class="sim-reference-label"
                x={r1(x + (right ? -5 : 5))}
                y={r1(box.y0 + 11 + row * ROW)}
                text-anchor={right ? 'end' : 'start'}
                {...HALO}
              >
                {v.label}
              </text>
            );
          })}
        </g>
      </ChartSvg>
      <MarkedLegend curves={curves} dots={dots} />
    </div>
  );
}
