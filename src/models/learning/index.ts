/** Learning agents: algorithmic pricing, specification gaming, sycophancy, gradient play and Q-learning in the IPD. */
export {
  CALVANO_MARKET,
  logitDemand,
  logitProfits,
  logitNashPrice,
  logitMonopolyPrice,
  type LogitMarket,
} from './logit-demand.ts';
export {
  createQPricing,
  simulateQPricing,
  forcedDeviation,
  type QPricingOptions,
  type QPricingSummary,
  type QPricingOutcome,
  type QPricingProgress,
  type QPricingSimulation,
  type ImpulseResponse,
} from './q-pricing.ts';
export {
  GRIDWORLD_LAYOUT,
  trainGridworld,
  type GridworldFix,
  type GridworldOptions,
  type GridworldResult,
  type GridworldRollout,
} from './gridworld.ts';
export {
  sycophancyFixedPoint,
  sycophancySweep,
  trainSycophancy,
  type SycophancyParams,
  type SycophancyPoint,
  type SycophancyTrainingOptions,
  type SycophancyTraining,
} from './sycophancy.ts';
export {
  differentiableGame,
  gameDecomposition,
  gameGradient,
  sampleVectorField,
  gradientPlay,
  type QuadraticPayoff,
  type DifferentiableGame,
  type DifferentiableGameName,
  type GradientMode,
  type GradientMethod,
  type GradientPlayOptions,
  type GameFieldSample,
} from './gradient-play.ts';
export {
  simulateIpdQLearning,
  type IpdQPayoffs,
  type IpdQLearningOptions,
  type IpdQLearningResult,
} from './ipd-q-learning.ts';
export {
  gradientPlayRestSet,
  distanceToRestSet,
  gradientPlayStepRadius,
  type GradientRestSet,
  type GradientStepOptions,
} from './gradient-play-stability.ts';
export { sycophancyLimits, type SycophancyLimits } from './sycophancy-limits.ts';
