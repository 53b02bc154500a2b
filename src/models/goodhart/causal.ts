/**
 * Causal Goodhart: the proxy X is correlated with the target Y only because Y causes X
 * (X = effect·Y + noise). Observed data show a positive slope of Y on X, yet intervening on X
 * (gaming the proxy) leaves Y where it was; only intervening on Y moves both.
 * @see Manheim & Garrabrant (2018), causal Goodhart.
 */
import { createRng, normal } from '../random.ts';
import { checkSd } from './regressional.ts';

/** The structural model Y ~ N(0, targetSd²), X = effect·Y + N, N ~ N(0, noiseSd²). */
export type CausalModelParams = { targetSd: number; noiseSd: number; effect: number };

/** Which variable an intervention shifts: none (observation), the proxy X, or the target Y. */
export type CausalIntervention = 'none' | 'proxy' | 'target';

/** Closed-form consequences of the causal model and of a shift applied to either variable. */
export type CausalGoodhartResult = {
  /** Slope of the regression of Y on X in observational data, Cov(X, Y)/Var(X). */
  observationalSlope: number;
  /** Correlation of X and Y in observational data. */
  correlation: number;
  /** Gain in Y that the observational slope predicts for a proxy shift of `shift`. */
  predictedTargetGain: number;
  /** do(X := X + shift): the proxy rises by shift, the target does not move. */
  proxyIntervention: { proxyGain: number; targetGain: number };
  /** do(Y := Y + shift): the target rises by shift and the proxy by effect·shift. */
  targetIntervention: { proxyGain: number; targetGain: number };
};

function checkParams(fn: string, p: CausalModelParams): void {
  checkSd(fn, 'targetSd', p.targetSd);
  checkSd(fn, 'noiseSd', p.noiseSd);
  if (!Number.isFinite(p.effect)) throw new RangeError(`${fn}: effect must be finite, got ${p.effect}`);
  if (p.effect * p.targetSd === 0 && p.noiseSd === 0) {
    throw new RangeError(`${fn}: the proxy must vary (effect·targetSd or noiseSd must be > 0)`);
  }
}

/**
 * Returns the observational slope and correlation of target on proxy, and the effect of shifting
 * the proxy (none on the target) versus shifting the target by `shift`.
 * @see Manheim & Garrabrant (2018).
 */
export function causalGoodhart(params: CausalModelParams & { shift: number }): CausalGoodhartResult {
  const fn = 'causalGoodhart';
  checkParams(fn, params);
  if (!Number.isFinite(params.shift)) throw new RangeError(`${fn}: shift must be finite, got ${params.shift}`);
  const { targetSd, noiseSd, effect, shift } = params;
  const varY = targetSd * targetSd;
  const varX = effect * effect * varY + noiseSd * noiseSd;
  const cov = effect * varY;
  const observationalSlope = cov / varX;
  const correlation = varY === 0 ? 0 : cov / Math.sqrt(varX * varY);
  return {
    observationalSlope,
    correlation,
    predictedTargetGain: observationalSlope * shift,
    proxyIntervention: { proxyGain: shift, targetGain: 0 },
    targetIntervention: { proxyGain: effect * shift, targetGain: shift },
  };
}

/** Paired samples of target Y and proxy X. */
export type CausalSample = { target: number[]; proxy: number[] };

/**
 * Returns `samples` seeded draws of (Y, X) from the structural model, after the intervention: 'none'
 * observes, 'proxy' adds `shift` to X after it is generated, 'target' adds `shift` to Y before X is
 * generated from it.
 */
export function causalGoodhartSample(
  options: CausalModelParams & { samples: number; seed: number; intervention: CausalIntervention; shift: number },
): CausalSample {
  const fn = 'causalGoodhartSample';
  checkParams(fn, options);
  const { samples, intervention, shift } = options;
  if (!Number.isInteger(samples) || samples < 1 || samples > 1e7) {
    throw new RangeError(`${fn}: samples must be an integer from 1 to 1e7, got ${samples}`);
  }
  if (intervention !== 'none' && intervention !== 'proxy' && intervention !== 'target') {
    throw new TypeError(`${fn}: intervention must be 'none', 'proxy' or 'target', got ${String(intervention)}`);
  }
  if (!Number.isFinite(shift)) throw new RangeError(`${fn}: shift must be finite, got ${shift}`);
  const rng = createRng(options.seed);
  const target: number[] = [];
  const proxy: number[] = [];
  for (let i = 0; i < samples; i++) {
    let y = normal(rng, 0, options.targetSd);
    if (intervention === 'target') y += shift;
    let x = options.effect * y + normal(rng, 0, options.noiseSd);
    if (intervention === 'proxy') x += shift;
    target.push(y);
    proxy.push(x);
  }
  return { target, proxy };
}
