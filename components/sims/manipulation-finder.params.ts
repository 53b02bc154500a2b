/**
 * The parameters and the description of the manipulation-finder simulation, shared by the
 * component, its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs, ParamValues } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** Every ranking of A, B, C, D; with 3 candidates a bloc's ranking is read with D left out. */
function rankingsOf(letters: string): string[] {
  if (letters.length <= 1) return [letters];
  return [...letters].flatMap((c, i) => rankingsOf(letters.slice(0, i) + letters.slice(i + 1)).map((r) => c + r));
}

/** The 24 rankings a bloc can hold, as select options ("BACD" shown as "B > A > C > D"). */
export const MANIPULATION_RANKINGS = rankingsOf('ABCD').map((r) => ({ value: r, label: r.split('').join(' > ') }));

const RULE_OPTIONS = [
  { value: 'plurality', label: 'Plurality' },
  { value: 'two-round', label: 'Two-round runoff' },
  { value: 'irv', label: 'Instant runoff (IRV)' },
  { value: 'borda', label: 'Borda count' },
  { value: 'copeland', label: 'Copeland' },
  { value: 'schulze', label: 'Schulze' },
  { value: 'minimax', label: 'Minimax' },
  { value: 'ranked-pairs', label: 'Ranked pairs' },
] as const;

const ranking = (n: number, value: string) =>
  ({ kind: 'select', label: `Bloc ${n} ranking`, options: MANIPULATION_RANKINGS, default: value }) as const;
const voters = (n: number) =>
  ({ kind: 'integer', label: `Bloc ${n} voters`, min: 1, max: 99, step: 1, default: 1 }) as const;

/** The most ballot blocs a profile may have. */
export const MAX_BLOCS = 5;

/**
 * The simulation's parameters: the rule, how a voter weighs ties, and up to five ballot blocs
 * (a ranking and a number of voters each); the default profile is the Borda example of the
 * Gibbard–Satterthwaite article.
 */
export const manipulationFinderParams = {
  rule: { kind: 'select', label: 'Voting rule', options: RULE_OPTIONS, default: 'borda' },
  ties: {
    kind: 'select',
    label: 'Ties are broken',
    options: [
      { value: 'expected-rank', label: 'At random (voters weigh the odds)' },
      { value: 'lexicographic', label: 'Alphabetically (first name wins)' },
    ],
    default: 'expected-rank',
  },
  candidates: { kind: 'integer', label: 'Candidates', min: 3, max: 4, step: 1, default: 4 },
  blocs: { kind: 'integer', label: 'Ballot blocs', min: 1, max: MAX_BLOCS, step: 1, default: 3 },
  r1: ranking(1, 'ABCD'),
  n1: voters(1),
  r2: ranking(2, 'BACD'),
  n2: voters(2),
  r3: ranking(3, 'BADC'),
  n3: voters(3),
  r4: ranking(4, 'CDAB'),
  n4: voters(4),
  r5: ranking(5, 'DCBA'),
  n5: voters(5),
  seed: { kind: 'seed', label: 'Search seed', default: 1 },
} as const satisfies ParamSpecs;

type Values = ParamValues<typeof manipulationFinderParams>;

/** A ready-made profile: what it shows, and the values it sets. */
export type ManipulationPreset = { readonly id: string; readonly label: string; readonly values: Partial<Values> };

/** Presets: Borda burying (the article's example), IRV compromise on a weaker candidate, and a Condorcet method. */
export const MANIPULATION_PRESETS: readonly ManipulationPreset[] = [
  {
    // Gibbard–Satterthwaite article: voter 1 buries B, the rival of its favourite A, and A wins.
    id: 'borda-burying',
    label: 'Borda: burying a rival',
    values: { rule: 'borda', candidates: 4, blocs: 3, r1: 'ABCD', n1: 1, r2: 'BACD', n2: 1, r3: 'BADC', n3: 1 },
  },
  {
    // Sincerely A wins after B is eliminated; a C > B > A voter who ranks B, the weakest candidate,
    // first knocks C out instead, and B beats A: the liar gets its second choice, not its last.
    id: 'irv-compromise',
    label: 'IRV: ranking a weaker candidate first',
    values: { rule: 'irv', candidates: 3, blocs: 3, r1: 'CBAD', n1: 2, r2: 'BACD', n2: 1, r3: 'ABCD', n3: 2 },
  },
  {
    // No Condorcet winner; Schulze, minimax and ranked pairs elect C, and the single B > A > C > D
    // voter makes A win by ranking A first and C last.
    id: 'schulze-cycle',
    label: 'Schulze: a Condorcet method',
    values: {
      rule: 'schulze',
      candidates: 4,
      blocs: 4,
      r1: 'ADCB',
      n1: 4,
      r2: 'DBCA',
      n2: 2,
      r3: 'BACD',
      n3: 1,
      r4: 'CBAD',
      n4: 4,
    },
  },
];

/** Name, title, one-line description and the "About this model" content. */
export const manipulationFinderInfo = {
  name: 'manipulation-finder',
  title: 'Finding a profitable lie',
  description:
    'Edit a small election and search every insincere ballot: under each voting rule some voter can gain by lying in some profile, as the Gibbard–Satterthwaite theorem says.',
  about: {
    summary:
      'For each bloc in turn, one of its voters tries every other ranking while everyone else votes sincerely; the first bloc with a ranking that gives that voter an outcome it prefers is shown, with its best lie. "Find a profile" draws random small profiles until one is manipulable under the chosen rule.',
    assumptions: [
      'Voters have strict rankings and one voter deviates at a time; the others are sincere.',
      'A tie is broken at random (the voter compares expected Borda scores of the tied winners) or alphabetically, as chosen.',
      'The two-round runoff is decided from the same rankings; all candidates tied for last in IRV are eliminated together.',
      'The search for a profile draws 3 to 9 voters with uniformly random rankings (impartial culture), merged into at most 5 blocs.',
    ],
    reproduces: {
      result:
        'Every voting rule that is not a dictatorship and can elect any of three or more candidates is manipulable: at some profile a voter gains by misreporting (Satterthwaite 1975 proved the same for ranked ballots)',
      citation: {
        key: 'gibbard1973',
        authors: 'Allan Gibbard',
        year: 1973,
        title: 'Manipulation of Voting Schemes: A General Result',
        url: 'https://www.econometricsociety.org/publications/econometrica/1973/07/01/manipulation-voting-schemes-general-result',
      },
    },
    model: 'src/models/voting/manipulation.ts',
    tests: 'tests/models/voting/manipulation.test.ts',
  } satisfies SimAbout,
} as const;
