/**
 * The Gibbard–Satterthwaite theorem made concrete: a random search over small impartial-culture
 * profiles for one in which a given rule can be manipulated by a single voter.
 */
import { createRng, shuffle, uniformInt } from '../random.ts';
import type { Ballot } from './ballots.ts';
import { checkRule, type RankedRule } from './election.ts';
import { candidateNames } from './impartial-culture.ts';
import { findManipulation, type Manipulation, type TieComparison } from './manipulation.ts';

/** A profile in which `manipulation` works, found on the `draws`-th random draw. */
export type ManipulableProfile = { ballots: Ballot[]; manipulation: Manipulation; draws: number };

/** Options of `findManipulableProfile`; defaults: 3 to 9 voters, at most 5 blocs, 5,000 draws, lexicographic ties. */
export type ManipulableProfileOptions = {
  /** Number of candidates, 3 to 7 (named A, B, …). */
  readonly candidates: number;
  readonly seed: number;
  readonly minVoters?: number;
  readonly maxVoters?: number;
  /** Most distinct rankings (blocs) a profile may have; draws with more are skipped. */
  readonly maxBlocs?: number;
  readonly maxDraws?: number;
  readonly compare?: TieComparison;
};

function checkInt(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `findManipulableProfile: ${name} must be an integer from ${min} to ${max}, got ${String(value)}`,
    );
  }
  return value;
}

/**
 * Returns the first random profile (voters uniform in [minVoters, maxVoters], each ranking uniform
 * over all orders, identical rankings merged into blocs in order of first appearance) in which
 * `findManipulation(rule, …)` finds a voter who gains by lying, or null if `maxDraws` draws find none.
 * By the theorem such a profile exists for every rule that is not a dictatorship and can elect 3 or more candidates.
 * @see Gibbard (1973); Satterthwaite (1975).
 */
export function findManipulableProfile(
  rule: RankedRule,
  options: ManipulableProfileOptions,
): ManipulableProfile | null {
  checkRule(rule, 'findManipulableProfile');
  const m = checkInt(options.candidates, 'candidates', 3, 7);
  const minVoters = checkInt(options.minVoters ?? 3, 'minVoters', 1, 1000);
  const maxVoters = checkInt(options.maxVoters ?? 9, 'maxVoters', minVoters, 1000);
  const maxBlocs = checkInt(options.maxBlocs ?? 5, 'maxBlocs', 1, 5040);
  const maxDraws = checkInt(options.maxDraws ?? 5000, 'maxDraws', 1, 10_000_000);
  if (typeof options.seed !== 'number' || !Number.isFinite(options.seed))
    throw new RangeError(`findManipulableProfile: seed must be a finite number, got ${String(options.seed)}`);
  const names = candidateNames(m);
  const rng = createRng(options.seed);
  for (let draw = 1; draw <= maxDraws; draw++) {
    const voters = uniformInt(rng, minVoters, maxVoters);
    const blocs = new Map<string, { ranking: string[]; count: number }>();
    for (let v = 0; v < voters; v++) {
      const ranking = shuffle(rng, names);
      const key = ranking.join('');
      const found = blocs.get(key);
      if (found) found.count++;
      else blocs.set(key, { ranking, count: 1 });
    }
    if (blocs.size > maxBlocs) continue;
    const ballots = [...blocs.values()];
    const manipulation = findManipulation(rule, ballots, options.compare ?? 'lexicographic');
    if (manipulation) return { ballots, manipulation, draws: draw };
  }
  return null;
}
