/** A vertical bar chart with labelled reference lines. */
import { linearScale } from './linear-scale.ts';
import {
  ChartTitle,
  AxisLeft,
  ChartSvg,
  DEFAULT_SIZE,
  ReferenceLines,
  extent,
  plotBox,
  seriesColor,
  type ChartSize,
  type ReferenceLine,
} from './axes.tsx';

/** One bar. */
export type Bar = { readonly label: string; readonly value: number };

/** Props of `BarChart`. */
export type BarChartProps = {
  readonly bars: readonly Bar[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Visible title above the chart. */
  readonly title?: string;
  /** One-line text alternative, the SVG's accessible name. */
  readonly summary: string;
  readonly references?: readonly ReferenceLine[];
  readonly yDomain?: readonly [number, number];
  readonly size?: ChartSize;
  /** Colour index of the bars (series colours); default 0. */
  readonly color?: number;
};

/** Renders one rect per bar from zero (negative values hang below the axis), labels under the bars (thinned when crowded). */
export function BarChart(props: BarChartProps) {
  const size = props.size ?? DEFAULT_SIZE;
  const box = plotBox(size);
  const refs = props.references ?? [];
  const values = [...props.bars.map((b) => b.value), ...refs.map((r) => r.value)];
  const ys = linearScale(props.yDomain ?? extent(values, true), [box.y1, box.y0]).nice();
  const n = Math.max(1, props.bars.length);
  const band = (box.x1 - box.x0) / n;
  const gap = Math.min(band * 0.2, 6);
  // Show at most about 16 category labels so they never overlap.
  const every = Math.ceil(n / 16);
  const zero = ys(0);
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <ChartSvg size={size} summary={props.summary}>
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label={props.yLabel} />
        <g class="sim-bars" fill={seriesColor(props.color ?? 0)}>
          {props.bars.map((b, i) => {
            const y = ys(Number.isFinite(b.value) ? b.value : 0);
            return (
              <rect
                key={i}
                x={(box.x0 + i * band + gap / 2).toFixed(1)}
                width={Math.max(0.5, band - gap).toFixed(1)}
                y={Math.min(y, zero).toFixed(1)}
                height={Math.abs(zero - y).toFixed(1)}
              />
            );
          })}
        </g>
        <g class="sim-axis">
          <line x1={box.x0} x2={box.x1} y1={zero} y2={zero} />
          {props.bars.map((b, i) =>
            i % every === 0 ? (
              <text key={i} x={box.x0 + (i + 0.5) * band} y={box.y1 + 17} text-anchor="middle">
                {b.label}
              </text>
            ) : null,
          )}
          <text class="sim-axis-label" x={(box.x0 + box.x1) / 2} y={box.y1 + 36} text-anchor="middle">
            {props.xLabel}
          </text>
        </g>
        <ReferenceLines lines={refs} scale={ys} {...box} />
      </ChartSvg>
    </div>
  );
}
