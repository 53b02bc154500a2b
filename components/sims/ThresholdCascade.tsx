/**
 * The threshold-cascade simulation: Granovetter's crowd, where each person acts once enough others
 * act (src/models/cascades/threshold.ts), and Kuran's crowd, where people say in public what
 * others say unless their private view is strong enough (preference-falsification.ts). The crowd
 * is drawn as dots sorted by threshold, filled once they act; the count grows round by round; and
 * the cascade diagram shows the map r_{t+1} = F(r_t) against the 45° line, with the cobweb of the
 * run and the fixed point where it stops.
 *
 * A change of parameters shows the finished cascade at once (as the server render does); Reset
 * goes back to round 0 so Play and Step show it spread.
 */
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { cascadeFixedPoints, cascadeMap } from '../../src/models/cascades/cascade-map.ts';
import { kuranPopulation } from '../../src/models/cascades/preference-falsification.ts';
import { publicOpinionRounds } from '../../src/models/cascades/public-opinion-rounds.ts';
import { normalThresholds, thresholdCascadeRounds, uniformThresholds } from '../../src/models/cascades/threshold.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import {
  AxisBottom,
  AxisLeft,
  ChartSvg,
  ChartTitle,
  plotBox,
  r1,
  seriesColor,
  type ChartSize,
} from '../kit/charts/axes.tsx';
import { LineChart } from '../kit/charts/LineChart.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';
import { ControlGroup, ParamControl, PlayPauseButton, ResetButton, SpeedSelect, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, useAutoplay, usePrefersReducedMotion } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import {
  KURAN_PERIODS,
  KURAN_PREFERENCE_SD,
  thresholdCascadeInfo,
  thresholdCascadeParams,
} from './threshold-cascade.params.ts';

type Values = ParamValues<typeof thresholdCascadeParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type ThresholdCascadeProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "threshold-cascade". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing from round 0 after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

/** A whole cascade, round by round, in the form the figure draws it. */
export type Cascade = {
  readonly mode: 'granovetter' | 'kuran';
  /** People in the crowd, and instigators added to it. */
  readonly people: number;
  readonly spark: number;
  /** Largest number that can act: the axis length of the diagram. */
  readonly top: number;
  /** Rounds (or periods) 0 … rounds − 1. */
  readonly rounds: number;
  /** The crowd in display order in round t: sorted by threshold (Kuran's thresholds move with the drift). */
  readonly order: (t: number) => readonly number[];
  /** Whether the map F is the same in every round (false when Kuran's private preferences drift). */
  readonly fixedMap: boolean;
  /** Number acting (Kuran: saying "yes" in public) after each round. */
  readonly counts: readonly number[];
  /** Kuran only: number privately preferring change in each period. */
  readonly privateCounts: readonly number[] | null;
  /** Whether crowd member i acts in round t. */
  readonly acting: (i: number, t: number) => boolean;
  /** Whether the instigators act in round t. */
  readonly sparkActing: (t: number) => boolean;
  /** Kuran only: whether crowd member i privately prefers change in period t. */
  readonly privatelyFor: ((i: number, t: number) => boolean) | null;
  /** Crowd member i's threshold as the whole number of others who must act first, in round t (Infinity: never). */
  readonly need: (i: number, t: number) => number;
  /** F(0 … top) in round t: how many act next when r act now. */
  readonly map: (t: number) => readonly number[];
  /** The run as the cobweb walks it: r₀, r₁, … (Granovetter from nobody; Kuran from the spark). */
  readonly path: readonly number[];
};

/** Returns the crowd's thresholds for the Granovetter crowds (uniform or normal), before instigators are added. */
export function crowdThresholds(values: Values): number[] {
  if (values.crowd === 'normal') {
    return normalThresholds({ people: values.people, mean: values.mean, sd: values.sd, seed: values.seed });
  }
  const thresholds = uniformThresholds(values.people);
  // Granovetter's one-person change: the person with threshold 1 now waits for 2.
  if (values.changeOne) thresholds[1] = 2;
  return thresholds;
}

function granovetterCascade(values: Values): Cascade {
  const n = values.people;
  const spark = values.spark;
  const thresholds = [...crowdThresholds(values), ...new Array<number>(spark).fill(0)];
  const { counts, joinedAt } = thresholdCascadeRounds(thresholds);
  const top = n + spark;
  const f = cascadeMap(thresholds, top);
  const { path } = cascadeFixedPoints(thresholds);
  // Someone with threshold 12.3 acts once 13 others do: the whole number is the ceiling.
  const need = thresholds.slice(0, n).map((x) => Math.ceil(x));
  const order = need.map((_, i) => i).sort((a, b) => need[a]! - need[b]! || a - b);
  return {
    mode: 'granovetter',
    people: n,
    spark,
    top,
    rounds: counts.length,
    order: () => order,
    fixedMap: true,
    counts,
    privateCounts: null,
    acting: (i, t) => joinedAt[i]! >= 0 && joinedAt[i]! <= t,
    sparkActing: () => spark > 0,
    privatelyFor: null,
    need: (i) => need[i]!,
    map: () => f,
    path,
  };
}

function kuranCascade(values: Values): Cascade {
  const n = values.people;
  const spark = Math.min(values.spark, n);
  const people = kuranPopulation({
    size: n,
    seed: values.seed,
    meanPreference: values.preference,
    preferenceSd: KURAN_PREFERENCE_SD,
  });
  // Without drift the map is fixed and converges within n periods; with drift, follow a fixed window.
  const drifting = values.drift !== 0;
  const follow = (steps: number) =>
    publicOpinionRounds({ people, steps, initialShare: spark / n, drift: values.drift });
  const settled = (shares: readonly number[]) => shares.some((x, k) => k > 0 && x === shares[k - 1]);
  // Public opinion usually settles within a few periods; the monotone map needs at most n.
  let run = follow(drifting ? KURAN_PERIODS : 24);
  if (!drifting && !settled(run.publicShare)) run = follow(n + 1);
  let rounds = run.publicShare.length;
  if (!drifting) {
    // Stop at the last change of public opinion, as the Granovetter rounds do.
    rounds = 1;
    while (rounds < run.publicShare.length && run.publicShare[rounds] !== run.publicShare[rounds - 1]) rounds++;
  }
  const counts = run.publicShare.slice(0, rounds).map((s) => Math.round(s * n));
  const privateCounts = run.privateShare.slice(0, rounds).map((s) => Math.round(s * n));
  // Says "yes" once k/n > T, i.e. once k ≥ ⌊T·n⌋ + 1 of the n say it (everyone if T < 0).
  const needOf = (x: number) => (x < 0 ? 0 : Number.isFinite(x) ? Math.floor(x * n) + 1 : Infinity);
  const orders = new Map<number, number[]>();
  const orderAt = (t: number) => {
    let order = orders.get(t);
    if (!order) {
      const need = run.thresholds[t]!.map(needOf);
      order = need.map((_, i) => i).sort((a, b) => need[a]! - need[b]! || a - b);
      orders.set(t, order);
    }
    return order;
  };
  return {
    mode: 'kuran',
    people: n,
    spark,
    top: n,
    rounds,
    order: orderAt,
    fixedMap: !drifting,
    counts,
    privateCounts,
    acting: (i, t) => run.yes[t]![i]!,
    sparkActing: (t) => spark > 0 && t === 0,
    privatelyFor: (i, t) => run.privatelyFor[t]![i]!,
    need: (i, t) => needOf(run.thresholds[t]![i]!),
    map: (t) => run.response[t]!,
    path: counts,
  };
}

/** Returns the cascade the simulation's values describe (deterministic for the seed). */
export function buildCascade(values: Values): Cascade {
  return values.crowd === 'kuran' ? kuranCascade(values) : granovetterCascade(values);
}

/** Returns the fixed points F(r) = r of a map given as F(0), F(1), …: the counts that reproduce themselves. */
export function fixedPointsOf(f: readonly number[]): number[] {
  const out: number[] = [];
  for (let r = 0; r < f.length; r++) if (f[r] === r) out.push(r);
  return out;
}

const plural = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
const pct = (k: number, n: number) => `${Math.round((100 * k) / n)}%`;

/** Returns the caption: the round, how many act, where the cascade stops and what the published result says, in words. */
export function cascadeCaption(c: Cascade, values: Values, t: number): string {
  const last = c.rounds - 1;
  const now = c.counts[t] ?? 0;
  const final = c.counts[last] ?? 0;
  const joined = t === 0 ? now : now - (c.counts[t - 1] ?? 0);
  if (c.mode === 'kuran') {
    const priv = c.privateCounts?.[t] ?? 0;
    const head =
      `Period ${t} of ${last}: ${plural(now, 'person says', 'people say')} “yes” in public (${pct(now, c.people)}), ` +
      `while ${priv} privately prefer change (${pct(priv, c.people)}).`;
    if (values.drift === 0) {
      return `${head} Without drift public opinion settles at ${pct(final, c.people)} saying “yes”, the fixed point of the map, while ${pct(c.privateCounts?.[last] ?? 0, c.people)} privately prefer change: preference falsification keeps the two apart (Kuran 1995).`;
    }
    // The largest one-period move of public opinion over the whole run.
    let at = 1;
    for (let k = 2; k < c.rounds; k++)
      if (Math.abs(c.counts[k]! - c.counts[k - 1]!) > Math.abs(c.counts[at]! - c.counts[at - 1]!)) at = k;
    const from = c.counts[at - 1] ?? 0;
    const to = c.counts[at] ?? 0;
    return `${head} Private preferences drift by ${fmt(values.drift)} a period; public opinion moves most in period ${at}, from ${pct(from, c.people)} to ${pct(to, c.people)}, and ends at ${pct(final, c.people)} (Kuran 1991: public opinion can lag private opinion for long and then shift suddenly).`;
  }
  const spark = c.spark > 0 ? ` plus ${plural(c.spark, 'instigator', 'instigators')}` : '';
  const head =
    `Round ${t} of ${last}: ${now} of ${c.top} act` +
    (t > 0 && joined > 0 ? `, ${joined} joined this round.` : t > 0 ? ', nobody new joined.' : '.');
  const stop =
    t === last ? `The cascade stops at the fixed point r* = ${final}` : `It will stop at the fixed point r* = ${final}`;
  if (values.crowd === 'normal') {
    return `${head} Thresholds drawn from a normal distribution with mean ${fmt(values.mean)} and spread ${fmt(values.sd)}${spark}. ${stop}, where F(r) = r (Granovetter 1978: crowds with the same average threshold end in a handful or in everyone depending on the spread).`;
  }
  const crowd = `Thresholds 0, 1, …, ${c.people - 1}${values.changeOne ? ' with the threshold-1 person moved to 2' : ''}${spark}.`;
  const granovetter = values.changeOne
    ? 'Granovetter 1978: with 100 people, moving that one person turns a riot of 100 into a riot of 1'
    : 'Granovetter 1978: with 100 people all 100 riot, but move the threshold-1 person to 2 and only 1 does';
  return `${head} ${crowd} ${stop}, where F(r) = r (${granovetter}).`;
}

// --- The crowd: one dot per person, sorted by threshold ---------------------------------------

const CROWD_WIDTH = 600;

/** Props of `CrowdDots`. */
type CrowdProps = { readonly cascade: Cascade; readonly t: number };

function CrowdDots({ cascade: c, t }: CrowdProps) {
  const total = c.spark + c.people;
  const cols = Math.min(20, total);
  const cell = CROWD_WIDTH / cols;
  const rows = Math.ceil(total / cols);
  const size: ChartSize = { width: CROWD_WIDTH, height: rows * cell };
  const radius = cell * 0.42;
  const font = Math.min(13, cell * 0.42);
  const items: { key: string; spark: boolean; on: boolean; fresh: boolean; ring: boolean; label: string }[] = [];
  for (let k = 0; k < c.spark; k++) {
    const on = c.sparkActing(t);
    items.push({ key: `s${k}`, spark: true, on, fresh: on && t === 0, ring: false, label: '0' });
  }
  for (const i of c.order(t)) {
    const on = c.acting(i, t);
    const need = c.need(i, t);
    items.push({
      key: `p${i}`,
      spark: false,
      on,
      fresh: on && (t === 0 || !c.acting(i, t - 1)),
      ring: c.privatelyFor ? c.privatelyFor(i, t) : false,
      label: need === Infinity || need > c.top ? '×' : need > 999 ? '999+' : String(need),
    });
  }
  const actingNow = c.counts[t] ?? 0;
  return (
    <div class="sim-chart" style={{ gridColumn: '1 / -1' }}>
      <ChartTitle title={c.mode === 'kuran' ? `The crowd in period ${t}` : `The crowd after round ${t}`} />
      <ChartSvg
        size={size}
        summary={`${total} people sorted by threshold, each labelled with how many others must act first; ${actingNow} ${c.mode === 'kuran' ? 'say “yes” in public' : 'act'} (filled).`}
      >
        {items.map((d, k) => {
          const cx = r1((k % cols) * cell + cell / 2);
          const cy = r1(Math.floor(k / cols) * cell + cell / 2);
          const fill = d.fresh ? seriesColor(1) : d.on ? seriesColor(0) : 'var(--sim-panel)';
          const stroke = d.ring ? seriesColor(2) : d.on ? fill : 'var(--sim-axis)';
          const strokeWidth = d.ring ? 3 : 1.2;
          const textFill = d.on ? 'var(--sim-panel)' : 'var(--sim-fg-soft)';
          return (
            <g key={d.key}>
              {d.spark ? (
                <rect
                  x={r1(cx - radius)}
                  y={r1(cy - radius)}
                  width={r1(2 * radius)}
                  height={r1(2 * radius)}
                  rx={3}
                  fill={fill}
                  stroke={stroke}
                  stroke-width={strokeWidth}
                />
              ) : (
                <circle cx={cx} cy={cy} r={r1(radius)} fill={fill} stroke={stroke} stroke-width={strokeWidth} />
              )}
              <text
                x={cx}
                y={cy}
                dy="0.35em"
                text-anchor="middle"
                style={{ fill: textFill, fontSize: `${r1(font)}px` }}
              >
                {d.label}
              </text>
            </g>
          );
        })}
      </ChartSvg>
      <ul class="sim-legend" aria-hidden="true">
        <li>
          <svg width="14" height="14">
            <circle cx="7" cy="7" r="6" fill={seriesColor(0)} />
          </svg>
          {c.mode === 'kuran' ? 'says “yes” in public' : 'acting'}
        </li>
        <li>
          <svg width="14" height="14">
            <circle cx="7" cy="7" r="6" fill={seriesColor(1)} />
          </svg>
          {c.mode === 'kuran' ? 'started saying it this period' : 'joined this round'}
        </li>
        <li>
          <svg width="14" height="14">
            <circle cx="7" cy="7" r="5.5" fill="var(--sim-panel)" stroke="var(--sim-axis)" />
          </svg>
          {c.mode === 'kuran' ? 'silent' : 'not yet'}
        </li>
        {c.mode === 'kuran' ? (
          <li>
            <svg width="14" height="14">
              <circle cx="7" cy="7" r="5" fill="var(--sim-panel)" stroke={seriesColor(2)} stroke-width="3" />
            </svg>
            privately prefers change
          </li>
        ) : null}
        {c.spark > 0 ? (
          <li>
            <svg width="14" height="14">
              <rect x="1" y="1" width="12" height="12" rx="2" fill={seriesColor(0)} />
            </svg>
            instigator
          </li>
        ) : null}
        <li>number: others needed first{c.mode === 'kuran' ? ' (× never)' : ''}</li>
      </ul>
    </div>
  );
}

// --- The cascade diagram: r_{t+1} = F(r_t), the 45° line, the cobweb and the fixed point ----------

const DIAGRAM_SIZE: ChartSize = { width: 400, height: 330 };

/** Props of `CascadeDiagram`. */
type DiagramProps = {
  /** Unique on the page: the clip path's id. */
  readonly id: string;
  readonly title: string;
  /** The map F(0 … top). */
  readonly map: readonly number[];
  /** The part of [0, top] shown on both axes. */
  readonly domain: readonly [number, number];
  /** The run so far as the cobweb walks it (r₀, r₁, …), and where it goes from the current count under this map. */
  readonly history: readonly number[];
  readonly projection: readonly number[];
  readonly fixedPoints: readonly number[];
  readonly reached: number;
  /** Whether to show the legend (once per pair of diagrams). */
  readonly legend: boolean;
};

/** Returns the cobweb path of r₀, r₁, …: up to the map at the current r, across to the diagonal, and again. */
function cobwebPath(path: readonly number[], x: (v: number) => number, y: (v: number) => number): string {
  if (path.length === 0) return '';
  let d = `M${r1(x(path[0]!))},${r1(y(path[0]!))}`;
  for (let k = 1; k < path.length; k++) d += `V${r1(y(path[k]!))}H${r1(x(path[k]!))}`;
  return d;
}

/** Returns r, F(r), F(F(r)), … up to the first fixed point of `f`. */
export function iterateMap(f: readonly number[], from: number): number[] {
  const path = [from];
  let r = from;
  for (let k = 0; k < f.length && f[r] !== undefined && f[r] !== r; k++) {
    r = f[r]!;
    path.push(r);
  }
  return path;
}

function CascadeDiagram(props: DiagramProps) {
  const box = plotBox(DIAGRAM_SIZE);
  const [lo, hi] = props.domain;
  const f = props.map;
  const xs = linearScale([lo, hi], [box.x0, box.x1]);
  const ys = linearScale([lo, hi], [box.y1, box.y0]);
  // The map as a staircase: F(r) holds from r to r + 1 (only whole numbers of people act).
  const from = Math.max(0, Math.floor(lo) - 1);
  let stairs = `M${r1(xs(from))},${r1(ys(f[from] ?? 0))}`;
  for (let r = from + 1; r <= Math.min(f.length - 1, Math.ceil(hi) + 1); r++) {
    stairs += `H${r1(xs(r))}V${r1(ys(f[r]!))}`;
  }
  const inside = (v: number) => v >= lo && v <= hi;
  // A close-up needs a climbing cobweb only until it leaves the window upwards (Kuran's opinion
  // can also fall back from a large spark: such paths are drawn whole).
  const trim = (path: readonly number[]) => {
    if (path.some((v, k) => k > 0 && v < path[k - 1]!)) return path;
    const out: number[] = [];
    for (const v of path) {
      out.push(v);
      if (v > hi) break;
    }
    return out;
  };
  const fx = r1(xs(props.reached));
  const fy = r1(ys(props.reached));
  // Keep the label inside the plot: left of a point in the upper half, else right of it.
  const right = props.reached > (lo + hi) / 2;
  const clip = `${props.id}-clip`;
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <ChartSvg
        size={DIAGRAM_SIZE}
        summary={`How many act next against how many act now, F(r), for r from ${lo} to ${hi}, with the 45° line; the run climbs to the fixed point F(r) = r at r* = ${props.reached}${
          props.fixedPoints.length > 1
            ? `; other fixed points: ${props.fixedPoints
                .filter((p) => p !== props.reached)
                .slice(0, 5)
                .join(', ')}`
            : ''
        }.`}
      >
        <defs>
          <clipPath id={clip}>
            <rect x={box.x0 - 7} y={box.y0 - 7} width={box.x1 - box.x0 + 14} height={box.y1 - box.y0 + 14} />
          </clipPath>
        </defs>
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label="Acting next, rₜ₊₁" />
        <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label="Acting now, rₜ" />
        <g clip-path={`url(#${clip})`}>
          <line class="sim-reference" x1={box.x0} y1={box.y1} x2={box.x1} y2={box.y0} />
          {/* The cobweb goes under the staircase: where F(r) = r + 1 they share every segment. */}
          <path
            class="sim-line"
            d={cobwebPath(trim(props.history), xs, ys)}
            stroke={seriesColor(1)}
            stroke-opacity={0.45}
            // kit.css sets the width of .sim-line; an inline style wins over it.
            style={{ strokeWidth: '7px' }}
          />
          <path
            class="sim-line"
            d={cobwebPath(trim(props.projection), xs, ys)}
            stroke={seriesColor(1)}
            stroke-dasharray="2 4"
            style={{ strokeWidth: '2px' }}
          />
          <path class="sim-line" d={stairs} stroke={seriesColor(0)} style={{ strokeWidth: '2px' }} />
          {props.fixedPoints
            .filter((p) => p !== props.reached && inside(p))
            .map((p) => (
              <circle
                key={p}
                cx={r1(xs(p))}
                cy={r1(ys(p))}
                r={4.5}
                fill="var(--sim-panel)"
                stroke="var(--sim-fg)"
                stroke-width={1.5}
              />
            ))}
          {inside(props.reached) ? (
            <circle cx={fx} cy={fy} r={6} fill={seriesColor(1)} stroke="var(--sim-fg)" stroke-width={1.5} />
          ) : null}
        </g>
        <text class="sim-reference-label" x={box.x1 + 6} y={box.y0 + 14} dy="0.32em">
          45° line
        </text>
        {inside(props.reached) ? (
          <text
            class="sim-reference-label"
            x={right ? fx - 18 : fx + 10}
            y={right ? fy + 14 : fy - 12}
            dy="0.32em"
            text-anchor={right ? 'end' : 'start'}
          >
            fixed point r* = {props.reached}
          </text>
        ) : null}
      </ChartSvg>
      {props.legend ? (
        <ul class="sim-legend" aria-hidden="true">
          <li>
            <svg width="24" height="10">
              <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColor(0)} stroke-width="2.5" />
            </svg>
            F(r): people with threshold ≤ r
          </li>
          {props.history.length > 1 ? (
            <li>
              <svg width="24" height="10">
                <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColor(1)} stroke-width="7" stroke-opacity="0.45" />
              </svg>
              the run so far
            </li>
          ) : null}
          {props.projection.length > 1 ? (
            <li>
              <svg width="24" height="10">
                <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColor(1)} stroke-width="2" stroke-dasharray="2 4" />
              </svg>
              where it goes from here
            </li>
          ) : null}
          {props.fixedPoints.length > 1 ? (
            <li>
              <svg width="14" height="14">
                <circle cx="7" cy="7" r="4.5" fill="var(--sim-panel)" stroke="var(--sim-fg)" stroke-width="1.5" />
              </svg>
              other fixed points
            </li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}

/** Close-ups show this many people on each axis. */
const CLOSE_UP = 12;

/**
 * Returns the close-up window of the diagram: around the fixed point where the cascade stops or,
 * when it reaches everyone, around its bottleneck (where F(r) − r, the number the next round adds,
 * is smallest on the way up); null when the run never comes close to stopping.
 */
export function closeUpDomain(f: readonly number[], from: number, reached: number): [number, number] | null {
  const top = f.length - 1;
  if (top <= 2 * CLOSE_UP) return null;
  let centre = reached;
  if (reached >= top) {
    // The last CLOSE_UP counts are left out: there every map is squeezed under the top.
    let best = -1;
    for (let r = from; r < top - CLOSE_UP; r++) if (best < 0 || f[r]! - r < f[best]! - best) best = r;
    if (best < 0 || f[best]! - best > CLOSE_UP / 2) return null;
    centre = (best + f[best]!) / 2;
  }
  const lo = Math.max(0, Math.min(top - CLOSE_UP, Math.round(centre - CLOSE_UP / 2)));
  return [lo, lo + CLOSE_UP];
}

// --- The simulation --------------------------------------------------------------------------

function dataOf(c: Cascade): SimData {
  return c.mode === 'kuran'
    ? {
        columns: ['period', 'saying yes in public', 'privately for change'],
        rows: c.counts.map((k, t) => [t, k, c.privateCounts?.[t] ?? null]),
      }
    : { columns: ['round', 'acting'], rows: c.counts.map((k, t) => [t, k]) };
}

const SPEEDS = [
  { value: 2, label: 'Slow (2 rounds/s)' },
  { value: 5, label: 'Normal (5 rounds/s)' },
  { value: 15, label: 'Fast (15 rounds/s)' },
  { value: 40, label: 'Fastest (40 rounds/s)' },
] as const;

/** Which parameters each crowd uses (the others keep their values but are not shown). */
const SHOWN: Readonly<Record<string, readonly (keyof Values & string)[]>> = {
  uniform: ['crowd', 'people', 'spark'],
  normal: ['crowd', 'people', 'spark', 'mean', 'sd', 'seed'],
  kuran: ['crowd', 'people', 'spark', 'preference', 'drift', 'seed'],
};

/** Renders the crowd, the count over rounds, the cascade diagram and the controls. */
export function ThresholdCascade(props: ThresholdCascadeProps) {
  const embedKey = props.embedKey ?? props.id ?? thresholdCascadeInfo.name;
  const [initial] = useState(() => mergeProps(thresholdCascadeParams, props));
  const url = useUrlState(embedKey, thresholdCascadeParams, initial);
  const values = url.values;
  const key = serializeParams(values, thresholdCascadeParams);
  const cascade = useMemo(() => buildCascade(values), [key]);
  const last = cascade.rounds - 1;

  // The round shown belongs to a parameter key: a new key shows its finished cascade.
  const [view, setView] = useState({ key, t: last });
  const t = view.key === key ? Math.min(view.t, last) : last;
  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState<number>(5);
  const reducedMotion = usePrefersReducedMotion();

  const step = useCallback(
    (n: number) => {
      setView((v) => ({ key, t: Math.min(last, (v.key === key ? v.t : last) + n) }));
    },
    [key, last],
  );
  useAnimationLoop(step, { running, speed, reducedMotion });
  useEffect(() => {
    if (running && t >= last) setRunning(false);
  }, [running, t, last]);
  useEffect(() => {
    // Parameters changed while playing: the new cascade is shown finished, so stop.
    setRunning(false);
  }, [key]);

  const togglePlay = () => {
    if (running) {
      setRunning(false);
      return;
    }
    // Play from the start when the cascade is already over.
    if (t >= last) setView({ key, t: 0 });
    setRunning(true);
  };
  const reset = () => {
    setRunning(false);
    setView({ key, t: 0 });
  };

  // autoplay once the link's settings have been read, from the start of the cascade
  useAutoplay(
    props.autoplay,
    reducedMotion,
    () => {
      setView({ key, t: 0 });
      setRunning(true);
    },
    () => setRunning(false),
    url.hydrated,
  );

  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const kuran = cascade.mode === 'kuran';
  const now = cascade.counts[t] ?? 0;
  const f = cascade.map(t);
  const projection = iterateMap(f, now);
  const reached = projection.at(-1) ?? now;
  const fixedPoints = fixedPointsOf(f);
  // The run's history lies on the map only when the map stays the same from round to round.
  const history = cascade.fixedMap ? cascade.path.slice(0, (kuran ? 1 : 2) + t) : [now];
  const closeUp = closeUpDomain(f, cascade.path[0] ?? 0, reached);
  const diagram = { map: f, history, projection, fixedPoints, reached };
  // The count chart spans at least CLOSE_UP rounds and, once the cascade is over, holds the
  // final count (nobody new joins), so a cascade that stops at once is still a visible line.
  const span = Math.max(last, CLOSE_UP);
  const rounds = Array.from({ length: span + 1 }, (_, k) => k);
  const upTo = (v: readonly number[]) =>
    rounds.map((k) => (k <= t ? (v[k] ?? Number.NaN) : t === last && k > last ? (v[last] ?? Number.NaN) : Number.NaN));
  const series = kuran
    ? [
        { label: 'Saying “yes” in public', values: upTo(cascade.counts) },
        { label: 'Privately preferring change', values: upTo(cascade.privateCounts ?? []) },
      ]
    : [{ label: 'Acting', values: upTo(cascade.counts) }];

  const controls = (
    <>
      <ControlGroup legend="Run">
        <PlayPauseButton running={running} onToggle={togglePlay} disabled={disabled} />
        <StepButton
          onStep={() => step(1)}
          disabled={disabled || t >= last}
          label={kuran ? 'Step a period' : 'Step a round'}
        />
        <ResetButton onReset={reset} disabled={disabled} />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} options={SPEEDS} disabled={disabled} />
      </ControlGroup>
      <ControlGroup legend="Crowd">
        {SHOWN[values.crowd]!.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={thresholdCascadeParams[name]}
            value={values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled}
          />
        ))}
        {values.crowd === 'uniform' ? (
          <button
            type="button"
            class="sim-button"
            aria-pressed={values.changeOne}
            onClick={() => url.set('changeOne', !values.changeOne)}
            disabled={disabled}
          >
            <span aria-hidden="true">{values.changeOne ? '☑ ' : '☐ '}</span>
            Move the threshold-1 person to 2
          </button>
        ) : null}
      </ControlGroup>
    </>
  );

  return (
    <SimFrame
      embedKey={embedKey}
      title={thresholdCascadeInfo.title}
      caption={cascadeCaption(cascade, values, t)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(cascade)}
      link={url.link}
      about={thresholdCascadeInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <CrowdDots cascade={cascade} t={t} />
      <CascadeDiagram
        id={`${base}-map`}
        title="Cascade diagram: rₜ₊₁ = F(rₜ)"
        domain={[0, cascade.top]}
        legend
        {...diagram}
      />
      {closeUp ? (
        <CascadeDiagram
          id={`${base}-close-up`}
          title={`Close-up: from ${closeUp[0]} to ${closeUp[1]} people`}
          domain={closeUp}
          legend={false}
          {...diagram}
        />
      ) : null}
      <div style={{ gridColumn: '1 / -1' }}>
        <LineChart
          title={kuran ? 'Public and private opinion over time' : 'People acting, round by round'}
          x={rounds}
          series={series}
          references={[{ value: cascade.top, label: `everyone ${cascade.top}` }]}
          xDomain={[0, span]}
          yDomain={[0, cascade.top]}
          xLabel={kuran ? 'Period' : 'Round'}
          yLabel="People"
          size={{ width: 600, height: 200 }}
          summary={`${kuran ? 'People saying “yes” in public' : 'People acting'} after each of ${cascade.rounds} ${kuran ? 'periods' : 'rounds'}, shown up to ${t}: ${now} now, ${cascade.counts[last] ?? 0} at the end, of ${cascade.top}.`}
        />
      </div>
    </SimFrame>
  );
}

export default ThresholdCascade;
