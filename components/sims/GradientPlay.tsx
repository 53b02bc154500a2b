/**
 * The gradient-play simulation: two players each follow the gradient of their own payoff in a
 * two-player differentiable game (src/models/learning/gradient-play.ts), against both climbing joint
 * welfare. A thin view: the model computes the paths, this file draws them.
 *
 * Paths are deterministic and cheap (a few hundred affine steps), so each setting computes its
 * whole path at once and Play and Step reveal it step by step. Any parameter change, including
 * dragging the start, shows the whole path, as the server render does; Reset goes back to step 0.
 */
import { useCallback, useReducer, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { line } from 'd3-shape';
import {
  differentiableGame,
  gradientPlay,
  sampleVectorField,
  type DifferentiableGame,
  type GradientMethod,
} from '../../src/models/learning/gradient-play.ts';
import {
  distanceToRestSet,
  gradientPlayRestSet,
  gradientPlayStepRadius,
  type GradientRestSet,
} from '../../src/models/learning/gradient-play-stability.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { LineChart } from '../kit/charts/LineChart.tsx';
import { AxisBottom, AxisLeft, ChartTitle, Legend, seriesColor, seriesDash } from '../kit/charts/axes.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';
import {
  ControlGroup,
  ParamControl,
  PlayPauseButton,
  ResetButton,
  Slider,
  SpeedSelect,
  StepButton,
} from '../kit/controls.tsx';
import { formatNumber as fmt, snapToStep } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { GRADIENT_PLAY_VIEW_HALF, gradientPlayInfo, gradientPlayParams } from './gradient-play.params.ts';

type Values = ParamValues<typeof gradientPlayParams>;
type Path = { readonly x: readonly number[]; readonly y: readonly number[] };

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type GradientPlayProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "gradient-play". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

/** The view of a game: centred on its Nash equilibrium, `half` wide on each side. */
export type GameView = { readonly cx: number; readonly cy: number; readonly half: number };

/** Returns the game's view: a square around its Nash equilibrium (the origin if it has none). */
export function gameView(name: Values['game'], game: DifferentiableGame): GameView {
  const rest = gradientPlayRestSet(game);
  const [cx, cy] = rest.kind === 'point' ? rest.point : [0, 0];
  return { cx, cy, half: GRADIENT_PLAY_VIEW_HALF[name] };
}

/** Returns the start point in the game's units for the view-relative start in `values`. */
export function startPoint(values: Values, view: GameView): [number, number] {
  return [view.cx + values.startX * view.half, view.cy + values.startY * view.half];
}

/** Everything a setting computes once: the game, its rest sets, the whole paths and the step radius. */
export type GradientRun = {
  readonly key: string;
  readonly game: DifferentiableGame;
  readonly view: GameView;
  readonly start: [number, number];
  readonly nash: GradientRestSet;
  readonly optimum: GradientRestSet;
  readonly individual: Path;
  readonly welfare: Path | null;
  /** The exact flow from the same start, drawn for reference when the method is a discrete one. */
  readonly flow: Path | null;
  /** ρ: the long-run factor by which one step multiplies the distance from Nash. */
  readonly rho: number;
  /** Steps shown. */
  t: number;
};

/** Returns the run of a setting, showing all its steps. */
export function gradientRun(values: Values, key = ''): GradientRun {
  const game = differentiableGame(values.game);
  const view = gameView(values.game, game);
  const start = startPoint(values, view);
  const method: GradientMethod = values.method;
  const common = { start, stepSize: values.stepSize, steps: values.steps, method };
  return {
    key,
    game,
    view,
    start,
    nash: gradientPlayRestSet(game),
    optimum: gradientPlayRestSet(game, 'welfare'),
    individual: gradientPlay(game, common),
    welfare: values.welfare ? gradientPlay(game, { ...common, mode: 'welfare' }) : null,
    flow: method === 'exact' ? null : gradientPlay(game, { ...common, method: 'exact' }),
    rho: gradientPlayStepRadius(game, { stepSize: values.stepSize, method }),
    t: values.steps,
  };
}

const GAME_WORDS: Readonly<Record<Values['game'], string>> = {
  bilinear: 'the bilinear zero-sum game (f₁ = xy, f₂ = −xy)',
  potential: 'the potential game',
  cournot: 'the Cournot duopoly',
};
const METHOD_WORDS: Readonly<Record<Values['method'], string>> = {
  simultaneous: 'simultaneous gradient play',
  alternating: 'alternating gradient play (x moves first)',
  exact: 'the exact gradient flow',
};

// Rounding dust (1e-16 where the answer is 0) is shown as 0.
const coord = (v: number) => fmt(Math.abs(v) < 5e-10 ? 0 : v);
const pt = (x: number, y: number) => `(${coord(x)}, ${coord(y)})`;

/** Returns the caption: where each kind of play has taken the players after `t` steps, and how that compares with the published result, in words. */
export function gradientPlayCaption(values: Values, run: GradientRun, t: number): string {
  const { individual, nash, start } = run;
  const x = individual.x[t]!;
  const y = individual.y[t]!;
  const d0 = distanceToRestSet(nash, start[0], start[1]);
  const dt = distanceToRestSet(nash, x, y);
  const eta = values.stepSize;
  const time = values.method === 'exact' ? `time ${fmt(t * eta)}` : `${t} step${t === 1 ? '' : 's'}`;
  const nashAt = nash.kind === 'point' ? ` ${pt(nash.point[0], nash.point[1])}` : '';
  let head: string;
  let ratio = '';
  if (t === 0) {
    head = `Step 0 of ${METHOD_WORDS[values.method]} with η = ${fmt(eta)} on ${GAME_WORDS[values.game]}: the players start at ${pt(start[0], start[1])}, ${fmt(d0)} from the Nash equilibrium${nashAt}`;
  } else {
    head = `After ${time} of ${METHOD_WORDS[values.method]} with η = ${fmt(eta)} on ${GAME_WORDS[values.game]}, starting at ${pt(start[0], start[1])}, the players are at ${pt(x, y)}`;
    const share = dt / d0;
    const times = share < 0.001 ? 'less than 0.001 times' : `${fmt(share, 4)} times`;
    if (d0 > 0) ratio = `, ${times} their starting distance from the Nash equilibrium${nashAt}`;
  }
  const rho = run.rho;
  const rhoText = fmt(rho, 4);
  let growth: string;
  if (values.game === 'bilinear' && values.method === 'simultaneous') {
    const compound = t > 0 ? `, which compounds to ${fmt(rho ** t, 4)} over ${t} step${t === 1 ? '' : 's'}` : '';
    growth = `. Each step multiplies that distance by exactly √(1 + η²) = ${rhoText}${compound}: the players spiral outward, while the exact flow circles at the starting distance ${fmt(d0, 4)}, the cycling of zero-sum learning that Mertikopoulos et al. (2018) describe`;
  } else if (values.game === 'bilinear') {
    growth = `. Each step neither grows nor shrinks that distance in the long run (ρ = ${rhoText}): the players cycle around the equilibrium and never reach it, as Mertikopoulos et al. (2018) found for continuous-time learning in zero-sum games, while simultaneous steps would spiral outward by √(1 + η²) = ${fmt(Math.sqrt(1 + eta * eta), 4)} per step`;
  } else if (rho > 1 + 1e-9) {
    growth = `. Each step multiplies that distance by up to ρ = ${rhoText} in the long run: the step is too large and play runs away from the equilibrium`;
  } else if (rho < 1 - 1e-9) {
    growth = `. Each step shrinks that distance by ρ = ${rhoText} in the long run, so play converges to the equilibrium`;
  } else {
    growth = `. Each step neither grows nor shrinks that distance in the long run (ρ = ${rhoText}), so play neither converges nor escapes`;
  }
  let welfare = '';
  if (run.welfare) {
    const wx = run.welfare.x[t]!;
    const wy = run.welfare.y[t]!;
    const opt = run.optimum;
    if (opt.kind === 'plane') {
      welfare = ' Ascent on joint welfare does not move: f₁ + f₂ = 0 everywhere.';
    } else if (opt.kind === 'line' && Math.abs(opt.normal[0] - opt.normal[1]) < 1e-9) {
      // The optimum is a line of constant total x + y (Cournot: any split of the cartel output).
      const total = opt.offset / opt.normal[0];
      welfare = ` Ascent on joint welfare is at ${pt(wx, wy)}, total ${fmt(wx + wy)} against the joint optimum’s ${fmt(total)}${nash.kind === 'point' ? ` and Nash’s ${fmt(nash.point[0] + nash.point[1])}` : ''}: each player ignores the harm its output does to the other’s price, so individual play overproduces.`;
    } else if (opt.kind === 'line') {
      welfare = ` Ascent on joint welfare is at ${pt(wx, wy)}, ${fmt(distanceToRestSet(opt, wx, wy))} from the line of joint optima.`;
    } else if (opt.kind === 'point') {
      const same =
        nash.kind === 'point' && Math.hypot(opt.point[0] - nash.point[0], opt.point[1] - nash.point[1]) < 1e-9;
      welfare = ` Ascent on joint welfare is at ${pt(wx, wy)}, heading for ${same ? 'the same point: in this potential game the players share one payoff, so individual and joint interests agree' : `the joint optimum ${pt(opt.point[0], opt.point[1])}`}.`;
    }
  }
  return `${head}${ratio}${growth}.${welfare}`;
}

function dataOf(run: GradientRun, t: number): SimData {
  const columns = ['step', 'x', 'y', 'distance from Nash'];
  if (run.welfare) columns.push('welfare x', 'welfare y');
  return {
    columns,
    rows: run.individual.x.slice(0, t + 1).map((x, i) => {
      const y = run.individual.y[i]!;
      const row = [i, x, y, distanceToRestSet(run.nash, x, y)];
      if (run.welfare) row.push(run.welfare.x[i]!, run.welfare.y[i]!);
      return row;
    }),
  };
}

// The phase plane, in viewBox units: a square plot with room for the axes.
const PLANE = { x0: 56, x1: 496, y0: 12, y1: 452, width: 516, height: 494 } as const;
// Arrows sit at the centres of a 10 × 10 grid of cells, so none pokes out of the plot.
const FIELD_RESOLUTION = 10;
const f1 = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '0');

type Curve = { readonly label: string; readonly path: Path; readonly upTo: number };

/** The phase plane: the field as arrows, the rest sets, the paths, the current points and the draggable start. */
function PhasePlane(props: {
  run: GradientRun;
  t: number;
  curves: readonly Curve[];
  clipId: string;
  summary: string;
  onPick?: ((x: number, y: number) => void) | undefined;
}) {
  const { run, t } = props;
  const { cx, cy, half } = run.view;
  const xs = linearScale([cx - half, cx + half], [PLANE.x0, PLANE.x1]);
  const ys = linearScale([cy - half, cy + half], [PLANE.y1, PLANE.y0]);
  const dragging = useRef(false);

  const inset = half / FIELD_RESOLUTION;
  const field = sampleVectorField(run.game, {
    xRange: [cx - half + inset, cx + half - inset],
    yRange: [cy - half + inset, cy + half - inset],
    resolution: FIELD_RESOLUTION,
  });
  const biggest = field.reduce((m, s) => Math.max(m, Math.hypot(s.dx, s.dy)), 0);
  const cell = (PLANE.x1 - PLANE.x0) / FIELD_RESOLUTION;

  const pick = (e: JSX.TargetedPointerEvent<SVGSVGElement>) => {
    const svg = e.currentTarget;
    const rect = svg.getBoundingClientRect();
    if (!(rect.width > 0 && rect.height > 0)) return;
    const vx = ((e.clientX - rect.left) / rect.width) * PLANE.width;
    const vy = ((e.clientY - rect.top) / rect.height) * PLANE.height;
    const sx = (vx - PLANE.x0) / (PLANE.x1 - PLANE.x0);
    const sy = (PLANE.y1 - vy) / (PLANE.y1 - PLANE.y0);
    if (sx < -0.02 || sx > 1.02 || sy < -0.02 || sy > 1.02) return false;
    props.onPick?.(cx - half + sx * 2 * half, cy - half + sy * 2 * half);
    return true;
  };

  const path = line<number>()
    .x((v) => xs(v))
    .digits(1);
  const draw = (p: Path, upTo: number) => path.y((_, i) => ys(p.y[i]!))(p.x.slice(0, upTo + 1) as number[]) ?? '';

  const restMarks = [];
  const { nash, optimum } = run;
  const halo = {
    fill: 'var(--sim-fg)',
    fontSize: '12.5px',
    fontWeight: '600',
    stroke: 'var(--sim-panel)',
    strokeWidth: '4px',
    paintOrder: 'stroke',
    strokeLinejoin: 'round',
  };
  if (optimum.kind === 'line') {
    // Two far points of the line a·x + b·y = c, clipped to the plot.
    const [a, b] = optimum.normal;
    const c = optimum.offset;
    const px = a * c;
    const py = b * c;
    const far = 10 * half;
    restMarks.push(
      <g key="optimum-line">
        <line
          x1={f1(xs(px - b * far))}
          y1={f1(ys(py + a * far))}
          x2={f1(xs(px + b * far))}
          y2={f1(ys(py - a * far))}
          stroke="var(--sim-series-2)"
          stroke-width={1.5}
          stroke-dasharray="6 4"
          clip-path={`url(#${props.clipId})`}
        />
        <text x={PLANE.x0 + 6} y={f1(ys(c / b - (cx - half) * (a / b)) - 8)} style={halo}>
          {Math.abs(a - b) < 1e-9 ? `joint optimum x + y = ${fmt(c / a)}` : 'joint optimum'}
        </text>
      </g>,
    );
  }
  const sameRest =
    nash.kind === 'point' &&
    optimum.kind === 'point' &&
    Math.hypot(nash.point[0] - optimum.point[0], nash.point[1] - optimum.point[1]) < 1e-9;
  if (optimum.kind === 'point' && !sameRest) {
    restMarks.push(
      <g key="optimum-point">
        <rect
          x={f1(xs(optimum.point[0]) - 5)}
          y={f1(ys(optimum.point[1]) - 5)}
          width={10}
          height={10}
          fill="none"
          stroke="var(--sim-series-2)"
          stroke-width={2}
        />
        <text x={f1(xs(optimum.point[0]) + 9)} y={f1(ys(optimum.point[1]) + 16)} style={halo}>
          joint optimum
        </text>
      </g>,
    );
  }
  if (nash.kind === 'point') {
    restMarks.push(
      <g key="nash">
        <circle
          cx={f1(xs(nash.point[0]))}
          cy={f1(ys(nash.point[1]))}
          r={6}
          fill="var(--sim-panel)"
          stroke="var(--sim-fg)"
          stroke-width={2}
        />
        <text x={f1(xs(nash.point[0]) + 9)} y={f1(ys(nash.point[1]) - 8)} style={halo}>
          {sameRest ? 'Nash = joint optimum' : 'Nash'}
        </text>
      </g>,
    );
  }

  return (
    <div class="sim-chart">
      <ChartTitle title="Direction of play and the players’ paths" />
      <svg
        class="sim-chart-svg"
        viewBox={`0 0 ${PLANE.width} ${PLANE.height}`}
        role="img"
        aria-label={props.summary}
        preserveAspectRatio="xMidYMid meet"
        style={{
          maxWidth: '26rem',
          touchAction: props.onPick ? 'none' : 'auto',
          cursor: props.onPick ? 'crosshair' : 'default',
        }}
        onPointerDown={(e) => {
          if (!props.onPick || !pick(e)) return;
          dragging.current = true;
          e.currentTarget.setPointerCapture?.(e.pointerId);
        }}
        onPointerMove={(e) => {
          if (dragging.current) pick(e);
        }}
        onPointerUp={() => {
          dragging.current = false;
        }}
        onPointerCancel={() => {
          dragging.current = false;
        }}
      >
        <defs>
          <clipPath id={props.clipId}>
            <rect x={PLANE.x0} y={PLANE.y0} width={PLANE.x1 - PLANE.x0} height={PLANE.y1 - PLANE.y0} />
          </clipPath>
        </defs>
        <AxisLeft scale={ys} x={PLANE.x0} x1={PLANE.x1} y0={PLANE.y0} y1={PLANE.y1} label="Player 2’s choice y" />
        <AxisBottom scale={xs} y={PLANE.y1} x0={PLANE.x0} x1={PLANE.x1} label="Player 1’s choice x" ticks={5} />
        <g class="sim-field-arrows" aria-hidden="true">
          {field.map((s, i) => {
            const speed = Math.hypot(s.dx, s.dy);
            if (!(speed > 0) || !(biggest > 0)) return null;
            // Square-root scaling keeps slow regions visible; the longest arrow spans 80% of a cell.
            const len = 0.8 * cell * Math.sqrt(speed / biggest);
            const ux = s.dx / speed;
            const uy = -s.dy / speed;
            const x0 = xs(s.x) - (ux * len) / 2;
            const y0 = ys(s.y) - (uy * len) / 2;
            const x1 = x0 + ux * len;
            const y1 = y0 + uy * len;
            const head = Math.min(5, len * 0.45);
            return (
              <g key={i}>
                <line x1={f1(x0)} y1={f1(y0)} x2={f1(x1)} y2={f1(y1)} stroke="var(--sim-axis)" stroke-width={1.2} />
                <polygon
                  points={`${f1(x1)},${f1(y1)} ${f1(x1 - ux * head - uy * head * 0.55)},${f1(y1 - uy * head + ux * head * 0.55)} ${f1(x1 - ux * head + uy * head * 0.55)},${f1(y1 - uy * head - ux * head * 0.55)}`}
                  fill="var(--sim-axis)"
                />
              </g>
            );
          })}
        </g>
        {restMarks}
        <g clip-path={`url(#${props.clipId})`}>
          {props.curves.map((c, k) => (
            <path
              key={c.label}
              class="sim-line"
              d={draw(c.path, c.upTo)}
              stroke={seriesColor(k)}
              stroke-dasharray={seriesDash(k)}
              // The reference flow is drawn thinner (the kit's class sets the width, so this overrides it).
              style={k === props.curves.length - 1 && run.flow ? { strokeWidth: '1.5' } : undefined}
            />
          ))}
          {props.curves.map((c, k) =>
            c.upTo === t ? (
              <circle
                key={`${c.label}-now`}
                cx={f1(xs(c.path.x[c.upTo]!))}
                cy={f1(ys(c.path.y[c.upTo]!))}
                r={5}
                fill={seriesColor(k)}
                stroke="var(--sim-panel)"
                stroke-width={1.5}
              />
            ) : null,
          )}
        </g>
        <circle
          class="sim-start"
          cx={f1(xs(run.start[0]))}
          cy={f1(ys(run.start[1]))}
          r={7}
          fill="var(--sim-panel)"
          stroke="var(--sim-fg)"
          stroke-width={2.5}
        />
        <text x={f1(xs(run.start[0]) + 10)} y={f1(ys(run.start[1]) + 16)} style={halo}>
          start
        </text>
      </svg>
      <Legend labels={props.curves.map((c) => c.label)} />
    </div>
  );
}

const PARAM_NAMES = (Object.keys(gradientPlayParams) as (keyof Values & string)[]).filter(
  (n) => n !== 'startX' && n !== 'startY',
);

/** Renders the game's field and the players' paths, their distance from equilibrium over the steps, and the controls. */
export function GradientPlay(props: GradientPlayProps) {
  const embedKey = props.embedKey ?? props.id ?? gradientPlayInfo.name;
  const [initial] = useState(() => mergeProps(gradientPlayParams, props));
  const url = useUrlState(embedKey, gradientPlayParams, initial);
  const values = url.values;
  const key = serializeParams(values, gradientPlayParams);

  // A new setting (a slider, a select, a drag of the start) recomputes the whole path in render.
  const runRef = useRef<GradientRun | null>(null);
  if (!runRef.current || runRef.current.key !== key) runRef.current = gradientRun(values, key);
  const run = runRef.current;
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(20);
  const reducedMotion = usePrefersReducedMotion();

  const total = run.individual.x.length - 1;
  const step = useCallback((n: number) => {
    const r = runRef.current;
    if (!r) return;
    const end = r.individual.x.length - 1;
    r.t = Math.min(end, r.t + n);
    if (r.t >= end) setRunning(false);
    redraw(0);
  }, []);
  const reset = () => {
    run.t = 0;
    redraw(0);
  };
  const togglePlay = () => {
    // Play at the last step starts again from the start point.
    if (!running && run.t >= total) reset();
    setRunning((r) => !r);
  };
  useAnimationLoop(step, { running, speed, reducedMotion });

  useAutoplay(props.autoplay, reducedMotion, () => {
    if (runRef.current) runRef.current.t = 0;
    setRunning(true);
  }, () => setRunning(false));

  const { t, view } = run;
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const startSpec = gradientPlayParams.startX;
  const toStart = (x: number, y: number) => {
    const sx = snapToStep((x - view.cx) / view.half, startSpec.min, startSpec.max, startSpec.step);
    const sy = snapToStep((y - view.cy) / view.half, startSpec.min, startSpec.max, startSpec.step);
    if (sx !== values.startX || sy !== values.startY) url.setAll({ ...values, startX: sx, startY: sy });
  };

  const curves: Curve[] = [{ label: 'Individual gradient play', path: run.individual, upTo: t }];
  if (run.welfare) {
    const label =
      run.optimum.kind === 'plane' ? 'Ascent on joint welfare (stays at the start)' : 'Ascent on joint welfare';
    curves.push({ label, path: run.welfare, upTo: t });
  }
  if (run.flow) curves.push({ label: 'Exact flow (reference)', path: run.flow, upTo: total });

  // Distances from each rest set, cut where they leave the chart so a runaway spiral does not flatten the rest.
  const dInd = run.individual.x.map((x, i) => distanceToRestSet(run.nash, x, run.individual.y[i]!));
  const d0 = dInd[0]!;
  const dWel =
    run.welfare && (run.optimum.kind === 'point' || run.optimum.kind === 'line')
      ? run.welfare.x.map((x, i) => distanceToRestSet(run.optimum, x, run.welfare!.y[i]!))
      : null;
  const theory = dInd.map((_, i) => d0 * run.rho ** i);
  const finite = [...dInd, ...(dWel ?? []), ...theory].filter(Number.isFinite);
  const cap = Math.max(1e-9, Math.min(Math.max(...finite), 4 * Math.max(d0, dWel?.[0] ?? 0, 1e-9)));
  const cut = (vs: readonly number[]) => vs.slice(0, t + 1).map((v) => (v <= cap * 1.05 ? v : Number.NaN));
  const distSeries = [{ label: 'Individual play, from Nash', values: cut(dInd) }];
  if (dWel) distSeries.push({ label: 'Welfare ascent, from the joint optimum', values: cut(dWel) });
  distSeries.push({ label: `ρᵗ × start distance (ρ = ${fmt(run.rho, 4)})`, values: cut(theory) });
  const steps = Array.from({ length: t + 1 }, (_, i) => i);
  const now = { x: run.individual.x[t]!, y: run.individual.y[t]! };

  const controls = (
    <>
      <ControlGroup legend="Run">
        <PlayPauseButton running={running} onToggle={togglePlay} disabled={disabled} />
        <StepButton onStep={() => step(1)} disabled={disabled || t >= total} />
        <ResetButton onReset={reset} disabled={disabled} />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} disabled={disabled} />
      </ControlGroup>
      <ControlGroup legend="Game and method">
        {PARAM_NAMES.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={gradientPlayParams[name]}
            value={values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
      <ControlGroup legend="Start (or drag on the plane)">
        {(['startX', 'startY'] as const).map((name) => {
          const spec = gradientPlayParams[name];
          const centre = name === 'startX' ? view.cx : view.cy;
          return (
            <Slider
              key={name}
              id={`${base}-${name}`}
              label={spec.label}
              value={values[name]}
              min={spec.min}
              max={spec.max}
              step={spec.step}
              // The URL keeps the view-relative value; the reader sees the game's own units.
              format={(s) => fmt(centre + s * view.half)}
              onChange={(v) => url.set(name, v)}
              disabled={disabled}
            />
          );
        })}
      </ControlGroup>
    </>
  );

  return (
    <SimFrame
      embedKey={embedKey}
      title={gradientPlayInfo.title}
      caption={gradientPlayCaption(values, run, t)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(run, t)}
      link={url.link}
      about={gradientPlayInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <PhasePlane
        run={run}
        t={t}
        curves={curves}
        clipId={`${base}-clip`}
        onPick={disabled ? undefined : toStart}
        summary={`Arrows show each player's own gradient across the plane; from the start ${pt(run.start[0], run.start[1])} individual play has reached ${pt(now.x, now.y)} after ${t} steps${run.welfare ? `, and welfare ascent ${pt(run.welfare.x[t]!, run.welfare.y[t]!)}` : ''}.`}
      />
      <LineChart
        title="Distance from where play should rest"
        x={steps}
        series={distSeries}
        xDomain={[0, total]}
        yDomain={[0, cap]}
        xLabel={values.method === 'exact' ? `Step (time ${fmt(values.stepSize)} each)` : 'Step'}
        yLabel="Distance"
        summary={`Distance from the Nash equilibrium over ${t} steps, from ${fmt(d0)} to ${fmt(dInd[t]!)}; ρ = ${fmt(run.rho, 4)} per step.`}
      />
    </SimFrame>
  );
}

export default GradientPlay;
