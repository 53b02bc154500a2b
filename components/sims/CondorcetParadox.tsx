/**
 * The condorcet-paradox simulation: Monte Carlo estimates of how often impartial-culture profiles
 * have no Condorcet winner (src/models/voting/impartial-culture.ts), against the number of voters,
 * converging batch by batch towards Guilbaud's limit; plus one sampled three-voter cycle.
 *
 * The first batch is computed in render, so the static figure already has estimates; every later
 * batch (tens to hundreds of milliseconds in a browser) runs in a Web Worker, with progress and
 * cancel, started by the animation loop at the chosen pace while playing, or by Step.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import {
  condorcetParadoxExact,
  condorcetParadoxExactCost,
  guilbaudLimit,
  sampleCyclicProfile,
} from '../../src/models/voting/majority-cycle.ts';
import { pairwiseMatrix } from '../../src/models/voting/pairwise.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import {
  AxisLeft,
  ChartSvg,
  ChartTitle,
  Legend,
  ReferenceLines,
  seriesColor,
  seriesDash,
} from '../kit/charts/axes.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';
import { ControlGroup, ParamControl, PlayPauseButton, ResetButton, SpeedSelect, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { useWorkerRun } from '../kit/worker.ts';
import {
  paradoxBatch,
  paradoxBatchSeed,
  paradoxPoints,
  type ParadoxJob,
  type ParadoxJobResult,
} from './condorcet-paradox.batch.ts';
import {
  CONDORCET_CANDIDATES,
  CONDORCET_MAX_BATCHES,
  CONDORCET_VOTERS,
  CONDORCET_WARMUP_BATCHES,
  condorcetParadoxInfo,
  condorcetParadoxParams,
} from './condorcet-paradox.params.ts';

type Values = ParamValues<typeof condorcetParadoxParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type CondorcetParadoxProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "condorcet-paradox". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

/** The running estimate at one point: m candidates, n voters. */
export type ParadoxPoint = { readonly m: number; readonly n: number; readonly trials: number; readonly cycles: number };

/** All points after `batches` batches. */
export type ParadoxRun = { readonly key: string; readonly batches: number; readonly points: readonly ParadoxPoint[] };

/** Returns a run with no trials yet. */
export function emptyParadoxRun(key: string): ParadoxRun {
  return { key, batches: 0, points: paradoxPoints().map(({ m, n }) => ({ m, n, trials: 0, cycles: 0 })) };
}

/** Returns the run with a computed batch added, or the run unchanged when the batch is not the next one of these settings. */
export function mergeParadoxBatch(run: ParadoxRun, result: ParadoxJobResult): ParadoxRun {
  if (result.key !== run.key || result.batch !== run.batches || run.batches >= CONDORCET_MAX_BATCHES) return run;
  const points = run.points.map((p, i) => ({
    ...p,
    trials: p.trials + result.trials,
    cycles: p.cycles + (result.cycles[i] ?? 0),
  }));
  return { ...run, batches: run.batches + 1, points };
}

/** Returns the run with `count` more batches of `trials` impartial-culture profiles at every point, computed here. */
export function addParadoxBatches(run: ParadoxRun, count: number, trials: number, seed: number): ParadoxRun {
  let out = run;
  for (let b = 0; b < count; b++)
    out = mergeParadoxBatch(out, paradoxBatch({ key: run.key, batch: out.batches, trials, seed }));
  return out;
}

/** The share without a Condorcet winner and its standard error √(p(1 − p)/trials); NaN before any trial. */
export function paradoxEstimate(p: ParadoxPoint): { share: number; se: number } {
  if (p.trials === 0) return { share: Number.NaN, se: Number.NaN };
  const share = p.cycles / p.trials;
  return { share, se: Math.sqrt((share * (1 - share)) / p.trials) };
}

// Exact values are shown where enumeration takes at most this many profiles (a few ms each).
const EXACT_BUDGET = 20_000;
let exactCache: { m: number; n: number; p: number }[] | null = null;

/** Returns the exact probabilities of no Condorcet winner at the chart's points where they are cheap to enumerate. */
export function exactParadoxPoints(): readonly { m: number; n: number; p: number }[] {
  if (!exactCache) {
    exactCache = CONDORCET_CANDIDATES.flatMap((m) =>
      CONDORCET_VOTERS.filter((n) => condorcetParadoxExactCost(m, n) <= EXACT_BUDGET).map((n) => ({
        m,
        n,
        p: condorcetParadoxExact(m, n),
      })),
    );
  }
  return exactCache;
}

const pct = (v: number) => `${fmt(100 * v, 3)}%`;

/** Returns the caption: batches so far and the estimates at 3 and 1,001 voters, compared with 1/18 and Guilbaud's limit. */
export function paradoxCaption(run: ParadoxRun, trials: number, seed: number): string {
  const g = guilbaudLimit();
  const reference = `Guilbaud’s limit for 3 candidates is ${pct(g)} and the exact share at 3 voters is 1/18 = ${pct(1 / 18)}`;
  if (run.batches === 0) return `No trials yet: press Step or Play to draw impartial-culture profiles. ${reference}.`;
  const nMax = CONDORCET_VOTERS.at(-1)!;
  const at = (m: number, n: number) => {
    const point = run.points.find((p) => p.m === m && p.n === n)!;
    const { share, se } = paradoxEstimate(point);
    return `${pct(share)} ± ${pct(2 * se)}`;
  };
  const total = run.batches * trials;
  return (
    `After ${run.batches} batch${run.batches === 1 ? '' : 'es'} (${total.toLocaleString('en-US')} profiles at each point, seed ${seed}): ` +
    `with 3 candidates, ${at(3, 3)} of profiles have no Condorcet winner at 3 voters (exact 1/18 = ${pct(1 / 18)}) ` +
    `and ${at(3, nMax)} at ${nMax.toLocaleString('en-US')} voters (Guilbaud’s limit ${pct(g)}); ` +
    `at ${nMax.toLocaleString('en-US')} voters, ${at(4, nMax)} with 4 candidates and ${at(5, nMax)} with 5.`
  );
}

function dataOf(run: ParadoxRun): SimData {
  const exact = exactParadoxPoints();
  return {
    columns: ['candidates', 'voters', 'trials', 'no Condorcet winner', 'share', 'standard error', 'exact'],
    rows: run.points.map((p) => {
      const { share, se } = paradoxEstimate(p);
      return [p.m, p.n, p.trials, p.cycles, share, se, exact.find((e) => e.m === p.m && e.n === p.n)?.p ?? null];
    }),
  };
}

// The chart: a log-scaled voter axis, which the kit's charts do not offer.
const SIZE = { width: 600, height: 300 } as const;
const BOX = { x0: 56, x1: SIZE.width - 112, y0: 12, y1: SIZE.height - 42 } as const;
const X_TICKS = [3, 10, 30, 100, 300, 1000];
const r1 = (v: number) => Math.round(v * 10) / 10;

function ParadoxChart(props: { run: ParadoxRun }) {
  const { run } = props;
  const exact = exactParadoxPoints();
  const g = guilbaudLimit();
  const lx = linearScale([Math.log10(2.4), Math.log10(1400)], [BOX.x0, BOX.x1]);
  const xs = (n: number) => lx(Math.log10(n));
  let top = 0.3;
  for (const p of run.points) {
    const { share, se } = paradoxEstimate(p);
    if (Number.isFinite(share)) top = Math.max(top, share + 2 * se);
  }
  const ys = linearScale([0, Math.min(1, top)], [BOX.y1, BOX.y0]).nice();
  const y = (v: number) => r1(ys(Math.min(1, Math.max(0, v))));
  const third = run.points.find((p) => p.m === 3 && p.n === 3)!;
  const thirdEst = paradoxEstimate(third);
  const summary =
    run.batches === 0
      ? `Empty chart of the share of profiles without a Condorcet winner against the number of voters; reference line at Guilbaud’s ${fmt(g, 3)}.`
      : `Share of impartial-culture profiles without a Condorcet winner against the number of voters (3 to 1,001, log scale) for 3, 4 and 5 candidates, after ${third.trials} trials per point; 3 candidates at 3 voters ${fmt(thirdEst.share, 3)} against the exact 1/18; reference line at Guilbaud’s ${fmt(g, 3)}.`;
  return (
    // The chart spans the whole width: its log axis needs the room, the profile table does not.
    <div class="sim-chart" style={{ gridColumn: '1 / -1' }}>
      <ChartTitle title="Share of profiles with no Condorcet winner" />
      <ChartSvg size={SIZE} summary={summary}>
        <AxisLeft scale={ys} x={BOX.x0} x1={BOX.x1} y0={BOX.y0} y1={BOX.y1} label="Share without a winner" />
        <g class="sim-axis">
          <line x1={BOX.x0} x2={BOX.x1} y1={BOX.y1} y2={BOX.y1} />
          {X_TICKS.map((t) => (
            <g key={t}>
              <line x1={r1(xs(t))} x2={r1(xs(t))} y1={BOX.y1} y2={BOX.y1 + 5} />
              <text x={r1(xs(t))} y={BOX.y1 + 17} text-anchor="middle">
                {t.toLocaleString('en-US')}
              </text>
            </g>
          ))}
          <text class="sim-axis-label" x={(BOX.x0 + BOX.x1) / 2} y={BOX.y1 + 36} text-anchor="middle">
            Voters (log scale)
          </text>
        </g>
        <ReferenceLines lines={[{ value: g, label: `Guilbaud ${fmt(g, 3)}` }]} scale={ys} {...BOX} />
        {CONDORCET_CANDIDATES.map((m, k) => {
          // Series sit a few units apart so their error bars do not hide one another.
          const shift = (k - 1) * 4;
          const pts = run.points
            .filter((p) => p.m === m && p.trials > 0)
            .map((p) => ({ x: r1(xs(p.n) + shift), ...paradoxEstimate(p) }));
          const color = seriesColor(k);
          return (
            <g key={m}>
              {pts.length > 1 ? (
                <path
                  class="sim-line"
                  d={pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${y(p.share)}`).join('')}
                  stroke={color}
                  stroke-dasharray={seriesDash(k)}
                  stroke-width="2"
                />
              ) : null}
              {pts.map((p) => (
                <g key={p.x} stroke={color} stroke-width="1.5">
                  <line x1={p.x} x2={p.x} y1={y(p.share - 2 * p.se)} y2={y(p.share + 2 * p.se)} />
                  <line x1={p.x - 3} x2={p.x + 3} y1={y(p.share - 2 * p.se)} y2={y(p.share - 2 * p.se)} />
                  <line x1={p.x - 3} x2={p.x + 3} y1={y(p.share + 2 * p.se)} y2={y(p.share + 2 * p.se)} />
                  <circle cx={p.x} cy={y(p.share)} r="3.5" fill={color} stroke="none" />
                </g>
              ))}
              {exact
                .filter((e) => e.m === m)
                .map((e) => {
                  const cx = r1(xs(e.n) + shift);
                  const cy = y(e.p);
                  return (
                    <path
                      key={`exact-${e.n}`}
                      class="sim-exact"
                      d={`M${cx},${r1(cy - 6)}L${r1(cx + 6)},${cy}L${cx},${r1(cy + 6)}L${r1(cx - 6)},${cy}Z`}
                      fill="var(--sim-panel)"
                      stroke={color}
                      stroke-width="1.5"
                    />
                  );
                })}
            </g>
          );
        })}
        <text
          class="sim-reference-label"
          x={r1(xs(3) + 8)}
          y={y(1 / 18) + 22}
          style={{ paintOrder: 'stroke', stroke: 'var(--sim-panel)', strokeWidth: '4px', strokeLinejoin: 'round' }}
        >
          1/18 exact
        </text>
      </ChartSvg>
      <Legend labels={CONDORCET_CANDIDATES.map((m) => `${m} candidates`)} />
      <p class="sim-chart-note" style={{ margin: '0.2rem 0 0', fontSize: '0.85rem' }}>
        Dots: estimates with ±2 standard errors. Open diamonds: exact values by enumeration.
      </p>
    </div>
  );
}

function CycleTable(props: { seed: number; draw: number; onDraw: (() => void) | undefined }) {
  const found = sampleCyclicProfile({ candidates: 3, voters: 3, seed: paradoxBatchSeed(props.seed, props.draw, 0, 0) });
  if (!found) return null;
  const { candidates, matrix } = pairwiseMatrix(found.ballots);
  const cycle = found.cycle;
  const links = cycle.map((a, i) => {
    const b = cycle[(i + 1) % cycle.length]!;
    const ia = candidates.indexOf(a);
    const ib = candidates.indexOf(b);
    return `${a} beats ${b} ${matrix[ia]![ib]}–${matrix[ib]![ia]}`;
  });
  const loop = [...cycle, cycle[0]!].join(' > ');
  return (
    <div class="sim-chart">
      <p class="sim-chart-title">A sampled cyclic profile (3 voters, 3 candidates)</p>
      <p style={{ fontSize: '0.85rem', margin: '0 0 0.25rem' }}>
        Each voter’s ranking, drawn at random until the majorities cycle.
      </p>
      <table class="sim-table" style={{ width: 'auto' }}>
        <thead>
          <tr>
            <th scope="col">Voter</th>
            <th scope="col">1st</th>
            <th scope="col">2nd</th>
            <th scope="col">3rd</th>
          </tr>
        </thead>
        <tbody>
          {found.ballots.map((b, v) => (
            <tr key={v}>
              <th scope="row">{v + 1}</th>
              {b.ranking.map((c, k) => (
                <td key={k} style={{ textAlign: 'center' }}>
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="sim-cycle">
        Majorities: {links.join(', ')}, so <strong>{loop}</strong>: every candidate loses to another.
      </p>
      <p style={{ fontSize: '0.85rem', margin: '0.25rem 0' }}>
        Found on draw {found.draws}; about 1 draw in 18 cycles.{' '}
        <button type="button" class="sim-button" onClick={props.onDraw} disabled={!props.onDraw}>
          Draw another
        </button>
      </p>
    </div>
  );
}

const PARAM_NAMES = Object.keys(condorcetParadoxParams) as (keyof Values & string)[];

const BATCH_SPEEDS = [
  { value: 1, label: '1 batch/s' },
  { value: 3, label: '3 batches/s' },
  { value: 10, label: '10 batches/s' },
] as const;

/** Renders the estimates against the number of voters, a sampled cyclic profile, and the controls. */
export function CondorcetParadox(props: CondorcetParadoxProps) {
  const embedKey = props.embedKey ?? props.id ?? condorcetParadoxInfo.name;
  const [initial] = useState(() => mergeProps(condorcetParadoxParams, props));
  const url = useUrlState(embedKey, condorcetParadoxParams, initial);
  const { trials, seed } = url.values;
  const key = serializeParams(url.values, condorcetParadoxParams);

  // New parameters restart the run with its first batch, computed in render so the static figure has data.
  const runRef = useRef<ParadoxRun | null>(null);
  if (!runRef.current || runRef.current.key !== key)
    runRef.current = addParadoxBatches(emptyParadoxRun(key), CONDORCET_WARMUP_BATCHES, trials, seed);
  const run = runRef.current;
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(3);
  const [draw, setDraw] = useState(0);
  const reducedMotion = usePrefersReducedMotion();

  const worker = useWorkerRun<ParadoxJob, ParadoxJobResult>(
    () => new Worker(new URL('./condorcet-paradox.worker.ts', import.meta.url), { type: 'module' }),
  );
  const busy = worker.status === 'running';
  // A batch for old settings would be ignored anyway; stop it so Step is free at once.
  const cancelBatch = worker.cancel;
  useEffect(() => cancelBatch(), [key, cancelBatch]);
  // A finished batch joins the run if it is the next one of the current settings (a late batch
  // of old settings, or one already merged, is ignored).
  const merged = useRef<ParadoxJobResult | undefined>(undefined);
  if (worker.result && merged.current !== worker.result) {
    merged.current = worker.result;
    runRef.current = mergeParadoxBatch(run, worker.result);
  }
  const current = runRef.current;
  const full = current.batches >= CONDORCET_MAX_BATCHES;
  const startBatch = useCallback(() => {
    const now = runRef.current;
    if (!now || now.batches >= CONDORCET_MAX_BATCHES) return;
    worker.run({ key: now.key, batch: now.batches, trials, seed });
  }, [worker.run, trials, seed]);
  // While playing, the loop asks for the next batch at the chosen pace whenever none is running.
  useAnimationLoop(startBatch, { running: running && !busy && !full, speed, reducedMotion });
  useEffect(() => {
    if (running && (full || worker.status === 'error')) setRunning(false);
  }, [running, full, worker.status]);

  const reset = () => {
    worker.cancel();
    runRef.current = emptyParadoxRun(key);
    setRunning(false);
    redraw(0);
  };

  useAutoplay(props.autoplay, reducedMotion, () => setRunning(true), () => setRunning(false));

  const batchStatus = busy
    ? `Computing batch ${current.batches + 1} in a Web Worker: ${Math.round(worker.progress * 100)}%.`
    : worker.status === 'error'
      ? `The batch could not be computed (${worker.error ?? 'unknown error'}).`
      : worker.status === 'cancelled'
        ? 'Batch cancelled.'
        : full
          ? `Done: ${CONDORCET_MAX_BATCHES} batches.`
          : '';
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;

  const controls = (
    <>
      <ControlGroup legend="Run">
        <PlayPauseButton running={running} onToggle={() => setRunning((r) => !r)} disabled={disabled || full} />
        <StepButton onStep={startBatch} label="Step: add a batch" disabled={disabled || full || busy} />
        <ResetButton onReset={reset} disabled={disabled} />
        <SpeedSelect
          id={`${base}-speed`}
          value={speed}
          onChange={setSpeed}
          options={BATCH_SPEEDS}
          disabled={disabled}
        />
        <div class="sim-field">
          <label for={`${base}-progress`}>Batch progress</label>
          <progress id={`${base}-progress`} max={1} value={busy ? worker.progress : 0} />
        </div>
        <button type="button" class="sim-button" onClick={worker.cancel} disabled={!busy}>
          Cancel batch
        </button>
        <p class="sim-action-status" role="status" style={{ flexBasis: '100%', margin: 0 }}>
          {batchStatus}
        </p>
      </ControlGroup>
      <ControlGroup legend="Model">
        {PARAM_NAMES.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={condorcetParadoxParams[name]}
            value={url.values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
    </>
  );

  return (
    <SimFrame
      embedKey={embedKey}
      title={condorcetParadoxInfo.title}
      caption={paradoxCaption(current, trials, seed)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(current)}
      link={url.link}
      about={condorcetParadoxInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <ParadoxChart run={current} />
      <CycleTable seed={seed} draw={draw} onDraw={disabled ? undefined : () => setDraw((d) => d + 1)} />
    </SimFrame>
  );
}

export default CondorcetParadox;
