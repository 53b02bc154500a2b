/** Standard two-player normal-form games as plain data (A: row player's payoffs, B: column player's). */

/** A named bimatrix game; action labels index the rows and columns of A and B. */
export type NormalFormGame = {
  id: GamePresetId;
  name: string;
  description: string;
  rowActions: string[];
  colActions: string[];
  A: number[][];
  B: number[][];
};

/** Identifiers of the preset games. */
export type GamePresetId =
  | 'prisoners-dilemma'
  | 'stag-hunt'
  | 'chicken'
  | 'battle-of-the-sexes'
  | 'matching-pennies'
  | 'rock-paper-scissors'
  | 'coordination';

/** The preset identifiers in display order. */
export const GAME_PRESET_IDS: readonly GamePresetId[] = [
  'prisoners-dilemma',
  'stag-hunt',
  'chicken',
  'battle-of-the-sexes',
  'matching-pennies',
  'rock-paper-scissors',
  'coordination',
];

const transpose = (M: number[][]): number[][] => M[0]!.map((_, j) => M.map((row) => row[j]!));
const negate = (M: number[][]): number[][] => M.map((row) => row.map((v) => (v === 0 ? 0 : -v)));

/**
 * The prisoner's dilemma with payoffs T > R > P > S (default 5, 3, 1, 0, Axelrod's values);
 * actions Cooperate, Defect; its unique equilibrium is mutual defection.
 * @see tucker1950
 */
export function prisonersDilemmaGame(payoffs: { T: number; R: number; P: number; S: number } = { T: 5, R: 3, P: 1, S: 0 }): NormalFormGame {
  const { T, R, P, S } = payoffs;
  if (![T, R, P, S].every(Number.isFinite)) throw new TypeError('prisonersDilemmaGame: payoffs T, R, P, S must be finite numbers');
  if (!(T > R && R > P && P > S)) throw new RangeError(`prisonersDilemmaGame: payoffs must satisfy T > R > P > S, got T=${T}, R=${R}, P=${P}, S=${S}`);
  const A = [
    [R, S],
    [T, P],
  ];
  return {
    id: 'prisoners-dilemma',
    name: "Prisoner's dilemma",
    description: 'Defecting pays more whatever the other does, yet mutual defection leaves both worse off than mutual cooperation.',
    rowActions: ['Cooperate', 'Defect'],
    colActions: ['Cooperate', 'Defect'],
    A,
    B: transpose(A),
  };
}

/** Creates the preset game `id` as fresh arrays (safe to mutate). */
export function gamePreset(id: GamePresetId): NormalFormGame {
  switch (id) {
    case 'prisoners-dilemma':
      return prisonersDilemmaGame();
    case 'stag-hunt': {
      // A hare is a sure 3 for whoever hunts it; a stag (4 each) needs both hunters.
      const A = [
        [4, 0],
        [3, 3],
      ];
      return {
        id,
        name: 'Stag hunt',
        description: 'Hunting the stag together is best for both, but hunting hare is safe whatever the other does.',
        rowActions: ['Stag', 'Hare'],
        colActions: ['Stag', 'Hare'],
        A,
        B: transpose(A),
      };
    }
    case 'chicken': {
      const A = [
        [0, -1],
        [1, -10],
      ];
      return {
        id,
        name: 'Chicken',
        description: 'Each driver wants the other to swerve; if neither does, both crash. Also known as hawk–dove.',
        rowActions: ['Swerve', 'Straight'],
        colActions: ['Swerve', 'Straight'],
        A,
        B: transpose(A),
      };
    }
    case 'battle-of-the-sexes':
      return {
        id,
        name: 'Battle of the sexes',
        description: 'Both prefer to spend the evening together, but they disagree about where.',
        rowActions: ['Opera', 'Football'],
        colActions: ['Opera', 'Football'],
        A: [
          [3, 0],
          [0, 2],
        ],
        B: [
          [2, 0],
          [0, 3],
        ],
      };
    case 'matching-pennies': {
      const A = [
        [1, -1],
        [-1, 1],
      ];
      return {
        id,
        name: 'Matching pennies',
        description: 'The row player wins when the pennies match and the column player when they differ: no pure equilibrium.',
        rowActions: ['Heads', 'Tails'],
        colActions: ['Heads', 'Tails'],
        A,
        B: negate(A),
      };
    }
    case 'rock-paper-scissors': {
      const A = [
        [0, -1, 1],
        [1, 0, -1],
        [-1, 1, 0],
      ];
      return {
        id,
        name: 'Rock–paper–scissors',
        description: 'Rock beats scissors, scissors beat paper, paper beats rock; the only equilibrium is to play each a third of the time.',
        rowActions: ['Rock', 'Paper', 'Scissors'],
        colActions: ['Rock', 'Paper', 'Scissors'],
        A,
        B: negate(A),
      };
    }
    case 'coordination': {
      const A = [
        [2, 0],
        [0, 1],
      ];
      return {
        id,
        name: 'Coordination game',
        description: 'Both gain only by choosing the same option, and one option is better for both.',
        rowActions: ['Left', 'Right'],
        colActions: ['Left', 'Right'],
        A,
        B: A.map((row) => row.slice()),
      };
    }
    default: {
      const unknown: never = id;
      throw new RangeError(`gamePreset: unknown game id ${String(unknown)}; expected one of ${GAME_PRESET_IDS.join(', ')}`);
    }
  }
}
