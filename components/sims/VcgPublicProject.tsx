/**
 * The vcg-public-project simulation (src/models/mechanisms): a few agents decide on a public
 * project under the VCG mechanism with Clarke pivot taxes; the reader sets their values and the
 * cost, sees the decision, the taxes, who is pivotal and the budget surplus, then lets one agent
 * lie and sees that no report beats the truth. A thin view over the model; nothing runs in time
 * and nothing is random, so there is no play control and no seed.
 */
import { useState } from 'preact/hooks';
import { misreportUtilityCurve, publicProjectMisreport } from '../../src/models/mechanisms/public-project-lies.ts';
import { publicProject, type PublicProjectResult } from '../../src/models/mechanisms/public-project.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { BarChart } from '../kit/charts/BarChart.tsx';
import { ControlGroup, ParamControl, SelectField } from '../kit/controls.tsx';
import { formatNumber } from '../kit/format.ts';
import { mergeProps, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { MarkedChart } from './marked-chart.tsx';
import { vcgPublicProjectInfo, vcgPublicProjectParams } from './vcg-public-project.params.ts';

/** Every parameter of the public-project simulation, set. */
export type VcgPublicProjectValues = ParamValues<typeof vcgPublicProjectParams>;
type Values = VcgPublicProjectValues;

/** Props: each parameter as an optional initial value, plus the common embed props (`autoplay` is accepted and ignored: nothing runs in time). */
export type VcgPublicProjectProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "vcg-public-project". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  readonly autoplay?: boolean;
};

const VALUE_NAMES = ['value1', 'value2', 'value3', 'value4', 'value5'] as const;

// Money to the nearest unit needs no more than five significant digits here.
const fmt = (x: number) => formatNumber(Math.abs(x) < 1e-9 ? 0 : x, 5);

/** Returns the agents' values in use (the first `agents` sliders). */
export function projectValues(values: Values): number[] {
  return VALUE_NAMES.slice(0, values.agents).map((name) => values[name]);
}

/** Returns the liar as a 0-based index, clamped to the agents present. */
export function liarIndex(values: Values): number {
  return Math.min(values.liar, values.agents) - 1;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Returns the caption: the decision and why, who is pivotal and pays what, the surplus, and what the chosen lie would do, in words. */
export function vcgCaption(values: Values): string {
  const vs = projectValues(values);
  const n = vs.length;
  const project = publicProject({ values: vs, cost: values.cost });
  const share = values.cost / n;
  const nets = project.values.map((row) => row[1]!);
  const total = nets.reduce((a, b) => a + b, 0);
  const head = `${n} agents share a cost of ${fmt(values.cost)} (${fmt(share)} each). Values ${list(vs.map(fmt))} give net values ${list(nets.map(fmt))}, which sum to ${fmt(total)}${total > 0 ? ' > 0: the project is built' : ': the project is not built'}.`;
  const pivots = project.pivotal.flatMap((p, i) => (p ? [i] : []));
  const pivotal =
    pivots.length === 0
      ? ' Nobody is pivotal, so nobody pays a tax beyond its share and the budget balances exactly.'
      : ` ${list(pivots.map((i) => `Agent ${i + 1}`))} ${pivots.length === 1 ? 'is' : 'are'} pivotal (without ${pivots.length === 1 ? 'it' : 'each'} the others would decide the other way) and ${pivots.length === 1 ? 'pays a Clarke tax of' : 'pay Clarke taxes of'} ${list(pivots.map((i) => fmt(project.taxes[i]!)))}; the taxes leave a budget surplus of ${fmt(project.surplus)} that cannot be handed back without spoiling the incentives.`;
  const liar = liarIndex(values);
  const lie = publicProjectMisreport({ values: vs, cost: values.cost, agent: liar, report: values.report });
  const truth = vs[liar]!;
  let what: string;
  if (values.report === truth) {
    what = ` Agent ${liar + 1} reports its true value ${fmt(truth)}: its utility is ${fmt(lie.truthful.utility)}.`;
  } else {
    const decision =
      lie.lie.build === lie.truthful.build
        ? `the project would still ${lie.lie.build ? '' : 'not '}be built`
        : `the project would ${lie.lie.build ? '' : 'not '}be built`;
    const verdict = lie.gain < -1e-9 ? `the lie loses ${fmt(-lie.gain)}` : 'the lie gains nothing';
    what = ` If agent ${liar + 1} reported ${fmt(values.report)} instead of ${fmt(truth)}, ${decision}, it would pay a tax of ${fmt(lie.lie.tax)}, and its true utility would be ${fmt(lie.lie.utility)} instead of ${fmt(lie.truthful.utility)}: ${verdict}.`;
  }
  return `${head}${pivotal}${what} No report does better than the truth: under the Clarke pivot rule truth-telling is a dominant strategy (Groves 1973).`;
}

function reportGrid(lo: number, hi: number, threshold: number): number[] {
  const grid = Array.from({ length: 241 }, (_, i) => lo + ((hi - lo) * i) / 240);
  // The utility jumps just above the threshold (a tie means no project): put both sides in the grid.
  if (threshold > lo && threshold < hi) grid.push(threshold, threshold + (hi - lo) * 1e-6);
  return grid.sort((a, b) => a - b);
}

function dataOf(vs: readonly number[], project: PublicProjectResult): SimData {
  return {
    columns: ['agent', 'value', 'cost share', 'net value', 'pivotal', 'Clarke tax', 'utility'],
    rows: vs.map((v, i) => [
      i + 1,
      v,
      project.costShares[i]!,
      project.values[i]![1]!,
      project.pivotal[i] ? 'yes' : 'no',
      project.taxes[i]!,
      project.utilities[i]!,
    ]),
  };
}

/** Renders the project: net values, Clarke taxes, the liar's utility against its report, and the controls. */
export function VcgPublicProject(props: VcgPublicProjectProps) {
  const embedKey = props.embedKey ?? props.id ?? vcgPublicProjectInfo.name;
  const [initial] = useState(() => mergeProps(vcgPublicProjectParams, props));
  const url = useUrlState(embedKey, vcgPublicProjectParams, initial);
  const values = url.values;
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;

  const vs = projectValues(values);
  const n = vs.length;
  const project = publicProject({ values: vs, cost: values.cost });
  const nets = project.values.map((row) => row[1]!);
  const total = nets.reduce((a, b) => a + b, 0);
  const liar = liarIndex(values);
  const truth = vs[liar]!;
  const lie = publicProjectMisreport({ values: vs, cost: values.cost, agent: liar, report: values.report });

  // The report axis covers the slider's range, the truth, the report and the threshold, with a margin.
  const spanLo = Math.min(-200, truth, values.report, lie.threshold);
  const spanHi = Math.max(400, truth, values.report, lie.threshold);
  const pad = (spanHi - spanLo) * 0.05;
  const lo = spanLo - pad;
  const hi = spanHi + pad;
  const reports = reportGrid(lo, hi, lie.threshold);
  const utilities = misreportUtilityCurve({ values: vs, cost: values.cost, agent: liar }, reports);

  const param = (name: keyof Values & string) => (
    <ParamControl
      key={name}
      id={`${base}-${name}`}
      spec={vcgPublicProjectParams[name]}
      value={values[name]}
      onChange={(v) => url.set(name, v as never)}
      disabled={disabled}
    />
  );
  const controls = (
    <>
      <ControlGroup legend="Project">
        {param('agents')}
        {param('cost')}
        {VALUE_NAMES.slice(0, n).map(param)}
      </ControlGroup>
      <ControlGroup legend="What if an agent lies?">
        <SelectField
          id={`${base}-liar`}
          label={vcgPublicProjectParams.liar.label}
          value={String(liar + 1)}
          options={vs.map((_, i) => ({ value: String(i + 1), label: `Agent ${i + 1}` }))}
          onChange={(v) => url.set('liar', Number(v))}
          disabled={disabled}
        />
        {param('report')}
        <button
          type="button"
          class="sim-button"
          onClick={() => url.set('report', truth)}
          disabled={disabled || values.report === truth}
        >
          Report the truth
        </button>
      </ControlGroup>
    </>
  );

  const labels = vs.map((_, i) => `${i + 1}${project.pivotal[i] ? ' pivotal' : ''}`);
  return (
    <SimFrame
      embedKey={embedKey}
      title={vcgPublicProjectInfo.title}
      caption={vcgCaption(values)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={() => dataOf(vs, project)}
      link={url.link}
      about={vcgPublicProjectInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <BarChart
        title={`Net value of each agent: ${project.build ? 'built' : 'not built'}`}
        bars={nets.map((v, i) => ({ label: labels[i]!, value: v }))}
        references={[{ value: total, label: `sum ${fmt(total)}` }]}
        xLabel="Agent"
        yLabel="Value − cost share"
        summary={`Net values of the ${n} agents, ${list(nets.map(fmt))}, sum to ${fmt(total)}, so the project is ${project.build ? '' : 'not '}built.`}
      />
      <BarChart
        title={`Clarke tax of each agent: surplus ${fmt(project.surplus)}`}
        bars={project.taxes.map((t, i) => ({ label: labels[i]!, value: t }))}
        color={1}
        xLabel="Agent"
        yLabel="Tax paid"
        summary={`Clarke taxes ${list(project.taxes.map(fmt))}; the budget surplus is ${fmt(project.surplus)}.`}
      />
      <MarkedChart
        title={`Agent ${liar + 1}’s true utility against its report`}
        curves={[{ label: 'True utility', x: reports, y: utilities, color: 0, step: true }]}
        references={[{ value: lie.truthful.utility, label: `truthful ${fmt(lie.truthful.utility)}` }]}
        verticals={[
          { x: truth, label: `truth ${fmt(truth)}`, color: 2 },
          ...(values.report === truth
            ? []
            : [{ x: values.report, label: `report ${fmt(values.report)}: utility ${fmt(lie.lie.utility)}`, color: 1 }]),
          { x: lie.threshold, label: `decision flips at ${fmt(lie.threshold)}` },
        ]}
        points={values.report === truth ? [] : [{ x: values.report, y: lie.lie.utility, color: 1 }]}
        xDomain={[lo, hi]}
        xLabel={`Agent ${liar + 1}’s reported value`}
        yLabel="True utility"
        summary={`Agent ${liar + 1}’s true utility for reports from ${fmt(lo)} to ${fmt(hi)}: ${fmt(lie.truthful.utility)} on the truth’s side of ${fmt(lie.threshold)}, where the decision flips, and never more; its report ${fmt(values.report)} gives ${fmt(lie.lie.utility)}.`}
      />
    </SimFrame>
  );
}

export default VcgPublicProject;
