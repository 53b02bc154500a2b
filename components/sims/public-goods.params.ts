/**
 * The parameters and the description of the public-goods simulation, shared by the component,
 * its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters; the endowment (20 tokens) and the punisher's cost (1 per unit) are fixed. */
export const publicGoodsSimParams = {
  players: { kind: 'integer', label: 'Players N', min: 3, max: 12, step: 1, default: 4 },
  multiplier: { kind: 'number', label: 'Multiplier r', min: 1.1, max: 2.9, step: 0.1, default: 1.6 },
  punishment: { kind: 'boolean', label: 'Costly punishment', default: false },
  fine: { kind: 'number', label: 'Fine per punishment unit p', min: 0, max: 5, step: 0.5, default: 3, unit: 'tokens (the punisher pays 1)' },
  learning: {
    kind: 'select',
    label: 'Learning rule',
    options: [
      { value: 'imitation', label: 'Imitate higher earners' },
      { value: 'reinforcement', label: 'Reinforcement (Roth–Erev)' },
    ],
    default: 'imitation',
  },
  noise: { kind: 'number', label: 'Exploration', min: 0, max: 0.2, step: 0.01, default: 0.05 },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** The fixed part of the game: 20 tokens each (as in Fehr & Gächter 2000) and a cost of 1 per punishment unit. */
export const publicGoodsFixed = { endowment: 20, punishCost: 1 } as const;

/** Rounds computed before the first render, so the static figure shows where contributions go. */
export const PUBLIC_GOODS_WARMUP_ROUNDS = 100;

/** Name, title, one-line description and the "About this model" content. */
export const publicGoodsInfo = {
  name: 'public-goods',
  title: 'The public goods game, with and without punishment',
  description:
    'Players learn how much of 20 tokens to put into a pot that is multiplied and shared: contributions decay toward the Nash level of zero, unless free riders can be punished.',
  about: {
    summary:
      'Each round every player splits 20 tokens between a private account and a group pot; the pot is multiplied by r and shared equally. Giving nothing is each player’s best move, yet all giving everything is best for the group. Players adjust their contributions by learning from what earned most.',
    assumptions: [
      'Payoff π_i = e − c_i + (r/N)·Σc_j with e = 20 and 1 < r < N, so each token given returns r/N < 1 to its giver.',
      'Imitation: each round every player looks at one random other player and, if that player earned more, copies their contribution with probability proportional to the difference; then adds a small random change (the exploration, as a share of the endowment).',
      'Reinforcement: players choose among 0, 2, …, 20 tokens with probabilities proportional to propensities that grow with the payoff each choice earned (Roth–Erev, with forgetting); exploration spreads a share of each reinforcement to the other levels.',
      'Punishment is a fixed norm, not a choice: after each round every player punishes each player below the group mean with (mean − c_i)/(N − 1) units, costing the punisher 1 and the target p per unit. Who pays to punish is not itself learned.',
      'Contributions start uniformly between 5 and 15 tokens for imitators; experiments start near half the endowment.',
    ],
    reproduces: {
      result:
        'Qualitatively: without punishment contributions decay toward zero over the rounds; with costly punishment of low contributors they stay high (the model’s learners are not the experiment’s subjects, so levels and speeds differ)',
      citation: {
        key: 'fehr2000',
        authors: 'Ernst Fehr and Simon Gächter',
        year: 2000,
        title: 'Cooperation and Punishment in Public Goods Experiments',
        url: 'https://doi.org/10.1257/aer.90.4.980',
      },
    },
    model: 'src/models/commons/public-goods.ts',
    tests: 'tests/models/commons/public-goods.test.ts',
  } satisfies SimAbout,
} as const;
