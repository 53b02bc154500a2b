/**
 * The parameters and the description of the condorcet-paradox simulation, shared by the
 * component, its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters: the batch size and the seed. */
export const condorcetParadoxParams = {
  trials: {
    kind: 'integer',
    label: 'Trials per batch',
    min: 50,
    max: 500,
    step: 50,
    default: 200,
    unit: 'profiles at each point',
  },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** Electorate sizes drawn on the chart: odd, so that head-to-head contests never tie. */
export const CONDORCET_VOTERS: readonly number[] = [3, 5, 7, 9, 15, 25, 51, 101, 201, 501, 1001];

/** Candidate counts drawn on the chart, one line each. */
export const CONDORCET_CANDIDATES: readonly number[] = [3, 4, 5];

/**
 * Batches computed in render: one is enough for the static figure to show the three curves apart
 * (±2 standard errors of about 4 points), and keeps hydration cheap; the rest run in the worker.
 */
export const CONDORCET_WARMUP_BATCHES = 1;

/** Batches after which Play stops: enough for error bars of about ±0.001 at the largest batch size. */
export const CONDORCET_MAX_BATCHES = 200;

/** Name, title, one-line description and the "About this model" content. */
export const condorcetParadoxInfo = {
  name: 'condorcet-paradox',
  title: 'How often majorities cycle',
  description:
    'Monte Carlo estimate of how often random preferences leave no Condorcet winner, for 3 to 5 candidates and 3 to 1,001 voters, converging to Guilbaud’s 8.77%.',
  about: {
    summary:
      'Each trial draws an impartial-culture profile, every voter ranking the candidates uniformly at random, and checks whether some candidate beats every other in head-to-head majority votes. Each batch adds the chosen number of trials at every point; the error bars are ±2 standard errors of the estimated share.',
    assumptions: [
      'Impartial culture: voters are independent and each of the m! strict rankings is equally likely; real electorates, whose opinions are correlated, cycle less often.',
      'Odd numbers of voters, so a head-to-head contest never ties and "no Condorcet winner" means a majority cycle.',
      'Each batch at each point uses its own seed derived from the chosen one, so the run is reproducible and batches are independent.',
      'Exact values (open diamonds) come from enumerating every multiset of rankings with its multinomial probability, where that takes at most 20,000 profiles.',
    ],
    reproduces: {
      result:
        'With 3 candidates the probability of no Condorcet winner is exactly 1/18 at 3 voters and rises with the electorate to 1/4 − (3/(2π))·arcsin(1/3) ≈ 0.0877',
      citation: {
        key: 'guilbaud1952',
        authors: 'Georges-Théodule Guilbaud',
        year: 1952,
        title: "Les théories de l'intérêt général et le problème logique de l'agrégation",
      },
    },
    model: 'src/models/voting/impartial-culture.ts',
    tests: 'tests/models/voting/condorcet.test.ts',
  } satisfies SimAbout,
} as const;
