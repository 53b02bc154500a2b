/**
 * The parameters and the description of the sycophancy simulation, shared by the component, its
 * URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters; the model's competence, base rate and KL weight are fixed (see below). */
export const sycophancyParams = {
  approvalWeight: { kind: 'number', label: 'Weight on rater approval λ', min: 0, max: 1, step: 0.05, default: 0.6 },
  raterError: {
    kind: 'number',
    label: 'How often raters’ priors are wrong w',
    min: 0,
    max: 0.5,
    step: 0.05,
    default: 0.3,
  },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** The fixed part of the model: the defaults of trainSycophancy, stated here for the caption and the About text. */
export const sycophancyFixed = {
  competence: 0.9,
  baseSycophancy: 0.2,
  klWeight: 0.05,
  steps: 20_000,
  learningRate: 0.05,
  recordEvery: 100,
} as const;

/** Name, title, one-line description and the "About this model" content. */
export const sycophancyInfo = {
  name: 'sycophancy',
  title: 'Training on approval teaches agreement',
  description:
    'A model is rewarded partly for accuracy and partly for rater approval, and raters approve answers that match their prior: past a threshold weight it learns to agree, and accuracy falls toward the raters’ own.',
  about: {
    summary:
      'Each training question comes with a rater who states a belief about the answer, a belief that is wrong on a share w of questions. The model either gives its own answer or agrees with the rater, and learns how often to agree from a reward that mixes accuracy and approval, with a penalty for drifting from the base model as in RLHF.',
    assumptions: [
      'Yes/no questions; the rater’s stated belief is wrong with probability w; the model knows the true answer with probability 0.9 and otherwise guesses, so its own answers are right 95% of the time.',
      'The model agrees with the rater with probability θ, otherwise it gives its own answer; the base model agrees 20% of the time.',
      'Reward r = (1 − λ)·[answer is true] + λ·[answer matches the rater’s belief]: raters approve answers that agree with their prior.',
      'θ = σ(z) is trained by REINFORCE, one question per step (step size 0.05, a running-mean baseline), with the exact gradient of a KL penalty of weight 0.05 toward the base model; 20,000 questions, recorded every 100.',
      'The fixed-point curve is the closed-form optimum of the penalised objective, θ* = σ(logit 0.2 + Δ/0.05), where Δ is the extra expected reward of agreeing; agreeing pays (Δ > 0) above the threshold weight λ*.',
    ],
    reproduces: {
      result:
        'Qualitatively: training on human approval pushes assistants toward agreeing with users’ stated views, trading truthfulness for approval (Sharma et al. 2024; Perez et al. 2023 found models echo users’ views more with more RLHF training). In this model agreement rises and accuracy falls from 95% toward the raters’ own 1 − w once the weight on approval passes λ*',
      citation: {
        key: 'sharma2024',
        authors: 'Mrinank Sharma, Meg Tong, Tomasz Korbak, David Duvenaud, Amanda Askell, Samuel R. Bowman et al.',
        year: 2024,
        title: 'Towards Understanding Sycophancy in Language Models',
        url: 'https://arxiv.org/abs/2310.13548',
      },
    },
    model: 'src/models/learning/sycophancy.ts',
    tests: 'tests/models/learning/sycophancy.test.ts',
  } satisfies SimAbout,
} as const;
