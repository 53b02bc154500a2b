/**
 * Gauss–Legendre quadrature: fixed composite rules for smooth integrands on known ranges and an
 * adaptive rule for integrands with narrow features. Nodes are computed once by Newton's method on
 * the Legendre polynomial, so no table of constants has to be trusted.
 */

/** Nodes and weights of a Gauss–Legendre rule on [−1, 1]. */
export type GaussLegendreRule = { readonly nodes: Float64Array; readonly weights: Float64Array };

const ruleCache = new Map<number, GaussLegendreRule>();

/** Returns the k-point Gauss–Legendre rule on [−1, 1] (k from 1 to 64), exact for polynomials of degree 2k − 1. */
export function gaussLegendre(k: number): GaussLegendreRule {
  if (!Number.isInteger(k) || k < 1 || k > 64) {
    throw new RangeError(`gaussLegendre: k must be an integer from 1 to 64, got ${k}`);
  }
  const cached = ruleCache.get(k);
  if (cached) return cached;
  const nodes = new Float64Array(k);
  const weights = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    // Chebyshev-like first guess of the i-th root, then Newton on P_k.
    let x = Math.cos((Math.PI * (i + 0.75)) / (k + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = x;
      for (let j = 2; j <= k; j++) {
        const p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
        p0 = p1;
        p1 = p2;
      }
      // P_k'(x) = k·(x·P_k − P_{k−1})/(x² − 1)
      dp = (k * (x * p1 - p0)) / (x * x - 1);
      const dx = p1 / dp;
      x -= dx;
      if (Math.abs(dx) < 1e-16) break;
    }
    // Recompute the derivative at the converged root for the weight.
    let p0 = 1;
    let p1 = x;
    for (let j = 2; j <= k; j++) {
      const p2 = ((2 * j - 1) * x * p1 - (j - 1) * p0) / j;
      p0 = p1;
      p1 = p2;
    }
    dp = (k * (x * p1 - p0)) / (x * x - 1);
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * dp * dp);
  }
  const rule = { nodes, weights };
  ruleCache.set(k, rule);
  return rule;
}

/** Returns ∫_a^b f by a composite Gauss–Legendre rule with `panels` equal panels of `k` points each. */
export function integrateComposite(
  f: (x: number) => number,
  a: number,
  b: number,
  panels: number,
  k = 10,
): number {
  const { nodes, weights } = gaussLegendre(k);
  const h = (b - a) / panels;
  let total = 0;
  for (let p = 0; p < panels; p++) {
    const mid = a + (p + 0.5) * h;
    let s = 0;
    for (let i = 0; i < k; i++) s += weights[i]! * f(mid + 0.5 * h * nodes[i]!);
    total += 0.5 * h * s;
  }
  return total;
}

function panel(f: (x: number) => number, a: number, b: number, rule: GaussLegendreRule): number {
  const mid = 0.5 * (a + b);
  const half = 0.5 * (b - a);
  let s = 0;
  for (let i = 0; i < rule.nodes.length; i++) s += rule.weights[i]! * f(mid + half * rule.nodes[i]!);
  return half * s;
}

/**
 * Returns ∫ f over the union of the intervals between consecutive sorted `breakpoints`, bisecting
 * each piece until a 10-point rule and its two halves agree to `absTol`.
 */
export function integrateAdaptive(
  f: (x: number) => number,
  breakpoints: readonly number[],
  absTol: number,
  maxDepth = 40,
): number {
  const rule = gaussLegendre(10);
  const points = [...breakpoints].sort((p, q) => p - q);
  let total = 0;
  const recurse = (a: number, b: number, whole: number, depth: number): number => {
    const m = 0.5 * (a + b);
    const left = panel(f, a, m, rule);
    const right = panel(f, m, b, rule);
    if (depth >= maxDepth || Math.abs(left + right - whole) <= absTol) return left + right;
    return recurse(a, m, left, depth + 1) + recurse(m, b, right, depth + 1);
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    if (b > a) total += recurse(a, b, panel(f, a, b, rule), 0);
  }
  return total;
}
