/** Goodhart's law: regressional, extremal, causal and adversarial variants, and reward-model overoptimisation. */
export { expectedMaxOfNormals, normalMaxMoments, type NormalMaxMoments } from './max-of-normals.ts';
export {
  regressionalExpectation,
  bestOfNByProxy,
  type RegressionalParams,
  type SelectionMeans,
} from './regressional.ts';
export {
  proxySelection,
  proxySelectionDetailed,
  drawCandidates,
  type ProxyErrorKind,
  type ProxyPopulation,
  type ProxySelectionOptions,
  type ProxySelectionStats,
  type CandidateDraw,
} from './proxy-selection.ts';
export { conditionalTrueGivenProxy, extremalCurve, type ExtremalPoint } from './extremal.ts';
export {
  causalGoodhart,
  causalGoodhartSample,
  type CausalModelParams,
  type CausalIntervention,
  type CausalGoodhartResult,
  type CausalSample,
} from './causal.ts';
export { gamingResponse, optimalBonus, gamingSweep, type GamingParams, type GamingResponse } from './adversarial.ts';
export {
  bestOfNKL,
  overoptimizationClosedForm,
  simulateBestOfN,
  fitBestOfNScaling,
  type OveroptimizationParams,
  type OveroptimizationPoint,
  type SimulatedOveroptimizationPoint,
} from './overoptimization.ts';
export {
  selectionSweep,
  overoptimizationSweep,
  poolMeans,
  poolSelectionSweeps,
  poolOveroptimizationSweeps,
  type MeanEstimate,
  type SelectionSweepPoint,
  type OveroptimizationSweepPoint,
} from './block-maxima.ts';
export {
  regressionalCurve,
  overoptimizationCurve,
  bestOfNForKL,
  bestOfNScalingPeak,
  type RegressionalCurvePoint,
  type ScalingPeak,
} from './best-of-n-curves.ts';
