/** Normal-form games: equilibria, learning dynamics, efficiency and preset games. */
export {
  nashEquilibria,
  isNashEquilibrium,
  isDegenerate,
  degeneracyWitness,
  expectedPayoffs,
  rowPayoffVector,
  columnPayoffVector,
  rowBestResponses,
  columnBestResponses,
  type MixedProfile,
  type DegeneracyWitness,
} from './nash-equilibria.ts';
export { bestResponseDynamics, type BestResponseOptions, type BestResponseResult } from './best-response-dynamics.ts';
export { fictitiousPlay, type FictitiousPlayOptions, type FictitiousPlayResult } from './fictitious-play.ts';
export { paretoOptimalOutcomes, gameEfficiency, type PureOutcome, type EquilibriumWelfare, type GameEfficiency } from './welfare.ts';
export { gamePreset, prisonersDilemmaGame, GAME_PRESET_IDS, type GamePresetId, type NormalFormGame } from './presets.ts';
export { bestResponsePlay, type BestResponsePlayOptions, type BestResponsePlayResult } from './best-response-play.ts';
