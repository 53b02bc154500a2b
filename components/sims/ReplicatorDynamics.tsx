/**
 * The replicator simulation: a population playing Hawk–Dove, the stag hunt or rock–paper–scissors
 * evolves by the replicator equation (src/models/evolution). Two strategies: the share on a line
 * and over time; three: the path on the simplex over the vector field, with the rest points
 * marked by their stability. The reader picks the starting point by clicking the figure, by
 * arrow keys on it, or with the sliders.
 *
 * Any parameter change restarts the run and computes its first REPLICATOR_WARMUP_STEPS steps at
 * once (as the server render does); Reset goes back to time 0.
 */
import type { JSX } from 'preact';
import { useCallback, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { evolutionarilyStableStrategies } from '../../src/models/evolution/ess.ts';
import {
  hawkDoveMatrix,
  rockPaperScissorsMatrix,
  stagHuntMatrix,
  type SymmetricGame,
} from '../../src/models/evolution/presets.ts';
import { replicatorDynamics, replicatorVelocity } from '../../src/models/evolution/replicator.ts';
import { restPoints, type RestPoint, type RestPointStability } from '../../src/models/evolution/rest-points.ts';
import { SimFrame, sampleRows, type SimData } from '../kit/SimFrame.tsx';
import { LineChart } from '../kit/charts/LineChart.tsx';
import type { ReferenceLine } from '../kit/charts/axes.tsx';
import {
  ControlGroup,
  ParamControl,
  PlayPauseButton,
  ResetButton,
  Slider,
  SpeedSelect,
  StepButton,
} from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import {
  REPLICATOR_DT,
  REPLICATOR_MAX_STEPS,
  REPLICATOR_WARMUP_STEPS,
  replicatorInfo,
  replicatorParams,
} from './replicator.params.ts';

type Values = ParamValues<typeof replicatorParams>;
type Preset = Values['preset'];

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type ReplicatorDynamicsProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "replicator". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

/** Payoff of a stag caught together; the hare slider moves the other payoff. */
const STAG = 4;

/** Returns the symmetric game the values describe. */
export function replicatorGame(values: Values): SymmetricGame {
  switch (values.preset) {
    case 'hawk-dove':
      return hawkDoveMatrix(values.value, values.cost);
    case 'stag-hunt':
      return stagHuntMatrix(STAG, values.hare);
    case 'rock-paper-scissors':
      return rockPaperScissorsMatrix({ win: values.win, lose: 1 });
  }
}

/** Returns the starting shares: [start1, 1 − start1] for two strategies; for three, start2 cut to 1 − start1 and the rest to the third. */
export function startShares(values: Values, n: number): number[] {
  const s1 = values.start1;
  if (n === 2) return [s1, 1 - s1];
  const s2 = Math.min(values.start2, 1 - s1);
  const x = [s1, s2, Math.max(0, 1 - s1 - s2)];
  const sum = x[0]! + x[1]! + x[2]!;
  return x.map((v) => v / sum);
}

type Sample = { readonly step: number; readonly x: readonly number[] };
type Run = {
  readonly key: string;
  readonly A: number[][];
  readonly step: number;
  readonly x: readonly number[];
  readonly samples: readonly Sample[];
};

// Samples kept for the charts; beyond this, older samples are thinned to every other one.
const MAX_SAMPLES = 2000;

function thin(samples: readonly Sample[]): Sample[] {
  const out = samples.filter((_, i) => i % 2 === 0);
  const last = samples.at(-1);
  if (last && out.at(-1) !== last) out.push(last);
  return out;
}

function advance(run: Run, steps: number): Run {
  const n = Math.min(steps, REPLICATOR_MAX_STEPS - run.step);
  if (n <= 0) return run;
  const path = replicatorDynamics(run.A, run.x, { dt: REPLICATOR_DT, steps: n });
  let samples = run.samples.slice();
  for (let k = 1; k <= n; k++) {
    samples.push({ step: run.step + k, x: path[k]! });
    if (samples.length > MAX_SAMPLES) samples = thin(samples);
  }
  return { ...run, step: run.step + n, x: path[n]!, samples };
}

function startRun(A: number[][], x0: readonly number[], key: string, warmup: number): Run {
  return advance({ key, A, step: 0, x: x0, samples: [{ step: 0, x: x0 }] }, warmup);
}

// Shares that are positive but tiny read as "under 0.1%", never as 3.1e-25%.
const pct = (p: number) => (p > 0 && p < 5e-4 ? 'under 0.1%' : `${fmt(100 * p, 3)}%`);
const timeOf = (step: number) => Number((step * REPLICATOR_DT).toFixed(6));

/** Returns the rest point strictly inside the simplex, if any. */
function interiorRest(points: readonly RestPoint[]): RestPoint | undefined {
  return points.find((p) => p.point.every((v) => v > 1e-9));
}

const STABILITY_WORDS: Record<RestPointStability, string> = {
  stable: 'stable',
  unstable: 'unstable',
  saddle: 'a saddle',
  center: 'a center (neutrally stable)',
  'non-hyperbolic': 'non-hyperbolic',
};

/** Returns the caption: where the population is, where it is going and how that compares with the published result. */
export function replicatorCaption(values: Values, game: SymmetricGame, run: Run, points: readonly RestPoint[]): string {
  const t = fmt(timeOf(run.step), 4);
  const x = run.x;
  const x0 = run.samples[0]!.x;
  const [s1, s2] = game.strategies;
  if (values.preset === 'rock-paper-scissors') {
    const shares = game.strategies.map((s, k) => `${s} ${pct(x[k]!)}`).join(', ');
    const product = (v: readonly number[]) => v[0]! * v[1]! * v[2]!;
    const now = product(x);
    const then = product(x0);
    const head = `Rock–paper–scissors (a win pays ${fmt(values.win)}, a loss costs 1), time ${t}: ${shares}. The product x₁x₂x₃ is ${fmt(now, 4)} now and was ${fmt(then, 4)} at the start`;
    if (then === 0)
      return `${head}: with a strategy missing from the start, the population moves along an edge of the triangle to the strategy that beats the other.`;
    if (values.win === 1)
      return `${head}; in the standard game it stays constant, so the population cycles for ever around the equal mix, a center: neutrally stable, not an ESS, as Hofbauer and Sigmund show.`;
    if (values.win > 1)
      return `${head}; since a win pays more than a loss costs it rises towards 1/27 ≈ 0.037: the orbit spirals in to the equal mix, now an ESS.`;
    return `${head}; since a win pays less than a loss costs it falls towards 0: the orbit spirals out towards the edges, each strategy in turn coming close to extinction.`;
  }
  const share = x[0]!;
  const startText = `started at ${pct(x0[0]!)}`;
  const inner = interiorRest(points);
  if (values.preset === 'hawk-dove') {
    const { value: V, cost: C } = values;
    const head = `Hawk–Dove with V = ${fmt(V)} and C = ${fmt(C)}, time ${t}: hawks are ${pct(share)} of the population (${startText})`;
    if (x0[0] === 0 || x0[0] === 1)
      return `${head}; a population of ${x0[0] === 1 ? 'hawks' : 'doves'} only stays so, since without mutation no other type appears.`;
    if (C > V) {
      const target = V / C;
      const where = Math.abs(share - target) < 5e-4 ? 'settled at' : 'heading for';
      return `${head}, ${where} V/C = ${pct(target)}, the stable mixed state (the ESS), as Maynard Smith and Price found.`;
    }
    return `${head}: with C ≤ V a hawk does at least as well as a dove against anyone, so hawks take over and pure Hawk is the ESS.`;
  }
  // Stag hunt.
  const threshold = inner ? inner.point[0]! : values.hare / STAG;
  const head = `Stag hunt (a stag pays ${STAG} each, a hare ${fmt(values.hare)}), time ${t}: ${s1} hunters are ${pct(share)} (${startText}); both strategies earn the same at ${pct(threshold)} ${s1}, an unstable rest point`;
  if (x0[0] === 0 || x0[0] === 1) return `${head}; a population of one kind only stays so.`;
  if (Math.abs(x0[0]! - threshold) < 1e-12) return `${head}, and the population starts exactly there, so it stays.`;
  const going = x0[0]! > threshold ? `all ${s1}` : `all ${s2}`;
  return `${head}. Starting ${x0[0]! > threshold ? 'above' : 'below'} it, the population goes to ${going}: both pure states are stable, and history decides.`;
}

function dataOf(game: SymmetricGame, run: Run): SimData {
  return {
    columns: ['time', ...game.strategies.map((s) => `share ${s}`)],
    rows: run.samples.map((s) => [timeOf(s.step), ...s.x]),
  };
}

// ---- drawing -------------------------------------------------------------------------------

type Pt = { x: number; y: number };
const f1 = (v: number) => v.toFixed(1);

/** The marker of a rest point: its shape tells its stability (colour is not needed). */
function RestMarker(props: { at: Pt; kind: RestPointStability; r?: number }) {
  const { at, kind } = props;
  const r = props.r ?? 7;
  const stroke = 'var(--sim-fg)';
  switch (kind) {
    case 'stable':
      return <circle cx={f1(at.x)} cy={f1(at.y)} r={r} fill={stroke} stroke={stroke} stroke-width="1.5" />;
    case 'unstable':
      return <circle cx={f1(at.x)} cy={f1(at.y)} r={r} fill="var(--sim-panel)" stroke={stroke} stroke-width="2" />;
    case 'saddle':
      return (
        <g>
          <circle cx={f1(at.x)} cy={f1(at.y)} r={r} fill="var(--sim-panel)" stroke={stroke} stroke-width="2" />
          <path d={`M${f1(at.x)},${f1(at.y - r)}A${r},${r} 0 0 0 ${f1(at.x)},${f1(at.y + r)}Z`} fill={stroke} />
        </g>
      );
    case 'center':
      return (
        <g>
          <circle cx={f1(at.x)} cy={f1(at.y)} r={r} fill="var(--sim-panel)" stroke={stroke} stroke-width="2" />
          <circle cx={f1(at.x)} cy={f1(at.y)} r={r * 0.35} fill={stroke} />
        </g>
      );
    case 'non-hyperbolic':
      return (
        <circle
          cx={f1(at.x)}
          cy={f1(at.y)}
          r={r}
          fill="var(--sim-panel)"
          stroke={stroke}
          stroke-width="2"
          stroke-dasharray="3 2"
        />
      );
  }
}

const LEGEND_WORDS: Record<RestPointStability, string> = {
  stable: 'stable rest point',
  unstable: 'unstable rest point',
  saddle: 'saddle',
  center: 'center (neutral)',
  'non-hyperbolic': 'non-hyperbolic rest point',
};

function RestLegend(props: { kinds: readonly RestPointStability[] }) {
  const kinds = [...new Set(props.kinds)];
  return (
    <ul class="sim-legend">
      {kinds.map((k) => (
        <li key={k}>
          <svg width="18" height="18" aria-hidden="true">
            <RestMarker at={{ x: 9, y: 9 }} kind={k} r={6} />
          </svg>
          {LEGEND_WORDS[k]}
        </li>
      ))}
      <li>
        <svg width="18" height="18" aria-hidden="true">
          <rect
            x="4"
            y="4"
            width="10"
            height="10"
            transform="rotate(45 9 9)"
            fill="var(--sim-panel)"
            stroke="var(--sim-series-2)"
            stroke-width="2"
          />
        </svg>
        start
      </li>
      <li>
        <svg width="18" height="18" aria-hidden="true">
          <circle cx="9" cy="9" r="5" fill="var(--sim-series-1)" />
        </svg>
        now
      </li>
    </ul>
  );
}

function Arrow(props: { from: Pt; to: Pt }) {
  const { from, to } = props;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy);
  if (len < 0.5) return null;
  const ux = dx / len;
  const uy = dy / len;
  const head = Math.min(6, len * 0.6);
  const base = { x: to.x - ux * head, y: to.y - uy * head };
  const side = { x: -uy * head * 0.5, y: ux * head * 0.5 };
  return (
    <g>
      <line x1={f1(from.x)} y1={f1(from.y)} x2={f1(base.x)} y2={f1(base.y)} />
      <polygon
        points={`${f1(to.x)},${f1(to.y)} ${f1(base.x + side.x)},${f1(base.y + side.y)} ${f1(base.x - side.x)},${f1(base.y - side.y)}`}
      />
    </g>
  );
}

/** Returns the point of an SVG element's viewBox under a mouse event, or null where the browser cannot say. */
function svgPoint(e: JSX.TargetedMouseEvent<SVGSVGElement>): Pt | null {
  const svg = e.currentTarget;
  const ctm = svg.getScreenCTM?.();
  if (!ctm || typeof svg.createSVGPoint !== 'function') return null;
  const p = svg.createSVGPoint();
  p.x = e.clientX;
  p.y = e.clientY;
  const q = p.matrixTransform(ctm.inverse());
  return { x: q.x, y: q.y };
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

// A full-width chart gets a wider viewBox, so that its text does not grow with it.
const WIDE_CHART = { width: 860, height: 240 } as const;

// The phase line: share of the first strategy from 0 (left) to 1 (right).
const LINE_W = 860;
const LINE_H = 100;
const LX0 = 50;
const LX1 = 810;
const LY = 40;

function PhaseLine(props: {
  id: string;
  game: SymmetricGame;
  run: Run;
  points: readonly RestPoint[];
  disabled: boolean;
  onPick: (share: number) => void;
}) {
  const { game, run, points } = props;
  const [s1, s2] = game.strategies as [string, string];
  const xs = (p: number) => LX0 + p * (LX1 - LX0);
  const cells = 16;
  const field = Array.from({ length: cells }, (_, k) => {
    const p = (k + 0.5) / cells;
    return { p, v: replicatorVelocity(game.A, [p, 1 - p])[0]! };
  });
  const vmax = Math.max(1e-12, ...field.map((a) => Math.abs(a.v)));
  const share = run.x[0]!;
  const start = run.samples[0]!.x[0]!;
  const pick = (share: number) => props.onPick(round3(Math.min(1, Math.max(0, share))));
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<SVGSVGElement>) => {
    const moves: Record<string, number> = {
      ArrowRight: 0.01,
      ArrowUp: 0.01,
      ArrowLeft: -0.01,
      ArrowDown: -0.01,
      PageUp: 0.1,
      PageDown: -0.1,
    };
    const move = moves[e.key];
    if (props.disabled) return;
    if (move !== undefined) pick(start + move);
    else if (e.key === 'Home') pick(0);
    else if (e.key === 'End') pick(1);
    else return;
    e.preventDefault();
  };
  const describe = [...points]
    .sort((a, b) => a.point[0]! - b.point[0]!)
    .map((p) => `${pct(p.point[0]!)} ${s1}: ${STABILITY_WORDS[p.stability]}`)
    .join('; ');
  return (
    // One strategy's share needs the width more than the height: a full row of the grid.
    <div class="sim-chart" style={{ gridColumn: '1 / -1' }}>
      <p class="sim-chart-title">
        Share of {s1} (the rest are {s2})
      </p>
      <svg
        id={props.id}
        class="sim-chart-svg"
        viewBox={`0 0 ${LINE_W} ${LINE_H}`}
        role="group"
        // Lower case: on SVG elements Preact sets the attribute as written, and only "tabindex" makes them focusable.
        tabindex={props.disabled ? -1 : 0}
        aria-label={`Phase line of the share of ${s1}: now ${pct(share)}, started at ${pct(start)}. Rest points: ${describe}. Click, or use the arrow keys, to choose the starting share.`}
        onClick={(e) => {
          if (props.disabled) return;
          const q = svgPoint(e);
          if (q) pick((q.x - LX0) / (LX1 - LX0));
        }}
        onKeyDown={onKeyDown}
        style={{ cursor: props.disabled ? 'default' : 'crosshair' }}
      >
        <g class="sim-axis">
          <line x1={LX0} x2={LX1} y1={LY} y2={LY} />
          {[0, 0.2, 0.4, 0.6, 0.8, 1].map((p) => (
            <g key={p}>
              <line x1={xs(p)} x2={xs(p)} y1={LY + 14} y2={LY + 19} />
              <text x={xs(p)} y={LY + 32} text-anchor="middle">
                {p.toFixed(1)}
              </text>
            </g>
          ))}
          <text class="sim-axis-label" x={LX0} y={LY + 50} text-anchor="start">
            all {s2}
          </text>
          <text class="sim-axis-label" x={LX1} y={LY + 50} text-anchor="end">
            all {s1}
          </text>
        </g>
        <g stroke="var(--sim-axis)" fill="var(--sim-axis)" stroke-width="2">
          {field.map(({ p, v }) => {
            if (Math.abs(v) < vmax * 1e-3) return null;
            const len = 6 + 16 * Math.sqrt(Math.abs(v) / vmax);
            const x = xs(p);
            const dir = Math.sign(v);
            return (
              <Arrow
                key={p}
                from={{ x: x - (dir * len) / 2, y: LY - 18 }}
                to={{ x: x + (dir * len) / 2, y: LY - 18 }}
              />
            );
          })}
        </g>
        {points.map((p, k) => (
          <RestMarker key={k} at={{ x: xs(p.point[0]!), y: LY }} kind={p.stability} />
        ))}
        <rect
          x={f1(xs(start) - 5)}
          y={f1(LY - 5)}
          width="10"
          height="10"
          transform={`rotate(45 ${f1(xs(start))} ${LY})`}
          fill="none"
          stroke="var(--sim-series-2)"
          stroke-width="2.5"
        />
        <circle cx={f1(xs(share))} cy={LY} r="5" fill="var(--sim-series-1)" />
      </svg>
      <RestLegend kinds={points.map((p) => p.stability)} />
    </div>
  );
}

// The simplex: first strategy at the top, second bottom left, third bottom right.
const TRI_W = 600;
const TRI_H = 500;
const V1: Pt = { x: 300, y: 40 };
const V2: Pt = { x: 70, y: 438 };
const V3: Pt = { x: 530, y: 438 };

/** Returns the drawing position of a population state x on the simplex. */
export function simplexPoint(x: readonly number[]): Pt {
  return {
    x: x[0]! * V1.x + x[1]! * V2.x + x[2]! * V3.x,
    y: x[0]! * V1.y + x[1]! * V2.y + x[2]! * V3.y,
  };
}

/** Returns the shares whose drawing position is p, pushed back onto the triangle when p lies outside it. */
export function simplexShares(p: Pt): number[] {
  // Solve p = x1·V1 + x2·V2 + x3·V3 with x1 + x2 + x3 = 1 (barycentric coordinates).
  const det = (V2.y - V3.y) * (V1.x - V3.x) + (V3.x - V2.x) * (V1.y - V3.y);
  const a = ((V2.y - V3.y) * (p.x - V3.x) + (V3.x - V2.x) * (p.y - V3.y)) / det;
  const b = ((V3.y - V1.y) * (p.x - V3.x) + (V1.x - V3.x) * (p.y - V3.y)) / det;
  const x = [a, b, 1 - a - b].map((v) => Math.max(0, v));
  const sum = x[0]! + x[1]! + x[2]!;
  return x.map((v) => v / sum);
}

function Simplex(props: {
  id: string;
  game: SymmetricGame;
  run: Run;
  points: readonly RestPoint[];
  disabled: boolean;
  onPick: (x: readonly number[]) => void;
}) {
  const { game, run, points } = props;
  const names = game.strategies as [string, string, string];
  const field = useMemo(() => {
    const N = 12;
    const out: { at: Pt; d: Pt; speed: number }[] = [];
    for (let i = 0; i <= N; i++)
      for (let j = 0; j <= N - i; j++) {
        const x = [i / N, j / N, (N - i - j) / N];
        if (x.some((v) => v === 1)) continue;
        const v = replicatorVelocity(game.A, x);
        const d = { x: v[0]! * V1.x + v[1]! * V2.x + v[2]! * V3.x, y: v[0]! * V1.y + v[1]! * V2.y + v[2]! * V3.y };
        out.push({ at: simplexPoint(x), d, speed: Math.hypot(d.x, d.y) });
      }
    return out;
  }, [game.A]);
  const vmax = Math.max(1e-12, ...field.map((a) => a.speed));
  const idx = sampleRows(run.samples.length, 1500);
  const path = idx
    .map((i, k) => {
      const p = simplexPoint(run.samples[i]!.x);
      return `${k === 0 ? 'M' : 'L'}${f1(p.x)},${f1(p.y)}`;
    })
    .join('');
  const start = run.samples[0]!.x;
  const startAt = simplexPoint(start);
  const now = simplexPoint(run.x);
  const pick = (x: readonly number[]) => props.onPick(x.map(round3));
  const onKeyDown = (e: JSX.TargetedKeyboardEvent<SVGSVGElement>) => {
    if (props.disabled) return;
    const step = e.shiftKey ? 0.05 : 0.01;
    const [a, b, c] = start as [number, number, number];
    let next: number[] | undefined;
    // Up and down move towards and away from the top corner; left and right move sideways.
    if (e.key === 'ArrowUp') next = [a + 2 * step, b - step, c - step];
    else if (e.key === 'ArrowDown') next = [a - 2 * step, b + step, c + step];
    else if (e.key === 'ArrowLeft') next = [a, b + step, c - step];
    else if (e.key === 'ArrowRight') next = [a, b - step, c + step];
    else if (e.key === 'Home') next = [1 / 3, 1 / 3, 1 / 3];
    if (!next) return;
    e.preventDefault();
    const clipped = next.map((v) => Math.max(0, v));
    const sum = clipped[0]! + clipped[1]! + clipped[2]!;
    pick(clipped.map((v) => v / sum));
  };
  const label = (v: Pt, text: string, dy: number, anchor: string) => (
    <text class="sim-axis-label" x={v.x} y={v.y + dy} text-anchor={anchor} style={{ fontSize: '19px' }}>
      {text}
    </text>
  );
  const shares = (x: readonly number[]) => names.map((s, k) => `${s} ${pct(x[k]!)}`).join(', ');
  return (
    <div class="sim-chart">
      <p class="sim-chart-title">Population shares on the simplex</p>
      <svg
        id={props.id}
        class="sim-chart-svg"
        viewBox={`0 0 ${TRI_W} ${TRI_H}`}
        role="group"
        // Lower case: on SVG elements Preact sets the attribute as written, and only "tabindex" makes them focusable.
        tabindex={props.disabled ? -1 : 0}
        aria-label={`Triangle of population shares: each corner is a population of one strategy. The path starts at ${shares(start)} and is now at ${shares(run.x)}. Rest points: ${points.map((p) => `${shares(p.point)}, ${STABILITY_WORDS[p.stability]}`).join('; ')}. Click, or use the arrow keys, to choose the starting point.`}
        onClick={(e) => {
          if (props.disabled) return;
          const q = svgPoint(e);
          if (q) pick(simplexShares(q));
        }}
        onKeyDown={onKeyDown}
        style={{ cursor: props.disabled ? 'default' : 'crosshair' }}
      >
        <polygon
          points={`${V1.x},${V1.y} ${V2.x},${V2.y} ${V3.x},${V3.y}`}
          fill="var(--sim-soft)"
          stroke="var(--sim-axis)"
          stroke-width="1.5"
        />
        <g stroke="var(--sim-axis)" fill="var(--sim-axis)" stroke-width="1.5" opacity="0.85">
          {field.map((a, k) => {
            if (a.speed < vmax * 1e-3) return null;
            const len = 5 + 15 * Math.sqrt(a.speed / vmax);
            const u = { x: a.d.x / a.speed, y: a.d.y / a.speed };
            return (
              <Arrow
                key={k}
                from={{ x: a.at.x - (u.x * len) / 2, y: a.at.y - (u.y * len) / 2 }}
                to={{ x: a.at.x + (u.x * len) / 2, y: a.at.y + (u.y * len) / 2 }}
              />
            );
          })}
        </g>
        <path d={path} fill="none" stroke="var(--sim-series-1)" stroke-width="2.5" stroke-linejoin="round" />
        {points.map((p, k) => (
          <RestMarker key={k} at={simplexPoint(p.point)} kind={p.stability} />
        ))}
        <rect
          x={f1(startAt.x - 6)}
          y={f1(startAt.y - 6)}
          width="12"
          height="12"
          transform={`rotate(45 ${f1(startAt.x)} ${f1(startAt.y)})`}
          fill="var(--sim-panel)"
          stroke="var(--sim-series-2)"
          stroke-width="2.5"
        />
        <circle
          cx={f1(now.x)}
          cy={f1(now.y)}
          r="6"
          fill="var(--sim-series-1)"
          stroke="var(--sim-panel)"
          stroke-width="1.5"
        />
        {label(V1, `all ${names[0]}`, -14, 'middle')}
        {label(V2, `all ${names[1]}`, 34, 'start')}
        {label(V3, `all ${names[2]}`, 34, 'end')}
      </svg>
      <RestLegend kinds={points.map((p) => p.stability)} />
    </div>
  );
}

function timeReferences(values: Values, points: readonly RestPoint[]): ReferenceLine[] {
  const inner = interiorRest(points);
  if (!inner) return [];
  if (values.preset === 'hawk-dove') return [{ value: inner.point[0]!, label: `V/C ${fmt(inner.point[0]!)}` }];
  if (values.preset === 'stag-hunt') return [{ value: inner.point[0]!, label: `threshold ${fmt(inner.point[0]!)}` }];
  const same = inner.point.every((v) => Math.abs(v - inner.point[0]!) < 1e-9);
  return same ? [{ value: inner.point[0]!, label: 'equal mix 1/3' }] : [];
}

/** Renders the phase line or simplex, the shares over time, and the controls. */
export function ReplicatorDynamics(props: ReplicatorDynamicsProps) {
  const embedKey = props.embedKey ?? props.id ?? replicatorInfo.name;
  const [initial] = useState(() => mergeProps(replicatorParams, props));
  const url = useUrlState(embedKey, replicatorParams, initial);
  const values = url.values;
  const key = serializeParams(values, replicatorParams);
  const game = replicatorGame(values);
  const n = game.strategies.length;
  const points = useMemo(() => restPoints(game.A), [key]);
  const ess = useMemo(() => evolutionarilyStableStrategies(game.A), [key]);

  const runRef = useRef<Run | null>(null);
  if (!runRef.current || runRef.current.key !== key)
    runRef.current = startRun(game.A, startShares(values, n), key, REPLICATOR_WARMUP_STEPS);
  const run = runRef.current;
  const [, redraw] = useReducer((k: number) => k + 1, 0);

  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(60);
  const reducedMotion = usePrefersReducedMotion();

  const step = useCallback((k: number) => {
    const r = runRef.current;
    if (!r) return;
    runRef.current = advance(r, k);
    if (runRef.current.step >= REPLICATOR_MAX_STEPS) setRunning(false);
    redraw(0);
  }, []);
  const reset = () => {
    runRef.current = startRun(game.A, startShares(values, n), key, 0);
    redraw(0);
  };
  useAnimationLoop(step, { running, speed, reducedMotion });

  useAutoplay(props.autoplay, reducedMotion, () => setRunning(true), () => setRunning(false));

  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const atEnd = run.step >= REPLICATOR_MAX_STEPS;
  const names = game.strategies;

  const setStart = (x: readonly number[]) =>
    url.setAll({ ...values, start1: x[0]!, ...(n === 3 ? { start2: x[1]! } : {}) });
  const param = (name: 'value' | 'cost' | 'hare' | 'win') => (
    <ParamControl
      id={`${base}-${name}`}
      spec={replicatorParams[name]}
      value={values[name]}
      onChange={(v) => url.set(name, Number(v))}
      disabled={disabled}
    />
  );
  const start = startShares(values, n);

  const controls = (
    <>
      <ControlGroup legend="Run">
        <PlayPauseButton running={running} onToggle={() => setRunning((r) => !r)} disabled={disabled || atEnd} />
        <StepButton onStep={() => step(1)} disabled={disabled || atEnd} />
        <ResetButton onReset={reset} disabled={disabled} />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} disabled={disabled} />
      </ControlGroup>
      <ControlGroup legend="Game">
        <ParamControl
          id={`${base}-preset`}
          spec={replicatorParams.preset}
          value={values.preset}
          onChange={(v) => url.set('preset', v as Preset)}
          disabled={disabled}
        />
        {values.preset === 'hawk-dove' ? (
          <>
            {param('value')}
            {param('cost')}
          </>
        ) : values.preset === 'stag-hunt' ? (
          param('hare')
        ) : (
          param('win')
        )}
      </ControlGroup>
      <ControlGroup legend="Starting population">
        <Slider
          id={`${base}-start1`}
          label={`Starting share of ${names[0]}`}
          value={values.start1}
          min={0}
          max={1}
          step={0.01}
          format={(v) => pct(v)}
          onChange={(v) =>
            url.setAll({ ...values, start1: v, ...(n === 3 && v + values.start2 > 1 ? { start2: round3(1 - v) } : {}) })
          }
          disabled={disabled}
        />
        {n === 3 ? (
          <>
            <Slider
              id={`${base}-start2`}
              label={`Starting share of ${names[1]}`}
              value={start[1]!}
              min={0}
              // the shares start on the simplex: the second can go only as far as the first leaves
              max={round3(1 - values.start1)}
              step={0.01}
              format={(v) => pct(v)}
              onChange={(v) => url.set('start2', round3(Math.min(v, 1 - values.start1)))}
              disabled={disabled}
            />
            <p class="sim-field" style={{ margin: 0 }}>
              <span>Starting share of {names[2]}</span>
              <span style={{ color: 'var(--sim-fg-soft)' }}>{pct(start[2]!)} (the rest)</span>
            </p>
          </>
        ) : null}
      </ControlGroup>
    </>
  );

  const t = timeOf(run.step);
  const times = run.samples.map((s) => timeOf(s.step));
  const essText =
    ess.length === 0
      ? 'no ESS'
      : `ESS: ${ess.map((x) => names.map((s, k) => `${s} ${pct(x[k]!)}`).join(', ')).join('; ')}`;

  return (
    <SimFrame
      embedKey={embedKey}
      title={replicatorInfo.title}
      caption={replicatorCaption(values, game, run, points)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(game, run)}
      link={url.link}
      about={replicatorInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      {n === 2 ? (
        <PhaseLine
          id={`${base}-line`}
          game={game}
          run={run}
          points={points}
          disabled={disabled}
          onPick={(s) => setStart([s, 1 - s])}
        />
      ) : (
        <Simplex id={`${base}-simplex`} game={game} run={run} points={points} disabled={disabled} onPick={setStart} />
      )}
      {/* With two strategies both figures span the width: one share needs length more than height. */}
      <div style={n === 2 ? { gridColumn: '1 / -1' } : {}}>
        <LineChart
          {...(n === 2 ? { size: WIDE_CHART } : {})}
          title={n === 2 ? `Share of ${names[0]} over time` : 'Shares over time'}
          x={times}
          series={(n === 2 ? names.slice(0, 1) : names).map((s, k) => ({
            label: n === 2 ? `Share of ${s}` : s,
            values: run.samples.map((p) => p.x[k]!),
          }))}
          references={timeReferences(values, points)}
          xDomain={[0, Math.max(1, t)]}
          yDomain={[0, 1]}
          xLabel="Time"
          yLabel="Share of population"
          summary={`Shares from time 0 to ${fmt(t, 4)}: now ${names.map((s, k) => `${s} ${pct(run.x[k]!)}`).join(', ')}; ${essText}.`}
        />
      </div>
    </SimFrame>
  );
}

export default ReplicatorDynamics;
