/**
 * Regressional Goodhart in closed form: when the proxy is the true value plus independent
 * Gaussian noise, selecting on the proxy also selects on the noise, so the chosen candidate's true
 * value regresses toward the mean by the factor σ_V²/(σ_V² + σ_E²).
 * @see Manheim & Garrabrant (2018), "Categorizing Variants of Goodhart's Law".
 */
import { expectedMaxOfNormals } from './max-of-normals.ts';

/** Standard deviations of the true value V and of the proxy's error E (U = V + E). */
export type RegressionalParams = { trueSd: number; errorSd: number };

/** Expected true value and expected proxy of the candidate chosen by the proxy. */
export type SelectionMeans = { meanTrue: number; meanProxy: number };

/** Throws a RangeError unless `value` is a finite number ≥ 0 (or > 0 when `strict`). */
export function checkSd(fn: string, name: string, value: number, strict = false): void {
  if (!Number.isFinite(value) || value < 0 || (strict && value === 0)) {
    throw new RangeError(`${fn}: ${name} must be a finite number ${strict ? '> 0' : '>= 0'}, got ${value}`);
  }
}

function checkParams(fn: string, { trueSd, errorSd }: RegressionalParams): void {
  checkSd(fn, 'trueSd', trueSd);
  checkSd(fn, 'errorSd', errorSd);
  if (trueSd === 0 && errorSd === 0) throw new RangeError(`${fn}: trueSd and errorSd must not both be 0`);
}

/**
 * Returns E[V | U = u] = u·σ_V²/(σ_V² + σ_E²) for V ~ N(0, σ_V²), E ~ N(0, σ_E²) independent.
 * @see Manheim & Garrabrant (2018).
 */
export function regressionalExpectation(u: number, params: RegressionalParams): number {
  checkParams('regressionalExpectation', params);
  if (!Number.isFinite(u)) throw new RangeError(`regressionalExpectation: u must be finite, got ${u}`);
  const v = params.trueSd ** 2;
  return (u * v) / (v + params.errorSd ** 2);
}

/**
 * Returns the closed-form means when the best of `candidates` (≥ 1) is chosen by U = V + E with
 * Gaussian V and E: E[U_chosen] = √(σ_V² + σ_E²)·E[max], E[V_chosen] = σ_V²/√(σ_V² + σ_E²)·E[max].
 * @see Manheim & Garrabrant (2018).
 */
export function bestOfNByProxy(options: RegressionalParams & { candidates: number }): SelectionMeans {
  checkParams('bestOfNByProxy', options);
  const { candidates, trueSd, errorSd } = options;
  if (!Number.isFinite(candidates) || candidates < 1) {
    throw new RangeError(`bestOfNByProxy: candidates must be a finite number >= 1, got ${candidates}`);
  }
  const m = expectedMaxOfNormals(candidates);
  const proxySd = Math.hypot(trueSd, errorSd);
  return { meanTrue: ((trueSd * trueSd) / proxySd) * m, meanProxy: proxySd * m };
}
