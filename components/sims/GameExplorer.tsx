/**
 * The game-explorer simulation: a 2×2 or 3×3 bimatrix game (a preset or edited payoffs), its best
 * responses, Nash equilibria, Pareto-optimal outcomes and prices of anarchy and stability
 * (src/models/games), and fictitious play or best-response dynamics played round by round.
 *
 * Any parameter change restarts play and computes its first `rounds` rounds at once
 * (as the server render does), so the figure always shows where play is heading; Reset goes back
 * to round 0 so that Play and Step show the players learning.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useReducer, useRef, useState } from 'preact/hooks';
import { bestResponsePlay } from '../../src/models/games/best-response-play.ts';
import { fictitiousPlay } from '../../src/models/games/fictitious-play.ts';
import {
  columnBestResponses,
  degeneracyWitness,
  rowBestResponses,
  type DegeneracyWitness,
} from '../../src/models/games/nash-equilibria.ts';
import { gamePreset, type GamePresetId } from '../../src/models/games/presets.ts';
import {
  gameEfficiency,
  paretoOptimalOutcomes,
  type EquilibriumWelfare,
  type GameEfficiency,
} from '../../src/models/games/welfare.ts';
import { SimFrame, sampleRows, type SimData } from '../kit/SimFrame.tsx';
import { LineChart, type LineSeries } from '../kit/charts/LineChart.tsx';
import type { ReferenceLine } from '../kit/charts/axes.tsx';
import {
  ControlGroup,
  ParamControl,
  PlayPauseButton,
  ResetButton,
  SelectField,
  SpeedSelect,
  StepButton,
} from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, serializeParams, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { GAME_MAX_ROUNDS, PAYOFF_LIMIT, gameExplorerInfo, gameExplorerParams } from './game-explorer.params.ts';

type Values = ParamValues<typeof gameExplorerParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type GameExplorerProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "game-explorer". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start playing after hydration (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

/** A game as the explorer shows it: the preset's actions with its own or the edited payoffs. */
export type ExplorerGame = {
  readonly id: GamePresetId;
  readonly name: string;
  readonly edited: boolean;
  readonly rowActions: readonly string[];
  readonly colActions: readonly string[];
  readonly A: number[][];
  readonly B: number[][];
};

type PayoffKey = `${'a' | 'b'}${1 | 2 | 3}${1 | 2 | 3}`;
const payoffKey = (player: 'a' | 'b', i: number, j: number) => `${player}${i + 1}${j + 1}` as PayoffKey;

/** Returns the game the values describe: the preset, with the edited payoffs a11 … b33 when `edited` is on. */
export function explorerGame(values: Values): ExplorerGame {
  const p = gamePreset(values.preset as GamePresetId);
  if (!values.edited) return { ...p, edited: false };
  const cell = (player: 'a' | 'b') => p.A.map((row, i) => row.map((_, j) => values[payoffKey(player, i, j)]));
  return { ...p, name: `${p.name}, edited`, edited: true, A: cell('a'), B: cell('b') };
}

/** Everything the table and the caption say about a game, from the model. */
export type GameAnalysis = {
  readonly efficiency: GameEfficiency;
  readonly pareto: readonly { row: number; col: number }[];
  readonly degeneracy: DegeneracyWitness | null;
  /** rowBest[i][j]: row i is a best response to column j. */
  readonly rowBest: readonly (readonly boolean[])[];
  /** colBest[i][j]: column j is a best response to row i. */
  readonly colBest: readonly (readonly boolean[])[];
};

const unit = (k: number, n: number) => Array.from({ length: n }, (_, i) => (i === k ? 1 : 0));

/** Returns the game's equilibria with their welfare, Pareto-optimal outcomes, degeneracy and pure best responses. */
export function analyseGame(game: ExplorerGame): GameAnalysis {
  const m = game.rowActions.length;
  const n = game.colActions.length;
  const rowBest = game.A.map(() => new Array<boolean>(n).fill(false));
  const colBest = game.A.map(() => new Array<boolean>(n).fill(false));
  for (let j = 0; j < n; j++) for (const i of rowBestResponses(game.A, unit(j, n))) rowBest[i]![j] = true;
  for (let i = 0; i < m; i++) for (const j of columnBestResponses(game.B, unit(i, m))) colBest[i]![j] = true;
  return {
    efficiency: gameEfficiency(game.A, game.B),
    pareto: paretoOptimalOutcomes(game.A, game.B),
    degeneracy: degeneracyWitness(game.A, game.B),
    rowBest,
    colBest,
  };
}

/** Returns p as a small fraction ("3/4", "1/3", "1") when it is one (denominator up to 12), else as a decimal. */
export function probabilityText(p: number): string {
  for (let d = 1; d <= 12; d++) {
    const k = Math.round(p * d);
    if (Math.abs(p - k / d) < 1e-9) return d === 1 ? String(k) : `${k}/${d}`;
  }
  return fmt(p, 3);
}

const isPure = (x: readonly number[]) => x.every((v) => v === 0 || v === 1);
const pureIndex = (x: readonly number[]) => x.indexOf(1);

function mixText(actions: readonly string[], x: readonly number[]): string {
  return x
    .map((p, k) => (p > 0 ? `${actions[k]} ${probabilityText(p)}` : null))
    .filter((s) => s !== null)
    .join(', ');
}

/** Returns an equilibrium in words: "(Defect, Defect)" when pure, else each player's mix. */
export function equilibriumText(game: ExplorerGame, e: { row: readonly number[]; col: readonly number[] }): string {
  if (isPure(e.row) && isPure(e.col))
    return `(${game.rowActions[pureIndex(e.row)]}, ${game.colActions[pureIndex(e.col)]})`;
  const row = mixText(game.rowActions, e.row);
  const col = mixText(game.colActions, e.col);
  return row === col ? `both players mix ${row}` : `Row ${row}; Column ${col}`;
}

function outcomeText(game: ExplorerGame, i: number, j: number): string {
  return `(${game.rowActions[i]}, ${game.colActions[j]})`;
}

/** The outcomes with the largest total payoff (the model names one; ties matter to the reader). */
function bestOutcomes(game: ExplorerGame, eff: GameEfficiency): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  game.A.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v + game.B[i]![j]! === eff.optimum.welfare) out.push({ row: i, col: j });
    }),
  );
  return out;
}

/** Names up to three outcomes, or says how many there are. */
function outcomesText(game: ExplorerGame, outcomes: readonly { row: number; col: number }[]): string {
  const total = game.rowActions.length * game.colActions.length;
  if (outcomes.length === total) return 'every outcome';
  if (outcomes.length > 3) return `${outcomes.length} of the ${total} outcomes`;
  return listText(outcomes.map((o) => outcomeText(game, o.row, o.col)));
}

function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Returns the degeneracy witness in words. */
export function degeneracyText(game: ExplorerGame, w: DegeneracyWitness): string {
  const own = w.player === 'row' ? game.rowActions : game.colActions;
  const other = w.player === 'row' ? game.colActions : game.rowActions;
  const who = w.player === 'row' ? 'row' : 'column';
  const them = w.player === 'row' ? 'column' : 'row';
  const play = w.support.length === 1 ? own[w.support[0]!] : mixText(own, w.strategy);
  return `against the ${who} player’s ${play}, the ${them} player has ${w.bestResponses.length} best responses (${w.bestResponses.map((k) => other[k]).join(', ')}), more than the ${w.support.length} action${w.support.length === 1 ? '' : 's'} mixed`;
}

/** Play so far: the learning rule's result up to some round, kept for a parameter key. */
type Run = {
  readonly key: string;
  readonly computed: number;
  readonly rowHistory: readonly (readonly number[])[];
  readonly colHistory: readonly (readonly number[])[];
  readonly actions: readonly (readonly [number, number])[];
  readonly t: number;
};

/** The chosen first actions, 0-based, clamped to the game's size. */
function startOf(values: Values, game: ExplorerGame): [number, number] {
  return [Math.min(values.startRow, game.rowActions.length) - 1, Math.min(values.startCol, game.colActions.length) - 1];
}

function compute(values: Values, game: ExplorerGame, key: string, rounds: number, t: number): Run {
  const start = startOf(values, game);
  const r =
    values.dynamics === 'best-response'
      ? bestResponsePlay(game.A, game.B, { rounds, start })
      : fictitiousPlay(game.A, game.B, { iterations: rounds, seed: values.seed, start });
  return { key, computed: rounds, rowHistory: r.rowHistory, colHistory: r.colHistory, actions: r.actions, t };
}

/** Returns the run moved to round t, computing further (from the start: the runs are seeded, so earlier rounds stay the same) when needed. */
function seek(run: Run, values: Values, game: ExplorerGame, t: number): Run {
  const target = Math.max(0, Math.min(GAME_MAX_ROUNDS, t));
  if (target <= run.computed) return { ...run, t: target };
  const rounds = Math.min(GAME_MAX_ROUNDS, Math.max(target, run.computed * 2, 400));
  return compute(values, game, run.key, rounds, target);
}

/** Returns the largest difference between the mixes at round t and the nearest equilibrium, with that equilibrium. */
export function distanceToEquilibrium(
  equilibria: readonly { row: readonly number[]; col: readonly number[] }[],
  row: readonly number[],
  col: readonly number[],
): { distance: number; index: number } {
  let best = { distance: Infinity, index: -1 };
  equilibria.forEach((e, index) => {
    let d = 0;
    e.row.forEach((p, k) => (d = Math.max(d, Math.abs(p - row[k]!))));
    e.col.forEach((p, k) => (d = Math.max(d, Math.abs(p - col[k]!))));
    if (d < best.distance) best = { distance: d, index };
  });
  return best;
}

/** Returns the length of the cycle that the last round closes (0 when its profile has not been played since the cycle could have started). */
function cycleLength(actions: readonly (readonly [number, number])[], t: number): number {
  const [r, c] = actions[t]!;
  for (let back = 1; back <= Math.min(t, 9); back++) {
    const [r2, c2] = actions[t - back]!;
    if (r2 === r && c2 === c) return back;
  }
  return 0;
}

function percent(p: number): string {
  return `${fmt(100 * p, 3)}%`;
}

function equilibriaSentence(game: ExplorerGame, eqs: readonly EquilibriumWelfare[]): string {
  const texts = eqs.map((e) =>
    isPure(e.row) && isPure(e.col) ? equilibriumText(game, e) : `a mixed one (${equilibriumText(game, e)})`,
  );
  if (eqs.length === 0) return 'no equilibrium that equal-size supports pin down';
  if (eqs.length === 1) {
    const e = eqs[0]!;
    return `one Nash equilibrium, ${texts[0]}, with payoffs ${fmt(e.payoffs[0])} and ${fmt(e.payoffs[1])}`;
  }
  return `${eqs.length} Nash equilibria: ${listText(texts)}`;
}

function efficiencySentence(game: ExplorerGame, eff: GameEfficiency): string {
  const o = eff.optimum;
  const where = outcomesText(game, bestOutcomes(game, eff));
  if (eff.equilibria.length === 0) return `The best total payoff is ${fmt(o.welfare)}, at ${where}.`;
  const welfares = eff.equilibria.map((e) => e.welfare);
  const lo = Math.min(...welfares);
  const hi = Math.max(...welfares);
  const range = lo === hi ? fmt(lo) : `${fmt(lo)} to ${fmt(hi)}`;
  const head = `The best total payoff is ${fmt(o.welfare)}, at ${where}, against ${range} at equilibrium`;
  if (eff.priceOfAnarchy === null || eff.priceOfStability === null)
    return `${head}; the prices of anarchy and stability are undefined here, as they need positive welfare.`;
  if (lo === hi) return `${head}: price of anarchy ${fmt(eff.priceOfAnarchy)}.`;
  return `${head}: price of anarchy ${fmt(eff.priceOfAnarchy)}, price of stability ${fmt(eff.priceOfStability)}.`;
}

function paretoSentence(game: ExplorerGame, a: GameAnalysis): string {
  const dominated = a.efficiency.equilibria.filter(
    (e) =>
      isPure(e.row) && isPure(e.col) && !a.pareto.some((o) => o.row === pureIndex(e.row) && o.col === pureIndex(e.col)),
  );
  if (dominated.length === 0) return '';
  const names = dominated.map((e) => equilibriumText(game, e));
  return ` ${listText(names)} ${dominated.length === 1 ? 'is' : 'are'} not Pareto-optimal: another outcome is better for one player and no worse for the other.`;
}

function publishedSentence(game: ExplorerGame, eqs: readonly EquilibriumWelfare[]): string {
  // Edited payoffs may no longer make the game what its name says.
  if (game.edited) return '';
  const only = eqs.length === 1 ? eqs[0]! : undefined;
  if (game.id === 'prisoners-dilemma' && only && only.row[1] === 1 && only.col[1] === 1)
    return ' As the theory says of the prisoner’s dilemma, mutual defection is the only equilibrium.';
  if (game.id === 'matching-pennies' && only && [...only.row, ...only.col].every((p) => Math.abs(p - 0.5) < 1e-9))
    return ' As Nash’s theory gives for matching pennies, the only equilibrium has both players mix 1/2, 1/2.';
  return '';
}

function dynamicsSentence(game: ExplorerGame, values: Values, run: Run, a: GameAnalysis): string {
  const { t } = run;
  const row = run.rowHistory[t]!;
  const col = run.colHistory[t]!;
  const [r, c] = run.actions[t]!;
  const rule = values.dynamics === 'best-response' ? 'Best-response dynamics' : 'Fictitious play';
  const mix = (actions: readonly string[], x: readonly number[]) =>
    actions.length === 2
      ? `${actions[0]} ${percent(x[0]!)}`
      : actions.map((s, k) => `${s} ${percent(x[k]!)}`).join(', ');
  const head = `${rule}, round ${t}: so far Row has played ${mix(game.rowActions, row)} of the time, Column ${mix(game.colActions, col)}`;
  const atNash = a.rowBest[r]![c]! && a.colBest[r]![c]!;
  const last = outcomeText(game, r, c);
  const eqs = a.efficiency.equilibria;
  const near = distanceToEquilibrium(eqs, row, col);
  const which = eqs.length === 1 || near.index < 0 ? '' : ` ${equilibriumText(game, eqs[near.index]!)}`;
  const nearText =
    near.index < 0
      ? ''
      : near.distance < 1e-12
        ? `; the mixes are exactly the equilibrium${which}`
        : `; the mixes are within ${fmt(near.distance, 2)} of the equilibrium${which}`;
  if (t === 0) return `${rule} starts at ${last}.`;
  if (atNash) return `${head}; the last round was ${last}, a pure Nash equilibrium${nearText}.`;
  const cycle = values.dynamics === 'best-response' ? cycleLength(run.actions, t) : 0;
  const cycling = cycle > 1 ? `, play goes round a cycle of ${cycle} outcomes` : '';
  return `${head}; the last round was ${last}${cycling}${nearText}.`;
}

/** Returns the caption: equilibria, efficiency and the learning rule's state, in words, with the published result where it applies. */
export function gameCaption(game: ExplorerGame, a: GameAnalysis, values: Values, run: Run): string {
  const eqs = a.efficiency.equilibria;
  const degenerate = a.degeneracy
    ? ` The game is degenerate (${degeneracyText(game, a.degeneracy)}), so equilibria may form a continuum and only those pinned down by equal-size supports are listed.`
    : '';
  return `${game.name}: ${equilibriaSentence(game, eqs)}.${publishedSentence(game, eqs)} ${efficiencySentence(game, a.efficiency)}${paretoSentence(game, a)}${degenerate} ${dynamicsSentence(game, values, run, a)}`;
}

function dataOf(game: ExplorerGame, run: Run): SimData {
  const rows: (string | number)[][] = [];
  for (let t = 0; t <= run.t; t++) {
    const [r, c] = run.actions[t]!;
    rows.push([t, game.rowActions[r]!, game.colActions[c]!, ...run.rowHistory[t]!, ...run.colHistory[t]!]);
  }
  return {
    columns: [
      'round',
      'row action',
      'column action',
      ...game.rowActions.map((s) => `row share ${s}`),
      ...game.colActions.map((s) => `column share ${s}`),
    ],
    rows,
  };
}

// Inline styles: the kit's stylesheet has no bimatrix, and simulations may not add to it.
const cellStyle: JSX.CSSProperties = {
  border: '1px solid var(--sim-border)',
  padding: '0.4rem 0.45rem',
  textAlign: 'center',
  verticalAlign: 'top',
  minWidth: '4.5rem',
};
const nashCellStyle: JSX.CSSProperties = {
  ...cellStyle,
  background: 'color-mix(in srgb, var(--sim-series-3) 14%, transparent)',
  boxShadow: 'inset 0 0 0 2px var(--sim-series-3)',
};
const headStyle: JSX.CSSProperties = { padding: '0.3rem 0.6rem', fontWeight: 600 };
const bestStyle: JSX.CSSProperties = {
  fontWeight: 700,
  textDecoration: 'underline',
  textDecorationThickness: '2px',
  textUnderlineOffset: '3px',
};
const badgeStyle: JSX.CSSProperties = {
  display: 'inline-block',
  margin: '0.15rem 0.15rem 0',
  padding: '0 0.3rem',
  border: '1px solid var(--sim-border)',
  borderRadius: '3px',
  fontSize: '0.75rem',
  color: 'var(--sim-fg-soft)',
};

function Payoff(props: { value: number; best: boolean; color: string; who: string }) {
  return (
    <span style={{ color: props.color, fontSize: '1.05rem', ...(props.best ? bestStyle : {}) }}>
      {fmt(props.value, 4)}
      <span class="sim-sr-only">
        {' '}
        to the {props.who}
        {props.best ? ', a best response' : ''}
      </span>
    </span>
  );
}

/** The bimatrix: payoffs (row player's first), best responses underlined, equilibria, Pareto-optimal outcomes, the welfare optimum and the current round marked. */
function Bimatrix(props: { game: ExplorerGame; a: GameAnalysis; now: readonly [number, number]; showNow: boolean }) {
  const { game, a } = props;
  const pureNash = (i: number, j: number) => a.rowBest[i]![j]! && a.colBest[i]![j]!;
  const pareto = (i: number, j: number) => a.pareto.some((o) => o.row === i && o.col === j);
  const best = bestOutcomes(game, a.efficiency);
  // A mark that every cell carries (all outcomes Pareto-optimal in a zero-sum game) tells nothing.
  const total = game.rowActions.length * game.colActions.length;
  const markPareto = a.pareto.length < total;
  const markBest = best.length < total;
  return (
    <div class="sim-chart">
      <p class="sim-chart-title">Payoffs (row player’s first)</p>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', fontVariantNumeric: 'tabular-nums', margin: '0.25rem 0' }}>
          <caption class="sim-sr-only">
            {`${game.name}: rows are the row player’s actions, columns the column player’s; each cell gives the row player’s payoff, then the column player’s.`}
          </caption>
          <thead>
            <tr>
              <td style={headStyle} />
              {game.colActions.map((s) => (
                <th key={s} scope="col" style={{ ...headStyle, color: 'var(--sim-series-2)' }}>
                  {s}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {game.rowActions.map((rs, i) => (
              <tr key={rs}>
                <th scope="row" style={{ ...headStyle, textAlign: 'right', color: 'var(--sim-series-1)' }}>
                  {rs}
                </th>
                {game.colActions.map((cs, j) => {
                  const nash = pureNash(i, j);
                  const now = props.showNow && props.now[0] === i && props.now[1] === j;
                  return (
                    <td
                      key={cs}
                      style={{
                        ...(nash ? nashCellStyle : cellStyle),
                        ...(now ? { outline: '3px dashed var(--sim-focus)', outlineOffset: '-5px' } : {}),
                      }}
                    >
                      <Payoff
                        value={game.A[i]![j]!}
                        best={a.rowBest[i]![j]!}
                        color="var(--sim-series-1)"
                        who="row player"
                      />
                      {', '}
                      <Payoff
                        value={game.B[i]![j]!}
                        best={a.colBest[i]![j]!}
                        color="var(--sim-series-2)"
                        who="column player"
                      />
                      <div>
                        {nash ? <span style={badgeStyle}>Nash</span> : null}
                        {markPareto && pareto(i, j) ? <span style={badgeStyle}>Pareto</span> : null}
                        {markBest && best.some((o) => o.row === i && o.col === j) ? (
                          <span style={badgeStyle}>best total</span>
                        ) : null}
                        {now ? <span style={badgeStyle}>now</span> : null}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p style={{ margin: '0.25rem 0 0', fontSize: '0.85rem', color: 'var(--sim-fg-soft)' }}>
        Underlined: a best response to the other’s action. Nash: both payoffs underlined. Pareto: no other outcome is
        better for one and no worse for the other. Best total: the largest sum of payoffs. Now: the last round played.
      </p>
    </div>
  );
}

/** The equilibria with probabilities, payoffs and welfare, the Pareto-optimal outcomes and the prices of anarchy and stability. */
function Analysis(props: { game: ExplorerGame; a: GameAnalysis }) {
  const { game, a } = props;
  const eff = a.efficiency;
  return (
    <div class="sim-chart">
      <p class="sim-chart-title">Equilibria and efficiency</p>
      <ol style={{ margin: '0.2rem 0', paddingLeft: '1.3rem' }}>
        {eff.equilibria.map((e, k) => (
          <li key={k}>
            {isPure(e.row) && isPure(e.col) ? 'Pure: ' : 'Mixed: '}
            {equilibriumText(game, e)}; payoffs {fmt(e.payoffs[0])} and {fmt(e.payoffs[1])}, welfare {fmt(e.welfare)}.
          </li>
        ))}
      </ol>
      <p style={{ margin: '0.3rem 0' }}>Pareto-optimal: {outcomesText(game, a.pareto)}.</p>
      <p style={{ margin: '0.3rem 0' }}>
        Best total payoff: {fmt(eff.optimum.welfare)}, at {outcomesText(game, bestOutcomes(game, eff))}.{' '}
        {eff.priceOfAnarchy === null || eff.priceOfStability === null
          ? 'Prices of anarchy and stability: undefined (they need positive welfare).'
          : `Price of anarchy ${fmt(eff.priceOfAnarchy)}, price of stability ${fmt(eff.priceOfStability)}.`}
      </p>
      {a.degeneracy ? (
        <p style={{ margin: '0.3rem 0' }}>
          <strong>Degenerate game:</strong> {degeneracyText(game, a.degeneracy)}. Equilibria may form a continuum; only
          those pinned down by equal-size supports are listed.
        </p>
      ) : (
        <p style={{ margin: '0.3rem 0', color: 'var(--sim-fg-soft)' }}>
          The game is nondegenerate, so this list is complete.
        </p>
      )}
    </div>
  );
}

/** Reference lines at the equilibrium probabilities when the game has exactly one equilibrium and it is mixed. */
function mixedReferences(
  a: GameAnalysis,
  pick: (e: EquilibriumWelfare) => readonly number[],
  actions: readonly string[],
): ReferenceLine[] {
  const eqs = a.efficiency.equilibria;
  if (eqs.length !== 1) return [];
  const x = pick(eqs[0]!);
  if (isPure(x)) return [];
  const values = [...new Set(x.map((p) => Number(p.toFixed(9))))];
  if (values.length === 1) return [{ value: values[0]!, label: `Nash ${probabilityText(values[0]!)}` }];
  return x.map((p, k) => ({ value: p, label: `Nash ${actions[k]} ${probabilityText(p)}` }));
}

// A full-width chart gets a wider viewBox, so that its text does not grow with it.
const WIDE_CHART = { width: 860, height: 260 } as const;

// Most points a line is drawn with; the table and the CSV keep every round.
const MAX_DRAWN = 400;

function MixCharts(props: { game: ExplorerGame; a: GameAnalysis; run: Run }) {
  const { game, a, run } = props;
  const idx = sampleRows(run.t + 1, MAX_DRAWN);
  const x = idx;
  const xDomain: [number, number] = [0, Math.max(10, run.t)];
  const yDomain: [number, number] = [0, 1];
  if (game.rowActions.length === 2 && game.colActions.length === 2) {
    const series: LineSeries[] = [
      { label: `Row: share of ${game.rowActions[0]}`, values: idx.map((t) => run.rowHistory[t]![0]!) },
      { label: `Column: share of ${game.colActions[0]}`, values: idx.map((t) => run.colHistory[t]![0]!) },
    ];
    const eqs = a.efficiency.equilibria;
    const only = eqs.length === 1 && !(isPure(eqs[0]!.row) && isPure(eqs[0]!.col)) ? eqs[0]! : undefined;
    const refs: ReferenceLine[] = [];
    if (only) {
      const pr = only.row[0]!;
      const pc = only.col[0]!;
      if (Math.abs(pr - pc) < 1e-9) refs.push({ value: pr, label: `Nash ${probabilityText(pr)}` });
      else
        refs.push(
          { value: pr, label: `Nash row ${probabilityText(pr)}` },
          { value: pc, label: `Nash col ${probabilityText(pc)}` },
        );
    }
    return (
      // A 2×2 game has one chart, so it takes the full width.
      <div style={{ gridColumn: '1 / -1' }}>
        <LineChart
          size={WIDE_CHART}
          title="Empirical mixed strategies"
          x={x}
          series={series}
          references={refs}
          xDomain={xDomain}
          yDomain={yDomain}
          xLabel="Round"
          yLabel="Share of rounds"
          summary={`Share of rounds in which each player chose their first action, over ${run.t} rounds: row ${percent(series[0]!.values.at(-1)!)}, column ${percent(series[1]!.values.at(-1)!)}.`}
        />
      </div>
    );
  }
  const chart = (who: 'Row' | 'Column', hist: readonly (readonly number[])[], actions: readonly string[]) => {
    const series = actions.map((s, k) => ({ label: s, values: idx.map((t) => hist[t]![k]!) }));
    const refs = mixedReferences(a, (e) => (who === 'Row' ? e.row : e.col), actions);
    return (
      <LineChart
        title={`${who} player’s empirical mix`}
        x={x}
        series={series}
        references={refs}
        xDomain={xDomain}
        yDomain={yDomain}
        xLabel="Round"
        yLabel="Share of rounds"
        summary={`${who} player’s share of rounds for each action over ${run.t} rounds: ${actions.map((s, k) => `${s} ${percent(hist[run.t]![k]!)}`).join(', ')}.`}
      />
    );
  };
  return (
    <>
      {chart('Row', run.rowHistory, game.rowActions)}
      {chart('Column', run.colHistory, game.colActions)}
    </>
  );
}

function PayoffInput(props: {
  id: string;
  label: string;
  value: number;
  color: string;
  disabled: boolean;
  onChange: (value: number) => void;
}) {
  return (
    <>
      <label for={props.id} class="sim-sr-only">
        {props.label}
      </label>
      <input
        id={props.id}
        type="number"
        inputMode="decimal"
        min={-PAYOFF_LIMIT}
        max={PAYOFF_LIMIT}
        step={1}
        value={props.value}
        disabled={props.disabled}
        style={{ width: '4.2rem', borderColor: props.color, borderWidth: '2px' }}
        onChange={(e) => {
          const text = e.currentTarget.value;
          const value = Number(text);
          if (text.trim() !== '' && Number.isFinite(value) && Math.abs(value) <= PAYOFF_LIMIT) props.onChange(value);
          else e.currentTarget.value = String(props.value);
        }}
      />
    </>
  );
}

/** The payoff table as number inputs, one per cell and player, each with its own label. */
function PayoffEditor(props: {
  base: string;
  game: ExplorerGame;
  disabled: boolean;
  onChange: (player: 'a' | 'b', i: number, j: number, value: number) => void;
  onRestore: () => void;
  children: ComponentChildren;
}) {
  const { game, base } = props;
  return (
    <ControlGroup legend="Game and payoffs (row player’s, then column player’s)">
      {props.children}
      <table style={{ borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <td />
            {game.colActions.map((s) => (
              <th key={s} scope="col" style={{ ...headStyle, color: 'var(--sim-series-2)' }}>
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {game.rowActions.map((rs, i) => (
            <tr key={rs}>
              <th scope="row" style={{ ...headStyle, textAlign: 'right', color: 'var(--sim-series-1)' }}>
                {rs}
              </th>
              {game.colActions.map((cs, j) => (
                <td key={cs} style={{ padding: '0.2rem 0.35rem', whiteSpace: 'nowrap' }}>
                  <PayoffInput
                    id={`${base}-${payoffKey('a', i, j)}`}
                    label={`Row player’s payoff when Row plays ${rs} and Column plays ${cs}`}
                    value={game.A[i]![j]!}
                    color="var(--sim-series-1)"
                    disabled={props.disabled}
                    onChange={(v) => props.onChange('a', i, j, v)}
                  />{' '}
                  <PayoffInput
                    id={`${base}-${payoffKey('b', i, j)}`}
                    label={`Column player’s payoff when Row plays ${rs} and Column plays ${cs}`}
                    value={game.B[i]![j]!}
                    color="var(--sim-series-2)"
                    disabled={props.disabled}
                    onChange={(v) => props.onChange('b', i, j, v)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {game.edited ? (
        <button type="button" class="sim-button" onClick={props.onRestore} disabled={props.disabled}>
          Restore the preset’s payoffs
        </button>
      ) : null}
    </ControlGroup>
  );
}

/** Renders the game table, the equilibria and efficiency, the empirical mixes over rounds, and the controls. */
export function GameExplorer(props: GameExplorerProps) {
  const embedKey = props.embedKey ?? props.id ?? gameExplorerInfo.name;
  const [initial] = useState(() => mergeProps(gameExplorerParams, props));
  const url = useUrlState(embedKey, gameExplorerParams, initial);
  const values = url.values;
  const key = serializeParams(values, gameExplorerParams);
  const game = explorerGame(values);
  const analysis = analyseGame(game);

  // Play is derived from the parameters: a new key restarts it synchronously in render.
  const runRef = useRef<Run | null>(null);
  if (!runRef.current || runRef.current.key !== key)
    runRef.current = compute(values, game, key, Math.max(400, values.rounds), values.rounds);
  const run = runRef.current;
  const [, redraw] = useReducer((n: number) => n + 1, 0);

  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(20);
  const reducedMotion = usePrefersReducedMotion();
  const latest = useRef({ values, game });
  latest.current = { values, game };

  const step = useCallback((n: number) => {
    const r = runRef.current;
    if (!r) return;
    runRef.current = seek(r, latest.current.values, latest.current.game, r.t + n);
    if (runRef.current.t >= GAME_MAX_ROUNDS) setRunning(false);
    redraw(0);
  }, []);
  const reset = () => {
    runRef.current = seek(run, values, game, 0);
    redraw(0);
  };
  useAnimationLoop(step, { running, speed, reducedMotion });

  useAutoplay(props.autoplay, reducedMotion, () => setRunning(true), () => setRunning(false));

  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;
  const atEnd = run.t >= GAME_MAX_ROUNDS;

  const editPayoff = (player: 'a' | 'b', i: number, j: number, value: number) => {
    if (values.edited) {
      url.set(payoffKey(player, i, j), value);
      return;
    }
    // The first edit copies the preset's payoffs, so the game changes in this one cell only.
    const next: Values = { ...values, edited: true };
    for (const [p, M] of [
      ['a', game.A],
      ['b', game.B],
    ] as const) {
      for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) next[payoffKey(p, r, c)] = M[r]?.[c] ?? 0;
    }
    next[payoffKey(player, i, j)] = value;
    url.setAll(next);
  };

  const actionOptions = (actions: readonly string[]) =>
    actions.map((s, k) => ({ value: String(k + 1) as '1' | '2' | '3', label: s }));
  const [startRow, startCol] = startOf(values, game);

  const controls = (
    <>
      <PayoffEditor
        base={base}
        game={game}
        disabled={disabled}
        onChange={editPayoff}
        onRestore={() => url.set('edited', false)}
      >
        <ParamControl
          id={`${base}-preset`}
          spec={gameExplorerParams.preset}
          value={values.preset}
          onChange={(v) => url.setAll({ ...values, preset: v as Values['preset'], edited: false })}
          disabled={disabled}
        />
      </PayoffEditor>
      <ControlGroup legend="Learning">
        <ParamControl
          id={`${base}-dynamics`}
          spec={gameExplorerParams.dynamics}
          value={values.dynamics}
          onChange={(v) => url.set('dynamics', v as Values['dynamics'])}
          disabled={disabled}
        />
        <SelectField
          id={`${base}-startRow`}
          label={gameExplorerParams.startRow.label}
          value={String(startRow + 1) as '1' | '2' | '3'}
          options={actionOptions(game.rowActions)}
          onChange={(v) => url.set('startRow', Number(v))}
          disabled={disabled}
        />
        <SelectField
          id={`${base}-startCol`}
          label={gameExplorerParams.startCol.label}
          value={String(startCol + 1) as '1' | '2' | '3'}
          options={actionOptions(game.colActions)}
          onChange={(v) => url.set('startCol', Number(v))}
          disabled={disabled}
        />
        <ParamControl
          id={`${base}-rounds`}
          spec={gameExplorerParams.rounds}
          value={values.rounds}
          onChange={(v) => url.set('rounds', Number(v))}
          disabled={disabled}
        />
        {values.dynamics === 'fictitious-play' ? (
          <ParamControl
            id={`${base}-seed`}
            spec={gameExplorerParams.seed}
            value={values.seed}
            onChange={(v) => url.set('seed', Number(v))}
            disabled={disabled}
          />
        ) : null}
      </ControlGroup>
      <ControlGroup legend="Run">
        <PlayPauseButton running={running} onToggle={() => setRunning((r) => !r)} disabled={disabled || atEnd} />
        <StepButton onStep={() => step(1)} disabled={disabled || atEnd} />
        <ResetButton onReset={reset} disabled={disabled} />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} disabled={disabled} />
      </ControlGroup>
    </>
  );

  return (
    <SimFrame
      embedKey={embedKey}
      title={gameExplorerInfo.title}
      caption={gameCaption(game, analysis, values, run)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(game, run)}
      link={url.link}
      about={gameExplorerInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <Bimatrix game={game} a={analysis} now={run.actions[run.t]!} showNow />
      <Analysis game={game} a={analysis} />
      <MixCharts game={game} a={analysis} run={run} />
    </SimFrame>
  );
}

export default GameExplorer;
