/** Axelrod-style round-robin tournaments and their ecological (discrete replicator) continuation. */
import { discreteReplicator } from '../evolution/replicator.ts';
import { playStrategies, type DilemmaMatchOptions } from './match.ts';
import { getDilemmaStrategy, type DilemmaPayoffs, type DilemmaStrategy, type StrategyId } from './strategies.ts';

/** Options of a round robin: turns per match, noise, seed (default 0), repetitions of each match (default 1), whether each strategy also meets its twin (default true, as in Axelrod's tournaments) and payoffs. */
export type TournamentOptions = {
  turns: number;
  noise?: number;
  seed?: number;
  repetitions?: number;
  selfPlay?: boolean;
  payoffs?: DilemmaPayoffs;
};

/** Scores as mean payoff per turn: each entrant's overall mean, the ranking (indices, best first), the pairwise matrix and each entrant's share of cooperative moves. */
export type TournamentResult = {
  strategies: string[];
  scores: number[];
  ranking: number[];
  /** matrix[i][j]: entrant i's mean score per turn against j (NaN on the diagonal without self-play). */
  matrix: number[][];
  cooperation: number[];
};

/** Options of an ecological tournament: a round robin's options plus the generations to run and the initial shares (default equal). */
export type EcologicalOptions = Omit<TournamentOptions, 'selfPlay'> & { generations: number; initialShares?: readonly number[] };

/** The entrants, the round robin's payoff matrix (with self-play) and the population shares of every generation (generations + 1 rows). */
export type EcologicalResult = { strategies: string[]; matrix: number[][]; shares: number[][] };

/** A per-match seed from the tournament seed and the match's coordinates (Murmur3-style mixing). */
function matchSeed(seed: number, i: number, j: number, rep: number): number {
  let h = Math.trunc(seed) | 0;
  for (const v of [i, j, rep]) {
    h = Math.imul(h ^ v, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
  }
  return h | 0;
}

function resolve(entry: StrategyId | DilemmaStrategy): DilemmaStrategy {
  return typeof entry === 'string' ? getDilemmaStrategy(entry) : entry;
}

/**
 * Plays every pair of entrants (and each against its twin when selfPlay) for `repetitions`
 * seeded matches of `turns` turns, and returns mean scores per turn, the ranking and the pairwise
 * score matrix; deterministic pairs without noise are played once, since repeats cannot differ.
 * @see axelrod1980a
 * @see axelrod1984
 */
export function roundRobin(strategies: readonly (StrategyId | DilemmaStrategy)[], options: TournamentOptions): TournamentResult {
  const entrants = strategies.map(resolve);
  const k = entrants.length;
  if (k === 0) throw new RangeError('roundRobin: strategies must not be empty');
  const { turns } = options;
  if (!Number.isInteger(turns) || turns < 1) throw new RangeError(`roundRobin: turns must be an integer ≥ 1, got ${turns}`);
  const repetitions = options.repetitions ?? 1;
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new RangeError(`roundRobin: repetitions must be an integer ≥ 1, got ${repetitions}`);
  const selfPlay = options.selfPlay ?? true;
  const seed = options.seed ?? 0;
  const noise = options.noise ?? 0;
  if (k === 1 && !selfPlay) throw new RangeError('roundRobin: a single strategy needs selfPlay to have any match');

  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(Number.NaN));
  const cooperative = new Array<number>(k).fill(0);
  const played = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      if (i === j && !selfPlay) continue;
      const a = entrants[i]!;
      const b = entrants[j]!;
      const deterministic = !a.stochastic && !b.stochastic && noise === 0;
      const reps = deterministic ? 1 : repetitions;
      let sumA = 0;
      let sumB = 0;
      for (let r = 0; r < reps; r++) {
        const matchOptions: DilemmaMatchOptions = { turns, noise, seed: matchSeed(seed, i, j, r) };
        if (options.payoffs !== undefined) matchOptions.payoffs = options.payoffs;
        const { scores, moves } = playStrategies(a, b, matchOptions);
        sumA += scores[0];
        sumB += scores[1];
        const [ca, cb] = moves.map((s) => s.split('').filter((m) => m === 'C').length) as [number, number];
        cooperative[i]! += ca * (repetitions / reps);
        cooperative[j]! += cb * (repetitions / reps);
        played[i]! += turns * (repetitions / reps);
        played[j]! += turns * (repetitions / reps);
      }
      const meanA = sumA / (reps * turns);
      const meanB = sumB / (reps * turns);
      if (i === j) {
        // Both seats are the same strategy: average them.
        matrix[i]![i] = (meanA + meanB) / 2;
      } else {
        matrix[i]![j] = meanA;
        matrix[j]![i] = meanB;
      }
    }
  }
  const scores = matrix.map((row, i) => {
    const vals = row.filter((_, j) => selfPlay || j !== i);
    return vals.reduce((s, v) => s + v, 0) / vals.length;
  });
  const ranking = scores.map((_, i) => i).sort((x, y) => scores[y]! - scores[x]! || x - y);
  return {
    strategies: entrants.map((e) => e.id),
    scores,
    ranking,
    matrix,
    cooperation: cooperative.map((c, i) => c / played[i]!),
  };
}

/**
 * Axelrod's ecological tournament: runs a round robin with self-play, then evolves population
 * shares by the discrete replicator x_i ← x_i (Mx)_i / (x·Mx) on its mean-score matrix M for
 * `generations` generations; payoffs must be non-negative.
 * @see axelrod1984
 */
export function ecologicalTournament(
  strategies: readonly (StrategyId | DilemmaStrategy)[],
  options: EcologicalOptions,
): EcologicalResult {
  const { generations, initialShares, ...rest } = options;
  if (!Number.isInteger(generations) || generations < 0) throw new RangeError(`ecologicalTournament: generations must be an integer ≥ 0, got ${generations}`);
  const tournament = roundRobin(strategies, { ...rest, selfPlay: true });
  const payoffs = rest.payoffs;
  if (payoffs !== undefined && Math.min(payoffs.T, payoffs.R, payoffs.P, payoffs.S) < 0) {
    throw new RangeError('ecologicalTournament: payoffs must be ≥ 0, since shares grow in proportion to scores');
  }
  const k = tournament.strategies.length;
  const x0 = initialShares === undefined ? new Array<number>(k).fill(1 / k) : initialShares.slice();
  if (x0.length !== k) throw new RangeError(`ecologicalTournament: initialShares must have ${k} entries, got ${x0.length}`);
  const shares = discreteReplicator(tournament.matrix, x0, generations);
  return { strategies: tournament.strategies, matrix: tournament.matrix, shares };
}
