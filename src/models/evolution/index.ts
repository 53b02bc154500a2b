/** Evolutionary game theory: replicator dynamics, rest points, ESS and preset games. */
export { replicatorDynamics, replicatorVelocity, discreteReplicator, type ReplicatorOptions } from './replicator.ts';
export { restPoints, type RestPoint, type RestPointStability, type Eigenvalue } from './rest-points.ts';
export { isESS, evolutionarilyStableStrategies } from './ess.ts';
export { hawkDoveMatrix, stagHuntMatrix, rockPaperScissorsMatrix, type SymmetricGame } from './presets.ts';
