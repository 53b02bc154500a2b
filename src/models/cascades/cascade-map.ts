/**
 * The cascade map of Granovetter's threshold model: if r people act now, everyone whose threshold
 * is at most r acts next, so r_{t+1} = F(r_t) with F the cumulative count of thresholds. Drawn
 * against the 45° line, F shows where a cascade stops: at the first fixed point F(r) = r reached
 * from r = 0.
 */

function checkThresholds(thresholds: unknown, caller: string): readonly number[] {
  if (!Array.isArray(thresholds)) throw new TypeError(`${caller}: thresholds must be an array of numbers`);
  thresholds.forEach((t: unknown, i) => {
    // Infinity is allowed: someone who never acts.
    if (typeof t !== 'number' || !(t >= 0))
      throw new RangeError(`${caller}: thresholds[${i}] must be a number >= 0, got ${String(t)}`);
  });
  return thresholds as readonly number[];
}

/**
 * Returns F(0), F(1), …, F(upTo), where F(r) is how many people have a threshold of at most r
 * (thresholds ≥ 0, Infinity = never; `upTo` a whole number ≥ 0, default the number of people).
 * @see Granovetter (1978), Threshold Models of Collective Behavior (the cumulative distribution diagram).
 */
export function cascadeMap(thresholds: readonly number[], upTo: number = thresholds.length): number[] {
  const sorted = Float64Array.from(checkThresholds(thresholds, 'cascadeMap')).sort();
  if (!Number.isSafeInteger(upTo) || upTo < 0)
    throw new RangeError(`cascadeMap: upTo must be a whole number >= 0, got ${upTo}`);
  const out = new Array<number>(upTo + 1);
  let below = 0;
  for (let r = 0; r <= upTo; r++) {
    while (below < sorted.length && sorted[below]! <= r) below++;
    out[r] = below;
  }
  return out;
}

/** The fixed points of a cascade map and the path that iteration from nobody acting takes to one of them. */
export type CascadeFixedPoints = {
  /** Every r in 0…n with F(r) = r: the numbers acting that reproduce themselves. */
  fixedPoints: number[];
  /** The fixed point reached from r = 0: the final size of the cascade. */
  reached: number;
  /** r₀ = 0, r₁ = F(0), r₂ = F(r₁), … up to and including `reached` (the cobweb of the diagram). */
  path: number[];
};

/**
 * Returns the fixed points F(r) = r of the cascade map of `thresholds` (r from 0 to the number of
 * people), the one reached by iterating from nobody acting (equal to `thresholdCascade`), and the
 * path of that iteration.
 * @see Granovetter (1978), Threshold Models of Collective Behavior.
 */
export function cascadeFixedPoints(thresholds: readonly number[]): CascadeFixedPoints {
  checkThresholds(thresholds, 'cascadeFixedPoints');
  const f = cascadeMap(thresholds);
  const fixedPoints: number[] = [];
  for (let r = 0; r < f.length; r++) if (f[r] === r) fixedPoints.push(r);
  // F is non-decreasing and F(0) ≥ 0, so the iteration from 0 climbs monotonically to the
  // smallest fixed point; F(n) ≤ n guarantees one exists.
  const path = [0];
  let r = 0;
  while (f[r]! !== r) {
    r = f[r]!;
    path.push(r);
  }
  return { fixedPoints, reached: r, path };
}
