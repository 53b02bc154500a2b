/**
 * The spatial-election simulation: a Gaussian cloud of voters and 2 to 5 candidates in the unit
 * square (src/models/voting/spatial.ts), the winner under nine rules, and a Yee diagram
 * (src/models/voting/yee.ts) of the chosen rule.
 *
 * The render computes the election and a 24 × 24 preview of the Yee diagram (the static figure);
 * after hydration the full diagram (50, 100 or 200 cells a side) is computed in a Web Worker with
 * progress and cancel, and replaces the preview when it matches the current settings. While a
 * candidate is dragged the preview is frozen, so the pointer never waits for it.
 *
 * The kit's Heatmap draws a continuous colour ramp; a Yee diagram needs one colour per candidate,
 * so this file has its own categorical version (SVG runs for the preview, a canvas above 32 cells).
 */
import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { tallyApproval } from '../../src/models/voting/approval.ts';
import type { Ballot } from '../../src/models/voting/ballots.ts';
import { compareRules, type RankedRule } from '../../src/models/voting/election.ts';
import { condorcetWinner } from '../../src/models/voting/pairwise.ts';
import {
  gaussianElectorate,
  spatialApprovalBallots,
  spatialBallots,
  type SpatialCandidate,
  type SpatialPoint,
} from '../../src/models/voting/spatial.ts';
import { nearestCandidate, squeezedCandidates, yeeRegionShares } from '../../src/models/voting/yee-regions.ts';
import { yeeCellCenter, yeeDiagram, type YeeDiagram, type YeeRule } from '../../src/models/voting/yee.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { AxisBottom, AxisLeft, ChartTitle, seriesColor } from '../kit/charts/axes.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';
import { ControlGroup, ParamControl } from '../kit/controls.tsx';
import { formatNumber as fmt, snapToStep } from '../kit/format.ts';
import { mergeProps, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { useWorkerRun } from '../kit/worker.ts';
import {
  YEE_PREVIEW_RESOLUTION,
  YEE_PREVIEW_VOTERS,
  spatialElectionInfo,
  spatialElectionParams,
} from './spatial-election.params.ts';
import type { YeeJob, YeeJobResult } from './spatial-election.yee.ts';
import {
  RANKED_RULE_ORDER,
  RULE_LABELS,
  RULE_NAMES_IN_TEXT,
  isCondorcetRule,
  listNames,
  tallyText,
  winnersText,
} from './voting-text.ts';

type Values = ParamValues<typeof spatialElectionParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type SpatialElectionProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "spatial-election". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
};

const NAMES = ['A', 'B', 'C', 'D', 'E'] as const;
type Name = (typeof NAMES)[number];
type CoordKey = `${'a' | 'b' | 'c' | 'd' | 'e'}${'x' | 'y'}`;
const coordKey = (i: number, axis: 'x' | 'y') => `${NAMES[i]!.toLowerCase()}${axis}` as CoordKey;

/** Returns the standing candidates with their positions. */
export function candidatesOf(values: Values): SpatialCandidate[] {
  return NAMES.slice(0, values.candidates).map((name, i) => ({
    name,
    x: values[coordKey(i, 'x')],
    y: values[coordKey(i, 'y')],
  }));
}

/** The election under every rule. */
export type SpatialResult = {
  readonly voters: readonly SpatialPoint[];
  /** Index of each voter's nearest candidate. */
  readonly favourite: readonly number[];
  readonly ballots: readonly Ballot[];
  readonly winners: Readonly<Record<YeeRule, string[]>>;
  readonly approvals: readonly number[];
  readonly condorcetWinner: string | null;
};

/** Returns the voters, their ballots and the winners under every rule for the values. */
export function spatialResult(values: Values): SpatialResult {
  const candidates = candidatesOf(values);
  const voters = gaussianElectorate({
    voters: values.voters,
    center: { x: values.centerX, y: values.centerY },
    spread: values.spread,
    seed: values.seed,
  });
  const ballots = spatialBallots(voters, candidates);
  const ranked = compareRules(ballots, RANKED_RULE_ORDER);
  const names = candidates.map((c) => c.name);
  const approval = tallyApproval(spatialApprovalBallots(voters, candidates, values.radius), names);
  const favourite = voters.map((v) => {
    let best = 0;
    candidates.forEach((c, i) => {
      const b = candidates[best]!;
      if ((c.x - v.x) ** 2 + (c.y - v.y) ** 2 < (b.x - v.x) ** 2 + (b.y - v.y) ** 2) best = i;
    });
    return best;
  });
  return {
    voters,
    favourite,
    ballots,
    winners: { ...(ranked as Record<RankedRule, string[]>), approval: approval.winners },
    approvals: approval.approvals,
    condorcetWinner: condorcetWinner(ballots),
  };
}

/** The options of the Yee diagram the values ask for, at `resolution` cells a side with `voters` per cell. */
export function yeeJobOf(values: Values, resolution: number, voters: number): YeeJob {
  const candidates = candidatesOf(values).map(({ x, y }) => ({ x, y }));
  const job = {
    candidates,
    rule: values.rule,
    resolution,
    voters,
    spread: values.spread,
    seed: values.seed,
    approvalRadius: values.radius,
  };
  return { ...job, key: JSON.stringify(job) };
}

/** Returns the render-time preview of the Yee diagram (24 × 24, at most 201 voters per cell). */
export function yeePreview(values: Values): YeeJobResult {
  const job = yeeJobOf(values, YEE_PREVIEW_RESOLUTION, Math.min(values.voters, YEE_PREVIEW_VOTERS));
  const d = yeeDiagram(job);
  return { key: job.key, resolution: d.resolution, winners: d.winners };
}

function asDiagram(r: YeeJobResult): YeeDiagram {
  return { resolution: r.resolution, rowStart: 0, rowEnd: r.resolution, winners: r.winners };
}

/** Returns the share (0 to 1) of cells whose winner is the candidate nearest the cell centre (ties skipped). */
export function voronoiAgreement(result: YeeJobResult, candidates: readonly SpatialPoint[]): number {
  let same = 0;
  let counted = 0;
  for (let row = 0; row < result.resolution; row++) {
    for (let col = 0; col < result.resolution; col++) {
      const near = nearestCandidate(yeeCellCenter(row, col, result.resolution), candidates);
      if (near < 0) continue;
      counted++;
      if (result.winners[row * result.resolution + col] === near) same++;
    }
  }
  return counted === 0 ? 1 : same / counted;
}

const pct = (v: number) => `${Math.round(100 * v)}%`;
const xy = (p: SpatialPoint) => `(${p.x.toFixed(2)}, ${p.y.toFixed(2)})`;

/** Returns the caption: the electorate, who wins under which rules, and what the Yee diagram shows against Yee (2006). */
export function spatialCaption(values: Values, result: SpatialResult, yee: YeeJobResult): string {
  const candidates = candidatesOf(values);
  const head = `${values.voters} voters around ${xy({ x: values.centerX, y: values.centerY })} with spread ${fmt(values.spread)}; candidates ${candidates.map((c) => `${c.name} ${xy(c)}`).join(', ')}.`;
  // Group the rules by their winners, in table order.
  const groups = new Map<string, string[]>();
  for (const o of [...RANKED_RULE_ORDER, 'approval'] as const) {
    const w = winnersText(result.winners[o]);
    groups.set(w, [...(groups.get(w) ?? []), RULE_NAMES_IN_TEXT[o]]);
  }
  const cw = result.condorcetWinner;
  const elect = [...groups.entries()]
    .map(
      ([w, rules]) =>
        `${listNames(rules)} elect${rules.length === 1 ? 's' : ''} ${w}${w === cw ? ' (the Condorcet winner)' : ''}`,
    )
    .join('; ');
  const diagram = asDiagram(yee);
  const { shares, ties } = yeeRegionShares(diagram, candidates.length);
  const size = `${yee.resolution} × ${yee.resolution}`;
  const rule = values.rule;
  const shareText = candidates.map((c, i) => `${c.name} ${pct(shares[i]!)}`).join(', ');
  let yeeText = `Yee diagram for ${RULE_NAMES_IN_TEXT[rule]} (${size}): ${shareText} of the plane${ties > 0.005 ? `, ties ${pct(ties)}` : ''}.`;
  const agreement = voronoiAgreement(yee, candidates);
  if (candidates.length === 2) {
    yeeText += ` With two candidates it splits the plane at the perpendicular bisector of A and B (${pct(agreement)} of cells on the nearer candidate’s side), as every rule must.`;
  } else if (isCondorcetRule(rule)) {
    yeeText += ` ${pct(agreement)} of cells go to the nearest candidate: as Yee (2006) found, a Condorcet method gives each candidate the convex region of points nearer to it than to any rival.`;
  } else {
    const squeezed = squeezedCandidates(diagram, candidates).map((i) => candidates[i]!.name);
    yeeText +=
      squeezed.length > 0
        ? ` ${listNames(squeezed)} ${squeezed.length === 1 ? 'loses' : 'lose'} even where the voters centre on ${squeezed.length === 1 ? 'it' : 'them'}: the centre squeeze Yee (2006) found under plurality and instant runoff.`
        : ` Every candidate wins where the voters centre on it; put one between two others to see the centre squeeze Yee (2006) found under plurality and instant runoff.`;
  }
  return `${head} ${elect.charAt(0).toUpperCase()}${elect.slice(1)}. ${yeeText}`;
}

function dataOf(values: Values, result: SpatialResult): SimData {
  const rows = [...RANKED_RULE_ORDER, 'approval' as const].map((rule) => [
    RULE_LABELS[rule],
    result.winners[rule].join(' '),
    rule === 'approval' ? approvalText(values, result) : tallyText(rule, result.ballots),
  ]);
  return { columns: ['rule', 'winners', 'tally'], rows };
}

function approvalText(values: Values, result: SpatialResult): string {
  const names = candidatesOf(values).map((c) => c.name);
  return `Approvals within ${fmt(values.radius)}: ${names.map((n, i) => `${n} ${result.approvals[i]}`).join(', ')}.`;
}

// A square plot: the unit square of issue space, the same for both charts.
const SIZE = { width: 400, height: 392 } as const;
const BOX = { x0: 48, x1: 388, y0: 10, y1: 350 } as const;
const XS = linearScale([0, 1], [BOX.x0, BOX.x1]);
const YS = linearScale([0, 1], [BOX.y1, BOX.y0]);
const r1 = (v: number) => Math.round(v * 10) / 10;

function Axes() {
  return (
    <>
      <AxisLeft scale={YS} x={BOX.x0} x1={BOX.x0} y0={BOX.y0} y1={BOX.y1} label="Issue 2" />
      <AxisBottom scale={XS} y={BOX.y1} x0={BOX.x0} x1={BOX.x1} label="Issue 1" />
      <rect
        x={BOX.x0}
        y={BOX.y0}
        width={BOX.x1 - BOX.x0}
        height={BOX.y1 - BOX.y0}
        fill="none"
        stroke="var(--sim-axis)"
      />
    </>
  );
}

/** The voter centre: a cross in a ring, drawn on both charts. */
function CentreMark(props: { x: number; y: number }) {
  const cx = r1(XS(props.x));
  const cy = r1(YS(props.y));
  return (
    <g stroke="var(--sim-fg)" stroke-width="1.5" fill="none" aria-hidden="true">
      <circle cx={cx} cy={cy} r="6" />
      <line x1={cx - 10} x2={cx + 10} y1={cy} y2={cy} />
      <line x1={cx} x2={cx} y1={cy - 10} y2={cy + 10} />
    </g>
  );
}

function CandidateMark(props: { c: SpatialCandidate; i: number; focused?: boolean }) {
  const cx = r1(XS(props.c.x));
  const cy = r1(YS(props.c.y));
  return (
    <>
      {props.focused ? <circle cx={cx} cy={cy} r="16" fill="none" stroke="var(--sim-focus)" stroke-width="3" /> : null}
      <circle cx={cx} cy={cy} r="11" fill={seriesColor(props.i)} stroke="var(--sim-panel)" stroke-width="2" />
      <text x={cx} y={cy} dy="0.35em" text-anchor="middle" class="sim-candidate-label" style={LABEL_STYLE}>
        {props.c.name}
      </text>
    </>
  );
}

const LABEL_STYLE = { fill: 'var(--sim-panel)', fontWeight: 700, fontSize: '12px', pointerEvents: 'none' } as const;

/** Arrow keys move a candidate by one step (0.01), with Shift by five. */
const KEY_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

function IssueSpace(props: {
  id: string;
  values: Values;
  result: SpatialResult;
  disabled: boolean;
  onMove: (i: number, x: number, y: number) => void;
  onDrag: (dragging: boolean) => void;
}) {
  const { values, result } = props;
  const candidates = candidatesOf(values);
  const svg = useRef<SVGSVGElement>(null);
  const [focused, setFocused] = useState(-1);
  const [dragging, setDragging] = useState(-1);
  const hint = `${props.id}-hint`;
  const snap = (v: number) => snapToStep(v, 0, 1, 0.01);

  const fromPointer = (e: PointerEvent): [number, number] | null => {
    const rect = svg.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return null;
    const vx = ((e.clientX - rect.left) / rect.width) * SIZE.width;
    const vy = ((e.clientY - rect.top) / rect.height) * SIZE.height;
    return [snap((vx - BOX.x0) / (BOX.x1 - BOX.x0)), snap((BOX.y1 - vy) / (BOX.y1 - BOX.y0))];
  };
  const down = (i: number) => (e: JSX.TargetedPointerEvent<SVGGElement>) => {
    if (props.disabled) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    (e.currentTarget as SVGGElement).focus?.();
    setDragging(i);
    props.onDrag(true);
  };
  const move = (i: number) => (e: JSX.TargetedPointerEvent<SVGGElement>) => {
    if (dragging !== i) return;
    const p = fromPointer(e);
    if (p) props.onMove(i, p[0], p[1]);
  };
  const up = (e: JSX.TargetedPointerEvent<SVGGElement>) => {
    if (dragging < 0) return;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
    setDragging(-1);
    props.onDrag(false);
  };
  const key = (i: number) => (e: JSX.TargetedKeyboardEvent<SVGGElement>) => {
    const m = KEY_MOVES[e.key];
    if (!m || props.disabled) return;
    e.preventDefault();
    const stepSize = e.shiftKey ? 0.05 : 0.01;
    const c = candidates[i]!;
    props.onMove(i, snap(c.x + m[0] * stepSize), snap(c.y + m[1] * stepSize));
  };

  const inside = (p: SpatialPoint) => p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1;
  return (
    <div class="sim-chart">
      <ChartTitle title="Voters and candidates" />
      <svg
        ref={svg}
        class="sim-chart-svg"
        viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
        role="group"
        aria-label={`Issue space: ${values.voters} voters around ${xy({ x: values.centerX, y: values.centerY })} and ${candidates.length} movable candidates`}
        style={{ touchAction: 'none' }}
      >
        <Axes />
        <g aria-hidden="true">
          {result.voters.map((v, k) =>
            inside(v) ? (
              <circle
                key={k}
                cx={r1(XS(v.x))}
                cy={r1(YS(v.y))}
                r="2.2"
                fill={seriesColor(result.favourite[k]!)}
                fill-opacity="0.5"
              />
            ) : null,
          )}
        </g>
        <CentreMark x={values.centerX} y={values.centerY} />
        {candidates.map((c, i) => (
          <g
            key={c.name}
            class="sim-candidate"
            // Lower case: on SVG elements Preact sets attributes verbatim, and only "tabindex" counts.
            tabindex={props.disabled ? -1 : 0}
            role="button"
            aria-roledescription="movable point"
            aria-label={`Candidate ${c.name}, x ${c.x.toFixed(2)}, y ${c.y.toFixed(2)}`}
            aria-describedby={hint}
            aria-disabled={props.disabled ? 'true' : undefined}
            style={{ cursor: props.disabled ? 'default' : dragging === i ? 'grabbing' : 'grab', outline: 'none' }}
            onPointerDown={down(i)}
            onPointerMove={move(i)}
            onPointerUp={up}
            onPointerCancel={up}
            onKeyDown={key(i)}
            onFocus={() => setFocused(i)}
            onBlur={() => setFocused(-1)}
          >
            <CandidateMark c={c} i={i} focused={focused === i} />
          </g>
        ))}
      </svg>
      <p id={hint} class="sim-chart-note" style={{ margin: '0.2rem 0 0', fontSize: '0.85rem' }}>
        Dots are voters, coloured by their favourite; ⊕ marks the centre of the cloud. Drag a candidate, or Tab to it
        and move it with the arrow keys (Shift for bigger steps).
      </p>
    </div>
  );
}

type Rgb = readonly [number, number, number];

function parseCss(css: string, ctx: CanvasRenderingContext2D): Rgb | null {
  if (!css.trim()) return null;
  ctx.fillStyle = '#000';
  ctx.fillStyle = css.trim();
  const out = String(ctx.fillStyle);
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(out);
  if (hex) return [parseInt(hex[1]!, 16), parseInt(hex[2]!, 16), parseInt(hex[3]!, 16)];
  const rgb = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)/i.exec(out);
  return rgb ? [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])] : null;
}

// Fallbacks (the light series colours of kit.css) for a canvas that cannot read the CSS variables.
const FALLBACK: readonly Rgb[] = [
  [11, 92, 173],
  [194, 65, 12],
  [4, 120, 87],
  [157, 23, 77],
  [109, 40, 217],
];
const TIE_RGB: Rgb = [128, 128, 128];
const PANEL_FALLBACK: Rgb = [255, 255, 255];
// Cells mix the candidate's colour into the panel, so the candidate markers stand out on top.
const CELL_MIX = 0.55;
const TIE_MIX = 0.3;
const CANVAS_ABOVE = 32;

/** Returns the fill of a cell won by candidate `w` (−1 for a tie), opaque so overlapping runs leave no seams. */
function cellFill(w: number): string {
  const colour = w >= 0 ? seriesColor(w) : 'var(--sim-axis)';
  return `color-mix(in srgb, ${colour} ${Math.round(100 * (w >= 0 ? CELL_MIX : TIE_MIX))}%, var(--sim-panel))`;
}

/** A Yee diagram: one colour per winning candidate (grey for ties), SVG runs for small grids, a canvas for dense ones. */
function YeeMap(props: {
  result: YeeJobResult;
  candidates: readonly SpatialCandidate[];
  centre: SpatialPoint;
  title: string;
  summary: string;
  stale: boolean;
}) {
  const { result } = props;
  const n = result.resolution;
  const useCanvas = n > CANVAS_ABOVE;
  const canvas = useRef<HTMLCanvasElement>(null);
  const cell = (BOX.x1 - BOX.x0) / n;

  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    el.width = n;
    el.height = n;
    const style = getComputedStyle(el);
    const panel = parseCss(style.getPropertyValue('--sim-panel'), ctx) ?? PANEL_FALLBACK;
    const mix = (c: Rgb, share: number): Rgb =>
      [0, 1, 2].map((k) => c[k]! * share + panel[k]! * (1 - share)) as unknown as Rgb;
    const colours = FALLBACK.map((f, k) =>
      mix(parseCss(style.getPropertyValue(`--sim-series-${k + 1}`), ctx) ?? f, CELL_MIX),
    );
    const tie = mix(parseCss(style.getPropertyValue('--sim-axis'), ctx) ?? TIE_RGB, TIE_MIX);
    const image = ctx.createImageData(n, n);
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const w = result.winners[row * n + col]!;
        const rgb = w >= 0 ? (colours[w] ?? tie) : tie;
        // Canvas rows run top-down; row 0 of the diagram lies along y = 0, at the bottom.
        const at = ((n - 1 - row) * n + col) * 4;
        image.data[at] = rgb[0];
        image.data[at + 1] = rgb[1];
        image.data[at + 2] = rgb[2];
        image.data[at + 3] = 255;
      }
    }
    ctx.putImageData(image, 0, 0);
  }, [result, n, useCanvas]);

  // Runs of equal winners along each row, so the preview's SVG stays small.
  const runs: JSX.Element[] = [];
  if (!useCanvas) {
    for (let row = 0; row < n; row++) {
      let start = 0;
      for (let col = 1; col <= n; col++) {
        const w = result.winners[row * n + start]!;
        if (col < n && result.winners[row * n + col] === w) continue;
        runs.push(
          <rect
            key={`${row}-${start}`}
            x={r1(BOX.x0 + start * cell)}
            y={r1(BOX.y1 - (row + 1) * cell)}
            width={r1((col - start) * cell + 0.4)}
            height={r1(cell + 0.4)}
            fill={cellFill(w)}
          />,
        );
        start = col;
      }
    }
  }
  const pctBox = (v: number, of: number) => `${((v / of) * 100).toFixed(3)}%`;
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <div class="sim-heat-stack" style={{ opacity: props.stale ? 0.6 : 1 }}>
        {useCanvas ? (
          <canvas
            ref={canvas}
            class="sim-heat-canvas"
            aria-hidden="true"
            style={{
              left: pctBox(BOX.x0, SIZE.width),
              top: pctBox(BOX.y0, SIZE.height),
              width: pctBox(BOX.x1 - BOX.x0, SIZE.width),
              height: pctBox(BOX.y1 - BOX.y0, SIZE.height),
            }}
          />
        ) : null}
        {/* Drawn after the canvas and positioned, so axes and markers sit on top of it. */}
        <svg
          class="sim-chart-svg"
          viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
          role="img"
          aria-label={props.summary}
          style={{ position: 'relative' }}
        >
          <g class="sim-yee-cells">{runs}</g>
          <Axes />
          <CentreMark x={props.centre.x} y={props.centre.y} />
          {props.candidates.map((c, i) => (
            <CandidateMark key={c.name} c={c} i={i} />
          ))}
        </svg>
      </div>
      <ul class="sim-legend">
        {props.candidates.map((c, i) => (
          <li key={c.name}>
            <svg width="14" height="14" aria-hidden="true">
              <rect width="14" height="14" fill={cellFill(i)} />
            </svg>
            {c.name} wins
          </li>
        ))}
        <li>
          <svg width="14" height="14" aria-hidden="true">
            <rect width="14" height="14" fill={cellFill(-1)} />
          </svg>
          tie
        </li>
      </ul>
    </div>
  );
}

function WinnersTable(props: { values: Values; result: SpatialResult }) {
  const { values, result } = props;
  const rules = [...RANKED_RULE_ORDER, 'approval' as const];
  return (
    <div class="sim-chart" style={{ gridColumn: '1 / -1' }}>
      <p class="sim-chart-title">Winners by rule</p>
      <div class="sim-table-wrap" tabIndex={0}>
        <table class="sim-table">
          <thead>
            <tr>
              {rules.map((r) => (
                <th key={r} scope="col">
                  {RULE_LABELS[r].replace(' (IRV)', '')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {rules.map((r) => (
                <td key={r} style={{ textAlign: 'center' }}>
                  {result.winners[r].map((w) => (
                    <span
                      key={w}
                      style={{
                        display: 'inline-block',
                        minWidth: '1.6em',
                        margin: '0 0.1em',
                        borderRadius: '3px',
                        fontWeight: 700,
                        background: seriesColor(NAMES.indexOf(w as Name)),
                        color: 'var(--sim-panel)',
                      }}
                    >
                      {w}
                    </span>
                  ))}
                  {result.winners[r].length > 1 ? ' tie' : ''}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      <p style={{ margin: '0.3rem 0 0', fontSize: '0.85rem' }}>
        {result.condorcetWinner
          ? `${result.condorcetWinner} is the Condorcet winner: it beats every other candidate head to head.`
          : 'No Condorcet winner: the head-to-head majorities cycle or tie.'}
      </p>
      <details class="sim-about">
        <summary>Vote tallies</summary>
        <ul>
          {rules.map((r) => (
            <li key={r}>
              <strong>{RULE_LABELS[r]}</strong>:{' '}
              {r === 'approval' ? approvalText(values, result) : tallyText(r, result.ballots)}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

const CONTROL_NAMES = ['candidates', 'centerX', 'centerY', 'spread', 'voters', 'radius', 'seed'] as const;

/** Renders the voters and candidates, the Yee diagram, the winners table and the controls. */
export function SpatialElection(props: SpatialElectionProps) {
  const embedKey = props.embedKey ?? props.id ?? spatialElectionInfo.name;
  const [initial] = useState(() => mergeProps(spatialElectionParams, props));
  const url = useUrlState(embedKey, spatialElectionParams, initial);
  const values = url.values;
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const [dragging, setDragging] = useState(false);

  const result = useMemo(() => spatialResult(values), [values]);
  const candidates = candidatesOf(values);

  // The preview follows the settings, except while a candidate is dragged (it is frozen then).
  const previewKey = yeeJobOf(values, YEE_PREVIEW_RESOLUTION, Math.min(values.voters, YEE_PREVIEW_VOTERS)).key;
  const previewRef = useRef<YeeJobResult | null>(null);
  if (!previewRef.current || (!dragging && previewRef.current.key !== previewKey))
    previewRef.current = yeePreview(values);
  const preview = previewRef.current;

  const resolution = Number(values.resolution);
  const job = yeeJobOf(values, resolution, values.voters);
  const worker = useWorkerRun<YeeJob, YeeJobResult>(
    () => new Worker(new URL('./spatial-election.worker.ts', import.meta.url), { type: 'module' }),
  );
  const { run } = worker;
  // Start the full diagram shortly after the settings stop changing (never during a drag).
  useEffect(() => {
    if (!url.hydrated || dragging) return undefined;
    const timer = setTimeout(() => run(job), 250);
    return () => clearTimeout(timer);
  }, [job.key, url.hydrated, dragging, run]);

  const full = worker.result && worker.result.key === job.key ? worker.result : null;
  const shown = full ?? preview;
  const stale = shown.key !== previewKey && !full;

  const move = (i: number, x: number, y: number) => {
    url.setAll({ ...values, [coordKey(i, 'x')]: x, [coordKey(i, 'y')]: y });
  };

  const ruleLabel = RULE_LABELS[values.rule];
  const shownSize = `${shown.resolution} × ${shown.resolution}`;
  const status = (() => {
    if (full) return `${shownSize} diagram, computed in a Web Worker.`;
    const size = `${resolution} × ${resolution}`;
    switch (worker.status) {
      case 'running':
        return `Computing the ${size} diagram: ${Math.round(worker.progress * 100)}%. Showing the ${shownSize} preview.`;
      case 'cancelled':
        return `Cancelled: showing the ${shownSize} preview.`;
      case 'error':
        return `The ${size} diagram could not be computed (${worker.error ?? 'unknown error'}): showing the ${shownSize} preview.`;
      default: {
        const note = values.voters > YEE_PREVIEW_VOTERS ? ` (${YEE_PREVIEW_VOTERS} voters per cell)` : '';
        const next = url.hydrated ? 'follows in a moment' : 'is computed once the page has loaded';
        return `Showing the ${shownSize} preview${note}; the ${size} diagram ${next}.`;
      }
    }
  })();
  const shares = yeeRegionShares(asDiagram(shown), candidates.length).shares;
  const summary = `Yee diagram for ${RULE_NAMES_IN_TEXT[values.rule]}, ${shownSize}: ${candidates.map((c, i) => `${c.name} wins ${pct(shares[i]!)}`).join(', ')} of the square.`;

  const controls = (
    <>
      <ControlGroup legend="Voters and candidates">
        {CONTROL_NAMES.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={spatialElectionParams[name]}
            value={values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
      <ControlGroup legend="Yee diagram">
        <ParamControl
          id={`${base}-rule`}
          spec={spatialElectionParams.rule}
          value={values.rule}
          onChange={(v) => url.set('rule', v as Values['rule'])}
          disabled={disabled}
        />
        <ParamControl
          id={`${base}-resolution`}
          spec={spatialElectionParams.resolution}
          value={values.resolution}
          onChange={(v) => url.set('resolution', v as Values['resolution'])}
          disabled={disabled}
        />
        <div class="sim-field" style={{ minWidth: '14rem' }}>
          <label for={`${base}-progress`}>Progress</label>
          <progress
            id={`${base}-progress`}
            max={1}
            value={full ? 1 : worker.status === 'running' ? worker.progress : 0}
          />
        </div>
        <button
          type="button"
          class="sim-button"
          onClick={worker.cancel}
          disabled={disabled || worker.status !== 'running'}
        >
          Cancel
        </button>
        <button
          type="button"
          class="sim-button"
          onClick={() => run(job)}
          disabled={disabled || worker.status === 'running' || full !== null}
        >
          Compute {resolution} × {resolution}
        </button>
        <p class="sim-action-status" role="status" style={{ flexBasis: '100%', margin: 0 }}>
          {status}
        </p>
      </ControlGroup>
    </>
  );

  return (
    <SimFrame
      embedKey={embedKey}
      title={spatialElectionInfo.title}
      caption={spatialCaption(values, result, shown)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(values, result)}
      link={url.link}
      about={spatialElectionInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <IssueSpace id={base} values={values} result={result} disabled={disabled} onMove={move} onDrag={setDragging} />
      <YeeMap
        result={shown}
        candidates={candidates}
        centre={{ x: values.centerX, y: values.centerY }}
        title={`Yee diagram: ${ruleLabel}`}
        summary={summary}
        stale={stale}
      />
      <WinnersTable values={values} result={result} />
    </SimFrame>
  );
}

export default SpatialElection;
