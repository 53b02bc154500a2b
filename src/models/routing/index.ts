/** Selfish routing: networks, Wardrop equilibria, system optima and the price of anarchy. */
export {
  edgeLatency,
  edgeMarginalCost,
  totalLatency,
  simplePaths,
  MAX_LISTED_PATHS,
  type Latency,
  type RoutingEdge,
  type RoutingNetwork,
  type Demand,
} from './network.ts';
export { wardropEquilibrium, systemOptimum, priceOfAnarchy, roughgardenBound, type PathFlow, type RoutingResult } from './wardrop.ts';
export { pigouNetwork, braessNetwork, gridNetwork, type RoutingPreset, type GridOptions } from './presets.ts';
export { marginalCostTolls, withTolls } from './tolls.ts';
export { withLatencyDegree } from './latency-degree.ts';
export { frankWolfe, MAX_FRANK_WOLFE_ITERATIONS, type FrankWolfeIterate, type FrankWolfeObjective } from './frank-wolfe.ts';
