/**
 * The manipulation-finder simulation: an editable election of ballot blocs, the sincere winner
 * under a chosen rule, and the best lie one voter can tell (src/models/voting/manipulation.ts),
 * shown beside the sincere ballot; plus every rule's verdict on the same profile. Nothing runs in
 * time and the searches take well under a millisecond, so everything is computed in render.
 */
import { useState } from 'preact/hooks';
import type { Ballot } from '../../src/models/voting/ballots.ts';
import { electionWinners, type RankedRule } from '../../src/models/voting/election.ts';
import { findManipulableProfile } from '../../src/models/voting/manipulable-profile.ts';
import { findManipulation, type Manipulation, type TieComparison } from '../../src/models/voting/manipulation.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { seriesColor } from '../kit/charts/axes.tsx';
import { ControlGroup, NumberField, ParamControl, SelectField } from '../kit/controls.tsx';
import { mergeProps, nextSeed, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import {
  MANIPULATION_PRESETS,
  MAX_BLOCS,
  manipulationFinderInfo,
  manipulationFinderParams,
} from './manipulation-finder.params.ts';
import {
  RANKED_RULE_ORDER,
  RULE_LABELS,
  RULE_NAMES_IN_TEXT,
  listNames,
  rankingText,
  tallyText,
  winnersText,
} from './voting-text.ts';

type Values = ParamValues<typeof manipulationFinderParams>;

/** Props: each parameter as an optional initial value, plus the common embed props. */
export type ManipulationFinderProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "manipulation-finder". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
};

type BlocKey = 1 | 2 | 3 | 4 | 5;
const BLOC_KEYS: readonly BlocKey[] = [1, 2, 3, 4, 5];
const rankingOf = (v: Values, k: BlocKey): string => v[`r${k}`];
const countOf = (v: Values, k: BlocKey): number => v[`n${k}`];

/** Returns the candidates' names for the chosen count: A, B, C (and D). */
export function candidateLetters(values: Values): string[] {
  return 'ABCD'.slice(0, values.candidates).split('');
}

/** Returns a stored four-letter ranking read over the election's candidates (D left out with three). */
export function visibleRanking(stored: string, letters: readonly string[]): string[] {
  return stored.split('').filter((c) => letters.includes(c));
}

/** Returns a four-letter ranking whose visible part is `visible`, the hidden candidates kept at the end in their old order. */
export function storedRanking(visible: readonly string[], stored: string): string {
  return (
    visible.join('') +
    stored
      .split('')
      .filter((c) => !visible.includes(c))
      .join('')
  );
}

/** Returns the ballots of the shown blocs, in bloc order. */
export function ballotsOf(values: Values): Ballot[] {
  const letters = candidateLetters(values);
  return BLOC_KEYS.slice(0, values.blocs).map((k) => ({
    ranking: visibleRanking(rankingOf(values, k), letters),
    count: countOf(values, k),
  }));
}

/** The chosen rule's result and every rule's verdict on one profile. */
export type ManipulationReport = {
  readonly rule: RankedRule;
  readonly ballots: readonly Ballot[];
  readonly winners: readonly string[];
  readonly manipulation: Manipulation | null;
  readonly byRule: readonly { rule: RankedRule; winners: string[]; manipulation: Manipulation | null }[];
};

/** Returns the sincere winners and the manipulation (if any) under every rule, for the values' profile. */
export function manipulationReport(values: Values): ManipulationReport {
  const ballots = ballotsOf(values);
  const ties = values.ties as TieComparison;
  const byRule = RANKED_RULE_ORDER.map((rule) => ({
    rule,
    winners: electionWinners(rule, ballots),
    manipulation: findManipulation(rule, ballots, ties),
  }));
  const chosen = byRule.find((r) => r.rule === values.rule)!;
  return { rule: chosen.rule, ballots, winners: chosen.winners, manipulation: chosen.manipulation, byRule };
}

/** Returns the ballots after one voter of bloc `m.ballotIndex` switches to the insincere ranking. */
export function deviatedBallots(ballots: readonly Ballot[], m: Manipulation): Ballot[] {
  const out: Ballot[] = ballots.map((b, i) =>
    i === m.ballotIndex ? { ranking: b.ranking, count: (b.count ?? 1) - 1 } : b,
  );
  return [...out.filter((b) => (b.count ?? 1) > 0), { ranking: m.insincere, count: 1 }];
}

function voterCount(ballots: readonly Ballot[]): number {
  return ballots.reduce((s, b) => s + (b.count ?? 1), 0);
}

/** Returns why the liar is better off, in words. */
function gainText(m: Manipulation, ties: string): string {
  const before = winnersText(m.sincereWinners);
  if (m.manipulatedWinners.length === 1) return `a candidate it ranks above ${before}`;
  return ties === 'lexicographic'
    ? `settled for ${m.manipulatedWinners[0]} alphabetically, which it ranks above ${before}`
    : `which, settled at random, it expects to like more than ${before}`;
}

/** Returns the caption: the rule, the sincere winner, the best lie if any, and how many rules this profile defeats. */
export function manipulationCaption(values: Values, report: ManipulationReport): string {
  const n = voterCount(report.ballots);
  const head = `Under ${RULE_NAMES_IN_TEXT[report.rule]} with ${n} voter${n === 1 ? '' : 's'} in ${report.ballots.length} bloc${report.ballots.length === 1 ? '' : 's'}, the sincere winner is ${winnersText(report.winners)}.`;
  const m = report.manipulation;
  const body = m
    ? ` One voter of bloc ${m.ballotIndex + 1} (true ranking ${rankingText(m.sincere)}) reports ${rankingText(m.insincere)} and ${winnersText(m.manipulatedWinners)} wins instead, ${gainText(m, values.ties)}.`
    : ` No single voter can gain by misreporting under this rule in this profile.`;
  const count = report.byRule.filter((r) => r.manipulation).length;
  return `${head}${body} ${count} of the ${report.byRule.length} rules can be manipulated in this profile; Gibbard (1973) and Satterthwaite (1975) show that every rule that is not a dictatorship and can elect any of 3 or more candidates can be in some profile.`;
}

function dataOf(report: ManipulationReport): SimData {
  return {
    columns: ['rule', 'sincere winners', 'manipulable', 'bloc', 'sincere ballot', 'insincere ballot', 'winners after'],
    rows: report.byRule.map(({ rule, winners, manipulation: m }) => [
      RULE_LABELS[rule],
      winners.join(' '),
      m ? 'yes' : 'no',
      m ? m.ballotIndex + 1 : null,
      m ? rankingText(m.sincere) : null,
      m ? rankingText(m.insincere) : null,
      m ? m.manipulatedWinners.join(' ') : null,
    ]),
  };
}

const CHIP = {
  display: 'inline-block',
  minWidth: '1.6em',
  padding: '0.05em 0.35em',
  margin: '0 0.1em',
  borderRadius: '3px',
  fontWeight: 700,
  textAlign: 'center',
} as const;

/** A candidate's name on its series colour (the same colours as the spatial-election figure). */
function Chip(props: { name: string }) {
  const k = props.name.charCodeAt(0) - 65;
  return <span style={{ ...CHIP, background: seriesColor(k), color: 'var(--sim-panel)' }}>{props.name}</span>;
}

function Ranking(props: { ranking: readonly string[] }) {
  return (
    <span>
      {props.ranking.map((c, i) => (
        <span key={c}>
          {i > 0 ? ' > ' : ''}
          <Chip name={c} />
        </span>
      ))}
    </span>
  );
}

function Winners(props: { winners: readonly string[] }) {
  return (
    <span>
      {props.winners.map((w) => (
        <Chip key={w} name={w} />
      ))}
      {props.winners.length > 1 ? ' (tie)' : ''}
    </span>
  );
}

const CARD = {
  flex: '1 1 16rem',
  border: '1px solid var(--sim-border)',
  borderRadius: '6px',
  padding: '0.6rem 0.8rem',
  background: 'var(--sim-soft)',
} as const;

function Comparison(props: { report: ManipulationReport; ties: string }) {
  const { report } = props;
  const m = report.manipulation;
  const label = RULE_LABELS[report.rule];
  if (!m) {
    return (
      <div class="sim-chart" style={{ gridColumn: '1 / -1' }}>
        <p class="sim-chart-title">{label}: sincere winner</p>
        <div style={CARD}>
          <p style={{ margin: 0 }}>
            Winner: <Winners winners={report.winners} />
          </p>
          <p style={{ margin: '0.3rem 0 0', fontSize: '0.85rem' }}>{tallyText(report.rule, report.ballots)}</p>
          <p style={{ margin: '0.5rem 0 0' }}>
            No single voter can gain by misreporting here. The theorem says some other profile lets one: try “Find a
            profile”.
          </p>
        </div>
      </div>
    );
  }
  const after = deviatedBallots(report.ballots, m);
  return (
    <div class="sim-chart" style={{ gridColumn: '1 / -1' }}>
      <p class="sim-chart-title">
        {label}: one voter of bloc {m.ballotIndex + 1} lies, everyone else is sincere
      </p>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        <section style={CARD} aria-label="Sincere ballot">
          <p style={{ margin: 0, fontWeight: 600 }}>Sincere ballot</p>
          <p style={{ margin: '0.3rem 0' }}>
            <Ranking ranking={m.sincere} />
          </p>
          <p style={{ margin: 0 }}>
            Winner: <Winners winners={m.sincereWinners} />
          </p>
          <p style={{ margin: '0.3rem 0 0', fontSize: '0.85rem' }}>{tallyText(report.rule, report.ballots)}</p>
        </section>
        <section style={{ ...CARD, borderColor: 'var(--sim-focus)' }} aria-label="Insincere ballot">
          <p style={{ margin: 0, fontWeight: 600 }}>Insincere ballot</p>
          <p style={{ margin: '0.3rem 0' }}>
            <Ranking ranking={m.insincere} />
          </p>
          <p style={{ margin: 0 }}>
            Winner: <Winners winners={m.manipulatedWinners} />
          </p>
          <p style={{ margin: '0.3rem 0 0', fontSize: '0.85rem' }}>{tallyText(report.rule, after)}</p>
        </section>
      </div>
      <p style={{ margin: '0.4rem 0 0' }}>
        The liar truly ranks {rankingText(m.sincere)}: the new outcome, {winnersText(m.manipulatedWinners)}, is{' '}
        {gainText(m, props.ties)}.
      </p>
    </div>
  );
}

function RulesTable(props: { report: ManipulationReport }) {
  return (
    <div class="sim-chart" style={{ gridColumn: '1 / -1' }}>
      <p class="sim-chart-title">Every rule on this profile</p>
      <div class="sim-table-wrap" tabIndex={0}>
        <table class="sim-table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Sincere winner</th>
              <th scope="col">Can one voter gain by lying?</th>
            </tr>
          </thead>
          <tbody>
            {props.report.byRule.map(({ rule, winners, manipulation: m }) => (
              <tr
                key={rule}
                aria-current={rule === props.report.rule ? 'true' : undefined}
                style={rule === props.report.rule ? { background: 'var(--sim-notice)' } : undefined}
              >
                <th scope="row" style={{ textAlign: 'left' }}>
                  {RULE_LABELS[rule]}
                </th>
                <td style={{ textAlign: 'left' }}>{listNames(winners)}</td>
                <td style={{ textAlign: 'left' }}>
                  {m
                    ? `Yes: a bloc ${m.ballotIndex + 1} voter reporting ${rankingText(m.insincere)} gets ${winnersText(m.manipulatedWinners)}`
                    : 'No'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

const ROW = { display: 'flex', flexWrap: 'wrap', gap: '0.5rem 0.75rem', alignItems: 'flex-end' } as const;

/** Renders the profile editor, the sincere and the insincere ballot side by side, and every rule's verdict. */
export function ManipulationFinder(props: ManipulationFinderProps) {
  const embedKey = props.embedKey ?? props.id ?? manipulationFinderInfo.name;
  const [initial] = useState(() => mergeProps(manipulationFinderParams, props));
  const url = useUrlState(embedKey, manipulationFinderParams, initial);
  const values = url.values;
  const [status, setStatus] = useState('');
  const report = manipulationReport(values);
  const letters = candidateLetters(values);
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;

  const setBloc = (k: BlocKey, ranking: string) => url.set(`r${k}`, ranking);
  const raise = (k: BlocKey, i: number) => {
    const shown = visibleRanking(rankingOf(values, k), letters);
    [shown[i - 1], shown[i]] = [shown[i]!, shown[i - 1]!];
    setBloc(k, storedRanking(shown, rankingOf(values, k)));
  };
  const applyPreset = (preset: (typeof MANIPULATION_PRESETS)[number]) => {
    url.setAll({ ...values, ...preset.values });
    setStatus(`Loaded “${preset.label}”.`);
  };
  const findProfile = () => {
    const found = findManipulableProfile(values.rule as RankedRule, {
      candidates: values.candidates,
      seed: values.seed,
      maxBlocs: MAX_BLOCS,
      compare: values.ties as TieComparison,
    });
    if (!found) {
      setStatus(`No manipulable profile in 5,000 random draws with seed ${values.seed}; try a new seed.`);
      return;
    }
    const next: Values = { ...values, blocs: found.ballots.length, seed: nextSeed(values.seed) };
    found.ballots.forEach((b, i) => {
      const k = BLOC_KEYS[i]!;
      next[`r${k}`] = storedRanking(b.ranking, rankingOf(values, k));
      next[`n${k}`] = b.count ?? 1;
    });
    url.setAll(next);
    setStatus(`Found on draw ${found.draws} with seed ${values.seed}; the seed moves on for the next search.`);
  };

  const shownRankings = (stored: string) => {
    // With three candidates, a select shows the six orders of A, B and C; the stored value keeps D last.
    const seen = new Set<string>();
    return manipulationFinderParams.r1.options
      .map((o) => ({ full: o.value, visible: visibleRanking(o.value, letters).join('') }))
      .filter((o) => (seen.has(o.visible) ? false : (seen.add(o.visible), true)))
      .map((o) => ({
        value: o.visible,
        label: o.visible.split('').join(' > '),
        full: storedRanking(o.visible.split(''), stored),
      }));
  };

  const controls = (
    <>
      <ControlGroup legend="Rule">
        <ParamControl
          id={`${base}-rule`}
          spec={manipulationFinderParams.rule}
          value={values.rule}
          onChange={(v) => url.set('rule', v as Values['rule'])}
          disabled={disabled}
        />
        <ParamControl
          id={`${base}-ties`}
          spec={manipulationFinderParams.ties}
          value={values.ties}
          onChange={(v) => url.set('ties', v as Values['ties'])}
          disabled={disabled}
        />
      </ControlGroup>
      <ControlGroup legend="Profile">
        <ParamControl
          id={`${base}-candidates`}
          spec={manipulationFinderParams.candidates}
          value={values.candidates}
          onChange={(v) => url.set('candidates', v as number)}
          disabled={disabled}
        />
        <ParamControl
          id={`${base}-blocs`}
          spec={manipulationFinderParams.blocs}
          value={values.blocs}
          onChange={(v) => url.set('blocs', v as number)}
          disabled={disabled}
        />
        <div style={{ flexBasis: '100%', display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
          {BLOC_KEYS.slice(0, values.blocs).map((k) => {
            const stored = rankingOf(values, k);
            const shown = visibleRanking(stored, letters);
            const options = shownRankings(stored);
            return (
              <fieldset key={k} class="sim-group" style={{ flex: '1 1 24rem' }}>
                <legend>Bloc {k}</legend>
                <div style={ROW}>
                  <NumberField
                    id={`${base}-n${k}`}
                    label={`Bloc ${k} voters`}
                    value={countOf(values, k)}
                    min={1}
                    max={99}
                    step={1}
                    onChange={(v) => url.set(`n${k}`, Math.round(v))}
                    disabled={disabled}
                  />
                  <SelectField
                    id={`${base}-r${k}`}
                    label={`Bloc ${k} ranking`}
                    value={shown.join('')}
                    options={options}
                    onChange={(v) => setBloc(k, options.find((o) => o.value === v)!.full)}
                    disabled={disabled}
                  />
                  <div role="group" aria-label={`Reorder bloc ${k}`} style={{ display: 'flex', gap: '0.3rem' }}>
                    {shown.slice(1).map((c, j) => (
                      <button
                        key={c}
                        type="button"
                        class="sim-button"
                        aria-label={`Move ${c} above ${shown[j]} in bloc ${k}`}
                        title={`Move ${c} above ${shown[j]}`}
                        onClick={() => raise(k, j + 1)}
                        disabled={disabled}
                      >
                        ↑{c}
                      </button>
                    ))}
                  </div>
                </div>
              </fieldset>
            );
          })}
        </div>
      </ControlGroup>
      <ControlGroup legend="Examples">
        {MANIPULATION_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            class="sim-button"
            onClick={() => applyPreset(preset)}
            disabled={disabled}
          >
            {preset.label}
          </button>
        ))}
        <button type="button" class="sim-button" onClick={findProfile} disabled={disabled}>
          Find a profile where {RULE_NAMES_IN_TEXT[values.rule]} can be manipulated
        </button>
        <ParamControl
          id={`${base}-seed`}
          spec={manipulationFinderParams.seed}
          value={values.seed}
          onChange={(v) => url.set('seed', v as number)}
          disabled={disabled}
        />
        <span class="sim-action-status" role="status">
          {status}
        </span>
      </ControlGroup>
    </>
  );

  return (
    <SimFrame
      embedKey={embedKey}
      title={manipulationFinderInfo.title}
      caption={manipulationCaption(values, report)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(report)}
      link={url.link}
      about={manipulationFinderInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <Comparison report={report} ties={values.ties} />
      <RulesTable report={report} />
    </SimFrame>
  );
}

export default ManipulationFinder;
