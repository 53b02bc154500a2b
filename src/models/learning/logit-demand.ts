/**
 * Logit demand with an outside good, the market of Calvano et al. (2020): firm i sells
 * q_i = e^((a_i − p_i)/μ) / (Σ_j e^((a_j − p_j)/μ) + e^(a₀/μ)) and earns (p_i − c_i)·q_i. Firms are
 * symmetric here, so the one-shot Bertrand–Nash and the joint-profit (monopoly) prices solve
 * one-dimensional first-order conditions, found by bisection.
 * @see Calvano, Calzolari, Denicolò & Pastorello (2020).
 */

/** Symmetric logit market: product quality a, marginal cost c, outside good a₀, horizontal differentiation μ. */
export type LogitMarket = { quality: number; cost: number; outsideQuality: number; mu: number };

/** Calvano et al.'s baseline: a_i − c_i = 1, c_i = 1, a₀ = 0, μ = 1/4. */
export const CALVANO_MARKET: LogitMarket = { quality: 2, cost: 1, outsideQuality: 0, mu: 0.25 };

/** Throws a RangeError naming the first bad field of a market. */
export function checkMarket(fn: string, m: LogitMarket): void {
  for (const key of ['quality', 'cost', 'outsideQuality', 'mu'] as const) {
    if (!Number.isFinite(m[key])) throw new RangeError(`${fn}: market.${key} must be finite, got ${m[key]}`);
  }
  if (!(m.mu > 0)) throw new RangeError(`${fn}: market.mu must be > 0, got ${m.mu}`);
}

/** Returns each firm's demand q_i at `prices` (one price per firm). */
export function logitDemand(prices: readonly number[], market: LogitMarket = CALVANO_MARKET): number[] {
  // Subtract the largest exponent before exponentiating so small μ cannot overflow.
  const exps = prices.map((p) => (market.quality - p) / market.mu);
  const outside = market.outsideQuality / market.mu;
  const top = Math.max(outside, ...exps);
  const weights = exps.map((e) => Math.exp(e - top));
  const total = weights.reduce((s, w) => s + w, 0) + Math.exp(outside - top);
  return weights.map((w) => w / total);
}

/** Returns each firm's profit (p_i − c)·q_i at `prices`. */
export function logitProfits(prices: readonly number[], market: LogitMarket = CALVANO_MARKET): number[] {
  const q = logitDemand(prices, market);
  return prices.map((p, i) => (p - market.cost) * q[i]!);
}

/** Finds the root of an increasing function by bisection, widening the bracket upward as needed. */
function bisectIncreasing(f: (p: number) => number, lo: number, step: number): number {
  let hi = lo + step;
  while (f(hi) < 0) hi += step;
  for (let i = 0; i < 200 && hi - lo > 1e-15 * Math.max(1, Math.abs(hi)); i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

function symmetricDemand(p: number, firms: number, market: LogitMarket): { own: number; outside: number } {
  const q = logitDemand(new Array<number>(firms).fill(p), market);
  const own = q[0]!;
  return { own, outside: 1 - firms * own };
}

function checkFirms(fn: string, firms: number): void {
  if (!Number.isInteger(firms) || firms < 1) throw new RangeError(`${fn}: firms must be an integer >= 1, got ${firms}`);
}

/**
 * Returns the symmetric one-shot Bertrand–Nash price, the root of p − c = μ/(1 − q(p)) (each firm's
 * first-order condition); ≈ 1.4729 at Calvano et al.'s baseline with two firms.
 * @see Calvano, Calzolari, Denicolò & Pastorello (2020).
 */
export function logitNashPrice(market: LogitMarket = CALVANO_MARKET, firms = 2): number {
  checkMarket('logitNashPrice', market);
  checkFirms('logitNashPrice', firms);
  // p − c − μ/(1 − q) increases in p because q falls as every price rises together.
  return bisectIncreasing((p) => p - market.cost - market.mu / (1 - symmetricDemand(p, firms, market).own), market.cost, market.mu + 1);
}

/**
 * Returns the symmetric price that maximises joint profit, the root of p − c = μ/q₀(p) where q₀ is
 * the outside good's share; ≈ 1.9249 at Calvano et al.'s baseline with two firms.
 * @see Calvano, Calzolari, Denicolò & Pastorello (2020).
 */
export function logitMonopolyPrice(market: LogitMarket = CALVANO_MARKET, firms = 2): number {
  checkMarket('logitMonopolyPrice', market);
  checkFirms('logitMonopolyPrice', firms);
  return bisectIncreasing((p) => p - market.cost - market.mu / symmetricDemand(p, firms, market).outside, market.cost, market.mu + 1);
}
