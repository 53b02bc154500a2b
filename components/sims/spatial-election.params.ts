/**
 * The parameters and the description of the spatial-election simulation, shared by the component,
 * its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

const coordinate = (label: string, value: number) =>
  ({ kind: 'number', label, min: 0, max: 1, step: 0.01, default: value }) as const;

/** Rules the Yee diagram can draw, in the order the winners table lists them. */
export const SPATIAL_RULE_OPTIONS = [
  { value: 'plurality', label: 'Plurality' },
  { value: 'two-round', label: 'Two-round runoff' },
  { value: 'irv', label: 'Instant runoff (IRV)' },
  { value: 'borda', label: 'Borda count' },
  { value: 'copeland', label: 'Copeland' },
  { value: 'schulze', label: 'Schulze' },
  { value: 'minimax', label: 'Minimax' },
  { value: 'ranked-pairs', label: 'Ranked pairs' },
  { value: 'approval', label: 'Approval' },
] as const;

/**
 * The simulation's parameters. Candidate positions (ax … ey, in the unit square) are set by
 * dragging the candidates or moving them with the arrow keys; the defaults put B between A and C,
 * the layout in which Yee (2006) saw plurality squeeze out the centre.
 */
export const spatialElectionParams = {
  candidates: { kind: 'integer', label: 'Candidates', min: 2, max: 5, step: 1, default: 3 },
  centerX: coordinate('Voter centre x', 0.5),
  centerY: coordinate('Voter centre y', 0.5),
  spread: { kind: 'number', label: 'Voter spread', min: 0.05, max: 0.5, step: 0.01, default: 0.25, unit: 'SD' },
  voters: { kind: 'integer', label: 'Voters', min: 21, max: 1001, step: 20, default: 201 },
  radius: { kind: 'number', label: 'Approval radius', min: 0.05, max: 1, step: 0.05, default: 0.3 },
  rule: { kind: 'select', label: 'Yee diagram rule', options: SPATIAL_RULE_OPTIONS, default: 'plurality' },
  resolution: {
    kind: 'select',
    label: 'Yee diagram resolution',
    options: [
      { value: '50', label: '50 × 50' },
      { value: '100', label: '100 × 100' },
      { value: '200', label: '200 × 200' },
    ],
    default: '100',
  },
  ax: coordinate('Candidate A x', 0.3),
  ay: coordinate('Candidate A y', 0.5),
  bx: coordinate('Candidate B x', 0.5),
  by: coordinate('Candidate B y', 0.53),
  cx: coordinate('Candidate C x', 0.7),
  cy: coordinate('Candidate C y', 0.5),
  dx: coordinate('Candidate D x', 0.5),
  dy: coordinate('Candidate D y', 0.2),
  ex: coordinate('Candidate E x', 0.5),
  ey: coordinate('Candidate E y', 0.82),
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** Cells per side of the Yee diagram computed in render (the static figure and the preview while a worker runs). */
export const YEE_PREVIEW_RESOLUTION = 24;

/** Most voters per cell in the render-time preview, so that it stays cheap (tens of milliseconds). */
export const YEE_PREVIEW_VOTERS = 201;

/** Name, title, one-line description and the "About this model" content. */
export const spatialElectionInfo = {
  name: 'spatial-election',
  title: 'Voters and candidates in a plane',
  description:
    'Drag candidates among a cloud of voters and compare nine voting rules, with the Yee diagram of who wins wherever the voters gather.',
  about: {
    summary:
      'Voters and candidates are points in a square of two issues; every voter ranks the candidates by distance and approves those within the approval radius. The table shows who each rule elects; the Yee diagram colours each point of the square by the winner when the voters are a cloud of the same spread and size centred there.',
    assumptions: [
      'Voters are drawn from a round Gaussian cloud (a new draw for each seed) and vote sincerely: rankings by Euclidean distance, approval of every candidate within the radius.',
      'The two-round runoff is decided from the same rankings; in instant runoff all candidates tied for last are eliminated together.',
      'Each Yee cell uses one cloud of offsets shared by all cells, drawn in opposite pairs plus a voter at the centre, so the cloud is exactly centred and symmetric; cells where the rule ties are grey.',
      'The diagram at full resolution is computed in a Web Worker; the render shows a 24 × 24 preview with at most 201 voters per cell.',
    ],
    reproduces: {
      result:
        'Yee’s diagrams: plurality and instant runoff squeeze out a candidate standing between two others, while Condorcet methods give every candidate the convex region of points nearer to it than to any rival; with two candidates every rule splits the plane at their perpendicular bisector',
      citation: {
        key: 'yee2006',
        authors: 'Ka-Ping Yee',
        year: 2006,
        title: 'Voting Simulation Visualizations',
        url: 'http://zesty.ca/voting/sim/',
      },
    },
    model: 'src/models/voting/yee.ts',
    tests: 'tests/models/voting/yee.test.ts',
  } satisfies SimAbout,
} as const;
