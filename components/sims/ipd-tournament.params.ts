/**
 * The parameters and the description of the ipd-tournament simulation, shared by the component,
 * its worker, its URL state and the registry (no zod, no Preact: safe for the browser, a worker
 * and Node).
 */
import type { BooleanParam, ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';
import type { StrategyId } from '../../src/models/dilemmas/strategies.ts';

/** One strategy a reader may enter: its parameter name, model id, short label for charts and full name. */
export type IpdEntrant = {
  readonly param: string;
  readonly id: StrategyId;
  readonly short: string;
  readonly name: string;
};

/** The strategies on offer, in the order of the checkboxes (parameter names are short for the URL). */
export const IPD_ENTRANTS = [
  { param: 'tft', id: 'tit-for-tat', short: 'TFT', name: 'Tit for tat' },
  { param: 'gtft', id: 'generous-tit-for-tat', short: 'GTFT', name: 'Generous tit for tat' },
  { param: 'wsls', id: 'win-stay-lose-shift', short: 'WSLS', name: 'Win-stay, lose-shift' },
  { param: 'grudger', id: 'grudger', short: 'Grudger', name: 'Grudger' },
  { param: 'allc', id: 'always-cooperate', short: 'ALLC', name: 'Always cooperate' },
  { param: 'alld', id: 'always-defect', short: 'ALLD', name: 'Always defect' },
  { param: 'random', id: 'random', short: 'Random', name: 'Random' },
  { param: 'stft', id: 'suspicious-tit-for-tat', short: 'STFT', name: 'Suspicious tit for tat' },
  { param: 'tf2t', id: 'tit-for-two-tats', short: 'TF2T', name: 'Tit for two tats' },
  { param: 'ttft', id: 'two-tits-for-tat', short: '2TFT', name: 'Two tits for tat' },
  { param: 'alternator', id: 'alternator', short: 'Alt', name: 'Alternator' },
  { param: 'joss', id: 'joss', short: 'Joss', name: 'Joss' },
  { param: 'davis', id: 'davis', short: 'Davis', name: 'Davis' },
  { param: 'grofman', id: 'grofman', short: 'Grofman', name: 'Grofman' },
  { param: 'shubik', id: 'shubik', short: 'Shubik', name: 'Shubik' },
] as const satisfies readonly IpdEntrant[];

const entrant = (label: string, on: boolean): BooleanParam => ({ kind: 'boolean', label, default: on });

/** The simulation's parameters: one checkbox per strategy (the first eight entered by default), then the tournament's settings. */
export const ipdTournamentParams = {
  tft: entrant('Tit for tat', true),
  gtft: entrant('Generous tit for tat', true),
  wsls: entrant('Win-stay, lose-shift', true),
  grudger: entrant('Grudger', true),
  allc: entrant('Always cooperate', true),
  alld: entrant('Always defect', true),
  random: entrant('Random', true),
  stft: entrant('Suspicious tit for tat', true),
  tf2t: entrant('Tit for two tats', false),
  ttft: entrant('Two tits for tat', false),
  alternator: entrant('Alternator', false),
  joss: entrant('Joss', false),
  davis: entrant('Davis', false),
  grofman: entrant('Grofman', false),
  shubik: entrant('Shubik', false),
  turns: { kind: 'integer', label: 'Turns per match', min: 10, max: 1000, step: 10, default: 200 },
  noise: {
    kind: 'number',
    label: 'Noise (chance a move flips)',
    min: 0,
    max: 0.2,
    step: 0.005,
    default: 0,
    unit: 'per move',
  },
  repetitions: { kind: 'integer', label: 'Matches per pair', min: 1, max: 20, step: 1, default: 5 },
  generations: { kind: 'integer', label: 'Generations shown at first', min: 10, max: 1000, step: 10, default: 200 },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/**
 * A round robin that plays more turns than this (matches × turns) runs in a Web Worker: about
 * 5 ms in a desktop browser, so that a slow phone stays well under the 50 ms a frame may block.
 */
export const IPD_SYNC_TURNS = 60_000;

/** The last generation Step and Play reach. */
export const IPD_MAX_GENERATIONS = 5000;

/** Name, title, one-line description and the "About this model" content. */
export const ipdTournamentInfo = {
  name: 'ipd-tournament',
  title: 'An iterated prisoner’s dilemma tournament',
  description:
    'Enter strategies for the repeated prisoner’s dilemma, play them all against each other, then let the population evolve by their scores: tit for tat thrives and always defect dies out, and with noise generous strategies do better.',
  about: {
    summary:
      'Axelrod’s computer tournaments: every entrant plays every other (and its own twin) for a fixed number of turns of the prisoner’s dilemma, scoring 5 for defecting on a cooperator, 3 each for mutual cooperation, 1 each for mutual defection and 0 for being exploited. In the ecological tournament each strategy’s share of the population then grows in proportion to its average score against the current population.',
    assumptions: [
      'Payoffs T = 5, R = 3, P = 1, S = 0 per turn; scores are averages per turn, so matches of different lengths compare.',
      'The players know the match’s history but not how many turns remain, so the last turn is not special to them.',
      'Noise flips each chosen move with the given chance, and both players see the flipped move.',
      'Each pair meets in several seeded matches (one when neither strategy is random and there is no noise, since repeats could not differ); the seed fixes every random draw, so a link replays the same tournament.',
      'The ecological tournament starts from equal shares; each generation a strategy’s share is multiplied by its average score against the population and renormalised (the discrete replicator equation).',
      'Strategies follow Axelrod’s descriptions as implemented in the Axelrod library; generous tit for tat forgives a defection with probability min(1 − (T − R)/(R − S), (R − P)/(T − P)) = 1/3.',
    ],
    reproduces: {
      result:
        'Without noise, nice and retaliatory strategies such as tit for tat score best and take over the ecological tournament while always defect dies out once its prey is gone; with noise, forgiving strategies such as generous tit for tat and win-stay, lose-shift do better',
      citation: {
        key: 'axelrod1984',
        authors: 'Robert Axelrod',
        year: 1984,
        title: 'The Evolution of Cooperation',
      },
    },
    model: 'src/models/dilemmas/tournament.ts',
    tests: 'tests/models/dilemmas/tournament.test.ts',
  } satisfies SimAbout,
} as const;
