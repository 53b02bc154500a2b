/**
 * Adversarial Goodhart as a principal–agent problem. The principal pays a bonus per unit of a
 * metric M = r + g that the agent raises by real effort r (which produces value) or by gaming g
 * (which produces none, or does harm). With quadratic effort costs κ_r·r²/2 and κ_g·g²/2 the
 * agent games whenever gaming is not prohibitively costly, and spends most of a fixed budget on it
 * when gaming is the cheaper way to move the metric; a principal who anticipates this blunts the
 * incentive (the multitask lesson).
 * @see Manheim & Garrabrant (2018), adversarial Goodhart; Holmström & Milgrom (1991).
 */

/** Costs and consequences of the agent's two ways of raising the metric. */
export type GamingParams = {
  /** κ_r > 0: marginal-cost slope of real effort. */
  realCost: number;
  /** κ_g > 0: marginal-cost slope of gaming effort; below realCost means gaming is cheaper. */
  gamingCost: number;
  /** Value destroyed per unit of gaming (≥ 0); default 0. */
  gamingHarm?: number;
  /** Cap on total effort r + g (> 0); default none. */
  budget?: number;
};

/** The agent's best response to a bonus and what it yields. */
export type GamingResponse = {
  bonus: number;
  realEffort: number;
  gamingEffort: number;
  /** The measured metric r + g. */
  metric: number;
  /** Value to the principal before pay, r − harm·g. */
  trueValue: number;
  /** Share of effort spent gaming, g/(r + g) (0 when there is no effort). */
  gamingShare: number;
  /** Total surplus: true value minus the agent's effort cost (what the principal keeps when pay just covers cost). */
  surplus: number;
};

function checkParams(fn: string, p: GamingParams): void {
  for (const key of ['realCost', 'gamingCost'] as const) {
    const v = p[key];
    if (!Number.isFinite(v) || v <= 0) throw new RangeError(`${fn}: ${key} must be a finite number > 0, got ${v}`);
  }
  const harm = p.gamingHarm ?? 0;
  if (!Number.isFinite(harm) || harm < 0) throw new RangeError(`${fn}: gamingHarm must be a finite number >= 0, got ${harm}`);
  if (p.budget !== undefined && !(p.budget > 0)) {
    throw new RangeError(`${fn}: budget must be a number > 0 (or Infinity), got ${p.budget}`);
  }
}

/**
 * Returns the agent's effort split for a bonus ≥ 0 per unit of metric: r = b/κ_r and g = b/κ_g, or,
 * when that exceeds the budget B, the split that equalises marginal costs, r = B·κ_g/(κ_r + κ_g).
 * @see Holmström & Milgrom (1991).
 */
export function gamingResponse(params: GamingParams & { bonus: number }): GamingResponse {
  const fn = 'gamingResponse';
  checkParams(fn, params);
  const { bonus, realCost: kr, gamingCost: kg } = params;
  if (!Number.isFinite(bonus) || bonus < 0) throw new RangeError(`${fn}: bonus must be a finite number >= 0, got ${bonus}`);
  const harm = params.gamingHarm ?? 0;
  const budget = params.budget ?? Infinity;
  let r = bonus / kr;
  let g = bonus / kg;
  if (r + g > budget) {
    // Budget binds: the Lagrange condition κ_r·r = κ_g·g splits the budget in inverse proportion to cost.
    r = (budget * kg) / (kr + kg);
    g = (budget * kr) / (kr + kg);
  }
  const trueValue = r - harm * g;
  const cost = 0.5 * (kr * r * r + kg * g * g);
  return {
    bonus,
    realEffort: r,
    gamingEffort: g,
    metric: r + g,
    trueValue,
    gamingShare: r + g > 0 ? g / (r + g) : 0,
    surplus: trueValue - cost,
  };
}

/**
 * Returns the surplus-maximising bonus without a budget, b* = max(0, (κ_g − harm·κ_r)/(κ_r + κ_g)):
 * below the bonus of 1 that would be optimal if gaming were impossible, and lower the cheaper gaming is.
 * @see Holmström & Milgrom (1991).
 */
export function optimalBonus(params: Omit<GamingParams, 'budget'>): number {
  checkParams('optimalBonus', params);
  const { realCost: kr, gamingCost: kg } = params;
  const harm = params.gamingHarm ?? 0;
  return Math.max(0, (kg - harm * kr) / (kr + kg));
}

/** Returns the agent's response at each bonus in `bonuses` (for plotting metric against true value). */
export function gamingSweep(params: GamingParams & { bonuses: readonly number[] }): GamingResponse[] {
  return params.bonuses.map((bonus) => gamingResponse({ ...params, bonus }));
}
