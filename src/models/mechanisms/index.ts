/** Mechanism design: VCG with Clarke payments, a public project, bundles of items, budgets and lies. */
export {
  vcg,
  vcgUtilities,
  outcomeWelfare,
  budgetBalance,
  misreportGain,
  type VcgResult,
  type VcgOutcomeForAgent,
} from './vcg.ts';
export { publicProject, type PublicProjectResult } from './public-project.ts';
export { combinatorialVcg, type BundleBid, type CombinatorialResult } from './combinatorial.ts';
export {
  publicProjectMisreport,
  misreportUtilityCurve,
  type ProjectMisreport,
  type ProjectMisreportOptions,
  type ProjectReportOutcome,
} from './public-project-lies.ts';
