/** A scatter plot with optional groups (colours) and reference lines. */
import { linearScale } from './linear-scale.ts';
import {
  ChartTitle,
  AxisBottom,
  AxisLeft,
  ChartSvg,
  DEFAULT_SIZE,
  Legend,
  ReferenceLines,
  extent,
  plotBox,
  seriesColor,
  type ChartSize,
  type ReferenceLine,
} from './axes.tsx';

/** One point; `group` indexes `groups` (and the series colours). */
export type ScatterPoint = { readonly x: number; readonly y: number; readonly group?: number };

/** Props of `ScatterPlot`. */
export type ScatterPlotProps = {
  readonly points: readonly ScatterPoint[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Visible title above the chart. */
  readonly title?: string;
  /** One-line text alternative, the SVG's accessible name. */
  readonly summary: string;
  /** Names of the groups, shown in the legend. */
  readonly groups?: readonly string[];
  readonly references?: readonly ReferenceLine[];
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  readonly includeZero?: boolean;
  readonly size?: ChartSize;
  /** Dot radius in viewBox units; default 3.5. */
  readonly radius?: number;
};

/** Renders one circle per finite point, coloured by group. */
export function ScatterPlot(props: ScatterPlotProps) {
  const size = props.size ?? DEFAULT_SIZE;
  const box = plotBox(size);
  const refs = props.references ?? [];
  const xs = linearScale(
    props.xDomain ??
      extent(
        props.points.map((p) => p.x),
        false,
      ),
    [box.x0, box.x1],
  ).nice();
  const ys = linearScale(
    props.yDomain ?? extent([...props.points.map((p) => p.y), ...refs.map((r) => r.value)], props.includeZero ?? false),
    [box.y1, box.y0],
  ).nice();
  const r = props.radius ?? 3.5;
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <ChartSvg size={size} summary={props.summary}>
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label={props.yLabel} />
        <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label={props.xLabel} />
        <ReferenceLines lines={refs} scale={ys} {...box} />
        <g class="sim-points">
          {props.points.map((p, i) =>
            Number.isFinite(p.x) && Number.isFinite(p.y) ? (
              <circle key={i} cx={xs(p.x).toFixed(1)} cy={ys(p.y).toFixed(1)} r={r} fill={seriesColor(p.group ?? 0)} />
            ) : null,
          )}
        </g>
      </ChartSvg>
      {props.groups ? <Legend labels={props.groups} kind="dot" /> : null}
    </div>
  );
}
