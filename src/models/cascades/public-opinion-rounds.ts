/**
 * Kuran's preference-falsification dynamics person by person: who says "yes" in public each
 * period, who privately prefers change, and each period's response curve, for drawing the crowd
 * and the cascade diagram. The shares come from `simulatePreferenceFalsification`; this file only
 * adds who is behind them.
 */
import {
  kuranThreshold,
  simulatePreferenceFalsification,
  type PreferenceFalsificationOptions,
} from './preference-falsification.ts';

/** Public and private opinion person by person, one entry per period (steps + 1 periods). */
export type PublicOpinionRounds = {
  /** thresholds[t][i]: person i's revolutionary threshold in period t (it moves when preferences drift). */
  thresholds: number[][];
  /**
   * yes[t][i]: whether person i says "yes" in public in period t. Period 0 has only the initial
   * public share, carried by no one in particular, so nobody is marked then.
   */
  yes: boolean[][];
  /** privatelyFor[t][i]: whether person i privately prefers change (preference above 1/2) in period t. */
  privatelyFor: boolean[][];
  /** Share saying "yes" in public, as `simulatePreferenceFalsification` returns it. */
  publicShare: number[];
  /** Share privately preferring change, as `simulatePreferenceFalsification` returns it. */
  privateShare: number[];
  /**
   * response[t][k] for k = 0…n: how many would say "yes" next period if k of the n said it now,
   * given period t's thresholds (the people whose threshold is below k/n).
   */
  response: number[][];
};

/**
 * Returns the preference-falsification run of `options` person by person: each period's
 * thresholds, who says "yes" in public (threshold below last period's public share), who privately
 * prefers change, and the response curve; the shares agree with `simulatePreferenceFalsification`.
 * @see Kuran (1991), Now Out of Never: The Element of Surprise in the East European Revolution of 1989.
 */
export function publicOpinionRounds(options: PreferenceFalsificationOptions): PublicOpinionRounds {
  // The model validates the options and gives the shares; the loop below repeats its arithmetic
  // (the same clipped drift, the same threshold formula) to say who stands behind them.
  const run = simulatePreferenceFalsification(options);
  const people = options.people;
  const n = people.length;
  const drift = options.drift ?? 0;
  const pref = people.map((p) => p.preference);
  const out: PublicOpinionRounds = {
    thresholds: [],
    yes: [],
    privatelyFor: [],
    publicShare: run.publicShare,
    privateShare: run.privateShare,
    response: [],
  };
  for (let t = 0; t < run.publicShare.length; t++) {
    if (t > 0) for (let i = 0; i < n; i++) pref[i] = Math.min(1, Math.max(0, pref[i]! + drift));
    const thresholds = people.map((p, i) =>
      kuranThreshold({ preference: pref[i]!, expressiveNeed: p.expressiveNeed, sensitivity: p.sensitivity }),
    );
    const previous = t > 0 ? run.publicShare[t - 1]! : Number.NaN;
    out.thresholds.push(thresholds);
    // NaN < x is false: nobody is marked in period 0.
    out.yes.push(thresholds.map((x) => x < previous));
    out.privatelyFor.push(pref.map((x) => x > 0.5));
    const sorted = Float64Array.from(thresholds).sort();
    const response = new Array<number>(n + 1);
    let below = 0;
    for (let k = 0; k <= n; k++) {
      while (below < n && sorted[below]! < k / n) below++;
      response[k] = below;
    }
    out.response.push(response);
  }
  return out;
}
