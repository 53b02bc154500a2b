/**
 * The goodhart-selection simulation: pick the best of n candidates by a proxy U = V + E and see
 * how the winner's true value V follows its score (src/models/goodhart). A thin view: the models
 * draw and simulate, this file draws and wires the controls.
 *
 * Nothing runs in time here, so there is no Play: every change redraws at once. The Monte Carlo
 * curve is drawn first from a quick estimate computed in render (the server's static figure has
 * it too), then replaced by a 80 times larger one computed in a Web Worker.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { drawCandidates } from '../../src/models/goodhart/proxy-selection.ts';
import { regressionalCurve, type RegressionalCurvePoint } from '../../src/models/goodhart/best-of-n-curves.ts';
import type { SelectionSweepPoint } from '../../src/models/goodhart/block-maxima.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { ControlGroup, ParamControl, Slider } from '../kit/controls.tsx';
import { formatNumber as fmt, snapToStep } from '../kit/format.ts';
import { mergeProps, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { useWorkerRun } from '../kit/worker.ts';
import { CandidateScatter, CurveChart, type XAxis } from './goodhart-charts.tsx';
import {
  QUICK_SWEEPS,
  SELECTION_GRID,
  quickSelectionCurve,
  selectionCurveKey,
  type SelectionCurveInput,
  type SelectionCurveResult,
} from './goodhart-selection.curve.ts';
import { goodhartSelectionInfo, goodhartSelectionParams } from './goodhart-selection.params.ts';

type Values = ParamValues<typeof goodhartSelectionParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type GoodhartSelectionProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "goodhart-selection". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Accepted like every simulation's, but nothing here plays. */
  readonly autoplay?: boolean;
};

/** Candidates drawn in the scatter at most; beyond that the first ones stand for all. */
export const SCATTER_MAX_POINTS = 2000;
/** Pool size of the Monte Carlo curve: its largest n. */
const POOL = SELECTION_GRID[SELECTION_GRID.length - 1]!;
/** Delay before a change starts the worker, so dragging a slider does not start one per position. */
const REFINE_DELAY_MS = 200;

/** Returns the number of candidates for a pressure (log₁₀ n), snapped to the slider's steps so that n is always on the curve's grid. */
export function candidatesAt(pressure: number): number {
  const { min, max, step } = goodhartSelectionParams.pressure;
  return Math.round(10 ** snapToStep(pressure, min, max, step));
}

const whole = (n: number) => Math.round(n).toLocaleString('en');

function curveInput(values: Values): SelectionCurveInput {
  return { error: values.error, df: values.df, errorSd: values.errorSd, seed: values.seed };
}

function indexOfMax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

/** Returns how the error is described in words. */
function errorWords(values: Values): string {
  return values.error === 'normal'
    ? `normal error of scale ${fmt(values.errorSd)}`
    : `heavy-tailed Student-t error (${values.df} degrees of freedom) of scale ${fmt(values.errorSd)}`;
}

/** The one draw the scatter shows, summarised. */
export type DrawSummary = {
  readonly candidates: number;
  readonly chosenTrue: number;
  readonly chosenProxy: number;
  readonly bestTrue: number;
};

/**
 * Returns the caption: this draw's chosen and truly best candidate, the simulated averages at this
 * n against the Gaussian closed form, and whether the true value keeps rising or falls back, in words.
 */
export function selectionCaption(
  values: Values,
  draw: DrawSummary,
  curve: readonly SelectionSweepPoint[],
  closed: readonly RegressionalCurvePoint[],
): string {
  const n = draw.candidates;
  const j = Math.max(0, SELECTION_GRID.indexOf(n));
  const here = curve[j]!;
  const exact = closed[j]!;
  const head =
    n === 1
      ? `One candidate, no choice (${errorWords(values)}): its score ${fmt(draw.chosenProxy)} is its true value ${fmt(draw.chosenTrue)} plus error.`
      : `Best of n = ${whole(n)} by a proxy with ${errorWords(values)}: in this draw the chosen candidate scores ${fmt(draw.chosenProxy)} but its true value is ${fmt(draw.chosenTrue)}; the truly best candidate has ${fmt(draw.bestTrue)}.`;
  const average = `Averaged over ${whole(here.samples)} selections, the chosen candidate’s true value is ${fmt(here.meanTrue)} (± ${fmt(2 * here.seTrue, 2)}) and its score ${fmt(here.meanProxy)}; the Gaussian closed form (Manheim & Garrabrant 2018) gives ${fmt(exact.meanTrue)} and ${fmt(exact.meanProxy)}.`;
  const peak = indexOfMax(curve.map((p) => p.meanTrue));
  const last = curve[curve.length - 1]!;
  const top = curve[peak]!;
  const falls = peak < curve.length - 1 && top.meanTrue - last.meanTrue > 2 * Math.hypot(top.seTrue, last.seTrue);
  let shape: string;
  if (falls) {
    shape = `As n grows the true value peaks at ${fmt(top.meanTrue)} near n = ${whole(top.candidates)} and falls back to ${fmt(last.meanTrue)} at n = ${whole(last.candidates)}, while the score keeps rising, to ${fmt(last.meanProxy)}${values.error === 'student-t' ? ': catastrophic Goodhart, as Kwa et al. (2024) found for errors with heavier tails than the value.' : '.'}`;
  } else if (values.error === 'normal') {
    shape = `As n grows the true value keeps rising, to ${fmt(last.meanTrue)} at n = ${whole(last.candidates)}, always a fixed ${Math.round((100 * closed[closed.length - 1]!.meanTrue) / closed[closed.length - 1]!.meanProxy)}% of the score: regressional Goodhart costs a share, never the gain.`;
  } else {
    shape = `As n grows the true value is still ${fmt(last.meanTrue)} at n = ${whole(last.candidates)}: with ${values.df} degrees of freedom the tails are light enough that the fall Kwa et al. (2024) predict comes only beyond these n.`;
  }
  return `${head} ${average} ${shape}`;
}

function dataOf(curve: readonly SelectionSweepPoint[], closed: readonly RegressionalCurvePoint[]): SimData {
  return {
    columns: [
      'candidates n',
      'selections',
      'true value (simulated)',
      'true value SE',
      'score (simulated)',
      'score SE',
      'true value (Gaussian closed form)',
      'score (Gaussian closed form)',
    ],
    rows: curve.map((p, j) => [
      p.candidates,
      p.samples,
      p.meanTrue,
      p.seTrue,
      p.meanProxy,
      p.seProxy,
      closed[j]?.meanTrue ?? null,
      closed[j]?.meanProxy ?? null,
    ]),
  };
}

const LOG_TICKS = [1, 10, 100, 1000, 10000].map((value) => ({ value, label: whole(value) }));
const N_AXIS: XAxis = {
  transform: Math.log10,
  domain: [1, POOL],
  ticks: LOG_TICKS,
  label: 'Candidates n (log scale)',
};

/** Renders one draw of candidates, the chosen one's true value and score against n, and the controls. */
export function GoodhartSelection(props: GoodhartSelectionProps) {
  const embedKey = props.embedKey ?? props.id ?? goodhartSelectionInfo.name;
  const [initial] = useState(() => mergeProps(goodhartSelectionParams, props));
  const url = useUrlState(embedKey, goodhartSelectionParams, initial);
  const values = url.values;
  const n = candidatesAt(values.pressure);
  const { error, df, errorSd, seed } = values;

  const draw = useMemo(
    () => drawCandidates({ trueSd: 1, errorSd, error, df, candidates: n, seed }),
    [n, errorSd, error, df, seed],
  );
  const best = indexOfMax(draw.trueValues);
  const input = curveInput(values);
  const key = selectionCurveKey(input);
  // The quick estimate is part of render, so the server's figure has it and hydration matches.
  const quick = useMemo(() => quickSelectionCurve(input), [key]);
  const closed = useMemo(() => regressionalCurve({ trueSd: 1, errorSd, candidates: SELECTION_GRID }), [errorSd]);

  const worker = useWorkerRun<SelectionCurveInput, SelectionCurveResult>(
    () => new Worker(new URL('./goodhart-selection.worker.ts', import.meta.url), { type: 'module' }),
  );
  const { run } = worker;
  useEffect(() => {
    if (!url.hydrated) return undefined;
    const timer = setTimeout(() => run(input), REFINE_DELAY_MS);
    return () => clearTimeout(timer);
    // The key stands for the input.
  }, [key, url.hydrated, run]);
  const refined = worker.result && worker.result.key === key ? worker.result : null;
  const curve = refined ? refined.points : quick;
  const sweeps = refined ? refined.sweeps : QUICK_SWEEPS;

  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const chosen = {
    candidates: n,
    chosenTrue: draw.trueValues[draw.chosen]!,
    chosenProxy: draw.proxyValues[draw.chosen]!,
    bestTrue: draw.trueValues[best]!,
  };
  const j = Math.max(0, SELECTION_GRID.indexOf(n));
  const here = curve[j]!;
  const xs = curve.map((p) => p.candidates);
  const errorLabel = error === 'normal' ? 'Normal error' : `Student-t error (df ${df})`;

  const status =
    worker.status === 'running' && !refined
      ? 'Refining the curve in the background…'
      : refined
        ? `Curve from ${whole(sweeps)} pools of ${whole(POOL)} candidates.`
        : worker.status === 'error'
          ? `Could not refine in the background (${worker.error ?? 'unknown error'}); showing the quick estimate from ${QUICK_SWEEPS} pools.`
          : worker.status === 'cancelled'
            ? `Refinement cancelled; showing the quick estimate from ${QUICK_SWEEPS} pools.`
            : `Quick estimate from ${QUICK_SWEEPS} pools of ${whole(POOL)} candidates.`;

  const controls = (
    <>
      <ControlGroup legend="Selection">
        <Slider
          id={`${base}-pressure`}
          label={goodhartSelectionParams.pressure.label}
          value={values.pressure}
          min={goodhartSelectionParams.pressure.min}
          max={goodhartSelectionParams.pressure.max}
          step={goodhartSelectionParams.pressure.step}
          format={(k) => `n = ${whole(candidatesAt(k))}`}
          onChange={(v) => url.set('pressure', v)}
          disabled={disabled}
        />
        {(['error', 'df', 'errorSd', 'seed'] as const).map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={goodhartSelectionParams[name]}
            value={values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled || (name === 'df' && error === 'normal')}
          />
        ))}
      </ControlGroup>
      <ControlGroup legend="Monte Carlo">
        <p class="sim-field" role="status" style={{ margin: 0 }}>
          {status}
        </p>
        {worker.status === 'running' && !refined ? (
          <>
            <progress value={worker.progress} max={1} aria-label="Refinement progress" />
            <button type="button" class="sim-button" onClick={worker.cancel}>
              Cancel
            </button>
          </>
        ) : !refined && (worker.status === 'cancelled' || worker.status === 'error') ? (
          <button type="button" class="sim-button" onClick={() => run(input)}>
            Refine
          </button>
        ) : null}
      </ControlGroup>
    </>
  );

  return (
    <SimFrame
      embedKey={embedKey}
      title={goodhartSelectionInfo.title}
      caption={selectionCaption(values, chosen, curve, closed)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(curve, closed)}
      link={url.link}
      about={goodhartSelectionInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <CandidateScatter
        title={`One draw of ${whole(n)} candidate${n === 1 ? '' : 's'}`}
        trueValues={draw.trueValues}
        proxyValues={draw.proxyValues}
        chosen={draw.chosen}
        best={best}
        maxPoints={SCATTER_MAX_POINTS}
        summary={`Proxy score against true value for ${whole(n)} candidates; the chosen one scores ${fmt(chosen.chosenProxy)} with true value ${fmt(chosen.chosenTrue)}, the truly best has true value ${fmt(chosen.bestTrue)}.`}
      />
      <CurveChart
        title="True value of the chosen candidate"
        x={N_AXIS}
        yLabel="Mean true value"
        lines={[
          {
            label: 'Gaussian error, closed form',
            x: SELECTION_GRID,
            y: closed.map((p) => p.meanTrue),
            color: 1,
            dash: 1,
          },
        ]}
        points={[
          {
            label: `${errorLabel}, simulated (± 2 SE)`,
            x: xs,
            y: curve.map((p) => p.meanTrue),
            se: curve.map((p) => p.seTrue),
            color: 0,
          },
        ]}
        markers={[{ x: n, label: `n = ${whole(n)}` }]}
        highlights={[{ x: n, y: here.meanTrue, color: 0 }]}
        references={[{ value: 0, label: 'average' }]}
        summary={`Mean true value of the chosen candidate for n from 1 to ${whole(POOL)}: ${fmt(curve[0]!.meanTrue)} at n = 1, ${fmt(here.meanTrue)} at n = ${whole(n)}, ${fmt(curve[curve.length - 1]!.meanTrue)} at n = ${whole(POOL)}; the Gaussian closed form reaches ${fmt(closed[closed.length - 1]!.meanTrue)}.`}
      />
      <CurveChart
        title="Proxy score of the chosen candidate"
        x={N_AXIS}
        yLabel="Mean proxy score"
        yDomain={[0, Math.max(...closed.map((p) => p.meanProxy), ...curve.map((p) => p.meanProxy))]}
        lines={[
          {
            label: 'Gaussian error, closed form',
            x: SELECTION_GRID,
            y: closed.map((p) => p.meanProxy),
            color: 1,
            dash: 1,
          },
        ]}
        points={[
          {
            label: `${errorLabel}, simulated (± 2 SE)`,
            x: xs,
            y: curve.map((p) => p.meanProxy),
            se: curve.map((p) => p.seProxy),
            color: 0,
          },
        ]}
        markers={[{ x: n, label: `n = ${whole(n)}` }]}
        highlights={[{ x: n, y: here.meanProxy, color: 0 }]}
        summary={`Mean proxy score of the chosen candidate for n from 1 to ${whole(POOL)}: ${fmt(here.meanProxy)} at n = ${whole(n)}${n === POOL ? '' : `, ${fmt(curve[curve.length - 1]!.meanProxy)} at n = ${whole(POOL)}`}; the Gaussian closed form reaches ${fmt(closed[closed.length - 1]!.meanProxy)}.`}
        note={`Dots: ${whole(sweeps)} pools of ${whole(POOL)} candidates cut into blocks of n.`}
      />
    </SimFrame>
  );
}

export default GoodhartSelection;
