/**
 * The reward-hacking gridworld: a tabular Q-learner (src/models/learning/gridworld.ts) learns on a
 * proxy reward with a respawning bonus. A thin view: the model trains, this file draws.
 *
 * trainGridworld trains in one call, and its per-episode records do not depend on how many
 * episodes follow, so the whole run is computed once per setting (a couple of milliseconds) and the
 * curves show its first t episodes; the greedy path after t episodes comes from re-running the
 * first t episodes (cheap, and exactly the policy the longer run had at that point). Any parameter
 * change shows the fully trained run, as the server render does; Reset goes back to episode 0 so
 * Play and Step show the learning.
 */
import { useCallback, useReducer, useRef, useState } from 'preact/hooks';
import {
  GRIDWORLD_LAYOUT,
  trainGridworld,
  type GridworldFix,
  type GridworldOptions,
  type GridworldResult,
  type GridworldRollout,
} from '../../src/models/learning/gridworld.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { LineChart } from '../kit/charts/LineChart.tsx';
import { ChartTitle } from '../kit/charts/axes.tsx';
import { ControlGroup, ParamControl, PlayPauseButton, ResetButton, SpeedSelect, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import {
  GRIDWORLD_WINDOW,
  gridworldFixed,
  rewardHackingGridworldInfo,
  rewardHackingGridworldParams,
} from './reward-hacking-gridworld.params.ts';

type Values = ParamValues<typeof rewardHackingGridworldParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type RewardHackingGridworldProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "reward-hacking-gridworld". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

const FIXES: Readonly<Record<Values['reward'], GridworldFix>> = {
  flawed: 'none',
  'bonus-once': 'bonus-once',
  'goal-only': 'goal-only',
};

/** Returns the model options for the simulation's values. */
export function gridworldModelOptions(values: Values): GridworldOptions & { episodes: number } {
  return { seed: values.seed, fix: FIXES[values.reward], episodes: values.episodes };
}

type Run = {
  readonly key: string;
  readonly options: GridworldOptions & { episodes: number };
  /** The whole run: records for every episode and the final greedy policy. */
  readonly full: GridworldResult;
  /** Episodes trained so far. */
  t: number;
  /** Greedy policies already computed, by episode. */
  readonly greedy: Map<number, GridworldRollout>;
};

function startRun(options: GridworldOptions & { episodes: number }, key: string, t: number): Run {
  const full = trainGridworld(options);
  return { key, options, full, t, greedy: new Map([[options.episodes, full.greedy]]) };
}

/** The greedy policy after `t` episodes: the first t episodes of the run, replayed. */
function greedyAt(run: Run, t: number): GridworldRollout {
  let g = run.greedy.get(t);
  if (!g) {
    g = trainGridworld({ ...run.options, episodes: t }).greedy;
    // A handful of entries is plenty: playing only ever moves forward.
    if (run.greedy.size > 8) run.greedy.clear();
    run.greedy.set(t, g);
  }
  return g;
}

/** Returns the running mean of `xs` over the last `window` entries (fewer at the start). */
export function trailingMean(xs: readonly number[], window: number): number[] {
  const out: number[] = [];
  let sum = 0;
  for (let i = 0; i < xs.length; i++) {
    sum += xs[i]!;
    if (i >= window) sum -= xs[i - window]!;
    out.push(sum / Math.min(window, i + 1));
  }
  return out;
}

const REWARD_WORDS: Readonly<Record<Values['reward'], string>> = {
  flawed: 'with the flawed reward (the bonus pays on every entry)',
  'bonus-once': 'with the bonus paid once per episode',
  'goal-only': 'with only the goal rewarded',
};

/** Returns the caption: the episode, what the greedy policy does and what it earns, and how often training reaches the goal, in words. */
export function gridworldCaption(
  values: Values,
  t: number,
  greedy: GridworldRollout,
  successes: readonly number[],
): string {
  const head =
    t === 0
      ? `Before training (episode 0 of ${values.episodes})`
      : `After ${t} of ${values.episodes} training episodes`;
  const steps = greedy.path.length - 1;
  const still = greedy.path.every(([x, y]) => x === greedy.path[0]![0] && y === greedy.path[0]![1]);
  let behaviour: string;
  if (greedy.reachedGoal) {
    behaviour = `the greedy policy reaches the goal in ${steps} steps for a proxy return of ${fmt(greedy.proxyReturn)}`;
  } else if (greedy.bonusVisits >= 2) {
    const straight = gridworldFixed.goalReward + gridworldFixed.bonusReward;
    behaviour = `the greedy policy walks to the bonus tile and steps on and off it ${greedy.bonusVisits} times in ${steps} steps for a proxy return of ${fmt(greedy.proxyReturn)}, against ${straight} for heading straight to the goal past the bonus, and never reaches the goal`;
  } else if (still) {
    behaviour = 'the greedy policy stays at the start, bumping into the wall';
  } else {
    behaviour = `the greedy policy does not reach the goal within ${gridworldFixed.horizon} steps (proxy return ${fmt(greedy.proxyReturn)})`;
  }
  const recent = successes.slice(Math.max(0, t - GRIDWORLD_WINDOW), t);
  const rate =
    recent.length === 0
      ? ''
      : `; ${Math.round((100 * recent.reduce((a, b) => a + b, 0)) / recent.length)}% of the last ${recent.length} training episodes reached the goal`;
  let verdict = '';
  if (values.reward === 'flawed' && !greedy.reachedGoal && greedy.bonusVisits >= 2) {
    verdict =
      '. This is specification gaming (Krakovna et al. 2020), like the CoastRunners boat that circled respawning targets instead of finishing the race (Clark & Amodei 2016)';
  } else if (values.reward !== 'flawed' && greedy.reachedGoal) {
    verdict = '. With the loophole closed, the proxy reward points at the intended task again (Krakovna et al. 2020)';
  }
  return `${head} ${REWARD_WORDS[values.reward]}, ${behaviour}${rate}${verdict}.`;
}

function dataOf(full: GridworldResult, t: number): SimData {
  return {
    columns: ['episode', 'proxy return', 'reached goal', 'greedy policy reaches goal'],
    rows: full.proxyReturns.slice(0, t).map((r, i) => [i + 1, r, full.successes[i]!, full.greedySuccesses[i]!]),
  };
}

// The grid drawing, in viewBox units: labels sit above and below the grid, clear of the path.
const CELL = 56;
const PAD = 8;
const TOP = 24;
const WIDTH = PAD * 2 + CELL * GRIDWORLD_LAYOUT.width;
const HEIGHT = TOP * 2 + CELL * GRIDWORLD_LAYOUT.height;
const cx = (i: number) => PAD + CELL * i + CELL / 2;
const cy = (j: number) => TOP + CELL * j + CELL / 2;

type Edge = { from: readonly [number, number]; to: readonly [number, number] };

/** Returns the distinct directed moves of a path, in the order first taken (bumps into walls dropped). */
export function pathEdges(path: readonly (readonly [number, number])[]): Edge[] {
  const seen = new Set<string>();
  const out: Edge[] = [];
  for (let i = 1; i < path.length; i++) {
    const from = path[i - 1]!;
    const to = path[i]!;
    if (from[0] === to[0] && from[1] === to[1]) continue;
    const key = `${from.join(',')}>${to.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ from, to });
  }
  return out;
}

const f1 = (v: number) => v.toFixed(1);

/** One move of the path as an arrow; a move and its reverse are drawn side by side, so a back-and-forth loop shows as two arrows. */
function MoveArrow(props: { edge: Edge }) {
  const { from, to } = props.edge;
  const dx = Math.sign(to[0] - from[0]);
  const dy = Math.sign(to[1] - from[1]);
  const ox = -dy * 6;
  const oy = dx * 6;
  const tipX = cx(to[0]) - dx * 12 + ox;
  const tipY = cy(to[1]) - dy * 12 + oy;
  return (
    <g>
      <line
        x1={f1(cx(from[0]) + dx * 12 + ox)}
        y1={f1(cy(from[1]) + dy * 12 + oy)}
        x2={f1(tipX - dx * 6)}
        y2={f1(tipY - dy * 6)}
        stroke="var(--sim-series-1)"
        stroke-width={3}
        stroke-linecap="round"
      />
      <polygon
        points={`${f1(tipX)},${f1(tipY)} ${f1(tipX - dx * 9 - dy * 5)},${f1(tipY - dy * 9 + dx * 5)} ${f1(tipX - dx * 9 + dy * 5)},${f1(tipY - dy * 9 - dx * 5)}`}
        fill="var(--sim-series-1)"
      />
    </g>
  );
}

/** The gridworld: cells, walls all round, start, bonus and goal, the greedy path as arrows, and the agent where the path ends. */
function GridFigure(props: { greedy: GridworldRollout; title: string; summary: string }) {
  const { width, height, start, goal, bonus } = GRIDWORLD_LAYOUT;
  const { greedy } = props;
  const end = greedy.path.at(-1) ?? start;
  const cells = [];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const isGoal = x === goal[0] && y === goal[1];
      const isBonus = x === bonus[0] && y === bonus[1];
      cells.push(
        <rect
          key={`${x}-${y}`}
          x={PAD + CELL * x}
          y={TOP + CELL * y}
          width={CELL}
          height={CELL}
          fill={isGoal ? 'var(--sim-series-3)' : isBonus ? 'var(--sim-series-6)' : 'var(--sim-soft)'}
          fill-opacity={isGoal || isBonus ? 0.3 : 1}
          stroke="var(--sim-border)"
        />,
      );
    }
  }
  const label = { fill: 'var(--sim-fg)', fontSize: '13px', fontWeight: '600' };
  // Labels go on the grid's outer side nearest each cell.
  const labelY = (row: number) => (row === 0 ? TOP - 8 : TOP + CELL * height + 17);
  const bonusLabel = `bonus +${gridworldFixed.bonusReward}${greedy.bonusVisits >= 2 ? `, entered ${greedy.bonusVisits}×` : ''}`;
  // Flag and coin sit in their cells' top-right corners, clear of the agent and of the arrows.
  const flagX = PAD + CELL * goal[0] + CELL - 8;
  const flagY = TOP + CELL * goal[1] + 26;
  return (
    <div class="sim-chart">
      <ChartTitle title={props.title} />
      <svg
        class="sim-chart-svg"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={props.summary}
        preserveAspectRatio="xMidYMid meet"
        style={{ maxWidth: '21rem', margin: '0 auto' }}
      >
        {cells}
        {/* Walls all round: moving into them leaves the agent where it is. */}
        <rect
          x={PAD - 2}
          y={TOP - 2}
          width={CELL * width + 4}
          height={CELL * height + 4}
          fill="none"
          stroke="var(--sim-fg)"
          stroke-width={4}
        />
        <text x={PAD + CELL * start[0]} y={labelY(start[1])} style={label}>
          start
        </text>
        <text x={cx(bonus[0])} y={labelY(bonus[1])} text-anchor="middle" style={label}>
          {bonusLabel}
        </text>
        <text x={cx(goal[0])} y={labelY(goal[1])} text-anchor="middle" style={label}>
          goal +{gridworldFixed.goalReward}
        </text>
        <circle
          cx={PAD + CELL * bonus[0] + CELL - 11}
          cy={TOP + CELL * bonus[1] + 11}
          r={7}
          fill="var(--sim-series-6)"
          stroke="var(--sim-panel)"
          stroke-width={1.5}
        />
        <path
          d={`M${flagX},${flagY}v-20l-11,5l11,5`}
          fill="var(--sim-series-3)"
          stroke="var(--sim-series-3)"
          stroke-width={2}
          stroke-linejoin="round"
        />
        <g>
          {pathEdges(greedy.path).map((e) => (
            <MoveArrow key={`${e.from.join(',')}>${e.to.join(',')}`} edge={e} />
          ))}
        </g>
        <circle
          class="sim-agent"
          cx={cx(end[0])}
          cy={cy(end[1])}
          r={11}
          fill="var(--sim-series-2)"
          stroke="var(--sim-panel)"
          stroke-width={3}
        />
      </svg>
    </div>
  );
}

const SPEEDS = [
  { value: 5, label: 'Slow (5 episodes/s)' },
  { value: 20, label: 'Normal (20 episodes/s)' },
  { value: 60, label: 'Fast (60 episodes/s)' },
  { value: 240, label: 'Fastest (240 episodes/s)' },
] as const;

const PARAM_NAMES = Object.keys(rewardHackingGridworldParams) as (keyof Values & string)[];

/** Renders the gridworld with the greedy path, the learning curves of proxy return and true success, and the controls. */
export function RewardHackingGridworld(props: RewardHackingGridworldProps) {
  const embedKey = props.embedKey ?? props.id ?? rewardHackingGridworldInfo.name;
  const [initial] = useState(() => mergeProps(rewardHackingGridworldParams, props));
  const url = useUrlState(embedKey, rewardHackingGridworldParams, initial);
  const values = url.values;
  const key = serializeParams(values, rewardHackingGridworldParams);

  // A new setting restarts the run synchronously in render, fully trained (the static figure).
  const runRef = useRef<Run | null>(null);
  if (!runRef.current || runRef.current.key !== key) {
    const options = gridworldModelOptions(values);
    runRef.current = startRun(options, key, options.episodes);
  }
  const run = runRef.current;
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(20);
  const reducedMotion = usePrefersReducedMotion();

  const step = useCallback((n: number) => {
    const r = runRef.current;
    if (!r) return;
    r.t = Math.min(r.options.episodes, r.t + n);
    if (r.t >= r.options.episodes) setRunning(false);
    redraw(0);
  }, []);
  const reset = () => {
    run.t = 0;
    redraw(0);
  };
  const togglePlay = () => {
    // Play at the end of training starts again from episode 0.
    if (!running && run.t >= run.options.episodes) reset();
    setRunning((r) => !r);
  };
  useAnimationLoop(step, { running, speed, reducedMotion });

  useAutoplay(props.autoplay, reducedMotion, () => {
    // Autoplay shows the learning, so it starts from an untrained agent.
    if (runRef.current) runRef.current.t = 0;
    setRunning(true);
  }, () => setRunning(false));

  const { full, t } = run;
  const episodes = run.options.episodes;
  const greedy = greedyAt(run, t);
  const xs = Array.from({ length: t }, (_, i) => i + 1);
  const proxyAvg = trailingMean(full.proxyReturns.slice(0, t), GRIDWORLD_WINDOW);
  const successAvg = trailingMean(full.successes.slice(0, t), GRIDWORLD_WINDOW);
  const greedyAvg = trailingMean(full.greedySuccesses.slice(0, t), GRIDWORLD_WINDOW);
  // The y axis is fixed by the whole run, so it does not jump while the run plays.
  const proxyTop = Math.max(gridworldFixed.goalReward + gridworldFixed.bonusReward, ...full.proxyReturns);
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const caption = gridworldCaption(values, t, greedy, full.successes);
  const lastProxy = proxyAvg.at(-1);
  const lastSuccess = successAvg.at(-1);

  const controls = (
    <>
      <ControlGroup legend="Training">
        <PlayPauseButton running={running} onToggle={togglePlay} disabled={disabled} />
        <StepButton onStep={() => step(1)} disabled={disabled || t >= episodes} />
        <ResetButton onReset={reset} disabled={disabled} />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} options={SPEEDS} disabled={disabled} />
      </ControlGroup>
      <ControlGroup legend="Model">
        {PARAM_NAMES.map((name) => (
          <ParamControl
            key={name}
            id={`${base}-${name}`}
            spec={rewardHackingGridworldParams[name]}
            value={values[name]}
            onChange={(v) => url.set(name, v as never)}
            disabled={disabled}
          />
        ))}
      </ControlGroup>
    </>
  );

  const where = greedy.reachedGoal
    ? `reaches the goal in ${greedy.path.length - 1} steps`
    : greedy.bonusVisits >= 2
      ? `loops on the bonus tile, entering it ${greedy.bonusVisits} times, and never reaches the goal`
      : 'does not reach the goal';

  return (
    <SimFrame
      embedKey={embedKey}
      title={rewardHackingGridworldInfo.title}
      caption={caption}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(full, t)}
      link={url.link}
      about={rewardHackingGridworldInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <GridFigure
        greedy={greedy}
        title={`Greedy path after ${t} episode${t === 1 ? '' : 's'}`}
        summary={`A 5 by 5 grid with the start top left, a bonus tile two cells to its right and the goal bottom right; the greedy policy after ${t} episodes ${where}.`}
      />
      <LineChart
        title={`Proxy return per episode (${GRIDWORLD_WINDOW}-episode average)`}
        x={xs}
        series={[{ label: 'Proxy return', values: proxyAvg }]}
        references={[{ value: gridworldFixed.goalReward, label: `goal ${gridworldFixed.goalReward}` }]}
        xDomain={[1, episodes]}
        yDomain={[0, proxyTop]}
        xLabel="Training episode"
        yLabel="Proxy return"
        summary={`Proxy return over ${t} training episodes${lastProxy === undefined ? '' : `, averaging ${fmt(lastProxy)} over the last ${Math.min(t, GRIDWORLD_WINDOW)}`}; the goal alone pays ${gridworldFixed.goalReward}.`}
      />
      <LineChart
        title={`True objective: share of episodes reaching the goal (${GRIDWORLD_WINDOW}-episode average)`}
        x={xs}
        series={[
          { label: 'Training episodes (ε-greedy)', values: successAvg },
          { label: 'Greedy policy', values: greedyAvg },
        ]}
        xDomain={[1, episodes]}
        yDomain={[0, 1]}
        xLabel="Training episode"
        yLabel="Share reaching the goal"
        summary={`Share of episodes reaching the goal over ${t} training episodes${lastSuccess === undefined ? '' : `, ${Math.round(100 * lastSuccess)}% over the last ${Math.min(t, GRIDWORLD_WINDOW)}`}.`}
      />
    </SimFrame>
  );
}

export default RewardHackingGridworld;
