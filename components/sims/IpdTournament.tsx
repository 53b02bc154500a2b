/**
 * The ipd-tournament simulation: Axelrod's round robin of iterated prisoner's dilemma strategies
 * and its ecological continuation (src/models/dilemmas, src/models/evolution).
 *
 * The round robin is computed at once when it is small (and always for the first render, which
 * the server draws too); a larger one runs in a Web Worker with progress and cancel, while the
 * figure keeps showing the last result. The ecological tournament is cheap: any change shows it
 * to the last generation, Reset goes back to generation 0, and Play and Step walk through it.
 */
import type { JSX } from 'preact';
import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import { countRoundRobinTurns } from '../../src/models/dilemmas/round-robin-steps.ts';
import type { StrategyId } from '../../src/models/dilemmas/strategies.ts';
import type { TournamentResult } from '../../src/models/dilemmas/tournament.ts';
import { discreteReplicator } from '../../src/models/evolution/replicator.ts';
import { SimFrame, sampleRows, type SimData } from '../kit/SimFrame.tsx';
import {
  AxisBottom,
  AxisLeft,
  ChartSvg,
  ChartTitle,
  plotBox,
  r1,
  seriesColor,
  spreadLabels,
  type ChartSize,
} from '../kit/charts/axes.tsx';
import { linearScale } from '../kit/charts/linear-scale.ts';
import {
  ControlGroup,
  ParamControl,
  PlayPauseButton,
  ResetButton,
  SpeedSelect,
  StepButton,
  Toggle,
} from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { useWorkerRun } from '../kit/worker.ts';
import {
  IPD_ENTRANTS,
  IPD_MAX_GENERATIONS,
  IPD_SYNC_TURNS,
  ipdTournamentInfo,
  ipdTournamentParams,
  type IpdEntrant,
} from './ipd-tournament.params.ts';
import { computeIpdRoundRobin, type IpdRunInput, type IpdRunOutput } from './ipd-tournament.run.ts';

type Values = ParamValues<typeof ipdTournamentParams>;
type EntrantParam = (typeof IPD_ENTRANTS)[number]['param'];

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type IpdTournamentProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "ipd-tournament". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing the ecological tournament after hydration (never with reduced motion); default false. */
  readonly autoplay?: boolean;
};

/** Returns the round robin the values ask for (entrants in checkbox order), or null with fewer than two entrants. */
export function ipdRunInput(values: Values): IpdRunInput | null {
  const strategies = IPD_ENTRANTS.filter((e) => values[e.param as EntrantParam]).map((e) => e.id);
  if (strategies.length < 2) return null;
  const { turns, noise, repetitions, seed } = values;
  return {
    key: `${strategies.join('+')}|${turns}|${noise}|${repetitions}|${seed}`,
    strategies,
    turns,
    noise,
    repetitions,
    seed,
  };
}

/** Returns the turns the round robin plays in all: what decides whether it runs in a worker. */
export function ipdWork(input: IpdRunInput): number {
  return countRoundRobinTurns(input.strategies, {
    turns: input.turns,
    noise: input.noise,
    repetitions: input.repetitions,
  });
}

function entrantOf(id: string): IpdEntrant {
  return IPD_ENTRANTS.find((e) => e.id === id) ?? { param: id, id: id as StrategyId, short: id, name: id };
}

/** Strategies that are never the first to defect (Axelrod's "nice" rules). */
const NICE = new Set<string>([
  'always-cooperate',
  'tit-for-tat',
  'tit-for-two-tats',
  'two-tits-for-tat',
  'generous-tit-for-tat',
  'grudger',
  'win-stay-lose-shift',
  'davis',
  'grofman',
  'shubik',
]);
const FORGIVING_UNDER_NOISE = new Set<string>(['generous-tit-for-tat', 'win-stay-lose-shift']);

// Strategies named after their authors keep their capital inside a sentence.
const PROPER_NAMES = new Set(['Joss', 'Davis', 'Grofman', 'Shubik']);
const inSentence = (name: string) => (PROPER_NAMES.has(name) ? name : name.charAt(0).toLowerCase() + name.slice(1));

/** Shares below this count as extinct in the caption. */
const EXTINCT = 1e-3;

const pct = (p: number) => `${fmt(100 * p, 3)}%`;

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Returns the caption: the round robin's ranking, the ecological tournament at generation g and how it compares with Axelrod's findings. */
export function ipdCaption(
  values: Pick<Values, 'turns' | 'noise' | 'repetitions'>,
  result: TournamentResult,
  shares: readonly (readonly number[])[],
  g: number,
): string {
  const names = result.strategies.map((id) => inSentence(entrantOf(id).name));
  const k = result.strategies.length;
  const top = result.ranking.slice(0, 3).map((i) => `${names[i]} (${fmt(result.scores[i]!, 3)})`);
  const noise = values.noise === 0 ? 'no noise' : `${pct(values.noise)} noise`;
  const head = `Round robin of ${k} strategies, ${values.turns} turns a match, ${noise}, ${values.repetitions} match${values.repetitions === 1 ? '' : 'es'} a pair: ${top[0]} scores most per turn, ahead of ${listText(top.slice(1))}`;
  const alld = result.strategies.indexOf('always-defect');
  const alldRank =
    alld >= 0 && !result.ranking.slice(0, 3).includes(alld)
      ? `; always defect ranks ${ordinal(result.ranking.indexOf(alld) + 1)} of ${k}`
      : '';

  const x = shares[g]!;
  const order = x.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const leaders = order.filter((o, r) => r < 3 && o.v >= 0.05).map((o) => `${names[o.i]} ${pct(o.v)}`);
  const equal = x.every((v) => Math.abs(v - x[0]!) < 1e-12);
  const eco = `Ecological tournament, generation ${g}: ${
    equal ? `all ${k} strategies have equal shares (${pct(x[0]!)} each)` : listText(leaders)
  }`;
  let alldEco = '';
  if (alld >= 0 && !order.slice(0, leaders.length).some((o) => o.i === alld)) {
    const died = shares.findIndex((s) => s[alld]! < EXTINCT);
    alldEco =
      x[alld]! < EXTINCT && died >= 0
        ? `; always defect has died out (below 0.1% since generation ${died})`
        : `; always defect holds ${pct(x[alld]!)}`;
  }
  const leader = result.strategies[order[0]!.i]!;
  let compare: string;
  if (values.noise === 0) {
    const pattern = NICE.has(leader) && (alld < 0 || x[alld]! < EXTINCT);
    compare = pattern
      ? ' As in Axelrod’s tournaments, nice strategies that retaliate do best, and exploiters die out once their prey is gone.'
      : ' Axelrod found nice, retaliatory strategies such as tit for tat doing best; this field of entrants is different enough to change that.';
  } else {
    const echo = ' With noise, a single mistake locks tit for tat and its twin into an echo of retaliation';
    compare = FORGIVING_UNDER_NOISE.has(leader)
      ? `${echo}; ${inSentence(entrantOf(leader).name)} forgives and recovers, which is why it leads.`
      : NICE.has(leader)
        ? `${echo}; forgiving strategies such as generous tit for tat and win-stay, lose-shift usually do better, but here ${inSentence(entrantOf(leader).name)} leads.`
        : `${echo}, and with this much of it cooperation pays so little that ${inSentence(entrantOf(leader).name)} can take over; with less noise, forgiving strategies such as generous tit for tat and win-stay, lose-shift usually come out ahead.`;
  }
  return `${head}${alldRank}. ${eco}${alldEco}.${compare}`;
}

// ---- drawing -------------------------------------------------------------------------------

const DASHES = ['', '7 4', '2 3', '10 3 2 3'];

/** The colour and dash of entrant k: colours repeat after eight, and the dash then changes, so no two of fifteen look alike. */
function entrantStyle(k: number): { color: string; dash: string } {
  return { color: seriesColor(k), dash: DASHES[(k + Math.floor(k / 8)) % DASHES.length] ?? '' };
}

// Wider than the kit's default: this chart spans the whole figure, and text should not grow with it.
const SHARES_SIZE: ChartSize = { width: 860, height: 300 };
const MAX_DRAWN = 400;

/** Population shares over generations, one line per strategy, survivors labelled at the right. */
function SharesChart(props: {
  result: TournamentResult;
  shares: readonly (readonly number[])[];
  g: number;
  generations: number;
}) {
  const { result, shares, g } = props;
  const size = SHARES_SIZE;
  const box = plotBox(size);
  const xs = linearScale([0, props.generations], [box.x0, box.x1]);
  // The largest share over the whole run fixes the axis, so it does not jump while playing.
  let top = 0;
  for (const x of shares) for (const v of x) top = Math.max(top, v);
  const ys = linearScale([0, Math.min(1, Math.max(0.1, top))], [box.y1, box.y0]).nice();
  const idx = sampleRows(g + 1, MAX_DRAWN);
  // Paths by hand: d3-shape's line would be the only reason for this page to load d3.
  const path = (k: number) =>
    idx.map((t, n) => `${n === 0 ? 'M' : 'L'}${r1(xs(t))},${r1(ys(shares[t]![k]!))}`).join('');
  const now = shares[g]!;
  const labelled = result.strategies.map((_, k) => k).filter((k) => now[k]! >= 0.02);
  const labelYs = spreadLabels(
    labelled.map((k) => r1(ys(now[k]!))),
    13,
    box.y0,
    box.y1,
  );
  const names = result.strategies.map((id) => entrantOf(id));
  return (
    <div class="sim-chart" style={{ gridColumn: '1 / -1' }}>
      <ChartTitle title="Ecological tournament: share of the population" />
      <ChartSvg
        size={size}
        summary={`Population shares over ${g} generations: ${result.strategies
          .map((_, k) => k)
          .sort((a, b) => now[b]! - now[a]!)
          .map((k) => `${names[k]!.name} ${pct(now[k]!)}`)
          .join(', ')}.`}
      >
        <AxisLeft scale={ys} x={box.x0} x1={box.x1} y0={box.y0} y1={box.y1} label="Share" />
        <AxisBottom scale={xs} y={box.y1} x0={box.x0} x1={box.x1} label="Generation" />
        {result.strategies.map((id, k) => {
          const style = entrantStyle(k);
          return <path key={id} class="sim-line" d={path(k)} stroke={style.color} stroke-dasharray={style.dash} />;
        })}
        {labelled.map((k, n) => (
          <text key={k} class="sim-reference-label" x={box.x1 + 6} y={labelYs[n]} dy="0.32em">
            {names[k]!.short} {pct(now[k]!)}
          </text>
        ))}
      </ChartSvg>
      <ul class="sim-legend">
        {names.map((e, k) => {
          const style = entrantStyle(k);
          return (
            <li key={e.id}>
              <svg width="24" height="10" aria-hidden="true">
                <line
                  x1="0"
                  x2="24"
                  y1="5"
                  y2="5"
                  stroke={style.color}
                  stroke-width="2.5"
                  stroke-dasharray={style.dash}
                />
              </svg>
              {e.short === e.name ? e.name : `${e.short}: ${e.name}`}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

const thStyle: JSX.CSSProperties = { padding: '0.25rem 0.45rem', textAlign: 'left', verticalAlign: 'bottom' };
const tdStyle: JSX.CSSProperties = {
  padding: '0.25rem 0.45rem',
  textAlign: 'right',
  fontVariantNumeric: 'tabular-nums',
};

/** The ranking: each strategy's mean score per turn, its cooperation and its share at generation g. */
function RankingTable(props: { result: TournamentResult; share: readonly number[]; g: number }) {
  const { result, share } = props;
  return (
    <div class="sim-chart">
      <p class="sim-chart-title">Round robin: ranking</p>
      <div style={{ overflowX: 'auto' }}>
        <table class="sim-table" style={{ width: 'auto' }}>
          <thead>
            <tr>
              <th scope="col" style={thStyle}>
                Rank
              </th>
              <th scope="col" style={thStyle}>
                Strategy
              </th>
              <th scope="col" style={thStyle}>
                Score a turn
              </th>
              <th scope="col" style={thStyle}>
                Coop&shy;erates
              </th>
              <th scope="col" style={thStyle}>
                Share at gen. {props.g}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.ranking.map((i, r) => (
              <tr key={result.strategies[i]}>
                <td style={tdStyle}>{r + 1}</td>
                <th scope="row" style={{ ...thStyle, fontWeight: 500 }}>
                  {entrantOf(result.strategies[i]!).name}
                </th>
                <td style={tdStyle}>{result.scores[i]!.toFixed(3)}</td>
                <td style={tdStyle}>{pct(result.cooperation[i]!)}</td>
                <td style={tdStyle}>{share[i]! < EXTINCT ? '< 0.1%' : pct(share[i]!)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The pairwise scores as a table whose cells are shaded from the lowest to the highest score. */
function PairHeatmap(props: { result: TournamentResult }) {
  const { result } = props;
  const order = result.ranking;
  // Beyond eight strategies the table needs the full width of the figure.
  const wide = order.length > 8;
  const values = result.matrix.flat().filter(Number.isFinite);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const share = (v: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  const abbr = (id: string) => {
    const e = entrantOf(id);
    return <abbr title={e.name}>{e.short}</abbr>;
  };
  return (
    <div class="sim-chart" style={wide ? { gridColumn: '1 / -1' } : {}}>
      <p class="sim-chart-title">Score per turn of the row strategy against the column strategy</p>
      <div style={{ overflowX: 'auto' }} tabIndex={0}>
        <table style={{ borderCollapse: 'collapse', fontSize: '0.75rem', fontVariantNumeric: 'tabular-nums' }}>
          <caption class="sim-sr-only">
            Each cell: the mean score per turn of the strategy of its row when playing the strategy of its column.
          </caption>
          <thead>
            <tr>
              <td />
              {order.map((j) => (
                <th key={j} scope="col" style={{ padding: '0.2rem', fontWeight: 600 }}>
                  {abbr(result.strategies[j]!)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {order.map((i) => (
              <tr key={i}>
                <th scope="row" style={{ padding: '0.2rem 0.4rem', textAlign: 'right', fontWeight: 600 }}>
                  {abbr(result.strategies[i]!)}
                </th>
                {order.map((j) => {
                  const v = result.matrix[i]![j]!;
                  return (
                    <td
                      key={j}
                      style={{
                        padding: '0.2rem 0.15rem',
                        textAlign: 'center',
                        border: '1px solid var(--sim-panel)',
                        background: `color-mix(in srgb, var(--sim-heat-high) ${(share(v) * 100).toFixed(1)}%, var(--sim-heat-low))`,
                      }}
                    >
                      {/* The number sits on a panel-coloured chip, so it stays readable on any shade. */}
                      <span
                        style={{
                          background: 'var(--sim-panel)',
                          color: 'var(--sim-fg)',
                          borderRadius: '3px',
                          padding: '0 0.15rem',
                        }}
                      >
                        {Number.isFinite(v) ? v.toFixed(2) : '–'}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div class="sim-heat-legend" aria-hidden="true">
        <span>{fmt(lo)}</span>
        <span class="sim-heat-ramp" />
        <span>{fmt(hi)}</span>
      </div>
    </div>
  );
}

function dataOf(result: TournamentResult, shares: readonly (readonly number[])[], g: number): SimData {
  const names = result.strategies.map((id) => entrantOf(id).name);
  return {
    columns: ['generation', ...names.map((n) => `share ${n}`)],
    rows: shares.slice(0, g + 1).map((x, t) => [t, ...x]),
  };
}

const createWorker = () => new Worker(new URL('./ipd-tournament.worker.ts', import.meta.url), { type: 'module' });

type Shown = { readonly input: IpdRunInput; readonly result: TournamentResult };

/** Renders the ranking, the pairwise heatmap, the ecological shares over generations, and the controls. */
export function IpdTournament(props: IpdTournamentProps) {
  const embedKey = props.embedKey ?? props.id ?? ipdTournamentInfo.name;
  const [initial] = useState(() => mergeProps(ipdTournamentParams, props));
  const url = useUrlState(embedKey, ipdTournamentParams, initial);
  const values = url.values;
  const [initialKey] = useState(() => ipdRunInput(initial)?.key ?? '');
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  const cache = useRef(new Map<string, TournamentResult>());
  // Keys the reader chose to run on the page after the worker failed.
  const onPage = useRef(new Set<string>());
  const job = useWorkerRun<IpdRunInput, IpdRunOutput>(createWorker);
  if (job.result && !cache.current.has(job.result.key)) cache.current.set(job.result.key, job.result.result);

  const input = ipdRunInput(values);
  let result = input ? cache.current.get(input.key) : undefined;
  if (
    input &&
    !result &&
    (input.key === initialKey || onPage.current.has(input.key) || ipdWork(input) <= IPD_SYNC_TURNS)
  ) {
    // Small enough to run now (and always the first state, which the server render shows too).
    result = computeIpdRoundRobin(input).result;
    cache.current.set(input.key, result);
  }
  const shownRef = useRef<Shown | null>(null);
  if (input && result) shownRef.current = { input, result };
  const shown = shownRef.current;
  const pending = input !== null && result === undefined;

  useEffect(() => {
    if (input && !cache.current.has(input.key)) job.run(input);
    else if (job.status === 'running') job.cancel();
    // A new round robin is needed exactly when the key changes.
  }, [input?.key]);

  // The ecological run: shares up to the chosen generation at once (cheap), extended further
  // when Step or Play go past it (the discrete replicator is Markov, so chunks join exactly).
  const ecoKey = shown ? `${shown.input.key}|${values.generations}` : '';
  const ecoRef = useRef<{ key: string; rows: number[][]; g: number } | null>(null);
  if (shown && ecoRef.current?.key !== ecoKey) {
    const k = shown.result.strategies.length;
    const rows = discreteReplicator(shown.result.matrix, new Array<number>(k).fill(1 / k), values.generations);
    ecoRef.current = { key: ecoKey, rows, g: values.generations };
  }
  const shares: readonly (readonly number[])[] = shown ? ecoRef.current!.rows : [];
  const g = shown ? ecoRef.current!.g : 0;
  const matrixRef = useRef<number[][] | null>(null);
  matrixRef.current = shown ? shown.result.matrix : null;

  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(20);
  const reducedMotion = usePrefersReducedMotion();
  const step = useCallback((n: number) => {
    const eco = ecoRef.current;
    const M = matrixRef.current;
    if (!eco || !M) return;
    const target = Math.min(IPD_MAX_GENERATIONS, eco.g + n);
    let rows = eco.rows;
    const missing = target - (rows.length - 1);
    if (missing > 0) rows = rows.concat(discreteReplicator(M, rows[rows.length - 1]!, missing).slice(1));
    ecoRef.current = { ...eco, rows, g: target };
    if (target >= IPD_MAX_GENERATIONS) setRunning(false);
    redraw(0);
  }, []);
  const reset = () => {
    if (ecoRef.current) ecoRef.current = { ...ecoRef.current, g: 0 };
    redraw(0);
  };
  useAnimationLoop(step, { running, speed, reducedMotion });

  useAutoplay(props.autoplay, reducedMotion, () => {
    reset();
    setRunning(true);
  }, () => setRunning(false));

  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const atEnd = g >= IPD_MAX_GENERATIONS;

  const status = (() => {
    if (!input) return <p role="status">Choose at least two strategies to run a tournament.</p>;
    if (!pending) return <p role="status" class="sim-sr-only" />;
    const stale = shown ? ' The figure still shows the previous settings.' : '';
    if (job.status === 'error')
      return (
        <p role="status">
          The background run failed ({job.error}).{stale}{' '}
          <button
            type="button"
            class="sim-button"
            onClick={() => {
              onPage.current.add(input.key);
              redraw(0);
            }}
          >
            Run on this page
          </button>
        </p>
      );
    if (job.status === 'cancelled')
      return (
        <p role="status">
          Cancelled.{stale}{' '}
          <button type="button" class="sim-button" onClick={() => job.run(input)}>
            Run the round robin
          </button>
        </p>
      );
    return (
      <p role="status" style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', alignItems: 'center' }}>
        <label for={`${base}-progress`}>
          Playing {ipdWork(input).toLocaleString('en-GB')} turns in the background…
        </label>
        <progress id={`${base}-progress`} max={1} value={job.progress} />
        <span>{Math.round(job.progress * 100)}%</span>
        <button type="button" class="sim-button" onClick={job.cancel}>
          Cancel
        </button>
      </p>
    );
  })();

  const controls = (
    <>
      <ControlGroup legend="Generations">
        <PlayPauseButton
          running={running}
          onToggle={() => {
            // The figure opens at the chosen generation, so Play there replays the run from the start.
            if (!running && g === values.generations) reset();
            setRunning((r) => !r);
          }}
          disabled={disabled || atEnd || !shown}
        />
        <StepButton onStep={() => step(1)} disabled={disabled || atEnd || !shown} />
        <ResetButton onReset={reset} disabled={disabled || !shown} />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} disabled={disabled} />
      </ControlGroup>
      <ControlGroup legend="Strategies entered">
        {IPD_ENTRANTS.map((e) => (
          <Toggle
            key={e.param}
            id={`${base}-${e.param}`}
            label={e.name}
            checked={values[e.param as EntrantParam]}
            onChange={(on) => url.set(e.param as EntrantParam, on)}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
      <ControlGroup legend="Tournament">
        {(['turns', 'noise', 'repetitions', 'generations', 'seed'] as const).map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={ipdTournamentParams[name]}
            value={values[name]}
            onChange={(v) => url.set(name, Number(v))}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
    </>
  );

  const caption = !input
    ? 'No tournament: choose at least two strategies.'
    : !shown
      ? 'The round robin is running.'
      : `${pending ? 'Still showing the previous settings while the new round robin runs. ' : ''}${ipdCaption(
          shown.input,
          shown.result,
          shares,
          g,
        )}`;

  return (
    <SimFrame
      embedKey={embedKey}
      title={ipdTournamentInfo.title}
      caption={caption}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => (shown ? dataOf(shown.result, shares, g) : { columns: ['generation'], rows: [] })}
      link={url.link}
      about={ipdTournamentInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <div style={{ gridColumn: '1 / -1' }}>{status}</div>
      {shown ? (
        <>
          <SharesChart result={shown.result} shares={shares} g={g} generations={Math.max(values.generations, g)} />
          <RankingTable result={shown.result} share={shares[g]!} g={g} />
          <PairHeatmap result={shown.result} />
        </>
      ) : null}
    </SimFrame>
  );
}

export default IpdTournament;
