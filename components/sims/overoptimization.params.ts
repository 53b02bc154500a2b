/**
 * The parameters and the description of the overoptimization simulation, shared by the component,
 * its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters: how much the reward model credits the exploit, and how much it really costs. */
export const overoptimizationParams = {
  exploitWeight: {
    kind: 'number',
    label: 'Reward model’s credit for the exploit a',
    min: 0,
    max: 2,
    step: 0.1,
    default: 1,
  },
  exploitCost: {
    kind: 'number',
    label: 'Gold reward’s penalty on the exploit c',
    min: 0,
    max: 1,
    step: 0.05,
    default: 0.4,
  },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** Name, title, one-line description and the "About this model" content. */
export const overoptimizationInfo = {
  name: 'overoptimization',
  title: 'Best-of-n against a learned reward model',
  description:
    'Sample n outputs and keep the one a reward model scores highest: as n grows the proxy reward climbs for ever while the gold reward rises, peaks and falls, along Gao et al.’s d(α − βd) curve.',
  about: {
    summary:
      'Each sampled output has a true quality Q and an exploitable feature W (think length or flattery). The learned reward model scores P = Q + a·W, wrongly crediting W; the gold reward, standing in for human judgement, is G = Q − c·W², which W does not help and too much of it hurts. Best-of-n keeps the output with the highest P. Play raises n one step at a time and plots both rewards against the KL divergence of best-of-n from the base policy.',
    assumptions: [
      'Q and W are independent standard normals for every sample of the base policy.',
      'The proxy reward is P = Q + a·W and the gold reward G = Q − c·W²; both are reported as gains over the base policy (n = 1), whose expected proxy is 0 and gold −c.',
      'The KL divergence of best-of-n from the base policy is log n − (n − 1)/n nats, its value for samples without ties; the x axis is drawn on a square-root scale, so d = √KL runs evenly along it.',
      'The closed form is exact for this model: with σ² = 1 + a² and M the maximum of n standard normals, proxy σ·E[M] and gold E[M]/σ − c·(1 + a²·E[M²])/σ².',
      'Gao et al.’s law gain = d·(α − β·d) is fitted by least squares to the exact curve at the 28 steps of n; its peak is at d* = α/(2β).',
      'Dots are Monte Carlo means (± 2 standard errors) from pools of 16,384 samples cut into disjoint blocks of n: the first 8 pools are computed at once, 640 in all in the background.',
    ],
    reproduces: {
      result:
        'Under best-of-n sampling the KL from the base policy is log n − (n − 1)/n, the proxy reward rises throughout, and the gold reward follows d·(α − β·d) in d = √KL: it rises, peaks at d* = α/(2β) and then falls',
      citation: {
        key: 'gao2023',
        authors: 'Leo Gao, John Schulman and Jacob Hilton',
        year: 2023,
        title: 'Scaling Laws for Reward Model Overoptimization',
        url: 'https://arxiv.org/abs/2210.10760',
      },
    },
    model: 'src/models/goodhart/overoptimization.ts',
    tests: 'tests/models/goodhart/overoptimization.test.ts',
  } satisfies SimAbout,
} as const;
