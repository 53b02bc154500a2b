/**
 * Preference falsification (Kuran): people weigh saying what they privately think against the
 * discomfort of dissenting from what others say in public. Public opinion then follows public
 * opinion, can sit far from private opinion, and can collapse suddenly when it tips.
 *
 * The choice here: person i says "yes" (supports change) in public exactly when
 *   e_i·(2x_i − 1) + s_i·(2S − 1) > 0,
 * with x_i its private preference for change in [0, 1], e_i ≥ 0 its expressive need (the weight
 * on voicing its own view), s_i ≥ 0 its sensitivity to social pressure (the weight on siding with
 * the public share S currently saying "yes"). That is a revolutionary threshold: say "yes" once
 * S > T_i = 1/2 − (e_i/s_i)(x_i − 1/2).
 */
import { createRng, normal, uniform } from '../random.ts';

/** A person's private preference for change in [0, 1], expressive need ≥ 0 and sensitivity to social pressure ≥ 0. */
export type KuranPerson = {
  readonly preference: number;
  readonly expressiveNeed: number;
  readonly sensitivity: number;
};

function checkPeople(people: unknown, caller: string): readonly KuranPerson[] {
  if (!Array.isArray(people) || people.length === 0)
    throw new RangeError(`${caller}: people must be a non-empty array`);
  people.forEach((p: KuranPerson, i) => {
    if (p === null || typeof p !== 'object')
      throw new TypeError(`${caller}: people[${i}] must be { preference, expressiveNeed, sensitivity }`);
    if (!(p.preference >= 0 && p.preference <= 1))
      throw new RangeError(`${caller}: people[${i}].preference must be in [0, 1], got ${p.preference}`);
    if (!(p.expressiveNeed >= 0) || !Number.isFinite(p.expressiveNeed)) {
      throw new RangeError(
        `${caller}: people[${i}].expressiveNeed must be a finite number >= 0, got ${p.expressiveNeed}`,
      );
    }
    if (!(p.sensitivity >= 0) || !Number.isFinite(p.sensitivity)) {
      throw new RangeError(`${caller}: people[${i}].sensitivity must be a finite number >= 0, got ${p.sensitivity}`);
    }
  });
  return people as readonly KuranPerson[];
}

function thresholdOf(preference: number, expressiveNeed: number, sensitivity: number): number {
  const pull = expressiveNeed * (2 * preference - 1);
  if (sensitivity === 0) return pull > 0 ? -Infinity : Infinity;
  return 0.5 - pull / (2 * sensitivity);
}

/**
 * Returns a person's revolutionary threshold: it says "yes" in public once the public share
 * saying "yes" exceeds it, 1/2 − (e/s)(x − 1/2); −Infinity (always) or Infinity (never) when
 * insensitive to pressure.
 * @see Kuran (1989), Sparks and prairie fires: A theory of unanticipated political revolution.
 */
export function kuranThreshold(person: KuranPerson): number {
  const [p] = checkPeople([person], 'kuranThreshold');
  return thresholdOf(p!.preference, p!.expressiveNeed, p!.sensitivity);
}

/** Returns the public share saying "yes" next, given the share S saying it now: the share of thresholds below S. */
export function publicResponse(people: readonly KuranPerson[], share: number): number {
  checkPeople(people, 'publicResponse');
  let yes = 0;
  for (const p of people) if (thresholdOf(p.preference, p.expressiveNeed, p.sensitivity) < share) yes++;
  return yes / people.length;
}

/** The equilibria of public opinion, and the share that must speak up for it to cascade upward. */
export type PublicOpinionEquilibria = {
  /** Public shares k/n that reproduce themselves (exactly k people have thresholds below k/n). */
  equilibria: number[];
  /** The equilibrium reached from a public share of 0: where the status quo rests. */
  statusQuo: number;
  /**
   * The smallest public share above the status quo from which opinion does not fall back to it
   * (so enough open dissent tips the society), or null if none exists.
   */
  tippingPoint: number | null;
  /** Where public opinion settles after it tips (null if it cannot). */
  tippedTo: number | null;
};

/** Counts thresholds below k/n for each k = 0…n (the best-reply map on whole people). */
function responseCounts(thresholds: Float64Array): Int32Array {
  const n = thresholds.length;
  const sorted = thresholds.slice().sort();
  const g = new Int32Array(n + 1);
  let below = 0;
  for (let k = 0; k <= n; k++) {
    while (below < n && sorted[below]! < k / n) below++;
    g[k] = below;
  }
  return g;
}

/** Iterates the map from k until it stops moving (monotone, so at most n steps). */
function settle(g: Int32Array, k: number): number {
  let current = k;
  for (;;) {
    const next = g[current]!;
    if (next === current) return current;
    current = next;
  }
}

function analyse(thresholds: Float64Array): PublicOpinionEquilibria {
  const n = thresholds.length;
  const g = responseCounts(thresholds);
  const equilibria: number[] = [];
  for (let k = 0; k <= n; k++) if (g[k] === k) equilibria.push(k / n);
  const low = settle(g, 0);
  // Between the status quo and the next equilibrium, the map is first below the diagonal (opinion
  // falls back) and then above it (opinion climbs): the switch is the tipping point.
  let tip = -1;
  for (let k = low + 1; k <= n; k++) {
    if (g[k]! >= k) {
      tip = k;
      break;
    }
  }
  return {
    equilibria,
    statusQuo: low / n,
    tippingPoint: tip < 0 ? null : tip / n,
    tippedTo: tip < 0 ? null : settle(g, tip) / n,
  };
}

/**
 * Returns the equilibria of public opinion for a population (shares that reproduce themselves),
 * the status quo reached from silence, and the tipping point: the smallest public share above it
 * from which public support no longer falls back.
 * @see Kuran (1995), Private Truths, Public Lies: The Social Consequences of Preference Falsification.
 */
export function publicOpinionEquilibria(people: readonly KuranPerson[]): PublicOpinionEquilibria {
  checkPeople(people, 'publicOpinionEquilibria');
  return analyse(Float64Array.from(people, (p) => thresholdOf(p.preference, p.expressiveNeed, p.sensitivity)));
}

/** Options for `simulatePreferenceFalsification`. */
export type PreferenceFalsificationOptions = {
  readonly people: readonly KuranPerson[];
  /** Periods to run. */
  readonly steps: number;
  /** Public share saying "yes" at the start (default 0). */
  readonly initialShare?: number;
  /** Added to every private preference each period, clipped to [0, 1] (default 0): a slow change of hearts. */
  readonly drift?: number;
};

/** The path of public and private opinion, one entry per period (steps + 1 entries). */
export type PreferenceFalsificationResult = {
  /** Share saying "yes" in public. */
  publicShare: number[];
  /** Share privately preferring change (preference above 1/2). */
  privateShare: number[];
  /** Mean private preference. */
  meanPreference: number[];
  /** The tipping point of that period's population (see `publicOpinionEquilibria`), null if none. */
  tippingPoint: (number | null)[];
  /** Periods in which public opinion jumped by more than a tenth of the population. */
  jumps: number[];
};

/**
 * Returns the dynamics of public versus private support: each period everyone says "yes" in
 * public if the share saying it in the previous period exceeded its threshold, while private
 * preferences drift by `drift`; public opinion can lag private opinion for long and then jump.
 * @see Kuran (1991), Now Out of Never: The Element of Surprise in the East European Revolution of 1989.
 */
export function simulatePreferenceFalsification(
  options: PreferenceFalsificationOptions,
): PreferenceFalsificationResult {
  const caller = 'simulatePreferenceFalsification';
  const people = checkPeople(options.people, caller);
  const { steps } = options;
  const initial = options.initialShare ?? 0;
  const drift = options.drift ?? 0;
  if (!Number.isSafeInteger(steps) || steps < 0)
    throw new RangeError(`${caller}: steps must be a non-negative integer, got ${steps}`);
  if (!(initial >= 0 && initial <= 1))
    throw new RangeError(`${caller}: initialShare must be in [0, 1], got ${initial}`);
  if (!Number.isFinite(drift)) throw new RangeError(`${caller}: drift must be a finite number, got ${drift}`);
  const n = people.length;
  const pref = Float64Array.from(people, (p) => p.preference);
  const thresholds = new Float64Array(n);
  const result: PreferenceFalsificationResult = {
    publicShare: [],
    privateShare: [],
    meanPreference: [],
    tippingPoint: [],
    jumps: [],
  };
  let share = initial;
  for (let t = 0; t <= steps; t++) {
    if (t > 0) {
      // Everyone answers last period's public opinion, with this period's preferences.
      for (let i = 0; i < n; i++) pref[i] = Math.min(1, Math.max(0, pref[i]! + drift));
    }
    let privateYes = 0;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const p = people[i]!;
      thresholds[i] = thresholdOf(pref[i]!, p.expressiveNeed, p.sensitivity);
      if (pref[i]! > 0.5) privateYes++;
      sum += pref[i]!;
    }
    if (t > 0) {
      let yes = 0;
      for (let i = 0; i < n; i++) if (thresholds[i]! < share) yes++;
      const next = yes / n;
      if (Math.abs(next - share) > 0.1) result.jumps.push(t);
      share = next;
    }
    result.publicShare.push(share);
    result.privateShare.push(privateYes / n);
    result.meanPreference.push(sum / n);
    result.tippingPoint.push(analyse(thresholds).tippingPoint);
  }
  return result;
}

/** Options for `kuranPopulation`: size, seed, and the distributions of the three traits. */
export type KuranPopulationOptions = {
  readonly size: number;
  readonly seed: number;
  /** Mean and standard deviation of private preferences, drawn normal and clipped to [0, 1] (defaults 0.5, 0.2). */
  readonly meanPreference?: number;
  readonly preferenceSd?: number;
  /** Expressive needs are uniform on [0, maxExpressiveNeed] (default 1). */
  readonly maxExpressiveNeed?: number;
  /** Sensitivities are uniform on [0, maxSensitivity] (default 1). */
  readonly maxSensitivity?: number;
};

/** Returns a seeded population for the preference-falsification model (see `KuranPopulationOptions` for the distributions). */
export function kuranPopulation(options: KuranPopulationOptions): KuranPerson[] {
  const caller = 'kuranPopulation';
  const { size, seed } = options;
  const mean = options.meanPreference ?? 0.5;
  const sd = options.preferenceSd ?? 0.2;
  const maxNeed = options.maxExpressiveNeed ?? 1;
  const maxSensitivity = options.maxSensitivity ?? 1;
  if (!Number.isSafeInteger(size) || size < 1)
    throw new RangeError(`${caller}: size must be an integer >= 1, got ${size}`);
  if (!Number.isFinite(seed)) throw new RangeError(`${caller}: seed must be a finite number, got ${seed}`);
  if (!(mean >= 0 && mean <= 1)) throw new RangeError(`${caller}: meanPreference must be in [0, 1], got ${mean}`);
  for (const [name, v] of [
    ['preferenceSd', sd],
    ['maxExpressiveNeed', maxNeed],
    ['maxSensitivity', maxSensitivity],
  ] as const) {
    if (!(v >= 0) || !Number.isFinite(v))
      throw new RangeError(`${caller}: ${name} must be a finite number >= 0, got ${v}`);
  }
  const rng = createRng(seed);
  return Array.from({ length: size }, () => ({
    preference: Math.min(1, Math.max(0, normal(rng, mean, sd))),
    expressiveNeed: uniform(rng, 0, maxNeed),
    sensitivity: uniform(rng, 0, maxSensitivity),
  }));
}
