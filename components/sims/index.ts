/**
 * Every simulation component by registry name, for src/ui/Sim.astro (which must import islands
 * statically). Keep in step with components/registry.ts; a test checks that the names match.
 */
import { CommonsHarvest } from './CommonsHarvest.tsx';

/** The simulation components, keyed by their registry names. */
export const sims = {
  'commons-harvest': CommonsHarvest,
} as const;
