/**
 * The round robin of tournament.ts played one match at a time, so that a long tournament can
 * report its progress (and be stopped) between matches, for instance in a Web Worker.
 */
import { playStrategies, type DilemmaMatchOptions } from './match.ts';
import { getDilemmaStrategy, type DilemmaStrategy, type StrategyId } from './strategies.ts';
import type { TournamentOptions, TournamentResult } from './tournament.ts';

/**
 * The per-match seed of roundRobin (Murmur3-style mixing of the tournament seed and the match's
 * coordinates), repeated here because the two must agree exactly; a test pins the agreement.
 */
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

type Plan = {
  entrants: DilemmaStrategy[];
  turns: number;
  repetitions: number;
  selfPlay: boolean;
  seed: number;
  noise: number;
  /** The pairs to play, i ≤ j, with the number of matches each needs. */
  pairs: { i: number; j: number; reps: number }[];
};

function plan(fn: string, strategies: readonly (StrategyId | DilemmaStrategy)[], options: TournamentOptions): Plan {
  const entrants = strategies.map((e) => (typeof e === 'string' ? getDilemmaStrategy(e) : e));
  const k = entrants.length;
  if (k === 0) throw new RangeError(`${fn}: strategies must not be empty`);
  const { turns } = options;
  if (!Number.isInteger(turns) || turns < 1) throw new RangeError(`${fn}: turns must be an integer ≥ 1, got ${turns}`);
  const repetitions = options.repetitions ?? 1;
  if (!Number.isInteger(repetitions) || repetitions < 1)
    throw new RangeError(`${fn}: repetitions must be an integer ≥ 1, got ${repetitions}`);
  const selfPlay = options.selfPlay ?? true;
  const seed = options.seed ?? 0;
  const noise = options.noise ?? 0;
  if (k === 1 && !selfPlay) throw new RangeError(`${fn}: a single strategy needs selfPlay to have any match`);
  const pairs: Plan['pairs'] = [];
  for (let i = 0; i < k; i++) {
    for (let j = i; j < k; j++) {
      if (i === j && !selfPlay) continue;
      // Deterministic pairs without noise cannot differ between repeats, so they are played once.
      const deterministic = !entrants[i]!.stochastic && !entrants[j]!.stochastic && noise === 0;
      pairs.push({ i, j, reps: deterministic ? 1 : repetitions });
    }
  }
  return { entrants, turns, repetitions, selfPlay, seed, noise, pairs };
}

/**
 * Returns how many turns roundRobin(strategies, options) plays in all (matches × turns, after
 * skipping the repeats of deterministic noiseless pairs): a measure of its running time.
 */
export function countRoundRobinTurns(
  strategies: readonly (StrategyId | DilemmaStrategy)[],
  options: TournamentOptions,
): number {
  const p = plan('countRoundRobinTurns', strategies, options);
  return p.pairs.reduce((s, pair) => s + pair.reps, 0) * p.turns;
}

/**
 * Plays exactly the matches of roundRobin(strategies, options), in the same order and with the
 * same seeds, yielding after each match the share of turns played so far (0 to 1), and returns
 * the same TournamentResult as roundRobin.
 * @see axelrod1984
 */
export function roundRobinSteps(
  strategies: readonly (StrategyId | DilemmaStrategy)[],
  options: TournamentOptions,
): Generator<number, TournamentResult, void> {
  // Checked here, not inside the generator, so bad input throws at the call, not at the first next().
  return playPlan(plan('roundRobinSteps', strategies, options), options);
}

function* playPlan(p: Plan, options: TournamentOptions): Generator<number, TournamentResult, void> {
  const { entrants, turns, repetitions, selfPlay, seed, noise } = p;
  const k = entrants.length;
  const totalMatches = p.pairs.reduce((s, pair) => s + pair.reps, 0);
  let matchesDone = 0;

  const matrix = Array.from({ length: k }, () => new Array<number>(k).fill(Number.NaN));
  const cooperative = new Array<number>(k).fill(0);
  const played = new Array<number>(k).fill(0);
  for (const { i, j, reps } of p.pairs) {
    const a = entrants[i]!;
    const b = entrants[j]!;
    let sumA = 0;
    let sumB = 0;
    for (let r = 0; r < reps; r++) {
      const matchOptions: DilemmaMatchOptions = { turns, noise, seed: matchSeed(seed, i, j, r) };
      if (options.payoffs !== undefined) matchOptions.payoffs = options.payoffs;
      const { scores, moves } = playStrategies(a, b, matchOptions);
      sumA += scores[0];
      sumB += scores[1];
      // The same arithmetic, in the same order, as roundRobin, so the results agree to the bit.
      const [ca, cb] = moves.map((s) => s.split('').filter((m) => m === 'C').length) as [number, number];
      cooperative[i]! += ca * (repetitions / reps);
      cooperative[j]! += cb * (repetitions / reps);
      played[i]! += turns * (repetitions / reps);
      played[j]! += turns * (repetitions / reps);
      matchesDone++;
      yield matchesDone / totalMatches;
    }
    const meanA = sumA / (reps * turns);
    const meanB = sumB / (reps * turns);
    if (i === j) {
      matrix[i]![i] = (meanA + meanB) / 2;
    } else {
      matrix[i]![j] = meanA;
      matrix[j]![i] = meanB;
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

/** Runs roundRobinSteps to the end and returns its result (the same as roundRobin's). */
export function finishRoundRobin(steps: Generator<number, TournamentResult, void>): TournamentResult {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
