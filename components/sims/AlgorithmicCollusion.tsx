/**
 * The algorithmic-collusion simulation: two Q-learning firms price in Calvano et al.'s logit
 * duopoly (src/models/learning/q-pricing.ts). A run takes one to several million periods, so it
 * goes to a Web Worker with a progress bar and a cancel button; until the reader runs one, the
 * figure shows a precomputed baseline run (algorithmic-collusion.baseline.ts, checked against the
 * model by the tests), which is also what the server renders.
 *
 * After convergence, "Force a price cut" makes one firm undercut for a period and replays, period
 * by period, how the learned strategies punish it and return to the high prices.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { forcedDeviation, type ImpulseResponse, type QPricingOutcome } from '../../src/models/learning/q-pricing.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { BarChart } from '../kit/charts/BarChart.tsx';
import { LineChart } from '../kit/charts/LineChart.tsx';
import { ControlGroup, ParamControl, SelectField } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, useAutoplay, usePrefersReducedMotion } from '../kit/hooks.ts';
import { mergeProps, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { useWorkerRun, type WorkerStatus } from '../kit/worker.ts';
import { BASELINE_INPUT, BASELINE_RUN, expandCollusionRun } from './algorithmic-collusion.baseline.ts';
import {
  PAPER_PROFIT_GAIN,
  algorithmicCollusionInfo,
  algorithmicCollusionParams,
} from './algorithmic-collusion.params.ts';
import type { CollusionInput, CollusionRun } from './algorithmic-collusion.worker.ts';

type Values = ParamValues<typeof algorithmicCollusionParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type AlgorithmicCollusionProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "algorithmic-collusion". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start a run after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

/** Periods of greedy play shown before the forced cut, and after it. */
export const CUT_BEFORE = 3;
export const CUT_AFTER = 15;
const CUT_TOTAL = CUT_BEFORE + 1 + CUT_AFTER;
/** Periods of the impulse response revealed per second while it replays. */
const CUT_SPEED = 4;

/** Returns the worker input for the simulation's values. */
export function collusionInput(values: Values): CollusionInput {
  return { seed: values.seed, alpha: values.alpha, beta: Number(values.beta), delta: values.delta };
}

function sameInput(a: CollusionInput, b: CollusionInput): boolean {
  return a.seed === b.seed && a.alpha === b.alpha && a.beta === b.beta && a.delta === b.delta;
}

let baselineCache: CollusionRun | undefined;

/** Returns the precomputed baseline run (seed 0 at Calvano et al.'s α, β, δ), rebuilt once from its table. */
export function baselineCollusionRun(): CollusionRun {
  baselineCache ??= expandCollusionRun(BASELINE_INPUT, BASELINE_RUN);
  return baselineCache;
}

const SUPERSCRIPT: Readonly<Record<string, string>> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** Returns β in words-and-symbols form, e.g. 4e-6 → "4 × 10⁻⁶". */
export function betaText(beta: number): string {
  if (!(beta > 0)) return String(beta);
  const exponent = Math.floor(Math.log10(beta) + 1e-9);
  const mantissa = Number((beta / 10 ** exponent).toPrecision(3));
  const power = `10${Array.from(String(exponent), (c) => SUPERSCRIPT[c] ?? c).join('')}`;
  return mantissa === 1 ? power : `${fmt(mantissa)} × ${power}`;
}

function settingsText(input: CollusionInput): string {
  return `seed ${input.seed}, α = ${fmt(input.alpha)}, β = ${betaText(input.beta)}, δ = ${fmt(input.delta)}`;
}

/** What a forced price cut did: the cut, the rival's answer and how long until both are back on their cycle. */
export type CutSummary = {
  readonly firm: 0 | 1;
  /** The price the cutting firm would have charged in that period without the cut. */
  readonly before: number;
  readonly cut: number;
  /** The rival's lowest price after the cut, and its lowest price on the cycle. */
  readonly rivalLowest: number;
  readonly rivalCycleLowest: number;
  /** Periods after the cut until both firms are back on the learned cycle (null: not within the window). */
  readonly back: number | null;
};

/** Returns the summary of the impulse response `response` of `outcome` when `firm` cuts. */
export function summarizeCut(outcome: QPricingOutcome, response: ImpulseResponse, firm: 0 | 1): CutSummary {
  const grid = outcome.priceGrid;
  const m = grid.length;
  const k = response.deviationPeriod;
  const rival = firm === 0 ? 1 : 0;
  const index = (t: number): [number, number] => [
    grid.indexOf(response.prices[0][t]!),
    grid.indexOf(response.prices[1][t]!),
  ];
  // Without the cut, the firm would have played its greedy price in the state of period k − 1.
  const [p0, p1] = index(k - 1);
  const before = grid[outcome.strategies[firm][p0 * m + p1]!]!;
  const onCycle = new Set(outcome.cycle.map(([a0, a1]) => a0 * m + a1));
  let back: number | null = null;
  let rivalLowest = Infinity;
  for (let t = k + 1; t < response.prices[0].length; t++) {
    rivalLowest = Math.min(rivalLowest, response.prices[rival][t]!);
    const [a0, a1] = index(t);
    if (back === null && onCycle.has(a0 * m + a1)) back = t - k;
  }
  const rivalCycleLowest = Math.min(...outcome.cycle.map((pair) => grid[pair[rival]]!));
  return { firm, before, cut: response.prices[firm][k]!, rivalLowest, rivalCycleLowest, back };
}

/** What the caption describes: the run shown, whether it is the precomputed one, the worker's state and the cut. */
export type CollusionCaptionState = {
  readonly run: CollusionRun;
  readonly precomputed: boolean;
  readonly current: CollusionInput;
  readonly status: WorkerStatus;
  readonly progress: number;
  readonly error?: string | undefined;
  readonly cut: CutSummary;
};

/** Prices in the caption: two decimals, as the grid's spacing (about 0.04) warrants. */
const price = (p: number) => p.toFixed(2);

/** Returns the caption: the run's settings and outcome against Nash, monopoly and the paper's Δ ≈ 0.85, then the forced cut, in words. */
export function collusionCaption(s: CollusionCaptionState): string {
  const o = s.run.outcome;
  const millions = `${(o.periods / 1e6).toFixed(2)} million`;
  const head = s.precomputed
    ? `Precomputed baseline run (${settingsText(s.run.input)})`
    : `Run with ${settingsText(s.run.input)}`;
  const ended = o.converged
    ? `the firms’ strategies converged after ${millions} periods`
    : `the run stopped after ${millions} periods without converging`;
  const cycle = o.cycle.length === 1 ? 'a steady pair of prices' : `a ${o.cycle.length}-period cycle of prices`;
  const outcome =
    `${head}: ${ended}, settling into ${cycle} averaging ${price(o.prices[0])} and ${price(o.prices[1])} ` +
    `(Nash ${price(o.nashPrice)}, monopoly ${price(o.monopolyPrice)}), a profit gain Δ = ${o.profitGain.toFixed(2)} ` +
    `(Calvano et al. 2020: about ${PAPER_PROFIT_GAIN} on average at the baseline).`;
  const c = s.cut;
  const who = `firm ${c.firm + 1}`;
  const rival = `firm ${2 - c.firm}`;
  const answer =
    c.rivalLowest < c.rivalCycleLowest
      ? `${rival} punishes it with prices as low as ${price(c.rivalLowest)}`
      : `${rival} does not go below its cycle prices`;
  const back =
    c.back === null
      ? `they are not back on their cycle within ${CUT_AFTER} periods`
      : `both are back on their cycle ${c.back} period${c.back === 1 ? '' : 's'} after the cut`;
  const cut = `Forced price cut: ${who} cuts from ${price(c.before)} to ${price(c.cut)} for one period; ${answer}, and ${back}.`;
  let prefix = '';
  if (s.status === 'running') {
    prefix = `Learning with ${settingsText(s.current)}: ${Math.round(s.progress * 100)}% done. Still shown: `;
  } else if (s.status === 'error') {
    prefix = `The run failed (${s.error ?? 'unknown error'}). Still shown: `;
  } else {
    const notes: string[] = [];
    if (s.status === 'cancelled') notes.push('Run cancelled.');
    if (!sameInput(s.current, s.run.input))
      notes.push(`Press “Run Q-learning” to learn with ${settingsText(s.current)}.`);
    if (notes.length > 0) prefix = `${notes.join(' ')} Shown: `;
  }
  return `${prefix}${outcome} ${cut}`;
}

function dataOf(run: CollusionRun): SimData {
  return {
    columns: ['period', 'firm 1 average price', 'firm 2 average price'],
    rows: run.periods.map((t, k) => [t, run.prices[0][k]!, run.prices[1][k]!]),
  };
}

const PARAM_NAMES = Object.keys(algorithmicCollusionParams) as (keyof Values & string)[];

const FIRM_OPTIONS = [
  { value: '0', label: 'Firm 1' },
  { value: '1', label: 'Firm 2' },
] as const;

const createWorker = () =>
  new Worker(new URL('./algorithmic-collusion.worker.ts', import.meta.url), { type: 'module' });

/** Renders the duopoly: prices while learning, the profit gain, the forced price cut, and the controls. */
export function AlgorithmicCollusion(props: AlgorithmicCollusionProps) {
  const embedKey = props.embedKey ?? props.id ?? algorithmicCollusionInfo.name;
  const [initial] = useState(() => mergeProps(algorithmicCollusionParams, props));
  const url = useUrlState(embedKey, algorithmicCollusionParams, initial);
  const current = collusionInput(url.values);
  const worker = useWorkerRun<CollusionInput, CollusionRun>(createWorker);
  const [shown, setShown] = useState(() => ({ run: baselineCollusionRun(), precomputed: true }));
  const [cutter, setCutter] = useState<'0' | '1'>('0');
  const [cut, setCut] = useState<{ firm: 0 | 1; revealed: number }>({ firm: 0, revealed: CUT_TOTAL });
  const [replaying, setReplaying] = useState(false);
  const reducedMotion = usePrefersReducedMotion();

  useEffect(() => {
    if (worker.status !== 'done' || !worker.result) return;
    setShown({ run: worker.result, precomputed: false });
    setReplaying(false);
    setCut((c) => ({ firm: c.firm, revealed: CUT_TOTAL }));
  }, [worker.status, worker.result]);

  const start = () => worker.run(current);

  // autoplay once the link's settings have been read, so the run uses them; reduced motion
  // stops the price-cut replay (the run itself is computation in a worker, not motion)
  useAutoplay(props.autoplay, reducedMotion, start, () => setReplaying(false), url.hydrated);

  const stepCut = useCallback((n: number) => {
    setCut((c) => ({ firm: c.firm, revealed: Math.min(CUT_TOTAL, c.revealed + n) }));
  }, []);
  useAnimationLoop(stepCut, { running: replaying, speed: CUT_SPEED, reducedMotion });
  useEffect(() => {
    if (cut.revealed >= CUT_TOTAL) setReplaying(false);
  }, [cut.revealed]);

  const forceCut = () => {
    // Show the periods before the cut and the cut itself, then replay the response.
    setCut({ firm: cutter === '1' ? 1 : 0, revealed: CUT_BEFORE + 1 });
    setReplaying(true);
  };

  const { run } = shown;
  const o = run.outcome;
  const response = forcedDeviation(o, cut.firm, CUT_AFTER, { preShock: CUT_BEFORE });
  const summary = summarizeCut(o, response, cut.firm);
  const running = worker.status === 'running';
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const grid = o.priceGrid;
  const priceDomain: [number, number] = [grid[0]!, grid[grid.length - 1]!];
  const refs = [
    { value: o.monopolyPrice, label: `monopoly ${fmt(o.monopolyPrice)}` },
    { value: o.nashPrice, label: `Nash ${fmt(o.nashPrice)}` },
  ];
  const cutX = Array.from({ length: CUT_TOTAL }, (_, t) => t - CUT_BEFORE);
  const reveal = (values: readonly number[]) => values.map((v, t) => (t < cut.revealed ? v : Number.NaN));
  const gains = [
    { label: 'Firm 1', value: o.profitGains[0] },
    { label: 'Firm 2', value: o.profitGains[1] },
    { label: 'Average', value: o.profitGain },
  ];
  const lastPrice = (f: 0 | 1) => run.prices[f].at(-1) ?? Number.NaN;
  const progressValue = running ? worker.progress : worker.status === 'done' ? 1 : 0;

  const controls = (
    <>
      <ControlGroup legend="Learning">
        <button type="button" class="sim-button sim-play" onClick={start} disabled={disabled}>
          {running ? 'Restart' : 'Run Q-learning'}
        </button>
        <button type="button" class="sim-button" onClick={worker.cancel} disabled={disabled || !running}>
          Cancel
        </button>
        <div class="sim-field">
          <label for={`${base}-progress`}>Progress</label>
          <progress id={`${base}-progress`} max={1} value={progressValue}>
            {Math.round(progressValue * 100)}%
          </progress>
        </div>
      </ControlGroup>
      <ControlGroup legend="Parameters">
        {PARAM_NAMES.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={algorithmicCollusionParams[name]}
            value={url.values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled || running}
          />
        ))}
      </ControlGroup>
      <ControlGroup legend="After convergence">
        <SelectField
          id={`${base}-cutter`}
          label="Firm that cuts"
          value={cutter}
          options={FIRM_OPTIONS}
          onChange={setCutter}
          disabled={disabled}
        />
        <button type="button" class="sim-button" onClick={forceCut} disabled={disabled}>
          Force a price cut
        </button>
      </ControlGroup>
    </>
  );

  return (
    <SimFrame
      embedKey={embedKey}
      title={algorithmicCollusionInfo.title}
      caption={collusionCaption({
        run,
        precomputed: shown.precomputed,
        current,
        status: worker.status,
        progress: worker.progress,
        error: worker.error,
        cut: summary,
      })}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(run)}
      link={url.link}
      about={algorithmicCollusionInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <div style={{ gridColumn: '1 / -1' }}>
        <LineChart
          title={shown.precomputed ? 'Prices while learning (precomputed baseline run)' : 'Prices while learning'}
          x={run.periods.map((t) => t / 1e6)}
          series={[
            { label: 'Firm 1', values: run.prices[0] },
            { label: 'Firm 2', values: run.prices[1] },
          ]}
          references={refs}
          yDomain={priceDomain}
          xDomain={[0, Math.max(0.1, (run.periods.at(-1) ?? 0) / 1e6)]}
          xLabel="Period (millions)"
          yLabel="Average price"
          size={{ width: 600, height: 220 }}
          summary={`Average prices per ${fmt(run.periods[0] ?? 0)} periods over ${(o.periods / 1e6).toFixed(2)} million periods, ending at ${fmt(lastPrice(0))} and ${fmt(lastPrice(1))}, against the Nash price ${fmt(o.nashPrice)} and the monopoly price ${fmt(o.monopolyPrice)}.`}
        />
      </div>
      <BarChart
        title="Profit gain Δ after convergence (0 = Nash, 1 = monopoly)"
        bars={gains}
        references={[
          { value: 1, label: 'monopoly 1' },
          { value: PAPER_PROFIT_GAIN, label: `paper ≈ ${PAPER_PROFIT_GAIN}` },
          { value: 0, label: 'Nash 0' },
        ]}
        yDomain={[Math.min(0, ...gains.map((g) => g.value)), 1]}
        xLabel="Firm"
        yLabel="Profit gain Δ"
        summary={`Profit gain of firm 1 ${o.profitGains[0].toFixed(2)}, firm 2 ${o.profitGains[1].toFixed(2)}, average ${o.profitGain.toFixed(2)}; 0 is the Nash profit, 1 the monopoly profit, and Calvano et al. report about ${PAPER_PROFIT_GAIN}.`}
      />
      <LineChart
        title={`Firm ${cut.firm + 1} cuts its price in period 0`}
        x={cutX}
        series={[
          { label: 'Firm 1', values: reveal(response.prices[0]) },
          { label: 'Firm 2', values: reveal(response.prices[1]) },
        ]}
        references={refs}
        yDomain={priceDomain}
        xLabel="Periods after the cut"
        yLabel="Price"
        summary={`Prices from ${CUT_BEFORE} periods before to ${CUT_AFTER} after firm ${cut.firm + 1} cuts from ${fmt(summary.before)} to ${fmt(summary.cut)}; the rival's lowest price afterwards is ${fmt(summary.rivalLowest)}${summary.back === null ? '' : `, and both are back on their cycle after ${summary.back} periods`}.`}
      />
    </SimFrame>
  );
}

export default AlgorithmicCollusion;
