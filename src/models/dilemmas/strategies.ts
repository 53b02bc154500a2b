/**
 * Strategies for the iterated prisoner's dilemma, each with checkable metadata and its source,
 * following the definitions of Axelrod's tournaments as implemented in the Axelrod library.
 */
import type { Rng } from '../random.ts';

/** A move: cooperate or defect. */
export type DilemmaMove = 'C' | 'D';

/** Prisoner's dilemma payoffs: temptation T, reward R, punishment P, sucker's payoff S. */
export type DilemmaPayoffs = { T: number; R: number; P: number; S: number };

/** What a player sees before each turn: both histories (after noise), payoffs and the match's generator. */
export type DilemmaMatchView = {
  readonly own: readonly DilemmaMove[];
  readonly opponent: readonly DilemmaMove[];
  /** How many times the opponent has defected so far (kept by the match, so grudges cost O(1)). */
  readonly opponentDefections: number;
  readonly payoffs: DilemmaPayoffs;
  readonly rng: Rng;
};

/** One player's decision rule for a single match; it may keep private state between turns. */
export type DilemmaPlayer = (view: DilemmaMatchView) => DilemmaMove;

/** Metadata every strategy declares (memoryDepth: how many past turns it reads; Infinity for the whole history). */
export type DilemmaStrategyInfo = {
  id: string;
  name: string;
  description: string;
  source: string;
  /** The bibliography key of the source, when the wiki's bibliography has it. */
  sourceKey?: string;
  stochastic: boolean;
  memoryDepth: number;
};

/** A strategy: its metadata and a factory for a fresh player (fresh state) per match. */
export type DilemmaStrategy = DilemmaStrategyInfo & { create(): DilemmaPlayer };

/** Identifiers of the built-in strategies. */
export type StrategyId =
  | 'always-cooperate'
  | 'always-defect'
  | 'tit-for-tat'
  | 'tit-for-two-tats'
  | 'two-tits-for-tat'
  | 'suspicious-tit-for-tat'
  | 'generous-tit-for-tat'
  | 'grudger'
  | 'alternator'
  | 'win-stay-lose-shift'
  | 'random'
  | 'joss'
  | 'davis'
  | 'grofman'
  | 'shubik';

const last = (moves: readonly DilemmaMove[]): DilemmaMove | undefined => moves[moves.length - 1];

/**
 * The cooperation probability of generous tit-for-tat after a defection:
 * min(1 − (T − R)/(R − S), (R − P)/(T − P)), clipped to [0, 1]; 1/3 for the payoffs 5, 3, 1, 0.
 * @see Nowak and Sigmund (1992), "Tit for tat in heterogeneous populations", Nature 355:250–253
 */
export function generosity(payoffs: DilemmaPayoffs): number {
  const { T, R, P, S } = payoffs;
  const g = Math.min(1 - (T - R) / (R - S), (R - P) / (T - P));
  return Number.isFinite(g) ? Math.min(1, Math.max(0, g)) : 0;
}

const AXELROD_1984 = 'Axelrod (1984), The Evolution of Cooperation';
const AXELROD_1980A = 'Axelrod (1980), Effective Choice in the Prisoner’s Dilemma (first tournament)';

/** The built-in strategies by id. */
export const DILEMMA_STRATEGIES: { readonly [K in StrategyId]: DilemmaStrategy & { id: K } } = {
  'always-cooperate': {
    id: 'always-cooperate',
    name: 'Always cooperate',
    description: 'Cooperates on every turn.',
    source: AXELROD_1984,
    sourceKey: 'axelrod1984',
    stochastic: false,
    memoryDepth: 0,
    create: () => () => 'C',
  },
  'always-defect': {
    id: 'always-defect',
    name: 'Always defect',
    description: 'Defects on every turn.',
    source: AXELROD_1984,
    sourceKey: 'axelrod1984',
    stochastic: false,
    memoryDepth: 0,
    create: () => () => 'D',
  },
  'tit-for-tat': {
    id: 'tit-for-tat',
    name: 'Tit for tat',
    description: 'Cooperates first, then copies the opponent’s previous move (Rapoport’s winning entry in both of Axelrod’s tournaments).',
    source: AXELROD_1980A,
    sourceKey: 'axelrod1980a',
    stochastic: false,
    memoryDepth: 1,
    create: () => (v) => last(v.opponent) ?? 'C',
  },
  'tit-for-two-tats': {
    id: 'tit-for-two-tats',
    name: 'Tit for two tats',
    description: 'Cooperates unless the opponent defected on both of the previous two turns.',
    source: AXELROD_1984,
    sourceKey: 'axelrod1984',
    stochastic: false,
    memoryDepth: 2,
    create: () => (v) => {
      const n = v.opponent.length;
      return n >= 2 && v.opponent[n - 1] === 'D' && v.opponent[n - 2] === 'D' ? 'D' : 'C';
    },
  },
  'two-tits-for-tat': {
    id: 'two-tits-for-tat',
    name: 'Two tits for tat',
    description: 'Cooperates first, then defects if the opponent defected on either of the previous two turns.',
    source: AXELROD_1984,
    sourceKey: 'axelrod1984',
    stochastic: false,
    memoryDepth: 2,
    create: () => (v) => {
      const n = v.opponent.length;
      return v.opponent[n - 1] === 'D' || v.opponent[n - 2] === 'D' ? 'D' : 'C';
    },
  },
  'suspicious-tit-for-tat': {
    id: 'suspicious-tit-for-tat',
    name: 'Suspicious tit for tat',
    description: 'Defects first, then copies the opponent’s previous move.',
    source: AXELROD_1984,
    sourceKey: 'axelrod1984',
    stochastic: false,
    memoryDepth: 1,
    create: () => (v) => last(v.opponent) ?? 'D',
  },
  'generous-tit-for-tat': {
    id: 'generous-tit-for-tat',
    name: 'Generous tit for tat',
    description:
      'Cooperates first and after a cooperation; after a defection it still cooperates with probability min(1 − (T − R)/(R − S), (R − P)/(T − P)), 1/3 with the usual payoffs.',
    source: 'Nowak and Sigmund (1992), Tit for tat in heterogeneous populations, Nature 355:250–253',
    stochastic: true,
    memoryDepth: 1,
    create: () => (v) => {
      if (last(v.opponent) !== 'D') return 'C';
      return v.rng() < generosity(v.payoffs) ? 'C' : 'D';
    },
  },
  grudger: {
    id: 'grudger',
    name: 'Grudger',
    description: 'Cooperates until the opponent defects once, then defects for ever (Friedman’s entry in the first tournament).',
    source: AXELROD_1980A,
    sourceKey: 'axelrod1980a',
    stochastic: false,
    memoryDepth: Infinity,
    create: () => (v) => (v.opponentDefections > 0 ? 'D' : 'C'),
  },
  alternator: {
    id: 'alternator',
    name: 'Alternator',
    description: 'Cooperates first, then switches its own move every turn: C, D, C, D, …',
    source: AXELROD_1984,
    sourceKey: 'axelrod1984',
    stochastic: false,
    memoryDepth: 1,
    create: () => (v) => (last(v.own) === 'C' ? 'D' : 'C'),
  },
  'win-stay-lose-shift': {
    id: 'win-stay-lose-shift',
    name: 'Win-stay, lose-shift (Pavlov)',
    description: 'Cooperates first; repeats its last move after a payoff of R or T, and switches after P or S.',
    source: 'Nowak and Sigmund (1993), A strategy of win-stay, lose-shift that outperforms tit-for-tat, Nature 364:56–58',
    sourceKey: 'nowak1993',
    stochastic: false,
    memoryDepth: 1,
    create: () => (v) => {
      const mine = last(v.own);
      if (mine === undefined) return 'C';
      // R (both C) and T (I defected on a cooperator) are wins: keep the move; P and S: switch.
      const won = last(v.opponent) === 'C';
      if (won) return mine;
      return mine === 'C' ? 'D' : 'C';
    },
  },
  random: {
    id: 'random',
    name: 'Random',
    description: 'Cooperates with probability 1/2 on every turn.',
    source: AXELROD_1980A,
    sourceKey: 'axelrod1980a',
    stochastic: true,
    memoryDepth: 0,
    create: () => (v) => (v.rng() < 0.5 ? 'C' : 'D'),
  },
  joss: {
    id: 'joss',
    name: 'Joss',
    description: 'Tit for tat that sneaks in a defection 10% of the time after the opponent cooperates (Joss’s entry in the first tournament).',
    source: AXELROD_1980A,
    sourceKey: 'axelrod1980a',
    stochastic: true,
    memoryDepth: 1,
    create: () => (v) => {
      const o = last(v.opponent);
      if (o === undefined) return 'C';
      if (o === 'D') return 'D';
      return v.rng() < 0.9 ? 'C' : 'D';
    },
  },
  davis: {
    id: 'davis',
    name: 'Davis',
    description: 'Cooperates on the first 10 turns, then plays grudger: defects for ever once the opponent has defected (Davis’s entry in the first tournament).',
    source: AXELROD_1980A,
    sourceKey: 'axelrod1980a',
    stochastic: false,
    memoryDepth: Infinity,
    create: () => (v) => (v.own.length < 10 || v.opponentDefections === 0 ? 'C' : 'D'),
  },
  grofman: {
    id: 'grofman',
    name: 'Grofman',
    description: 'Cooperates if both players made the same move last turn (and on the first turn); otherwise cooperates with probability 2/7 (Grofman’s entry in the first tournament).',
    source: AXELROD_1980A,
    sourceKey: 'axelrod1980a',
    stochastic: true,
    memoryDepth: 1,
    create: () => (v) => {
      const mine = last(v.own);
      if (mine === undefined || mine === last(v.opponent)) return 'C';
      return v.rng() < 2 / 7 ? 'C' : 'D';
    },
  },
  shubik: {
    id: 'shubik',
    name: 'Shubik',
    description:
      'Cooperates until the opponent defects while it cooperates, then retaliates with a run of defections one longer each time (1, 2, 3, …) before cooperating again (Shubik’s entry in the first tournament, read as in the Axelrod library).',
    source: AXELROD_1980A,
    sourceKey: 'axelrod1980a',
    stochastic: false,
    memoryDepth: Infinity,
    create: () => {
      let retaliations = 0;
      let remaining = 0;
      return (v) => {
        if (remaining > 0) {
          remaining--;
          return 'D';
        }
        // Only a defection against its cooperation starts a new, longer retaliation.
        if (last(v.opponent) === 'D' && last(v.own) === 'C') {
          retaliations++;
          remaining = retaliations - 1;
          return 'D';
        }
        return 'C';
      };
    },
  },
};

/** Every built-in strategy id, in the order of DILEMMA_STRATEGIES. */
export const DILEMMA_STRATEGY_IDS: readonly StrategyId[] = Object.keys(DILEMMA_STRATEGIES) as StrategyId[];

/** Whether `id` names a built-in strategy. */
export function isStrategyId(id: unknown): id is StrategyId {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(DILEMMA_STRATEGIES, id);
}

/** The built-in strategy `id`; throws a RangeError listing the known ids otherwise. */
export function getDilemmaStrategy(id: StrategyId): DilemmaStrategy {
  if (!isStrategyId(id)) throw new RangeError(`unknown strategy ${JSON.stringify(id)}; expected one of ${DILEMMA_STRATEGY_IDS.join(', ')}`);
  return DILEMMA_STRATEGIES[id];
}

/**
 * A deterministic strategy that plays `pattern` (a non-empty string of 'C' and 'D') over and
 * over, like the Axelrod library's cyclers; handy as a scripted opponent.
 */
export function cycler(pattern: string): DilemmaStrategy {
  if (!/^[CD]+$/.test(pattern)) throw new RangeError(`cycler: pattern must be a non-empty string of C and D, got ${JSON.stringify(pattern)}`);
  return {
    id: `cycler-${pattern}`,
    name: `Cycler ${pattern}`,
    description: `Plays ${pattern} repeatedly, whatever the opponent does.`,
    source: 'Axelrod library (Cycler)',
    stochastic: false,
    // It reads no opponent moves; its own last (length − 1) moves fix its place in the cycle.
    memoryDepth: pattern.length - 1,
    create: () => (v) => pattern[v.own.length % pattern.length] as DilemmaMove,
  };
}
