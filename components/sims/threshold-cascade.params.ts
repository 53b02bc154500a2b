/**
 * The parameters and the description of the threshold-cascade simulation, shared by the
 * component, its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters; mean and sd apply to the normal crowd, preference and drift to Kuran's. */
export const thresholdCascadeParams = {
  crowd: {
    kind: 'select',
    label: 'Thresholds',
    options: [
      { value: 'uniform', label: 'Uniform: 0, 1, …, N − 1 (Granovetter)' },
      { value: 'normal', label: 'Normal: mean and spread' },
      { value: 'kuran', label: 'Kuran: private preference and social pressure' },
    ],
    default: 'uniform',
  },
  people: { kind: 'integer', label: 'People N', min: 10, max: 200, step: 1, default: 100 },
  changeOne: { kind: 'boolean', label: 'Threshold-1 person moved to 2', default: false },
  spark: { kind: 'integer', label: 'Spark: instigators', min: 0, max: 20, step: 1, default: 0 },
  mean: { kind: 'number', label: 'Mean threshold', min: 0, max: 200, step: 1, default: 25, unit: 'people' },
  sd: { kind: 'number', label: 'Spread of thresholds (sd)', min: 0, max: 60, step: 0.5, default: 10, unit: 'people' },
  preference: {
    kind: 'number',
    label: 'Mean private preference for change',
    min: 0,
    max: 1,
    step: 0.01,
    default: 0.5,
  },
  drift: {
    kind: 'number',
    label: 'Drift of private preferences',
    min: -0.01,
    max: 0.01,
    step: 0.001,
    default: 0.005,
    unit: 'per period',
  },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** Periods a Kuran crowd is followed when its private preferences drift (without drift, until public opinion settles). */
export const KURAN_PERIODS = 60;

/** Standard deviation of private preferences in Kuran's crowd (kuranPopulation's default). */
export const KURAN_PREFERENCE_SD = 0.2;

/** Name, title, one-line description and the "About this model" content. */
export const thresholdCascadeInfo = {
  name: 'threshold-cascade',
  title: 'Threshold cascades: a riot of 100 or a riot of 1',
  description:
    'Each person acts once enough others act; watch the cascade round by round, change one person’s threshold and see a riot of 100 become a riot of 1 (Granovetter 1978), or watch public opinion hide private opinion until it tips (Kuran).',
  about: {
    summary:
      'Everyone in a crowd has a threshold: the number of others who must already be acting (rioting, striking, speaking out) before they join. The crowd’s behaviour depends on the whole distribution of thresholds, not on the average person, so two almost identical crowds can behave in opposite ways.',
    assumptions: [
      'A person with threshold θ acts in a round once at least θ others acted in the previous round; nobody stops once started. So the number acting follows r_{t+1} = F(r_t), where F(r) counts the thresholds at most r, and the cascade stops at the first fixed point F(r) = r it reaches.',
      'Round 0: everyone with threshold 0 acts, together with the spark, instigators who act regardless (in Kuran’s crowd, the spark is a one-off public show of support in period 0 instead).',
      'Uniform crowd: thresholds 0, 1, …, N − 1. Normal crowd: thresholds drawn from a normal distribution with the given mean and spread, negative draws set to 0.',
      'Kuran’s crowd: each person has a private preference for change x (normal, mean as set, sd 0.2, clipped to [0, 1]), an expressive need e and a sensitivity to social pressure s (both uniform on [0, 1]), and says “yes” in public once the public share saying it exceeds 1/2 − (e/s)(x − 1/2). The number on a dot is that threshold as a number of people.',
      'With drift, every private preference moves by the drift each period, so thresholds fall (or rise) slowly while public opinion may not move at all until it tips.',
    ],
    reproduces: {
      result:
        'A crowd of 100 with thresholds 0, 1, …, 99 riots to the last person; move the one person with threshold 1 to threshold 2 and only the instigator acts, a riot of 1',
      citation: {
        key: 'granovetter1978',
        authors: 'Mark Granovetter',
        year: 1978,
        title: 'Threshold Models of Collective Behavior',
        url: 'https://www.jstor.org/stable/2778111',
      },
    },
    model: 'src/models/cascades/threshold.ts',
    tests: 'tests/models/cascades/threshold.test.ts',
  } satisfies SimAbout,
} as const;
