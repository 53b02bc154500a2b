/**
 * Every simulation component by registry name, for src/ui/Sim.astro (which must import islands
 * statically). Keep in step with components/registry.ts; a test checks that the names match.
 */
import { CommonsHarvest } from './CommonsHarvest.tsx';
import { ManipulationFinder } from './ManipulationFinder.tsx';
import { CondorcetParadox } from './CondorcetParadox.tsx';
import { SpatialElection } from './SpatialElection.tsx';
import { IpdTournament } from './IpdTournament.tsx';
import { ReplicatorDynamics } from './ReplicatorDynamics.tsx';
import { GameExplorer } from './GameExplorer.tsx';
import { ThresholdCascade } from './ThresholdCascade.tsx';
import { AlgorithmicCollusion } from './AlgorithmicCollusion.tsx';
import { VcgPublicProject } from './VcgPublicProject.tsx';
import { AuctionRoom } from './AuctionRoom.tsx';
import { Overoptimization } from './Overoptimization.tsx';
import { GoodhartSelection } from './GoodhartSelection.tsx';
import { GradientPlay } from './GradientPlay.tsx';
import { Sycophancy } from './Sycophancy.tsx';
import { RewardHackingGridworld } from './RewardHackingGridworld.tsx';
import { ExternalityMarket } from './ExternalityMarket.tsx';
import { PublicGoods } from './PublicGoods.tsx';
import { SelfishRouting } from './SelfishRouting.tsx';

/** The simulation components, keyed by their registry names. */
export const sims = {
  'commons-harvest': CommonsHarvest,
  'selfish-routing': SelfishRouting,
  'public-goods': PublicGoods,
  'externality-market': ExternalityMarket,
  'reward-hacking-gridworld': RewardHackingGridworld,
  'sycophancy': Sycophancy,
  'gradient-play': GradientPlay,
  'goodhart-selection': GoodhartSelection,
  'overoptimization': Overoptimization,
  'auction-room': AuctionRoom,
  'vcg-public-project': VcgPublicProject,
  'algorithmic-collusion': AlgorithmicCollusion,
  'threshold-cascade': ThresholdCascade,
  'game-explorer': GameExplorer,
  'replicator': ReplicatorDynamics,
  'ipd-tournament': IpdTournament,
  'spatial-election': SpatialElection,
  'condorcet-paradox': CondorcetParadox,
  'manipulation-finder': ManipulationFinder,
} as const;
