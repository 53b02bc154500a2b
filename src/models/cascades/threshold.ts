/**
 * Granovetter's threshold model of collective behaviour: each person joins (a riot, a strike, a
 * new technology) once at least `threshold` others have joined.
 */
import { createRng, normal } from '../random.ts';

function checkThresholds(thresholds: unknown, caller: string): readonly number[] {
  if (!Array.isArray(thresholds)) throw new TypeError(`${caller}: thresholds must be an array of numbers`);
  thresholds.forEach((t: unknown, i) => {
    // Infinity is allowed: someone who never joins.
    if (typeof t !== 'number' || !(t >= 0))
      throw new RangeError(`${caller}: thresholds[${i}] must be a number >= 0, got ${String(t)}`);
  });
  return thresholds as readonly number[];
}

/**
 * Returns how many people end up acting when each person acts once at least `thresholds[i]`
 * others act (thresholds ≥ 0; Infinity = never), starting from no one.
 * @see Granovetter (1978), Threshold Models of Collective Behavior.
 */
export function thresholdCascade(thresholds: number[]): number {
  const sorted = Float64Array.from(checkThresholds(thresholds, 'thresholdCascade')).sort();
  // With k people acting, the next most willing person joins if its threshold is at most k.
  let k = 0;
  while (k < sorted.length && sorted[k]! <= k) k++;
  return k;
}

/** A cascade round by round: how many act after each round, and the round each person joined (−1: never). */
export type CascadeRounds = { counts: number[]; joinedAt: number[] };

/**
 * Returns the cascade round by round, for animation: in round 0 everyone with threshold 0 acts,
 * and in each later round everyone whose threshold is at most the number acting after the previous
 * round joins; `counts` ends at the final number, which equals `thresholdCascade`.
 * @see Granovetter (1978), Threshold Models of Collective Behavior.
 */
export function thresholdCascadeRounds(thresholds: number[]): CascadeRounds {
  checkThresholds(thresholds, 'thresholdCascadeRounds');
  const order = thresholds.map((_, i) => i).sort((a, b) => thresholds[a]! - thresholds[b]! || a - b);
  const joinedAt = thresholds.map(() => -1);
  const counts: number[] = [];
  let acting = 0;
  for (let round = 0; ; round++) {
    const before = acting;
    while (acting < order.length && thresholds[order[acting]!]! <= before) joinedAt[order[acting++]!] = round;
    if (round === 0 || acting > before) counts.push(acting);
    if (acting === before) break;
  }
  return { counts, joinedAt };
}

/**
 * Returns `people` thresholds drawn from a normal distribution (mean, sd), negative draws set to 0,
 * as in Granovetter's example of a crowd whose riot size jumps as the spread of thresholds grows.
 * @see Granovetter (1978), Threshold Models of Collective Behavior.
 */
export function normalThresholds(options: { people: number; mean: number; sd: number; seed: number }): number[] {
  const { people, mean, sd, seed } = options;
  if (!Number.isSafeInteger(people) || people < 0)
    throw new RangeError(`normalThresholds: people must be a non-negative integer, got ${people}`);
  if (!Number.isFinite(mean)) throw new RangeError(`normalThresholds: mean must be a finite number, got ${mean}`);
  if (!(sd >= 0) || !Number.isFinite(sd))
    throw new RangeError(`normalThresholds: sd must be a finite number >= 0, got ${sd}`);
  if (!Number.isFinite(seed)) throw new RangeError(`normalThresholds: seed must be a finite number, got ${seed}`);
  const rng = createRng(seed);
  return Array.from({ length: people }, () => Math.max(0, normal(rng, mean, sd)));
}

/** Returns Granovetter's uniform crowd of n people with thresholds 0, 1, …, n − 1. */
export function uniformThresholds(people: number): number[] {
  if (!Number.isSafeInteger(people) || people < 0)
    throw new RangeError(`uniformThresholds: people must be a non-negative integer, got ${people}`);
  return Array.from({ length: people }, (_, i) => i);
}
