/**
 * The commons-harvest simulation: N agents learn their fishing effort on one renewable stock
 * (src/models/commons). A thin view: the model steps, this file draws and wires the controls.
 *
 * Any parameter change restarts the run and computes its first COMMONS_WARMUP_STEPS periods at
 * once (as the server render does), so the figure always shows where the setting settles; Reset
 * goes back to period 0 so Play and Step show the agents learning from their random start.
 */
import { useCallback, useReducer, useRef, useState } from 'preact/hooks';
import {
  commonsMetrics,
  commonsNashEffort,
  commonsOpenAccessEffort,
  commonsOptimalEffort,
  commonsSteadyStock,
  commonsWelfare,
  createCommons,
  pigouvianCharge,
  stepCommons,
  type CommonsParams,
  type CommonsState,
} from '../../src/models/commons/index.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { BarChart } from '../kit/charts/BarChart.tsx';
import { LineChart } from '../kit/charts/LineChart.tsx';
import { ControlGroup, ParamControl, PlayPauseButton, ResetButton, SpeedSelect, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import {
  COMMONS_WARMUP_STEPS,
  commonsHarvestFixed,
  commonsHarvestInfo,
  commonsHarvestParams,
} from './commons-harvest.params.ts';

type Values = ParamValues<typeof commonsHarvestParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type CommonsHarvestProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "commons-harvest". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

type Sample = {
  readonly t: number;
  readonly effort: number;
  readonly stock: number;
  readonly welfare: number;
  readonly rent: number;
};
type Run = {
  readonly key: string;
  readonly params: CommonsParams;
  readonly state: CommonsState;
  readonly samples: readonly Sample[];
};

// Samples kept for the charts; beyond this, older samples are thinned to every other one.
const MAX_SAMPLES = 1200;

/** Returns the model parameters for the simulation's values. */
export function commonsHarvestModelParams(values: Values): CommonsParams {
  const { agents, growth, cost, learningRate, mechanism, learning, seed } = values;
  return { agents, growth, cost, learningRate, mechanism, learning, seed, ...commonsHarvestFixed };
}

function sampleOf(state: CommonsState, params: CommonsParams): Sample {
  const m = commonsMetrics(state, params);
  return { t: state.t, effort: m.totalEffort, stock: state.stock, welfare: m.welfare, rent: m.periodRent };
}

function thin(samples: readonly Sample[]): Sample[] {
  const out = samples.filter((_, i) => i % 2 === 0);
  const last = samples.at(-1);
  if (last && out.at(-1) !== last) out.push(last);
  return out;
}

function advance(run: Run, steps: number): Run {
  let state = run.state;
  let samples = run.samples.slice();
  for (let k = 0; k < steps; k++) {
    state = stepCommons(state, run.params);
    samples.push(sampleOf(state, run.params));
    if (samples.length > MAX_SAMPLES) samples = thin(samples);
  }
  return { ...run, state, samples };
}

function startRun(params: CommonsParams, key: string, warmup: number): Run {
  const state = createCommons(params);
  return advance({ key, params, state, samples: [sampleOf(state, params)] }, warmup);
}

/** The closed-form benchmarks the charts and caption compare against. */
export type CommonsBenchmarks = {
  readonly nash: number;
  readonly optimum: number;
  readonly openAccess: number;
  readonly welfareNash: number;
  readonly welfareOptimum: number;
  readonly stockOptimum: number;
  readonly stockOpenAccess: number;
  readonly charge: number;
};

/** Returns the Nash, optimal and open-access benchmarks for `params`. */
export function commonsBenchmarks(params: CommonsParams): CommonsBenchmarks {
  const nash = commonsNashEffort(params);
  const optimum = commonsOptimalEffort(params);
  const openAccess = commonsOpenAccessEffort(params);
  return {
    nash,
    optimum,
    openAccess,
    welfareNash: commonsWelfare(params, nash),
    welfareOptimum: commonsWelfare(params, optimum),
    stockOptimum: commonsSteadyStock(params, optimum),
    stockOpenAccess: commonsSteadyStock(params, openAccess),
    charge: pigouvianCharge(params),
  };
}

/** Returns the caption: the period, the effort against Nash and optimum, and welfare as a share of the optimum, in words. */
export function commonsCaption(state: CommonsState, params: CommonsParams, b: CommonsBenchmarks): string {
  const m = commonsMetrics(state, params);
  const rule =
    params.mechanism === 'charge'
      ? `a charge of ${fmt(b.charge)} per unit of effort`
      : params.mechanism === 'quota'
        ? `a cap of ${fmt(b.optimum / params.agents)} effort per agent`
        : 'no mechanism';
  const nash = params.mechanism === 'none' ? 'Nash' : 'unregulated Nash';
  const head = `Period ${state.t}, ${params.agents} agents, ${rule}: total effort ${fmt(m.totalEffort)} (${nash} ${fmt(b.nash)}, optimum ${fmt(b.optimum)})`;
  const stock = `stock ${fmt(state.stock)} of ${commonsHarvestFixed.capacity}`;
  if (!(b.welfareOptimum > 0))
    return `${head}; fishing does not pay at this cost, so the best effort is zero; ${stock}.`;
  const share = Math.round((100 * m.welfare) / b.welfareOptimum);
  return `${head}: welfare at ${share}% of the optimum; ${stock}.`;
}

function dataOf(samples: readonly Sample[]): SimData {
  return {
    columns: ['period', 'total effort', 'stock', 'long-run rent', 'rent this period'],
    rows: samples.map((s) => [s.t, s.effort, s.stock, s.welfare, s.rent]),
  };
}

const PARAM_NAMES = Object.keys(commonsHarvestParams) as (keyof Values & string)[];

/** Renders the fishery: welfare over time, each agent's effort, the stock over time, and the controls. */
export function CommonsHarvest(props: CommonsHarvestProps) {
  const embedKey = props.embedKey ?? props.id ?? commonsHarvestInfo.name;
  const [initial] = useState(() => mergeProps(commonsHarvestParams, props));
  const url = useUrlState(embedKey, commonsHarvestParams, initial);
  const key = serializeParams(url.values, commonsHarvestParams);
  const params = commonsHarvestModelParams(url.values);

  // The run is derived from the parameters: a new key restarts it synchronously in render, so
  // no frame ever shows an old run against new benchmarks.
  const runRef = useRef<Run | null>(null);
  if (!runRef.current || runRef.current.key !== key) runRef.current = startRun(params, key, COMMONS_WARMUP_STEPS);
  const run = runRef.current;
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(20);
  const reducedMotion = usePrefersReducedMotion();

  const step = useCallback((n: number) => {
    if (runRef.current) runRef.current = advance(runRef.current, n);
    redraw(0);
  }, []);
  const reset = () => {
    runRef.current = startRun(params, key, 0);
    redraw(0);
  };
  useAnimationLoop(step, { running, speed, reducedMotion });

  useAutoplay(props.autoplay, reducedMotion, () => setRunning(true), () => setRunning(false));

  const b = commonsBenchmarks(params);
  const { state, samples } = run;
  const now = samples.at(-1)!;
  const ts = samples.map((s) => s.t);
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;

  const controls = (
    <>
      <ControlGroup legend="Run">
        <PlayPauseButton running={running} onToggle={() => setRunning((r) => !r)} disabled={disabled} />
        <StepButton onStep={() => step(1)} disabled={disabled} />
        <ResetButton onReset={reset} disabled={disabled} />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} disabled={disabled} />
      </ControlGroup>
      <ControlGroup legend="Model">
        {PARAM_NAMES.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={commonsHarvestParams[name]}
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
      title={commonsHarvestInfo.title}
      caption={commonsCaption(state, params, b)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(samples)}
      link={url.link}
      about={commonsHarvestInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <LineChart
        title="Welfare (total rent)"
        x={ts}
        series={[
          { label: 'Long-run rent at current effort', values: samples.map((s) => s.welfare) },
          { label: 'Rent this period', values: samples.map((s) => s.rent) },
        ]}
        references={[
          { value: b.welfareOptimum, label: `optimum ${fmt(b.welfareOptimum)}` },
          { value: b.welfareNash, label: `Nash ${fmt(b.welfareNash)}` },
        ]}
        xLabel="Period"
        yLabel="Rent per period"
        summary={`Total rent over ${state.t} periods, now ${fmt(now.welfare)} in the long run, against ${fmt(b.welfareOptimum)} at the optimum and ${fmt(b.welfareNash)} at the Nash equilibrium.`}
      />
      <BarChart
        title="Effort of each agent"
        bars={state.efforts.map((e, i) => ({ label: String(i + 1), value: e }))}
        references={[
          { value: b.nash / params.agents, label: `Nash ${fmt(b.nash / params.agents)}` },
          { value: b.optimum / params.agents, label: `optimum ${fmt(b.optimum / params.agents)}` },
        ]}
        xLabel="Agent"
        yLabel="Effort"
        summary={`Effort of each of ${params.agents} agents, from ${fmt(Math.min(...state.efforts))} to ${fmt(Math.max(...state.efforts))}; ${fmt(b.nash / params.agents)} each at the Nash equilibrium, ${fmt(b.optimum / params.agents)} at the optimum.`}
      />
      <LineChart
        title="Fish stock"
        x={ts}
        series={[{ label: 'Stock', values: samples.map((s) => s.stock) }]}
        references={[
          { value: b.stockOptimum, label: `optimum ${fmt(b.stockOptimum)}` },
          { value: b.stockOpenAccess, label: `open access ${fmt(b.stockOpenAccess)}` },
        ]}
        xLabel="Period"
        yLabel="Stock"
        summary={`Stock over ${state.t} periods, now ${fmt(state.stock)}; ${fmt(b.stockOptimum)} at the optimum and ${fmt(b.stockOpenAccess)} under open access.`}
      />
    </SimFrame>
  );
}

export default CommonsHarvest;
