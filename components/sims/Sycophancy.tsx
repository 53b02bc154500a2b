/**
 * The sycophancy simulation: an agree-probability trained on a reward that mixes accuracy and rater
 * approval (src/models/learning/sycophancy.ts). A thin view: the model trains, this file draws.
 *
 * trainSycophancy runs its 20,000 questions in one call (a few milliseconds) and its records do not
 * depend on how many follow, so the run is computed once per setting and Play and Step walk through
 * its records, 100 questions at a time. Any parameter change shows the finished run, as the server
 * render does; Reset goes back to the base model.
 */
import { useCallback, useReducer, useRef, useState } from 'preact/hooks';
import { line } from 'd3-shape';
import {
  sycophancySweep,
  trainSycophancy,
  type SycophancyPoint,
  type SycophancyTraining,
} from '../../src/models/learning/sycophancy.ts';
import { sycophancyLimits, type SycophancyLimits } from '../../src/models/learning/sycophancy-limits.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { LineChart } from '../kit/charts/LineChart.tsx';
import {
  AxisBottom,
  AxisLeft,
  ChartSvg,
  ChartTitle,
  DEFAULT_SIZE,
  Legend,
  ReferenceLines,
  plotBox,
  seriesColor,
  seriesDash,
} from '../kit/charts/axes.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';
import { ControlGroup, ParamControl, PlayPauseButton, ResetButton, SpeedSelect, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { sycophancyFixed, sycophancyInfo, sycophancyParams } from './sycophancy.params.ts';

type Values = ParamValues<typeof sycophancyParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type SycophancyProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "sycophancy". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

/** Returns the model parameters for the simulation's values (the fixed ones from sycophancyFixed). */
export function sycophancyModelParams(values: Values) {
  const { competence, baseSycophancy, klWeight } = sycophancyFixed;
  return { approvalWeight: values.approvalWeight, raterError: values.raterError, competence, baseSycophancy, klWeight };
}

type Run = {
  readonly key: string;
  readonly training: SycophancyTraining;
  readonly limits: SycophancyLimits;
  /** The fixed-point curve over λ from 0 to 1. */
  readonly sweep: readonly SycophancyPoint[];
  /** Index of the record shown (0 is the base model). */
  t: number;
};

const SWEEP_WEIGHTS = Array.from({ length: 101 }, (_, i) => i / 100);

function startRun(values: Values, key: string): Run {
  const params = sycophancyModelParams(values);
  const { steps, learningRate, recordEvery } = sycophancyFixed;
  const training = trainSycophancy({ ...params, seed: values.seed, steps, learningRate, recordEvery });
  const { raterError, competence, baseSycophancy, klWeight } = params;
  const sweep = sycophancySweep({ raterError, competence, baseSycophancy, klWeight, approvalWeights: SWEEP_WEIGHTS });
  const limits = sycophancyLimits({ raterError: values.raterError, competence: sycophancyFixed.competence });
  return { key, training, limits, sweep, t: training.steps.length - 1 };
}

const pct = (p: number) => `${Math.round(100 * p)}%`;

/** Returns the model at record `t` of a training run. */
function pointAt(training: SycophancyTraining, t: number) {
  return {
    questions: training.steps[t]!,
    sycophancy: training.sycophancy[t]!,
    accuracy: training.accuracy[t]!,
    approval: training.approval[t]!,
  };
}

/** Returns the caption: training so far, what the model does, and how that compares with the optimum, the honest model and the raters, in words. */
export function sycophancyCaption(
  values: Values,
  training: SycophancyTraining,
  t: number,
  limits: SycophancyLimits,
): string {
  const now = pointAt(training, t);
  const target = training.fixedPoint;
  const base = sycophancyFixed.baseSycophancy;
  const setting = `λ = ${fmt(values.approvalWeight)} of the reward on approval and raters wrong on ${pct(values.raterError)} of questions`;
  const doing = `agrees with the rater ${pct(now.sycophancy)} of the time: approval ${pct(now.approval)}, accuracy ${pct(now.accuracy)} (an honest model gets ${pct(limits.honestAccuracy)}, one that always agrees gets the raters’ ${pct(limits.agreeableAccuracy)})`;
  if (t === 0) {
    return `Before training, with ${setting}, the base model ${doing}. Training will move it toward the optimum, agreeing ${pct(target.sycophancy)} of the time with accuracy ${pct(target.accuracy)}.`;
  }
  const head = `After ${now.questions.toLocaleString('en')} training questions with ${setting}, the model ${doing}; the closed-form optimum agrees ${pct(target.sycophancy)} of the time with accuracy ${pct(target.accuracy)}.`;
  let why: string;
  if (values.approvalWeight > limits.threshold) {
    why = ` Above λ* = ${fmt(limits.threshold, 2)} agreeing earns more reward than an honest answer, so training raised agreement from the base model’s ${pct(base)} and traded accuracy for approval, the drift toward agreeing with users that Sharma et al. (2024) found in preference-trained assistants.`;
  } else if (values.approvalWeight < limits.threshold) {
    why = ` Below λ* = ${fmt(limits.threshold, 2)} an honest answer earns more reward than agreeing, so training lowers agreement from the base model’s ${pct(base)}; raise the weight on approval past λ* to see the drift toward agreement that Sharma et al. (2024) found.`;
  } else {
    why = ` At λ* = ${fmt(limits.threshold, 2)} agreeing and answering honestly earn the same, so the optimum is the base model’s ${pct(base)}.`;
  }
  return head + why;
}

function dataOf(training: SycophancyTraining, t: number): SimData {
  return {
    columns: ['questions', 'agrees with rater', 'accuracy', 'approval'],
    rows: training.steps
      .slice(0, t + 1)
      .map((q, i) => [q, training.sycophancy[i]!, training.accuracy[i]!, training.approval[i]!]),
  };
}

const SERIES = ['Accuracy', 'Approval', 'Agrees with the rater'] as const;

/** The fixed-point curves against λ, the current λ and the threshold λ* as vertical lines, the optimum (dots) and the model now (rings). */
function FixedPointChart(props: {
  sweep: readonly SycophancyPoint[];
  lambda: number;
  limits: SycophancyLimits;
  optimum: SycophancyPoint;
  now: { accuracy: number; approval: number; sycophancy: number };
  summary: string;
}) {
  const size = DEFAULT_SIZE;
  const box = plotBox(size);
  const xs = linearScale([0, 1], [box.x0, box.x1]);
  const ys = linearScale([0, 1], [box.y1, box.y0]);
  const path = line<number>()
    .x((_, i) => xs(props.sweep[i]!.approvalWeight))
    .y((v) => ys(v))
    .digits(1);
  const curves = [
    props.sweep.map((p) => p.accuracy),
    props.sweep.map((p) => p.approval),
    props.sweep.map((p) => p.sycophancy),
  ];
  const at = [props.optimum.accuracy, props.optimum.approval, props.optimum.sycophancy];
  const now = [props.now.accuracy, props.now.approval, props.now.sycophancy];
  const x = xs(props.lambda);
  const xStar = xs(props.limits.threshold);
  // A halo in the panel colour keeps the labels readable where a curve passes behind them.
  const text = {
    fill: 'var(--sim-fg)',
    fontSize: '12.5px',
    stroke: 'var(--sim-panel)',
    strokeWidth: '4px',
    paintOrder: 'stroke',
    strokeLinejoin: 'round',
  };
  // Keep the two vertical labels apart when λ sits near λ*.
  const lambdaRight = props.lambda >= props.limits.threshold;
  return (
    <div class="sim-chart">
      <ChartTitle title="Where training settles, for every weight on approval" />
      <ChartSvg size={size} summary={props.summary}>
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label="Rate" />
        <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label="Weight on rater approval λ" />
        <ReferenceLines
          lines={[
            { value: props.limits.honestAccuracy, label: `honest ${fmt(props.limits.honestAccuracy, 2)}` },
            { value: props.limits.agreeableAccuracy, label: `raters ${fmt(props.limits.agreeableAccuracy, 2)}` },
          ]}
          scale={ys}
          {...box}
        />
        {props.limits.threshold > 0 ? (
          <line class="sim-reference" x1={xStar} x2={xStar} y1={box.y0} y2={box.y1} />
        ) : null}
        <line x1={x} x2={x} y1={box.y0} y2={box.y1} stroke="var(--sim-fg)" stroke-width={1.5} />
        {curves.map((values, k) => (
          <path
            key={SERIES[k]}
            class="sim-line"
            d={path(values) ?? ''}
            stroke={seriesColor(k)}
            stroke-dasharray={seriesDash(k)}
          />
        ))}
        {at.map((v, k) => (
          <circle key={`opt-${k}`} cx={x} cy={ys(v).toFixed(1)} r={4.5} fill={seriesColor(k)} />
        ))}
        {now.map((v, k) => (
          <circle
            key={`now-${k}`}
            cx={x}
            cy={ys(v).toFixed(1)}
            r={7}
            fill="none"
            stroke={seriesColor(k)}
            stroke-width={2}
          />
        ))}
        {props.limits.threshold > 0 ? (
          <text
            x={xStar + (lambdaRight ? -4 : 4)}
            y={box.y1 - 6}
            text-anchor={lambdaRight ? 'end' : 'start'}
            style={text}
          >
            λ* {fmt(props.limits.threshold, 2)}
          </text>
        ) : null}
        <text x={x + (lambdaRight ? 4 : -4)} y={box.y0 + 10} text-anchor={lambdaRight ? 'start' : 'end'} style={text}>
          λ = {fmt(props.lambda)}
        </text>
      </ChartSvg>
      <Legend labels={SERIES} />
    </div>
  );
}

const SPEEDS = [
  { value: 5, label: 'Slow (500 questions/s)' },
  { value: 20, label: 'Normal (2,000 questions/s)' },
  { value: 60, label: 'Fast (6,000 questions/s)' },
] as const;

const PARAM_NAMES = Object.keys(sycophancyParams) as (keyof Values & string)[];

/** Renders accuracy, approval and agreement over training, the fixed-point curve against the approval weight, and the controls. */
export function Sycophancy(props: SycophancyProps) {
  const embedKey = props.embedKey ?? props.id ?? sycophancyInfo.name;
  const [initial] = useState(() => mergeProps(sycophancyParams, props));
  const url = useUrlState(embedKey, sycophancyParams, initial);
  const values = url.values;
  const key = serializeParams(values, sycophancyParams);

  // A new setting reruns the training synchronously in render and shows it finished (the static figure).
  const runRef = useRef<Run | null>(null);
  if (!runRef.current || runRef.current.key !== key) runRef.current = startRun(values, key);
  const run = runRef.current;
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(20);
  const reducedMotion = usePrefersReducedMotion();

  const last = run.training.steps.length - 1;
  const step = useCallback((n: number) => {
    const r = runRef.current;
    if (!r) return;
    const end = r.training.steps.length - 1;
    r.t = Math.min(end, r.t + n);
    if (r.t >= end) setRunning(false);
    redraw(0);
  }, []);
  const reset = () => {
    run.t = 0;
    redraw(0);
  };
  const togglePlay = () => {
    // Play at the end of training starts again from the base model.
    if (!running && run.t >= last) reset();
    setRunning((r) => !r);
  };
  useAnimationLoop(step, { running, speed, reducedMotion });

  useAutoplay(props.autoplay, reducedMotion, () => {
    if (runRef.current) runRef.current.t = 0;
    setRunning(true);
  }, () => setRunning(false));

  const { training, limits, sweep, t } = run;
  const now = pointAt(training, t);
  const optimum = training.fixedPoint;
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const shown = training.steps.slice(0, t + 1);

  const controls = (
    <>
      <ControlGroup legend="Training">
        <PlayPauseButton running={running} onToggle={togglePlay} disabled={disabled} />
        <StepButton onStep={() => step(1)} disabled={disabled || t >= last} />
        <ResetButton onReset={reset} disabled={disabled} />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} options={SPEEDS} disabled={disabled} />
      </ControlGroup>
      <ControlGroup legend="Model">
        {PARAM_NAMES.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={sycophancyParams[name]}
            value={values[name]}
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
      title={sycophancyInfo.title}
      caption={sycophancyCaption(values, training, t, limits)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(training, t)}
      link={url.link}
      about={sycophancyInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <LineChart
        title="Over training"
        x={shown}
        series={[
          { label: SERIES[0], values: training.accuracy.slice(0, t + 1) },
          { label: SERIES[1], values: training.approval.slice(0, t + 1) },
          { label: SERIES[2], values: training.sycophancy.slice(0, t + 1) },
        ]}
        references={[
          { value: limits.honestAccuracy, label: `honest ${fmt(limits.honestAccuracy, 2)}` },
          { value: limits.agreeableAccuracy, label: `raters ${fmt(limits.agreeableAccuracy, 2)}` },
        ]}
        xDomain={[0, sycophancyFixed.steps]}
        yDomain={[0, 1]}
        xLabel="Training questions"
        yLabel="Rate"
        summary={`Over ${now.questions} training questions the model's agreement with the rater went from ${pct(training.sycophancy[0]!)} to ${pct(now.sycophancy)}, its accuracy from ${pct(training.accuracy[0]!)} to ${pct(now.accuracy)} and its approval from ${pct(training.approval[0]!)} to ${pct(now.approval)}.`}
      />
      <FixedPointChart
        sweep={sweep}
        lambda={values.approvalWeight}
        limits={limits}
        optimum={optimum}
        now={now}
        summary={`At the optimum, accuracy falls from ${pct(sweep[0]!.accuracy)} at λ = 0 to ${pct(sweep.at(-1)!.accuracy)} at λ = 1 while approval rises from ${pct(sweep[0]!.approval)} to ${pct(sweep.at(-1)!.approval)}; agreeing starts to pay at λ* = ${fmt(limits.threshold, 2)}; at the current λ = ${fmt(values.approvalWeight)} the optimum has accuracy ${pct(optimum.accuracy)} (dots) and the model now ${pct(now.accuracy)} (rings).`}
      />
    </SimFrame>
  );
}

export default Sycophancy;
