/** A single iterated prisoner's dilemma match between two strategies, with optional noise. */
import { createRng } from '../random.ts';
import { getDilemmaStrategy, type DilemmaMove, type DilemmaPayoffs, type DilemmaStrategy, type StrategyId } from './strategies.ts';

/** Axelrod's tournament payoffs: T = 5, R = 3, P = 1, S = 0. */
export const DEFAULT_DILEMMA_PAYOFFS: Readonly<DilemmaPayoffs> = Object.freeze({ T: 5, R: 3, P: 1, S: 0 });

/** Options of a match: number of turns, chance that each move is flipped (default 0), seed (default 0), payoffs (default 5, 3, 1, 0). */
export type DilemmaMatchOptions = { turns: number; noise?: number; seed?: number; payoffs?: DilemmaPayoffs };

/** Total scores of both players and their moves as played (after noise), one 'C' or 'D' per turn. */
export type DilemmaMatchResult = { scores: [number, number]; moves: [string, string] };

/** The payoffs [first, second] of one turn. */
export function turnPayoffs(a: DilemmaMove, b: DilemmaMove, payoffs: DilemmaPayoffs = DEFAULT_DILEMMA_PAYOFFS): [number, number] {
  if (a === 'C') return b === 'C' ? [payoffs.R, payoffs.R] : [payoffs.S, payoffs.T];
  return b === 'C' ? [payoffs.T, payoffs.S] : [payoffs.P, payoffs.P];
}

/**
 * Plays the built-in strategies a and b against each other for `turns` turns and returns the
 * total scores and the moves as played; with noise, each chosen move is flipped with that
 * probability and both players see the flipped move. Same seed, same match; without noise and
 * stochastic strategies the seed does not matter.
 * @see axelrod1984
 */
export function playMatch(a: StrategyId, b: StrategyId, options: DilemmaMatchOptions): DilemmaMatchResult {
  return playStrategies(getDilemmaStrategy(a), getDilemmaStrategy(b), options);
}

/** Like playMatch, for any two strategy objects (built-in or custom, such as a cycler). */
export function playStrategies(a: DilemmaStrategy, b: DilemmaStrategy, options: DilemmaMatchOptions): DilemmaMatchResult {
  const { turns } = options;
  const noise = options.noise ?? 0;
  const seed = options.seed ?? 0;
  const payoffs = options.payoffs ?? DEFAULT_DILEMMA_PAYOFFS;
  if (!Number.isInteger(turns) || turns < 0) throw new RangeError(`playMatch: turns must be an integer ≥ 0, got ${turns}`);
  if (!(noise >= 0 && noise <= 1)) throw new RangeError(`playMatch: noise must be a probability in [0, 1], got ${noise}`);
  if (!Number.isFinite(seed)) throw new RangeError(`playMatch: seed must be a finite number, got ${seed}`);
  for (const key of ['T', 'R', 'P', 'S'] as const) {
    if (typeof payoffs[key] !== 'number' || !Number.isFinite(payoffs[key])) {
      throw new TypeError(`playMatch: payoffs.${key} must be a finite number, got ${String(payoffs[key])}`);
    }
  }
  const rng = createRng(seed);
  const playerA = a.create();
  const playerB = b.create();
  const movesA: DilemmaMove[] = [];
  const movesB: DilemmaMove[] = [];
  let defectionsA = 0;
  let defectionsB = 0;
  let scoreA = 0;
  let scoreB = 0;
  const flip = (m: DilemmaMove): DilemmaMove => (m === 'C' ? 'D' : 'C');
  for (let t = 0; t < turns; t++) {
    // The draw order (a's choice, b's choice, a's noise, b's noise) is fixed so a seed replays exactly.
    let ma = playerA({ own: movesA, opponent: movesB, opponentDefections: defectionsB, payoffs, rng });
    let mb = playerB({ own: movesB, opponent: movesA, opponentDefections: defectionsA, payoffs, rng });
    if (noise > 0) {
      if (rng() < noise) ma = flip(ma);
      if (rng() < noise) mb = flip(mb);
    }
    movesA.push(ma);
    movesB.push(mb);
    if (ma === 'D') defectionsA++;
    if (mb === 'D') defectionsB++;
    const [pa, pb] = turnPayoffs(ma, mb, payoffs);
    scoreA += pa;
    scoreB += pb;
  }
  return { scores: [scoreA, scoreB], moves: [movesA.join(''), movesB.join('')] };
}
