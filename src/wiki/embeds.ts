/**
 * The components an article may use, and the check of their props. Articles cannot import
 * anything: they receive exactly these through the MDX components map (see src/ui/Sim.astro).
 */
import { getSimulation, simulations } from '../../components/registry.ts';

/** Component names allowed in articles. */
export const SITE_COMPONENTS: readonly string[] = ['Sim'];

/** Why an embed is wrong (unknown simulation, props failing its schema), or undefined when fine. */
export function checkEmbed(component: string, props: Record<string, unknown>): string | undefined {
  if (component !== 'Sim') return `<${component}> is not a component the site provides.`;
  const name = props['name'];
  if (typeof name !== 'string') {
    return `<Sim> needs a name, e.g. <Sim name="${simulations[0]?.name ?? 'commons-harvest'}" />. Known simulations: ${simulations.map((s) => s.name).join(', ')}.`;
  }
  const sim = getSimulation(name);
  if (!sim) {
    return `There is no simulation named "${name}". Known simulations: ${simulations.map((s) => s.name).join(', ')} (see /special/simulations/).`;
  }
  const { name: _name, ...rest } = props;
  const parsed = sim.propsSchema.safeParse(rest);
  if (parsed.success) return undefined;
  const details = parsed.error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') return `unknown prop${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${path ? `"${path}": ` : ''}${issue.message}`;
    })
    .join('; ');
  const known = Object.keys(sim.params).join(', ');
  return `<Sim name="${name}"> has bad props: ${details}. Its props are: ${known} (and id, autoplay).`;
}
