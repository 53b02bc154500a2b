/** The iterated prisoner's dilemma: strategies, matches and tournaments. */
export {
  DILEMMA_STRATEGIES,
  DILEMMA_STRATEGY_IDS,
  getDilemmaStrategy,
  isStrategyId,
  cycler,
  generosity,
  type DilemmaMove,
  type DilemmaPayoffs,
  type DilemmaStrategy,
  type DilemmaMatchView,
  type DilemmaPlayer,
  type StrategyId,
  type DilemmaStrategyInfo,
} from './strategies.ts';
export { playMatch, playStrategies, turnPayoffs, DEFAULT_DILEMMA_PAYOFFS, type DilemmaMatchOptions, type DilemmaMatchResult } from './match.ts';
export {
  roundRobin,
  ecologicalTournament,
  type TournamentOptions,
  type TournamentResult,
  type EcologicalOptions,
  type EcologicalResult,
} from './tournament.ts';
export { roundRobinSteps, countRoundRobinTurns, finishRoundRobin } from './round-robin-steps.ts';
