/**
 * A linear scale with nice round ticks: the small part of d3-scale's scaleLinear the charts use.
 * Written by hand because scaleLinear brings d3-interpolate, d3-color and d3-format along, about
 * 9 KB gzipped, a quarter of a simulation page's JavaScript budget.
 */

/** A linear map from a domain onto a range, with ticks and a tick formatter. */
export type LinearScale = {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  /** Round values (1, 2 or 5 times a power of ten) inside the domain, about `count` of them. */
  ticks(count?: number): number[];
  /** A formatter showing as many decimals as the tick step needs. */
  tickFormat(count?: number): (value: number) => string;
  /** The same scale with its domain widened outwards to whole tick steps. */
  nice(count?: number): LinearScale;
};

/** Returns the tick step for about `count` ticks across [lo, hi]: 1, 2 or 5 times a power of ten (0 when lo = hi or not finite). */
export function tickStep(lo: number, hi: number, count: number): number {
  const span = Math.abs(hi - lo);
  if (!(span > 0) || !Number.isFinite(span) || !(count > 0)) return 0;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  // Thresholds sit between the candidates (geometric means √2, √10, √50), so the count stays near `count`.
  const multiple = fraction >= Math.sqrt(50) ? 10 : fraction >= Math.sqrt(10) ? 5 : fraction >= Math.sqrt(2) ? 2 : 1;
  return multiple * power;
}

/** Returns the decimals a tick step needs (0 for steps of 1 and more). */
export function stepDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  return Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
}

/** Returns the multiples of the step within [lo, hi] (either order), about `count` of them, free of float dust. */
export function ticks(lo: number, hi: number, count = 5): number[] {
  const a = Math.min(lo, hi);
  const b = Math.max(lo, hi);
  const step = tickStep(a, b, count);
  if (step === 0) return Number.isFinite(a) ? [a] : [];
  const decimals = stepDecimals(step);
  const out: number[] = [];
  for (let i = Math.ceil(a / step - 1e-9); i * step <= b + step * 1e-9; i++) {
    out.push(Number((i * step).toFixed(Math.min(20, decimals))));
  }
  return out;
}

/** Returns [lo, hi] widened to whole tick steps (repeated until the step settles). */
export function niceDomain(lo: number, hi: number, count = 5): [number, number] {
  let a = lo;
  let b = hi;
  for (let round = 0; round < 10; round++) {
    const step = tickStep(a, b, count);
    if (step === 0) break;
    const na = Math.floor(a / step + 1e-9) * step;
    const nb = Math.ceil(b / step - 1e-9) * step;
    if (na === a && nb === b) break;
    a = na;
    b = nb;
  }
  return [a, b];
}

/** Returns a linear scale mapping `domain` onto `range` (a flat domain maps everything to the middle of the range). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  const scale = ((value: number) =>
    span === 0 ? (r0 + r1) / 2 : r0 + ((value - d0) / span) * (r1 - r0)) as LinearScale;
  return Object.assign(scale, {
    domain: [d0, d1] as const,
    range: [r0, r1] as const,
    ticks: (count = 5) => ticks(d0, d1, count),
    tickFormat: (count = 5) => {
      const decimals = stepDecimals(tickStep(d0, d1, count));
      return (value: number) => value.toFixed(Math.min(20, decimals));
    },
    nice: (count = 5) => linearScale(niceDomain(d0, d1, count), range),
  });
}
