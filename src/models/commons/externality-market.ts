/**
 * A competitive market whose output harms third parties, and the Pigouvian tax that corrects it.
 *
 * Demand (marginal benefit) P = α − βQ; supply is the marginal private cost MPC = γ + δQ; each
 * unit also does marginal external damage MED = d + εQ (constant when ε = 0). The market trades
 * where demand meets MPC, ignoring the damage; the social optimum is where demand meets the
 * marginal social cost MSC = MPC + MED. The gap costs a deadweight loss, the triangle between MSC
 * and demand over the extra units. A tax per unit equal to the marginal damage at the optimum,
 * t* = MED(Q*), moves supply up so the taxed market trades exactly Q* (Pigou 1920).
 *
 * @see Pigou (1920), The Economics of Welfare.
 */

/** The market's lines: demand P = α − βQ, marginal private cost γ + δQ, marginal external damage d + εQ. */
export type ExternalityMarket = {
  /** Demand intercept α (price at which nobody buys). */
  readonly demandIntercept: number;
  /** Demand slope β > 0. */
  readonly demandSlope: number;
  /** Marginal private cost at zero output γ ≥ 0. */
  readonly costIntercept: number;
  /** Marginal private cost slope δ ≥ 0. */
  readonly costSlope: number;
  /** Marginal external damage at zero output d ≥ 0. */
  readonly damage: number;
  /** Slope ε ≥ 0 of the marginal external damage (0: constant damage per unit). */
  readonly damageSlope?: number;
};

/** What the market does under a per-unit tax t: quantity, prices, surpluses, damage and the deadweight loss against the optimum. */
export type ExternalityOutcome = {
  /** Quantity traded Q(t) ≥ 0. */
  readonly quantity: number;
  /** Price buyers pay, α − βQ. */
  readonly consumerPrice: number;
  /** Price sellers keep, consumer price − t. */
  readonly producerPrice: number;
  readonly consumerSurplus: number;
  readonly producerSurplus: number;
  readonly taxRevenue: number;
  /** Total external damage dQ + εQ²/2. */
  readonly externalDamage: number;
  /** Consumer plus producer surplus plus tax revenue minus damage. */
  readonly welfare: number;
  /** Welfare at the optimum minus welfare here, ≥ 0. */
  readonly deadweightLoss: number;
};

function check(fn: string, m: ExternalityMarket): void {
  if (typeof m !== 'object' || m === null) throw new TypeError(`${fn}: market must be an object`);
  const need = (name: string, v: unknown, ok: boolean, rule: string) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || !ok) throw new RangeError(`${fn}: ${name} must be ${rule}, got ${String(v)}`);
  };
  need('demandIntercept', m.demandIntercept, true, 'a finite number');
  need('demandSlope', m.demandSlope, m.demandSlope > 0, 'a finite number > 0');
  need('costIntercept', m.costIntercept, m.costIntercept >= 0, 'a finite number >= 0');
  need('costSlope', m.costSlope, m.costSlope >= 0, 'a finite number >= 0');
  need('damage', m.damage, m.damage >= 0, 'a finite number >= 0');
  const slope = m.damageSlope ?? 0;
  need('damageSlope', slope, slope >= 0, 'a finite number >= 0');
}

function checkTax(fn: string, tax: number): void {
  if (typeof tax !== 'number' || !Number.isFinite(tax)) throw new RangeError(`${fn}: tax must be a finite number, got ${String(tax)}`);
}

/** Returns the marginal external damage d + εQ at quantity Q. */
export function marginalExternalDamage(market: ExternalityMarket, quantity: number): number {
  check('marginalExternalDamage', market);
  return market.damage + (market.damageSlope ?? 0) * quantity;
}

/** Returns the quantity a competitive market trades under a per-unit tax t (default 0), (α − γ − t)/(β + δ), or 0 when that is negative. */
export function externalityMarketQuantity(market: ExternalityMarket, tax = 0): number {
  check('externalityMarketQuantity', market);
  checkTax('externalityMarketQuantity', tax);
  return Math.max(0, (market.demandIntercept - market.costIntercept - tax) / (market.demandSlope + market.costSlope));
}

/** Returns the socially optimal quantity, where demand meets marginal social cost: (α − γ − d)/(β + δ + ε), or 0 when that is negative. */
export function externalityOptimalQuantity(market: ExternalityMarket): number {
  check('externalityOptimalQuantity', market);
  const slope = market.demandSlope + market.costSlope + (market.damageSlope ?? 0);
  return Math.max(0, (market.demandIntercept - market.costIntercept - market.damage) / slope);
}

/**
 * Returns the Pigouvian tax t* = MED(Q*), the marginal external damage at the optimum, under which
 * the competitive market trades exactly the optimal quantity.
 * @see Pigou (1920)
 */
export function pigouvianTax(market: ExternalityMarket): number {
  return marginalExternalDamage(market, externalityOptimalQuantity(market));
}

/** Returns total welfare W(Q) = (α − γ − d)Q − (β + δ + ε)Q²/2: benefit minus private cost minus external damage of the first Q units. */
export function externalityWelfare(market: ExternalityMarket, quantity: number): number {
  check('externalityWelfare', market);
  if (!(quantity >= 0) || !Number.isFinite(quantity)) throw new RangeError(`externalityWelfare: quantity must be a finite number >= 0, got ${String(quantity)}`);
  const net = market.demandIntercept - market.costIntercept - market.damage;
  const slope = market.demandSlope + market.costSlope + (market.damageSlope ?? 0);
  return net * quantity - (slope * quantity * quantity) / 2;
}

/**
 * Returns the deadweight loss W(Q*) − W(Q) of trading Q instead of the optimum; for an interior
 * optimum this is the triangle (β + δ + ε)(Q − Q*)²/2 between demand and marginal social cost.
 */
export function externalityDeadweightLoss(market: ExternalityMarket, quantity: number): number {
  const loss = externalityWelfare(market, externalityOptimalQuantity(market)) - externalityWelfare(market, quantity);
  return loss > 0 ? loss : 0;
}

/** Returns the market's outcome under a per-unit tax t (default 0): quantity, prices, surpluses, tax revenue, damage, welfare and deadweight loss. */
export function externalityOutcome(market: ExternalityMarket, tax = 0): ExternalityOutcome {
  const Q = externalityMarketQuantity(market, tax);
  const consumerPrice = market.demandIntercept - market.demandSlope * Q;
  const producerPrice = consumerPrice - tax;
  const consumerSurplus = (market.demandSlope * Q * Q) / 2;
  // Producers sell Q units at the price they keep, against costs γQ + δQ²/2.
  const producerSurplus = producerPrice * Q - market.costIntercept * Q - (market.costSlope * Q * Q) / 2;
  const taxRevenue = tax * Q;
  const externalDamage = market.damage * Q + ((market.damageSlope ?? 0) * Q * Q) / 2;
  return {
    quantity: Q,
    consumerPrice,
    producerPrice,
    consumerSurplus,
    producerSurplus,
    taxRevenue,
    externalDamage,
    welfare: consumerSurplus + producerSurplus + taxRevenue - externalDamage,
    deadweightLoss: externalityDeadweightLoss(market, Q),
  };
}
