/**
 * The two ends and the tipping point of the sycophancy model of sycophancy.ts: an honest model
 * (never agrees, θ = 0) answers correctly with probability c = k + (1 − k)/2, a fully agreeable one
 * (θ = 1) with the raters' own accuracy 1 − w, and agreeing starts to pay more than answering
 * honestly at the approval weight λ* where the reward gap
 * Δ(λ) = (1 − λ)(1 − w − c) + λ(1 − m) crosses zero (m: chance that an honest answer matches the
 * rater). Above λ* training pushes the agree-probability above the base model's.
 * @see Sharma et al. (2024), "Towards Understanding Sycophancy in Language Models".
 */
import type { SycophancyParams } from './sycophancy.ts';

/** What an honest and a fully agreeable model achieve, and where agreeing starts to pay. */
export type SycophancyLimits = {
  /** c: accuracy of a model that always gives its own answer. */
  honestAccuracy: number;
  /** m: approval (agreement with the rater) of that honest model. */
  honestApproval: number;
  /** 1 − w: accuracy of a model that always agrees with the rater (its approval is 1). */
  agreeableAccuracy: number;
  /** λ*: smallest approval weight in [0, 1] at which agreeing pays at least as much as an honest answer. */
  threshold: number;
};

/**
 * Returns the honest and fully agreeable accuracies and the approval weight λ* at which the reward
 * gap of sycophancyFixedPoint changes sign (0 when agreeing pays at every weight), for rater error
 * w (default 0.3) and competence k (default 0.9), the defaults of sycophancy.ts.
 * @see Sharma et al. (2024).
 */
export function sycophancyLimits(params: Pick<SycophancyParams, 'raterError' | 'competence'> = {}): SycophancyLimits {
  const fn = 'sycophancyLimits';
  const w = params.raterError ?? 0.3;
  const k = params.competence ?? 0.9;
  if (!(w >= 0 && w <= 1)) throw new RangeError(`${fn}: raterError must be in [0, 1], got ${w}`);
  if (!(k >= 0 && k <= 1)) throw new RangeError(`${fn}: competence must be in [0, 1], got ${k}`);
  const c = k + (1 - k) / 2;
  const m = c * (1 - w) + (1 - c) * w;
  // Δ is linear in λ: Δ(0) = 1 − w − c (accuracy gained by agreeing) and Δ(1) = 1 − m ≥ 0.
  const gap0 = 1 - w - c;
  const gap1 = 1 - m;
  const threshold = gap0 >= 0 ? 0 : gap0 / (gap0 - gap1);
  return { honestAccuracy: c, honestApproval: m, agreeableAccuracy: 1 - w, threshold };
}
