import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simulations } from '../../components/registry.ts';
import { sims } from '../../components/sims/index.ts';

const door = readFileSync(join(import.meta.dirname, '..', '..', 'src', 'ui', 'Sim.astro'), 'utf8');

describe('src/ui/Sim.astro, the door from articles to simulations', () => {
  it.each(simulations.map((s) => s.name))('Sim.astro renders and hydrates %s', (name) => {
    const component = (sims as Record<string, { name: string }>)[name];
    expect(component, `components/sims/index.ts has no entry for ${name}`).toBeDefined();
    const pattern = new RegExp(`name === '${name}' && <(\\w+) client:visible \\{\\.\\.\\.props\\} />`);
    const m = pattern.exec(door);
    expect(m, `Sim.astro has no line for ${name}`).not.toBeNull();
    expect(door).toMatch(new RegExp(`import \\{ ${m![1]} \\} from '\\.\\./\\.\\./components/sims/${m![1]}\\.tsx';`));
  });
  it('Sim.astro has no line for a simulation the registry does not know', () => {
    const named = [...door.matchAll(/name === '([a-z0-9-]+)'/g)].map((m) => m[1]);
    expect(named.sort()).toEqual(simulations.map((s) => s.name).sort());
  });
});
