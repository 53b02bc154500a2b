/**
 * The public-goods simulation: N learning players repeat the linear public goods game
 * (src/models/commons/public-goods.ts), with or without costly punishment of low contributors.
 *
 * Any parameter change restarts the run and computes its first PUBLIC_GOODS_WARMUP_ROUNDS rounds
 * at once (as the server render does), so the figure always shows where contributions go; Reset
 * goes back to round 0 so Play and Step show the learning from the start.
 */
import { useCallback, useReducer, useRef, useState } from 'preact/hooks';
import { line } from 'd3-shape';
import {
  createPublicGoods,
  playPublicGoodsRound,
  publicGoodsNashContribution,
  publicGoodsOptimalContribution,
  stepPublicGoods,
  type PublicGoodsParams,
  type PublicGoodsState,
} from '../../src/models/commons/public-goods.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { LineChart } from '../kit/charts/LineChart.tsx';
import {
  AxisBottom,
  AxisLeft,
  ChartSvg,
  ChartTitle,
  DEFAULT_SIZE,
  ReferenceLines,
  plotBox,
  seriesColor,
} from '../kit/charts/axes.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';
import { ControlGroup, ParamControl, PlayPauseButton, ResetButton, SpeedSelect, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import {
  PUBLIC_GOODS_WARMUP_ROUNDS,
  publicGoodsFixed,
  publicGoodsInfo,
  publicGoodsSimParams,
} from './public-goods.params.ts';

type Values = ParamValues<typeof publicGoodsSimParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type PublicGoodsProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "public-goods". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

type Sample = { readonly t: number; readonly contributions: readonly number[]; readonly payoff: number };
type Run = { readonly key: string; readonly params: PublicGoodsParams; readonly state: PublicGoodsState; readonly samples: readonly Sample[] };

// Rounds kept for the charts; beyond this, older rounds are thinned to every other one.
const MAX_SAMPLES = 1200;

/** Returns the model parameters for the simulation's values. */
export function publicGoodsModelParams(values: Values): PublicGoodsParams {
  return {
    players: values.players,
    endowment: publicGoodsFixed.endowment,
    multiplier: values.multiplier,
    punishment: values.punishment,
    punishCost: publicGoodsFixed.punishCost,
    punishImpact: values.fine,
    learning: values.learning,
    noise: values.noise,
    seed: values.seed,
  };
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function sampleOf(state: PublicGoodsState, params: PublicGoodsParams): Sample {
  const round = playPublicGoodsRound(params, state.contributions);
  return { t: state.round, contributions: state.contributions, payoff: mean(round.payoffs) };
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
    state = stepPublicGoods(state, run.params);
    samples.push(sampleOf(state, run.params));
    if (samples.length > MAX_SAMPLES) samples = thin(samples);
  }
  return { ...run, state, samples };
}

function startRun(params: PublicGoodsParams, key: string, warmup: number): Run {
  const state = createPublicGoods(params);
  return advance({ key, params, state, samples: [sampleOf(state, params)] }, warmup);
}

/** Returns the caption: the round, the average contribution against the Nash level and the optimum, payoffs, and how it compares with Fehr & Gächter (2000). */
export function publicGoodsCaption(samples: readonly Sample[], params: PublicGoodsParams): string {
  const first = samples[0]!;
  const now = samples.at(-1)!;
  const e = params.endowment;
  const avg = mean(now.contributions);
  const share = Math.round((100 * avg) / e);
  const rule = params.punishment
    ? `with punishment (fine ${fmt(params.punishImpact)} per unit, cost ${fmt(params.punishCost)})`
    : 'no punishment';
  const nash = publicGoodsNashContribution(params);
  const optimum = publicGoodsOptimalContribution(params);
  const head = `Round ${now.t}, ${params.players} players, r = ${fmt(params.multiplier)}, ${rule}: average contribution ${fmt(avg)} of ${e} tokens (${share}%)${now.t > 0 ? `, from ${fmt(mean(first.contributions))} in round ${first.t}` : ''}; the Nash equilibrium is ${nash}, the optimum ${optimum}.`;
  const pay = `Average payoff ${fmt(now.payoff)} a round, against ${fmt(e)} at the Nash equilibrium and ${fmt(params.multiplier * e)} at the optimum.`;
  let compare = '';
  if (now.t >= 30) {
    if (!params.punishment && avg < 0.25 * e)
      compare = ' As in Fehr and Gächter’s (2000) experiments without punishment, contributions have decayed toward zero.';
    else if (params.punishment && avg > 0.6 * e)
      compare = ' As in Fehr and Gächter’s (2000) experiments with punishment, contributions stay high.';
    else if (params.punishment)
      compare = ' This fine is too weak to hold contributions up, unlike the punishment in Fehr and Gächter’s (2000) experiments.';
  }
  return `${head} ${pay}${compare}`;
}

function dataOf(samples: readonly Sample[], players: number): SimData {
  return {
    columns: ['round', 'average contribution', 'average payoff', ...Array.from({ length: players }, (_, i) => `player ${i + 1}`)],
    rows: samples.map((s) => [s.t, mean(s.contributions), s.payoff, ...s.contributions]),
  };
}

/** Contributions over rounds: each player as a thin line, the average as a thick one, the Nash level and the optimum drawn. */
function ContributionChart(props: { samples: readonly Sample[]; players: number; endowment: number; summary: string }) {
  const size = DEFAULT_SIZE;
  const box = plotBox(size);
  const { samples } = props;
  const last = samples.at(-1)!.t;
  const xs = linearScale([samples[0]!.t, Math.max(last, samples[0]!.t + 1)], [box.x0, box.x1]);
  const ys = linearScale([0, props.endowment], [box.y1, box.y0]);
  const path = line<number>()
    .x((_, i) => xs(samples[i]!.t))
    .y((v) => ys(v))
    .digits(1);
  return (
    <div class="sim-chart">
      <ChartTitle title="Contributions per round" />
      <ChartSvg size={size} summary={props.summary}>
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label="Tokens given" />
        <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label="Round" />
        <ReferenceLines
          lines={[
            { value: props.endowment, label: `optimum ${props.endowment}` },
            { value: 0, label: 'Nash 0' },
          ]}
          scale={ys}
          {...box}
        />
        <g stroke={seriesColor(7)} stroke-opacity="0.55" fill="none" stroke-width="1">
          {Array.from({ length: props.players }, (_, i) => (
            <path key={i} d={path(samples.map((s) => s.contributions[i] ?? Number.NaN)) ?? ''} />
          ))}
        </g>
        <path class="sim-line" d={path(samples.map((s) => mean(s.contributions))) ?? ''} stroke={seriesColor(0)} />
      </ChartSvg>
      <ul class="sim-legend">
        <li>
          <svg width="24" height="10" aria-hidden="true">
            <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColor(0)} stroke-width="2.5" />
          </svg>
          Average
        </li>
        <li>
          <svg width="24" height="10" aria-hidden="true">
            <line x1="0" x2="24" y1="5" y2="5" stroke={seriesColor(7)} stroke-opacity="0.7" stroke-width="1" />
          </svg>
          Each player
        </li>
      </ul>
    </div>
  );
}

const PARAM_NAMES = Object.keys(publicGoodsSimParams) as (keyof Values & string)[];

/** Renders contributions and payoffs over the rounds, and the controls. */
export function PublicGoods(props: PublicGoodsProps) {
  const embedKey = props.embedKey ?? props.id ?? publicGoodsInfo.name;
  const [initial] = useState(() => mergeProps(publicGoodsSimParams, props));
  const url = useUrlState(embedKey, publicGoodsSimParams, initial);
  const key = serializeParams(url.values, publicGoodsSimParams);
  const params = publicGoodsModelParams(url.values);

  // The run is derived from the parameters: a new key restarts it synchronously in render.
  const runRef = useRef<Run | null>(null);
  if (!runRef.current || runRef.current.key !== key) runRef.current = startRun(params, key, PUBLIC_GOODS_WARMUP_ROUNDS);
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

  const { samples } = run;
  const now = samples.at(-1)!;
  const e = params.endowment;
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const shown = PARAM_NAMES.filter((name) => name !== 'fine' || url.values.punishment);

  const controls = (
    <>
      <ControlGroup legend="Run">
        <PlayPauseButton running={running} onToggle={() => setRunning((r) => !r)} disabled={disabled} />
        <StepButton onStep={() => step(1)} disabled={disabled} />
        <ResetButton onReset={reset} disabled={disabled} />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} disabled={disabled} />
      </ControlGroup>
      <ControlGroup legend="Game">
        {shown.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={publicGoodsSimParams[name]}
            value={url.values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
    </>
  );

  const avg = mean(now.contributions);
  return (
    <SimFrame
      embedKey={embedKey}
      title={publicGoodsInfo.title}
      caption={publicGoodsCaption(samples, params)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(samples, params.players)}
      link={url.link}
      about={publicGoodsInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <ContributionChart
        samples={samples}
        players={params.players}
        endowment={e}
        summary={`Contributions of ${params.players} players over ${now.t} rounds; the average is now ${fmt(avg)} of ${e} tokens, against 0 at the Nash equilibrium and ${e} at the optimum.`}
      />
      <LineChart
        title="Average payoff per round"
        x={samples.map((s) => s.t)}
        series={[{ label: params.punishment ? 'Average payoff, after punishment' : 'Average payoff', values: samples.map((s) => s.payoff) }]}
        references={[
          { value: params.multiplier * e, label: `optimum ${fmt(params.multiplier * e)}` },
          { value: e, label: `Nash ${e}` },
        ]}
        xLabel="Round"
        yLabel="Tokens earned"
        summary={`Average payoff over ${now.t} rounds, now ${fmt(now.payoff)}; ${e} at the Nash equilibrium and ${fmt(params.multiplier * e)} at the optimum.`}
      />
    </SimFrame>
  );
}

export default PublicGoods;
