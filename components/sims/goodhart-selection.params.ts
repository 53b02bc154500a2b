/**
 * The parameters and the description of the goodhart-selection simulation, shared by the
 * component, its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters; the true value's standard deviation σ_V = 1 sets the unit. */
export const goodhartSelectionParams = {
  pressure: {
    kind: 'number',
    label: 'Optimisation pressure (log₁₀ of candidates n)',
    min: 0,
    max: 4,
    step: 0.25,
    default: 3,
  },
  error: {
    kind: 'select',
    label: 'Proxy error',
    options: [
      { value: 'normal', label: 'Normal (light tails)' },
      { value: 'student-t', label: 'Student-t (heavy tails)' },
    ],
    default: 'normal',
  },
  df: { kind: 'integer', label: 'Degrees of freedom of the t error', min: 2, max: 30, step: 1, default: 3 },
  errorSd: { kind: 'number', label: 'Error scale s', min: 0.25, max: 3, step: 0.25, default: 1, unit: '× sd of V' },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** Name, title, one-line description and the "About this model" content. */
export const goodhartSelectionInfo = {
  name: 'goodhart-selection',
  title: 'Picking the best of n by a noisy proxy',
  description:
    'Choose the candidate with the highest proxy score among n: with normal error its true value lags its score by a fixed factor; with heavy-tailed error more choice eventually buys nothing.',
  about: {
    summary:
      'Each candidate has a true value V and a proxy score U = V + E that overstates or understates it by an independent error E. Selection keeps the candidate with the highest U. The more candidates there are to choose from, the harder the proxy is optimised, and the more the winner is a candidate whose error happened to be large.',
    assumptions: [
      'True values are V ~ N(0, 1): the standard deviation of V is the unit of every axis.',
      'The error is E = s·Z with Z standard normal, or E = s·T with T Student-t with the chosen degrees of freedom, independent of V.',
      'The n candidates are independent; the chosen one is the candidate with the highest proxy, with no other information used.',
      'The scatter shows one seeded draw of n candidates (at most 2,000 of them drawn, plus the chosen and the truly best).',
      'The curves are Monte Carlo estimates from pools of 10,000 candidates cut into disjoint blocks of n: every pool adds ⌊10,000/n⌋ independent selections at each n. The first 8 pools are computed at once, then 640 in all in the background (a Web Worker).',
      'The closed-form line is the Gaussian result for an error of standard deviation s, whatever error is chosen, as the benchmark.',
    ],
    reproduces: {
      result:
        'With Gaussian error the chosen candidate’s expected true value is σ_V²/√(σ_V² + σ_E²) times the expected maximum of n standard normals, its expected score √(σ_V² + σ_E²) times it (regressional Goodhart, Manheim & Garrabrant 2018); with heavier-tailed error than value, the chosen candidate’s true value rises with n and then falls back towards the average while its score keeps rising (catastrophic Goodhart)',
      citation: {
        key: 'kwa2024',
        authors: 'Thomas Kwa, Drake Thomas and Adrià Garriga-Alonso',
        year: 2024,
        title:
          'Catastrophic Goodhart: regularizing RLHF with KL divergence does not mitigate heavy-tailed reward misspecification',
        url: 'https://arxiv.org/abs/2407.14503',
      },
    },
    model: 'src/models/goodhart/block-maxima.ts',
    tests: 'tests/models/goodhart/block-maxima.test.ts',
  } satisfies SimAbout,
} as const;
