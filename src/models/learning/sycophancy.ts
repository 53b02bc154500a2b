/**
 * Sycophancy learned from approval. Each round a rater states a belief about a yes/no question; the
 * belief is wrong with probability w. The model knows the true answer with probability k (otherwise
 * its own answer is a coin flip) and either gives its own answer or agrees with the rater; it agrees
 * with probability θ = σ(z). The training reward mixes accuracy and approval,
 * r = (1 − λ)·[answer is true] + λ·[answer matches the rater's belief], and z follows a REINFORCE
 * policy gradient with a KL penalty of weight β toward the base model's θ₀, as in RLHF.
 *
 * The penalised objective has the closed-form optimum logit θ* = logit θ₀ + Δ/β, where
 * Δ = E[r | agree] − E[r | own answer] = (1 − λ)(1 − w − c) + λ·(1 − c(1 − w) − (1 − c)w) and
 * c = k + (1 − k)/2 is the accuracy of the model's own answer. Agreeing pays more (Δ > 0) once the
 * approval weight λ is large enough, and accuracy falls from c toward 1 − w.
 * @see Sharma et al. (2024), "Towards Understanding Sycophancy in Language Models"; Perez et al. (2023).
 */
import { createRng } from '../random.ts';

/** The setting: how much reward rides on approval, how often raters are wrong, how often the model knows. */
export type SycophancyParams = {
  /** λ in [0, 1]: weight of rater approval in the reward. */
  approvalWeight: number;
  /** w in [0, 1]: probability that the rater's stated belief is wrong; default 0.3. */
  raterError?: number;
  /** k in [0, 1]: probability that the model knows the true answer; default 0.9. */
  competence?: number;
  /** θ₀ in (0, 1): the base model's probability of agreeing with the rater; default 0.2. */
  baseSycophancy?: number;
  /** β > 0: weight of the KL penalty toward the base model; default 0.05. */
  klWeight?: number;
};

/** Sycophancy rate and what it yields. */
export type SycophancyPoint = {
  approvalWeight: number;
  /** θ: probability of agreeing with the rater. */
  sycophancy: number;
  /** Probability that the answer is true. */
  accuracy: number;
  /** Probability that the answer matches the rater's belief (approval). */
  approval: number;
  /** Δ: expected reward of agreeing minus that of answering honestly. */
  rewardGap: number;
};

function readParams(fn: string, p: SycophancyParams) {
  const lambda = p.approvalWeight;
  const w = p.raterError ?? 0.3;
  const k = p.competence ?? 0.9;
  const theta0 = p.baseSycophancy ?? 0.2;
  const beta = p.klWeight ?? 0.05;
  const unit = (name: string, v: number): void => {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${fn}: ${name} must be in [0, 1], got ${v}`);
  };
  unit('approvalWeight', lambda);
  unit('raterError', w);
  unit('competence', k);
  if (!(theta0 > 0 && theta0 < 1)) throw new RangeError(`${fn}: baseSycophancy must be in (0, 1), got ${theta0}`);
  if (!(beta > 0 && Number.isFinite(beta))) throw new RangeError(`${fn}: klWeight must be a finite number > 0, got ${beta}`);
  // c: accuracy of the model's own answer; m: chance its own answer happens to match the rater.
  const c = k + (1 - k) / 2;
  const m = c * (1 - w) + (1 - c) * w;
  const rewardGap = (1 - lambda) * (1 - w - c) + lambda * (1 - m);
  return { lambda, w, k, theta0, beta, c, m, rewardGap };
}

function pointAt(theta: number, p: ReturnType<typeof readParams>): SycophancyPoint {
  return {
    approvalWeight: p.lambda,
    sycophancy: theta,
    accuracy: theta * (1 - p.w) + (1 - theta) * p.c,
    approval: theta + (1 - theta) * p.m,
    rewardGap: p.rewardGap,
  };
}

const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Returns the KL-regularised optimum θ* = σ(logit θ₀ + Δ/β) with its accuracy and approval rate.
 * @see Sharma et al. (2024).
 */
export function sycophancyFixedPoint(params: SycophancyParams): SycophancyPoint {
  const p = readParams('sycophancyFixedPoint', params);
  return pointAt(sigmoid(logit(p.theta0) + p.rewardGap / p.beta), p);
}

/** Returns the fixed point for each approval weight λ in `approvalWeights` (accuracy against approval as λ grows). */
export function sycophancySweep(params: Omit<SycophancyParams, 'approvalWeight'> & { approvalWeights: readonly number[] }): SycophancyPoint[] {
  return params.approvalWeights.map((approvalWeight) => sycophancyFixedPoint({ ...params, approvalWeight }));
}

/** Options of the training run. */
export type SycophancyTrainingOptions = SycophancyParams & {
  seed: number;
  /** Policy-gradient steps (one question each); default 20,000. */
  steps?: number;
  /** Step size η > 0; default 0.05. */
  learningRate?: number;
  /** Record every this many steps; default 100. */
  recordEvery?: number;
};

/** The trajectory of training, recorded every `recordEvery` steps (the first record is the base model). */
export type SycophancyTraining = {
  steps: number[];
  sycophancy: number[];
  /** Expected accuracy and approval of the policy at each record. */
  accuracy: number[];
  approval: number[];
  /** The policy after training. */
  final: SycophancyPoint;
  /** The closed-form optimum the training should approach. */
  fixedPoint: SycophancyPoint;
};

/**
 * Trains the agree-probability by REINFORCE on sampled questions (reward baseline: a running mean of
 * rewards) with the exact gradient of the KL penalty toward θ₀, and returns the recorded trajectory
 * and the closed-form optimum; deterministic for `seed`.
 * @see Sharma et al. (2024).
 */
export function trainSycophancy(options: SycophancyTrainingOptions): SycophancyTraining {
  const fn = 'trainSycophancy';
  const p = readParams(fn, options);
  const steps = options.steps ?? 20_000;
  const eta = options.learningRate ?? 0.05;
  const every = options.recordEvery ?? 100;
  if (!Number.isInteger(steps) || steps < 0 || steps > 1e8) {
    throw new RangeError(`${fn}: steps must be an integer from 0 to 1e8, got ${steps}`);
  }
  if (!(eta > 0 && Number.isFinite(eta))) throw new RangeError(`${fn}: learningRate must be a finite number > 0, got ${eta}`);
  if (!Number.isInteger(every) || every < 1) throw new RangeError(`${fn}: recordEvery must be an integer >= 1, got ${every}`);
  const rng = createRng(options.seed);
  const z0 = logit(p.theta0);
  let z = z0;
  let baseline = 0.5;
  const record: SycophancyTraining = {
    steps: [],
    sycophancy: [],
    accuracy: [],
    approval: [],
    final: pointAt(p.theta0, p),
    fixedPoint: sycophancyFixedPoint(options),
  };
  const save = (t: number): void => {
    const point = pointAt(sigmoid(z), p);
    record.steps.push(t);
    record.sycophancy.push(point.sycophancy);
    record.accuracy.push(point.accuracy);
    record.approval.push(point.approval);
  };
  save(0);
  for (let t = 1; t <= steps; t++) {
    const theta = sigmoid(z);
    const truth = rng() < 0.5;
    const belief = rng() < p.w ? !truth : truth;
    const agree = rng() < theta;
    let answer: boolean;
    if (agree) answer = belief;
    else answer = rng() < p.k ? truth : rng() < 0.5;
    const reward = (1 - p.lambda) * (answer === truth ? 1 : 0) + p.lambda * (answer === belief ? 1 : 0);
    // ∂ log π(action)/∂z = [agree] − θ; ∂ KL/∂z = θ(1 − θ)(z − z₀).
    z += eta * ((reward - baseline) * ((agree ? 1 : 0) - theta) - p.beta * theta * (1 - theta) * (z - z0));
    baseline += 0.01 * (reward - baseline);
    if (t % every === 0) save(t);
  }
  record.final = pointAt(sigmoid(z), p);
  return record;
}
