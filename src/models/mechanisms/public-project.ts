/**
 * A public project under the Clarke tax: build it when the neighbours' values exceed its cost; each
 * pays its cost share if it is built, plus a tax when its report changes the decision.
 */
import { runVcg } from './vcg.ts';

/** The decision, each agent's cost share and Clarke tax, who was pivotal, and the budget. */
export type PublicProjectResult = {
  build: boolean;
  /** values[i] = [0, value_i − share_i]: outcome 0 is "don't build", outcome 1 is "build". */
  values: number[][];
  costShares: number[];
  taxes: number[];
  /** Agents whose report changed the decision (those with a positive tax). */
  pivotal: boolean[];
  /** Each agent's utility: net value if built, minus its tax. */
  utilities: number[];
  /** Taxes collected beyond the cost: never negative, and lost to the group. */
  surplus: number;
};

/**
 * Returns the VCG decision on a public project of cost `cost` whose benefit to agent i is
 * `values[i]`, the cost split by `shares` (default equally; they must sum to the cost), with
 * Clarke taxes; ties go to not building.
 * @see Groves (1973), Incentives in Teams; Samuelson (1954) on public goods.
 */
export function publicProject(options: {
  values: readonly number[];
  cost: number;
  shares?: readonly number[];
}): PublicProjectResult {
  const caller = 'publicProject';
  const { values, cost } = options;
  if (
    !Array.isArray(values) ||
    values.length === 0 ||
    values.some((v) => typeof v !== 'number' || !Number.isFinite(v))
  ) {
    throw new RangeError(`${caller}: values must be a non-empty array of finite numbers`);
  }
  if (!(cost >= 0) || !Number.isFinite(cost))
    throw new RangeError(`${caller}: cost must be a finite number >= 0, got ${cost}`);
  const n = values.length;
  const shares = options.shares ? [...options.shares] : values.map(() => cost / n);
  if (shares.length !== n || shares.some((s) => !Number.isFinite(s))) {
    throw new RangeError(`${caller}: shares must give a finite share for each of the ${n} agents`);
  }
  const sum = shares.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - cost) > 1e-9 * Math.max(1, cost)) {
    throw new RangeError(`${caller}: shares must sum to the cost ${cost}, got ${sum}`);
  }
  const matrix = values.map((v, i) => [0, v - shares[i]!]);
  const { outcome, payments } = runVcg(matrix);
  const build = outcome === 1;
  return {
    build,
    values: matrix,
    costShares: shares,
    taxes: payments,
    pivotal: payments.map((p) => p > 0),
    utilities: matrix.map((row, i) => row[outcome]! - payments[i]!),
    surplus: payments.reduce((a, b) => a + b, 0),
  };
}
