/**
 * Extremal Goodhart with a heavy-tailed proxy error. When the error's tail is heavier than the
 * value's (Student-t against Gaussian), the largest proxies are mostly error: E[V | U = u] rises
 * with u at first, then falls back toward 0, and the best of n chosen by the proxy gains true value
 * at first and then loses it as n grows. This is the "catastrophic Goodhart" result.
 * @see Kwa, Thomas & Garriga-Alonso (2024); Manheim & Garrabrant (2018) on extremal Goodhart.
 */
import { normal, createRng } from '../random.ts';
import { integrateAdaptive } from './quadrature.ts';
import { checkPopulation, errorSampler, type ProxyPopulation } from './proxy-selection.ts';
import { bestOfNByProxy } from './regressional.ts';

/** Log of the Student-t kernel (1 + t²/df)^(−(df+1)/2); the normalising constant cancels in E[V | U]. */
function logStudentKernel(t: number, df: number): number {
  return -0.5 * (df + 1) * Math.log1p((t * t) / df);
}

/**
 * Breakpoints for the adaptive rule, so that no panel is wide enough to hide a feature between its
 * nodes: every σ_V around the prior's bulk at 0 and around the kernel's peak at u, widening
 * geometrically between them, and powers of two of the error scale around u.
 */
function breakpoints(u: number, sigma: number, s: number, lo: number, hi: number): number[] {
  const points = [lo, hi];
  for (let k = -12; k <= 12; k++) points.push(k * sigma, u + k * sigma);
  for (let j = -3; j <= 12; j++) points.push(u - s * 2 ** j, u + s * 2 ** j);
  // Fill the gap between the two clusters geometrically (a gap exists only when |u| > 24σ).
  const direction = Math.sign(u);
  const gapEnd = Math.abs(u) - 12 * sigma;
  for (let x = 12 * sigma * 1.25; x < gapEnd; x *= 1.25) points.push(direction * x, u - direction * x);
  const inside = points.filter((p) => p >= lo && p <= hi).sort((p, q) => p - q);
  return inside.filter((p, i) => i === 0 || p > inside[i - 1]!);
}

/**
 * Returns E[V | U = u] for V ~ N(0, trueSd²) and U = V + E, by quadrature for Student-t error
 * (df default 3) and in closed form u·σ_V²/(σ_V² + σ_E²) for normal error; with t error it tends to
 * 0 as u grows.
 * @see Kwa, Thomas & Garriga-Alonso (2024).
 */
export function conditionalTrueGivenProxy(u: number, population: ProxyPopulation): number {
  const fn = 'conditionalTrueGivenProxy';
  const df = checkPopulation(fn, population);
  if (!Number.isFinite(u)) throw new RangeError(`${fn}: u must be finite, got ${u}`);
  const { trueSd: sigma, errorSd: s } = population;
  if (sigma === 0) return 0;
  if (s === 0) return u;
  if (population.error === 'normal') return (u * sigma * sigma) / (sigma * sigma + s * s);
  // log of the unnormalised posterior density of V given U = u
  const logPost = (v: number): number => (-0.5 * v * v) / (sigma * sigma) + logStudentKernel((u - v) / s, df);
  // Outside this range the Gaussian factor is below e^−72 of its value somewhere inside it.
  const lo = Math.min(0, u) - 12 * sigma;
  const hi = Math.max(0, u) + 12 * sigma;
  // Shift by the largest log density on a grid so the integrands stay near 1 (no over/underflow).
  let shift = -Infinity;
  const gridPoints = 4000;
  for (let i = 0; i <= gridPoints; i++) shift = Math.max(shift, logPost(lo + ((hi - lo) * i) / gridPoints));
  shift = Math.max(shift, logPost(u), logPost(0));
  const density = (v: number): number => Math.exp(logPost(v) - shift);
  const breaks = breakpoints(u, sigma, s, lo, hi);
  const scale = Math.min(sigma, s);
  const den = integrateAdaptive(density, breaks, 1e-13 * scale);
  const num = integrateAdaptive((v) => v * density(v), breaks, 1e-13 * scale * Math.max(1, Math.abs(lo), Math.abs(hi)));
  return num / den;
}

/** One point of the extremal curve: n, the Monte Carlo means under the chosen error, and the Gaussian closed form. */
export type ExtremalPoint = {
  candidates: number;
  /** Monte Carlo mean true value of the chosen candidate under the population's error. */
  meanTrue: number;
  /** Monte Carlo mean proxy of the chosen candidate. */
  meanProxy: number;
  /** Standard error of meanTrue over trials. */
  seTrue: number;
  /** Closed-form mean true value had the error been Gaussian with standard deviation errorSd. */
  gaussianTrue: number;
};

/**
 * Returns, for each n in `candidates`, the seeded Monte Carlo means of the chosen candidate's true
 * value and proxy over `trials`, beside the Gaussian-error closed form; with Student-t error the
 * true value rises and then falls back toward 0 as n grows.
 * @see Kwa, Thomas & Garriga-Alonso (2024).
 */
export function extremalCurve(
  options: ProxyPopulation & { candidates: readonly number[]; trials: number; seed: number },
): ExtremalPoint[] {
  const fn = 'extremalCurve';
  const df = checkPopulation(fn, options);
  if (!Number.isInteger(options.trials) || options.trials < 2) {
    throw new RangeError(`${fn}: trials must be an integer >= 2, got ${options.trials}`);
  }
  for (const n of options.candidates) {
    if (!Number.isInteger(n) || n < 1 || n > 1e7) {
      throw new RangeError(`${fn}: candidates must hold integers from 1 to 1e7, got ${n}`);
    }
  }
  const rng = createRng(options.seed);
  const drawError = errorSampler(options, df, rng);
  const { trials, trueSd, errorSd } = options;
  return options.candidates.map((n) => {
    let sumV = 0;
    let sumV2 = 0;
    let sumU = 0;
    for (let t = 0; t < trials; t++) {
      let bestU = -Infinity;
      let bestV = 0;
      for (let i = 0; i < n; i++) {
        const v = normal(rng, 0, trueSd);
        const u = v + drawError();
        if (u > bestU) {
          bestU = u;
          bestV = v;
        }
      }
      sumV += bestV;
      sumV2 += bestV * bestV;
      sumU += bestU;
    }
    const meanTrue = sumV / trials;
    const variance = Math.max(0, (sumV2 - trials * meanTrue * meanTrue) / (trials - 1));
    const gaussianTrue =
      trueSd === 0 && errorSd === 0 ? 0 : bestOfNByProxy({ candidates: n, trueSd, errorSd }).meanTrue;
    return { candidates: n, meanTrue, meanProxy: sumU / trials, seTrue: Math.sqrt(variance / trials), gaussianTrue };
  });
}
