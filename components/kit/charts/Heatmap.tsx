/**
 * A heatmap of a grid of values: SVG rects for small grids (drawn by the server render too), a
 * canvas for dense ones (one pixel per cell, scaled up; drawn after hydration).
 */
import { linearScale } from './linear-scale.ts';
import { useEffect, useRef } from 'preact/hooks';
import { formatNumber } from '../format.ts';
import { ChartTitle, AxisBottom, AxisLeft, ChartSvg, DEFAULT_SIZE, extent, plotBox, type ChartSize } from './axes.tsx';

/** Props of `Heatmap`. */
export type HeatmapProps = {
  /** values[row][column]; row 0 is drawn at the bottom. Non-finite cells are left blank. */
  readonly values: readonly (readonly number[])[];
  readonly xLabel: string;
  readonly yLabel: string;
  /** Visible title above the chart. */
  readonly title?: string;
  /** One-line text alternative, the chart's accessible name. */
  readonly summary: string;
  /** Value range mapped onto the colour ramp; default the data's range. */
  readonly domain?: readonly [number, number];
  /** What the columns span on the x axis; default [0, columns]. */
  readonly xDomain?: readonly [number, number];
  /** What the rows span on the y axis; default [0, rows]. */
  readonly yDomain?: readonly [number, number];
  /** Use a canvas above this many cells; default 2,500. */
  readonly canvasAbove?: number;
  readonly size?: ChartSize;
};

type Rgb = readonly [number, number, number];

const FALLBACK_LOW: Rgb = [247, 251, 255];
const FALLBACK_HIGH: Rgb = [8, 48, 107];

// Let the browser normalise any CSS colour (named, hsl, hex) by assigning it to a 2D context.
function parseColor(css: string, ctx: CanvasRenderingContext2D, fallback: Rgb): Rgb {
  if (!css.trim()) return fallback;
  ctx.fillStyle = '#000';
  ctx.fillStyle = css.trim();
  const out = String(ctx.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(out);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i.exec(out);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  return fallback;
}

/** Returns the share (0..1) of `value` along [lo, hi], clamped. */
export function rampShare(value: number, lo: number, hi: number): number {
  if (hi <= lo) return 0.5;
  return Math.min(1, Math.max(0, (value - lo) / (hi - lo)));
}

/** Renders the grid with axes and a colour ramp legend. */
export function Heatmap(props: HeatmapProps) {
  const size = props.size ?? DEFAULT_SIZE;
  const box = plotBox(size);
  const rows = props.values.length;
  const cols = props.values.reduce((m, row) => Math.max(m, row.length), 0);
  const [lo, hi] = props.domain ?? extent(props.values.flat(), false);
  const useCanvas = rows * cols > (props.canvasAbove ?? 2500);
  const xs = linearScale(props.xDomain ?? [0, cols], [box.x0, box.x1]);
  const ys = linearScale(props.yDomain ?? [0, rows], [box.y1, box.y0]);
  const cellW = (box.x1 - box.x0) / Math.max(1, cols);
  const cellH = (box.y1 - box.y0) / Math.max(1, rows);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx || rows === 0 || cols === 0) return;
    el.width = cols;
    el.height = rows;
    const style = getComputedStyle(el);
    const low = parseColor(style.getPropertyValue('--sim-heat-low'), ctx, FALLBACK_LOW);
    const high = parseColor(style.getPropertyValue('--sim-heat-high'), ctx, FALLBACK_HIGH);
    const image = ctx.createImageData(cols, rows);
    for (let r = 0; r < rows; r++) {
      const row = props.values[r]!;
      for (let c = 0; c < cols; c++) {
        const v = row[c];
        // Canvas rows run top-down; row 0 of the data belongs at the bottom.
        const at = ((rows - 1 - r) * cols + c) * 4;
        if (v === undefined || !Number.isFinite(v)) continue;
        const s = rampShare(v, lo, hi);
        image.data[at] = low[0] + (high[0] - low[0]) * s;
        image.data[at + 1] = low[1] + (high[1] - low[1]) * s;
        image.data[at + 2] = low[2] + (high[2] - low[2]) * s;
        image.data[at + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
  }, [props.values, rows, cols, lo, hi, useCanvas]);

  const pct = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`;
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <div class="sim-heat-stack">
        <ChartSvg size={size} summary={props.summary}>
          {useCanvas
            ? null
            : props.values.map((row, r) =>
                row.map((v, c) =>
                  Number.isFinite(v) ? (
                    <rect
                      key={`${r}-${c}`}
                      x={(box.x0 + c * cellW).toFixed(2)}
                      y={(box.y1 - (r + 1) * cellH).toFixed(2)}
                      width={(cellW + 0.3).toFixed(2)}
                      height={(cellH + 0.3).toFixed(2)}
                      fill={`color-mix(in srgb, var(--sim-heat-high) ${(rampShare(v, lo, hi) * 100).toFixed(1)}%, var(--sim-heat-low))`}
                    />
                  ) : null,
                ),
              )}
          <AxisLeft scale={ys} x={box.x0} x1={box.x0} y0={box.y0} y1={box.y1} label={props.yLabel} />
          <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label={props.xLabel} />
        </ChartSvg>
        {useCanvas ? (
          <canvas
            ref={canvas}
            class="sim-heat-canvas"
            aria-hidden="true"
            style={{
              left: pct(box.x0, size.width),
              top: pct(box.y0, size.height),
              width: pct(box.x1 - box.x0, size.width),
              height: pct(box.y1 - box.y0, size.height),
            }}
          />
        ) : null}
      </div>
      <div class="sim-heat-legend" aria-hidden="true">
        <span>{formatNumber(lo)}</span>
        <span class="sim-heat-ramp" />
        <span>{formatNumber(hi)}</span>
      </div>
    </div>
  );
}
