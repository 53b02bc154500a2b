/** Efficiency of a game's outcomes: Pareto optimality, welfare, prices of anarchy and stability. */
import { expectedPayoffs, nashEquilibria, type MixedProfile } from './nash-equilibria.ts';
import { checkBimatrix } from './validate.ts';

/** A pure outcome (row, col) with its payoffs [row player's, column player's]. */
export type PureOutcome = { row: number; col: number; payoffs: [number, number] };

/** An equilibrium with its expected payoffs and utilitarian welfare (their sum). */
export type EquilibriumWelfare = MixedProfile & { payoffs: [number, number]; welfare: number };

/** The best pure outcome, every equilibrium's welfare, and the welfare ratios (null when a welfare involved is ≤ 0). */
export type GameEfficiency = {
  optimum: PureOutcome & { welfare: number };
  equilibria: EquilibriumWelfare[];
  priceOfAnarchy: number | null;
  priceOfStability: number | null;
};

/**
 * The pure outcomes that no other pure outcome Pareto-dominates (at least as good for both
 * players and strictly better for one), in row-major order.
 */
export function paretoOptimalOutcomes(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): PureOutcome[] {
  const [m, n] = checkBimatrix('paretoOptimalOutcomes', A, B);
  const all: PureOutcome[] = [];
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) all.push({ row: i, col: j, payoffs: [A[i]![j]!, B[i]![j]!] });
  return all.filter(
    (o) =>
      !all.some(
        (p) =>
          p.payoffs[0] >= o.payoffs[0] &&
          p.payoffs[1] >= o.payoffs[1] &&
          (p.payoffs[0] > o.payoffs[0] || p.payoffs[1] > o.payoffs[1]),
      ),
  );
}

/**
 * Utilitarian welfare (sum of payoffs) of the best outcome and of every equilibrium found by
 * nashEquilibria, with the price of anarchy (best welfare / worst equilibrium welfare) and the
 * price of stability (best welfare / best equilibrium welfare); the ratios are null unless all
 * those welfares are positive. Mixed profiles never beat the best pure outcome, whose welfare is
 * therefore the optimum.
 * @see koutsoupias1999
 */
export function gameEfficiency(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): GameEfficiency {
  const [m, n] = checkBimatrix('gameEfficiency', A, B);
  let optimum: PureOutcome & { welfare: number } = { row: 0, col: 0, payoffs: [A[0]![0]!, B[0]![0]!], welfare: A[0]![0]! + B[0]![0]! };
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const w = A[i]![j]! + B[i]![j]!;
      if (w > optimum.welfare) optimum = { row: i, col: j, payoffs: [A[i]![j]!, B[i]![j]!], welfare: w };
    }
  }
  const equilibria = nashEquilibria(A, B).map((e) => {
    const payoffs = expectedPayoffs(A, B, e.row, e.col);
    return { ...e, payoffs, welfare: payoffs[0] + payoffs[1] };
  });
  const welfares = equilibria.map((e) => e.welfare);
  const worst = Math.min(...welfares);
  const best = Math.max(...welfares);
  const defined = optimum.welfare > 0 && equilibria.length > 0 && worst > 0;
  return {
    optimum,
    equilibria,
    priceOfAnarchy: defined ? optimum.welfare / worst : null,
    priceOfStability: defined ? optimum.welfare / best : null,
  };
}
