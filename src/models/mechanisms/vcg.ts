/**
 * The Vickrey–Clarke–Groves mechanism with Clarke's pivot payments: choose the outcome that
 * maximises reported welfare and charge each agent the harm its presence does to the others.
 */

/** An outcome chosen by VCG and each agent's payment (to the mechanism; never negative). */
export type VcgResult = { outcome: number; payments: number[] };

/** Throws a TypeError/RangeError naming `caller` unless `values` is a non-empty rectangular matrix of finite numbers. */
export function checkValues(values: unknown, caller: string): asserts values is readonly (readonly number[])[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new TypeError(`${caller}: values must be a non-empty array with one row of outcome values per agent`);
  }
  const k = (values[0] as unknown[] | undefined)?.length;
  values.forEach((row: unknown, i) => {
    if (!Array.isArray(row)) throw new TypeError(`${caller}: values[${i}] must be an array of numbers`);
    if (row.length === 0 || row.length !== k) {
      throw new RangeError(
        `${caller}: values[${i}] has ${row.length} outcomes; every agent needs a value for each of the ${k ?? 0} outcomes (at least one)`,
      );
    }
    row.forEach((v: unknown, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new RangeError(`${caller}: values[${i}][${j}] must be a finite number, got ${String(v)}`);
    });
  });
}

/** Returns Σ_{j ≠ skip} values[j][k] for every outcome k (skip = −1 keeps everyone), summing agents in order. */
function welfareWithout(values: readonly (readonly number[])[], skip: number): Float64Array {
  const outcomes = values[0]!.length;
  const w = new Float64Array(outcomes);
  for (let j = 0; j < values.length; j++) {
    if (j === skip) continue;
    const row = values[j]!;
    for (let k = 0; k < outcomes; k++) w[k]! += row[k]!;
  }
  return w;
}

function argmax(w: Float64Array): number {
  let best = 0;
  for (let k = 1; k < w.length; k++) if (w[k]! > w[best]!) best = k;
  return best;
}

/** `vcg` without the argument checks. */
export function runVcg(values: readonly (readonly number[])[]): VcgResult {
  const outcome = argmax(welfareWithout(values, -1));
  const payments = values.map((_, i) => {
    const others = welfareWithout(values, i);
    // The same computed sums on both sides, so the payment is never negative, even after rounding.
    return others[argmax(others)]! - others[outcome]!;
  });
  return { outcome, payments };
}

/**
 * Returns the outcome maximising the sum of reported values (ties: the lowest index) and each
 * agent's Clarke pivot payment p_i = max_k Σ_{j≠i} v_j(k) − Σ_{j≠i} v_j(k*); values[i][k] is agent
 * i's value for outcome k.
 * @see Vickrey (1961); Groves (1973), Incentives in Teams.
 */
export function vcg(values: number[][]): VcgResult {
  checkValues(values, 'vcg');
  return runVcg(values);
}

/** Returns the total reported value Σ_i values[i][outcome] of an outcome. */
export function outcomeWelfare(values: readonly (readonly number[])[], outcome: number): number {
  checkValues(values, 'outcomeWelfare');
  if (!Number.isInteger(outcome) || outcome < 0 || outcome >= values[0]!.length) {
    throw new RangeError(
      `outcomeWelfare: outcome must be an integer from 0 to ${values[0]!.length - 1}, got ${outcome}`,
    );
  }
  return values.reduce((sum, row) => sum + row[outcome]!, 0);
}

/** Returns each agent's utility under VCG, its value for the chosen outcome minus its payment. */
export function vcgUtilities(values: number[][]): number[] {
  checkValues(values, 'vcgUtilities');
  const { outcome, payments } = runVcg(values);
  return values.map((row, i) => row[outcome]! - payments[i]!);
}

/**
 * Returns the mechanism's budget: payments collected minus `cost` (default 0) it must cover;
 * positive is a surplus, negative a deficit. Clarke payments are never negative, so VCG runs a
 * surplus, which cannot be handed back without spoiling the incentives.
 */
export function budgetBalance(payments: readonly number[], cost = 0): number {
  if (!Array.isArray(payments) || payments.some((p) => typeof p !== 'number' || !Number.isFinite(p))) {
    throw new RangeError('budgetBalance: payments must be an array of finite numbers');
  }
  if (!Number.isFinite(cost)) throw new RangeError(`budgetBalance: cost must be a finite number, got ${cost}`);
  return payments.reduce((sum, p) => sum + p, 0) - cost;
}

/** One agent's side of a VCG run: the outcome, its payment, and its utility at its true values. */
export type VcgOutcomeForAgent = { outcome: number; payment: number; utility: number };

/**
 * Returns what agent `agent` gets when it reports its true values and when it reports `report`
 * instead (the others truthful), both scored at its true values, and the gain from lying (never
 * positive: truth-telling is a dominant strategy).
 * @see Groves (1973), Incentives in Teams.
 */
export function misreportGain(
  values: number[][],
  agent: number,
  report: readonly number[],
): { truthful: VcgOutcomeForAgent; lie: VcgOutcomeForAgent; gain: number } {
  checkValues(values, 'misreportGain');
  if (!Number.isInteger(agent) || agent < 0 || agent >= values.length) {
    throw new RangeError(`misreportGain: agent must be an integer from 0 to ${values.length - 1}, got ${agent}`);
  }
  const outcomes = values[0]!.length;
  if (
    !Array.isArray(report) ||
    report.length !== outcomes ||
    report.some((v) => typeof v !== 'number' || !Number.isFinite(v))
  ) {
    throw new RangeError(`misreportGain: report must give a finite value for each of the ${outcomes} outcomes`);
  }
  const lied = values.map((row, i) => (i === agent ? [...report] : row));
  const score = (v: readonly (readonly number[])[]): VcgOutcomeForAgent => {
    const { outcome, payments } = runVcg(v);
    const payment = payments[agent]!;
    return { outcome, payment, utility: values[agent]![outcome]! - payment };
  };
  const truthful = score(values);
  const lie = score(lied);
  return { truthful, lie, gain: lie.utility - truthful.utility };
}
