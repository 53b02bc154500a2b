/**
 * What one agent could gain by misreporting its value for a public project under the Clarke tax:
 * the decision, its tax and its true utility for any report, and the report at which the decision
 * flips, so a reader can see that no report beats the truth.
 */
import { publicProject, type PublicProjectResult } from './public-project.ts';
import { misreportGain } from './vcg.ts';

/** The decision and one agent's tax and true utility (its net value if built, minus its tax) under some report. */
export type ProjectReportOutcome = { build: boolean; tax: number; utility: number };

/** An agent's outcome when truthful and when it reports `report`, the gain from the lie (never positive), and the report above which the project is built. */
export type ProjectMisreport = {
  truthful: ProjectReportOutcome;
  lie: ProjectReportOutcome;
  gain: number;
  /** The project is built exactly when the agent reports more than this (the others truthful). */
  threshold: number;
};

/** The public project and the lie: true values, cost, optional shares, the agent (0-based) and its reported value. */
export type ProjectMisreportOptions = {
  readonly values: readonly number[];
  readonly cost: number;
  readonly shares?: readonly number[];
  readonly agent: number;
  readonly report: number;
};

function checkAgent(agent: unknown, n: number, caller: string): number {
  if (typeof agent !== 'number' || !Number.isInteger(agent) || agent < 0 || agent >= n) {
    throw new RangeError(`${caller}: agent must be an integer from 0 to ${n - 1}, got ${String(agent)}`);
  }
  return agent;
}

function checkReport(report: unknown, name: string, caller: string): number {
  if (typeof report !== 'number' || !Number.isFinite(report)) {
    throw new RangeError(`${caller}: ${name} must be a finite number, got ${String(report)}`);
  }
  return report;
}

function setUp(options: Omit<ProjectMisreportOptions, 'report'>, caller: string) {
  if (typeof options !== 'object' || options === null) throw new TypeError(`${caller}: options must be an object`);
  // publicProject checks values, cost and shares and names itself; rethrow under this caller's name.
  let project: PublicProjectResult;
  try {
    project = publicProject(
      options.shares === undefined
        ? { values: options.values, cost: options.cost }
        : { values: options.values, cost: options.cost, shares: options.shares },
    );
  } catch (error) {
    if (error instanceof RangeError) throw new RangeError(error.message.replace(/^publicProject:/, `${caller}:`));
    throw error;
  }
  const agent = checkAgent(options.agent, options.values.length, caller);
  const share = project.costShares[agent]!;
  // The others' reported net values, summed: the agent's report x tips the decision at share − others.
  const others = project.values.reduce((sum, row, j) => (j === agent ? sum : sum + row[1]!), 0);
  return { matrix: project.values, agent, share, threshold: share - others };
}

function outcome(o: { outcome: number; payment: number; utility: number }): ProjectReportOutcome {
  return { build: o.outcome === 1, tax: o.payment, utility: o.utility };
}

/**
 * Returns agent `agent`'s decision, Clarke tax and true utility when it reports its value and when
 * it reports `report` instead (the others truthful, the cost split by `shares`, default equally),
 * the gain from the lie (never above zero: truth-telling is dominant) and the report above which
 * the project is built.
 * @see Groves (1973), Incentives in Teams; Vickrey (1961).
 */
export function publicProjectMisreport(options: ProjectMisreportOptions): ProjectMisreport {
  const caller = 'publicProjectMisreport';
  const { matrix, agent, share, threshold } = setUp(options, caller);
  const report = checkReport(options.report, 'report', caller);
  const result = misreportGain(matrix, agent, [0, report - share]);
  return { truthful: outcome(result.truthful), lie: outcome(result.lie), gain: result.gain, threshold };
}

/**
 * Returns agent `agent`'s true utility for each reported value in `reports` (the others truthful):
 * a step function, flat on each side of the threshold, whose higher step contains the truth.
 * @see Groves (1973), Incentives in Teams.
 */
export function misreportUtilityCurve(
  options: Omit<ProjectMisreportOptions, 'report'>,
  reports: readonly number[],
): number[] {
  const caller = 'misreportUtilityCurve';
  const { matrix, agent, share } = setUp(options, caller);
  if (!Array.isArray(reports)) throw new TypeError(`${caller}: reports must be an array of finite numbers`);
  return reports.map((x, i) => {
    const report = checkReport(x, `reports[${i}]`, caller);
    return misreportGain(matrix, agent, [0, report - share]).lie.utility;
  });
}
