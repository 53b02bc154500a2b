/**
 * The list of simulations, for build-time use (the content check, Sim.astro, the simulations
 * page). Node only: it builds zod schemas. It never imports components (sims/index.ts does).
 */
import type { z } from 'astro/zod';
import { schemaFromParams, specProblems } from './kit/params-schema.ts';
import type { ParamSpecs } from './kit/params.ts';
import { commonsHarvestInfo, commonsHarvestParams } from './sims/commons-harvest.params.ts';
import { manipulationFinderInfo, manipulationFinderParams } from './sims/manipulation-finder.params.ts';
import { condorcetParadoxInfo, condorcetParadoxParams } from './sims/condorcet-paradox.params.ts';
import { spatialElectionInfo, spatialElectionParams } from './sims/spatial-election.params.ts';
import { ipdTournamentInfo, ipdTournamentParams } from './sims/ipd-tournament.params.ts';
import { replicatorInfo, replicatorParams } from './sims/replicator.params.ts';
import { gameExplorerInfo, gameExplorerParams } from './sims/game-explorer.params.ts';
import { thresholdCascadeInfo, thresholdCascadeParams } from './sims/threshold-cascade.params.ts';
import { algorithmicCollusionInfo, algorithmicCollusionParams } from './sims/algorithmic-collusion.params.ts';
import { vcgPublicProjectInfo, vcgPublicProjectParams } from './sims/vcg-public-project.params.ts';
import { auctionRoomInfo, auctionRoomParams } from './sims/auction-room.params.ts';
import { overoptimizationInfo, overoptimizationParams } from './sims/overoptimization.params.ts';
import { goodhartSelectionInfo, goodhartSelectionParams } from './sims/goodhart-selection.params.ts';
import { gradientPlayInfo, gradientPlayParams } from './sims/gradient-play.params.ts';
import { sycophancyInfo, sycophancyParams } from './sims/sycophancy.params.ts';
import { rewardHackingGridworldInfo, rewardHackingGridworldParams } from './sims/reward-hacking-gridworld.params.ts';
import { externalityMarketInfo, externalityMarketParams } from './sims/externality-market.params.ts';
import { publicGoodsInfo, publicGoodsSimParams } from './sims/public-goods.params.ts';
import { selfishRoutingInfo, selfishRoutingParams } from './sims/selfish-routing.params.ts';

/** One simulation as the rest of the site sees it. */
export type SimulationEntry = {
  /** The name authors write: <Sim name="..." />. */
  readonly name: string;
  readonly title: string;
  /** One line, for the simulations page. */
  readonly description: string;
  readonly params: ParamSpecs;
  /** Strict schema of the author-facing props (parameters, embedKey/id, autoplay). */
  readonly propsSchema: z.ZodType;
  /** Repository path of the model file it runs. */
  readonly model: string;
  /** Repository path of the model's tests. */
  readonly tests: string;
  /** The published result it reproduces, with a key of content/references.yaml. */
  readonly reproduces: { readonly result: string; readonly citation: string };
};

type SimulationInfo = {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly about: {
    readonly model: string;
    readonly tests: string;
    readonly reproduces: { readonly result: string; readonly citation: { readonly key: string } };
  };
};

/** Returns a registry entry from a simulation's info and parameter spec; throws when the spec is unsound, so a bad spec fails the build. */
export function defineSimulation(info: SimulationInfo, params: ParamSpecs): SimulationEntry {
  const problems = specProblems(params);
  if (problems.length > 0)
    throw new Error(`Simulation "${info.name}" has a bad parameter spec: ${problems.join('; ')}`);
  return {
    name: info.name,
    title: info.title,
    description: info.description,
    params,
    propsSchema: schemaFromParams(params),
    model: info.about.model,
    tests: info.about.tests,
    reproduces: { result: info.about.reproduces.result, citation: info.about.reproduces.citation.key },
  };
}

/** Every simulation, in the order the simulations page lists them. */
export const simulations: readonly SimulationEntry[] = [
  defineSimulation(commonsHarvestInfo, commonsHarvestParams),
  defineSimulation(selfishRoutingInfo, selfishRoutingParams),
  defineSimulation(publicGoodsInfo, publicGoodsSimParams),
  defineSimulation(externalityMarketInfo, externalityMarketParams),
  defineSimulation(rewardHackingGridworldInfo, rewardHackingGridworldParams),
  defineSimulation(sycophancyInfo, sycophancyParams),
  defineSimulation(gradientPlayInfo, gradientPlayParams),
  defineSimulation(goodhartSelectionInfo, goodhartSelectionParams),
  defineSimulation(overoptimizationInfo, overoptimizationParams),
  defineSimulation(auctionRoomInfo, auctionRoomParams),
  defineSimulation(vcgPublicProjectInfo, vcgPublicProjectParams),
  defineSimulation(algorithmicCollusionInfo, algorithmicCollusionParams),
  defineSimulation(thresholdCascadeInfo, thresholdCascadeParams),
  defineSimulation(gameExplorerInfo, gameExplorerParams),
  defineSimulation(replicatorInfo, replicatorParams),
  defineSimulation(ipdTournamentInfo, ipdTournamentParams),
  defineSimulation(spatialElectionInfo, spatialElectionParams),
  defineSimulation(condorcetParadoxInfo, condorcetParadoxParams),
  defineSimulation(manipulationFinderInfo, manipulationFinderParams),
];

/** Returns the simulation called `name`, or undefined. */
export function getSimulation(name: string): SimulationEntry | undefined {
  return simulations.find((s) => s.name === name);
}
