/**
 * The parameters and the description of the replicator simulation, shared by the component, its
 * URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/**
 * The simulation's parameters. `start1` is the starting share of the first strategy (Hawk, Stag
 * or Rock); with three strategies `start2` is the share of the second (Paper) and Scissors get the
 * rest (a `start2` larger than 1 − `start1` is cut down to it).
 */
export const replicatorParams = {
  preset: {
    kind: 'select',
    label: 'Game',
    options: [
      { value: 'hawk-dove', label: 'Hawk–Dove' },
      { value: 'stag-hunt', label: 'Stag hunt' },
      { value: 'rock-paper-scissors', label: 'Rock–paper–scissors' },
    ],
    default: 'hawk-dove',
  },
  value: { kind: 'number', label: 'Resource value V', min: 0.5, max: 10, step: 0.5, default: 2 },
  cost: { kind: 'number', label: 'Cost of injury C', min: 0.5, max: 10, step: 0.5, default: 5 },
  hare: { kind: 'number', label: 'Hare payoff (a stag pays 4)', min: 0.5, max: 3.5, step: 0.1, default: 3 },
  win: { kind: 'number', label: 'Payoff of a win (a loss costs 1)', min: 0.25, max: 2, step: 0.05, default: 1 },
  start1: { kind: 'number', label: 'Starting share of the first strategy', min: 0, max: 1, step: 0.01, default: 0.2 },
  start2: { kind: 'number', label: 'Starting share of the second strategy', min: 0, max: 1, step: 0.01, default: 0.3 },
} as const satisfies ParamSpecs;

/** Time step of the Runge–Kutta integration, in the game's time units. */
export const REPLICATOR_DT = 0.05;

/** Steps computed before the first render (time 20), so the static figure already shows the path. */
export const REPLICATOR_WARMUP_STEPS = 400;

/** The last step a run reaches (time 1000); Play stops there. */
export const REPLICATOR_MAX_STEPS = 20_000;

/** Name, title, one-line description and the "About this model" content. */
export const replicatorInfo = {
  name: 'replicator',
  title: 'Replicator dynamics',
  description:
    'Strategies spread in proportion to how much better than average they do: Hawk–Dove settles at a share V/C of hawks, the stag hunt tips to one side of a threshold, and rock–paper–scissors cycles.',
  about: {
    summary:
      'A large population plays a symmetric two-player game in random pairs. Each strategy’s share grows at a rate equal to how far its average payoff exceeds the population’s: x_i′ = x_i((Ax)_i − x·Ax), the replicator equation.',
    assumptions: [
      'An infinite, well-mixed population: every individual meets a random other, so a strategy’s payoff is its expected payoff against the current mix.',
      'Shares change continuously by the replicator equation, integrated with the fourth-order Runge–Kutta method at time step 0.05; there is no mutation, so a strategy that is absent stays absent.',
      'Hawk–Dove: hawks fight, doves retreat; two hawks split V and each pays C/2 on average, a hawk takes V from a dove, two doves share V.',
      'Stag hunt: a stag (4 each) needs both hunters; a hare pays its value whatever the other does.',
      'Rock–paper–scissors: a win pays the chosen amount, a loss costs 1, a draw 0. In the standard game (win 1) the product x₁x₂x₃ is constant along every orbit, so the population cycles around the equal mix; it spirals in when a win pays more than a loss costs and out when less (Hofbauer and Sigmund 1998).',
      'Rest points are where every present strategy earns the same; their stability comes from the eigenvalues of the linearised equation on the simplex (stable, unstable, saddle, or a center: neutral, as in the standard rock–paper–scissors game).',
    ],
    reproduces: {
      result:
        'In Hawk–Dove with C > V the population settles at a share V/C of hawks, the evolutionarily stable state; in standard rock–paper–scissors it cycles for ever around the equal mix, which is neutrally stable',
      citation: {
        key: 'maynardsmith1973',
        authors: 'John Maynard Smith and George R. Price',
        year: 1973,
        title: 'The Logic of Animal Conflict',
        url: 'https://www.nature.com/articles/246015a0',
      },
    },
    model: 'src/models/evolution/replicator.ts',
    tests: 'tests/models/evolution/replicator.test.ts',
  } satisfies SimAbout,
} as const;
