/** A line chart of several series over a shared x, with axes, legend and labelled reference lines. */
import { linearScale } from './linear-scale.ts';
import { line } from 'd3-shape';
import {
  AxisBottom,
  AxisLeft,
  ChartSvg,
  ChartTitle,
  DEFAULT_SIZE,
  Legend,
  ReferenceLines,
  extent,
  plotBox,
  seriesColor,
  seriesDash,
  type ChartSize,
  type ReferenceLine,
} from './axes.tsx';

/** One line: a label and one y value per x (non-finite values leave a gap). */
export type LineSeries = { readonly label: string; readonly values: readonly number[] };

/** Props of `LineChart`. */
export type LineChartProps = {
  /** Shared x values, ascending. */
  readonly x: readonly number[];
  readonly series: readonly LineSeries[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Visible title above the chart. */
  readonly title?: string;
  /** One-line text alternative, the SVG's accessible name. */
  readonly summary: string;
  readonly references?: readonly ReferenceLine[];
  readonly xDomain?: readonly [number, number];
  readonly yDomain?: readonly [number, number];
  /** Whether the y axis starts at zero when the data do not; default true. */
  readonly includeZero?: boolean;
  readonly size?: ChartSize;
};

/** Renders series as SVG paths (d3-shape), with ticks, axis labels, a legend and reference lines. */
export function LineChart(props: LineChartProps) {
  const size = props.size ?? DEFAULT_SIZE;
  const box = plotBox(size);
  const refs = props.references ?? [];
  const xs = linearScale(props.xDomain ?? extent(props.x, false), [box.x0, box.x1]);
  const yValues = function* () {
    for (const s of props.series) yield* s.values;
    for (const r of refs) yield r.value;
  };
  const ys = linearScale(props.yDomain ?? extent(yValues(), props.includeZero ?? true), [box.y1, box.y0]).nice();
  const x = props.x;
  const path = line<number>()
    .defined((v, i) => Number.isFinite(v) && Number.isFinite(x[i]))
    .x((_, i) => xs(x[i]!))
    .y((v) => ys(v))
    .digits(1);
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <ChartSvg size={size} summary={props.summary}>
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label={props.yLabel} />
        <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label={props.xLabel} />
        <ReferenceLines lines={refs} scale={ys} {...box} />
        {props.series.map((s, k) => (
          <path
            key={s.label}
            class="sim-line"
            d={path(s.values as number[]) ?? ''}
            stroke={seriesColor(k)}
            stroke-dasharray={seriesDash(k)}
          />
        ))}
      </ChartSvg>
      <Legend labels={props.series.map((s) => s.label)} />
    </div>
  );
}
