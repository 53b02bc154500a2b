/** Cascades: Granovetter's thresholds and Kuran's preference falsification. */
export {
  thresholdCascade,
  thresholdCascadeRounds,
  normalThresholds,
  uniformThresholds,
  type CascadeRounds,
} from './threshold.ts';
export {
  kuranThreshold,
  publicResponse,
  publicOpinionEquilibria,
  simulatePreferenceFalsification,
  kuranPopulation,
  type KuranPerson,
  type PublicOpinionEquilibria,
  type PreferenceFalsificationOptions,
  type PreferenceFalsificationResult,
  type KuranPopulationOptions,
} from './preference-falsification.ts';
export { cascadeMap, cascadeFixedPoints, type CascadeFixedPoints } from './cascade-map.ts';
export { publicOpinionRounds, type PublicOpinionRounds } from './public-opinion-rounds.ts';
