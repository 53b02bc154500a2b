/**
 * The parameters and the description of the game-explorer simulation, shared by the component,
 * its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { NumberParam, ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** Payoffs a reader may type into the table. */
export const PAYOFF_LIMIT = 100;

function payoff(player: 'Row' | 'Column', i: number, j: number): NumberParam {
  return {
    kind: 'number',
    label: `${player} player's payoff, row ${i}, column ${j}`,
    min: -PAYOFF_LIMIT,
    max: PAYOFF_LIMIT,
    step: 1,
    default: 0,
  };
}

/**
 * The simulation's parameters. The payoffs a11 … b33 (A: the row player's, B: the column
 * player's; row, then column, counted from 1) are used only when `edited` is on; otherwise the
 * preset's own payoffs apply. A 2×2 preset ignores the third row and column.
 */
export const gameExplorerParams = {
  preset: {
    kind: 'select',
    label: 'Game',
    options: [
      { value: 'prisoners-dilemma', label: 'Prisoner’s dilemma' },
      { value: 'stag-hunt', label: 'Stag hunt' },
      { value: 'chicken', label: 'Chicken' },
      { value: 'battle-of-the-sexes', label: 'Battle of the sexes' },
      { value: 'matching-pennies', label: 'Matching pennies' },
      { value: 'coordination', label: 'Coordination game' },
      { value: 'rock-paper-scissors', label: 'Rock–paper–scissors (3×3)' },
    ],
    default: 'prisoners-dilemma',
  },
  edited: { kind: 'boolean', label: 'Use the edited payoffs', default: false },
  a11: payoff('Row', 1, 1),
  a12: payoff('Row', 1, 2),
  a13: payoff('Row', 1, 3),
  a21: payoff('Row', 2, 1),
  a22: payoff('Row', 2, 2),
  a23: payoff('Row', 2, 3),
  a31: payoff('Row', 3, 1),
  a32: payoff('Row', 3, 2),
  a33: payoff('Row', 3, 3),
  b11: payoff('Column', 1, 1),
  b12: payoff('Column', 1, 2),
  b13: payoff('Column', 1, 3),
  b21: payoff('Column', 2, 1),
  b22: payoff('Column', 2, 2),
  b23: payoff('Column', 2, 3),
  b31: payoff('Column', 3, 1),
  b32: payoff('Column', 3, 2),
  b33: payoff('Column', 3, 3),
  dynamics: {
    kind: 'select',
    label: 'Learning rule',
    options: [
      { value: 'fictitious-play', label: 'Fictitious play' },
      { value: 'best-response', label: 'Best-response dynamics' },
    ],
    default: 'fictitious-play',
  },
  startRow: { kind: 'integer', label: 'Row player’s first action', min: 1, max: 3, step: 1, default: 1 },
  startCol: { kind: 'integer', label: 'Column player’s first action', min: 1, max: 3, step: 1, default: 1 },
  seed: { kind: 'seed', label: 'Seed (breaks ties)', default: 1 },
  rounds: { kind: 'integer', label: 'Rounds shown at first', min: 10, max: 2000, step: 10, default: 200 },
} as const satisfies ParamSpecs;

/** The last round a run reaches; Play stops there. */
export const GAME_MAX_ROUNDS = 5000;

/** Name, title, one-line description and the "About this model" content. */
export const gameExplorerInfo = {
  name: 'game-explorer',
  title: 'Exploring a two-player game',
  description:
    'Pick or edit a 2×2 or 3×3 game: its best responses, every Nash equilibrium, the Pareto-optimal outcomes and the welfare lost at equilibrium, then watch fictitious play or best-response dynamics approach (or circle) an equilibrium.',
  about: {
    summary:
      'A game in normal form: the row player picks a row, the column player a column, and each cell holds both payoffs (row player’s first). A Nash equilibrium is a pair of strategies, possibly mixed, each a best response to the other. The learning rules show one way players who know only their own payoffs might find one.',
    assumptions: [
      'Two players, each with two or three actions, who move at once; payoffs are numbers from −100 to 100.',
      'Equilibria are found by support enumeration: for each pair of equally large sets of actions, the mixes that make the other player indifferent among them, kept when no unused action pays more. This finds every equilibrium of a nondegenerate game; in a degenerate game (a payoff tie of a particular kind) equilibria can form a continuum and only those that equal-size supports pin down are listed.',
      'Welfare is the sum of the two payoffs. The price of anarchy is the best welfare over the worst equilibrium’s, the price of stability the best over the best equilibrium’s; both are undefined unless these welfares are positive.',
      'Fictitious play: from the chosen first actions, each round both players best-respond to the frequencies of the other’s past actions; exact ties are broken at random with the seed.',
      'Best-response dynamics: each round the row player switches to a best response to the column player’s last action, then the column player to the row player’s new one, keeping an action that is already a best response (otherwise the first best one).',
      'The chart shows the empirical mixed strategy of each player: the share of rounds so far in which each action was played.',
    ],
    reproduces: {
      result:
        'Every finite game has an equilibrium in mixed strategies; the prisoner’s dilemma’s only equilibrium is mutual defection, and matching pennies’ only equilibrium has both players mix (1/2, 1/2)',
      citation: {
        key: 'nash1950',
        authors: 'John F. Nash Jr.',
        year: 1950,
        title: 'Equilibrium Points in n-Person Games',
        url: 'https://doi.org/10.1073/pnas.36.1.48',
      },
    },
    model: 'src/models/games/nash-equilibria.ts',
    tests: 'tests/models/games/nash-equilibria.test.ts',
  } satisfies SimAbout,
} as const;
