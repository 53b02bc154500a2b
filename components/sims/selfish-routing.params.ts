/**
 * The parameters and the description of the selfish-routing simulation, shared by the component,
 * its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The networks the simulation draws. */
export type RoutingNetworkName = 'pigou' | 'braess' | 'grid';

/** The simulation's parameters. */
export const selfishRoutingParams = {
  network: {
    kind: 'select',
    label: 'Network',
    options: [
      { value: 'pigou', label: 'Pigou: two parallel roads' },
      { value: 'braess', label: 'Braess: two routes and a shortcut' },
      { value: 'grid', label: 'Street grid (3 × 3)' },
    ],
    default: 'pigou',
  },
  demand: { kind: 'number', label: 'Traffic demand', min: 0.1, max: 3, step: 0.05, default: 1 },
  degree: { kind: 'integer', label: 'Latency degree d', min: 1, max: 4, step: 1, default: 1 },
  shortcut: { kind: 'boolean', label: 'Free middle link a → b', default: true },
  tolls: { kind: 'boolean', label: 'Marginal-cost tolls', default: false },
  seed: { kind: 'seed', label: 'Grid seed', default: 1 },
} as const satisfies ParamSpecs;

/** Demands at which the price-of-anarchy curve is computed (0.1 to 3). */
export const ROUTING_CURVE_DEMANDS: readonly number[] = Array.from({ length: 30 }, (_, k) => Number((0.1 * (k + 1)).toFixed(1)));

/** Most Frank–Wolfe iterations the reader can step through. */
export const ROUTING_MAX_ITERATIONS = 60;

const assumptions = [
  'Traffic is a continuum of drivers, each too small to matter alone; all travel from s to t.',
  'Each road has a latency a·x^d + b that grows with its flow x; the degree d applies to every congestible road.',
  'At the Wardrop equilibrium no driver can shorten a trip by changing route; the system optimum minimises total latency Σ x·ℓ(x).',
  'A marginal-cost toll charges each road x*·ℓ′(x*), the delay one more driver causes the others at the optimum; tolls are transfers, so total latency excludes them.',
  'The stepped iterations are the Frank–Wolfe algorithm from the all-or-nothing assignment on the empty network; the solution shown otherwise is solved exactly.',
];

const citations = {
  roughgarden2002: {
    key: 'roughgarden2002',
    authors: 'Tim Roughgarden and Éva Tardos',
    year: 2002,
    title: 'How Bad Is Selfish Routing?',
    url: 'https://doi.org/10.1145/506147.506153',
  },
  braess1968: {
    key: 'braess1968',
    authors: 'Dietrich Braess',
    year: 1968,
    title: 'Über ein Paradoxon aus der Verkehrsplanung',
    url: 'https://doi.org/10.1007/BF01918335',
  },
} as const;

const model = 'src/models/routing/wardrop.ts';
const tests = 'tests/models/routing/wardrop.test.ts';

/** Returns the "About this model" content for a network: Braess's result for 'braess', Pigou's price of anarchy otherwise. */
export function selfishRoutingAbout(network: RoutingNetworkName): SimAbout {
  if (network === 'braess') {
    return {
      summary:
        'Braess’s network: two symmetric routes from s to t, each a congestible road then a fixed one, and a free link joining the two congestible roads. Drivers choose routes selfishly; a planner would leave the link empty.',
      assumptions,
      reproduces: {
        result:
          'With one unit of traffic and linear latencies the equilibrium trip takes 1.5 without the free link and 2 with it, while the optimum stays 1.5: adding a road makes every driver slower',
        citation: citations.braess1968,
      },
      model,
      tests,
    };
  }
  return selfishRoutingInfo.about;
}

/** Name, title, one-line description and the "About this model" content. */
export const selfishRoutingInfo = {
  name: 'selfish-routing',
  title: 'Selfish routing: equilibrium against optimum',
  description:
    'Drivers pick their fastest route: compare the Wardrop equilibrium with the system optimum on Pigou’s and Braess’s networks, measure the price of anarchy against Roughgarden’s bound, and fix it with marginal-cost tolls.',
  about: {
    summary:
      'Traffic from s to t splits over roads whose delay grows with their flow. Selfish drivers reach a Wardrop equilibrium; a planner would route them to minimise total latency. Their ratio is the price of anarchy.',
    assumptions,
    reproduces: {
      result:
        'On Pigou’s network the price of anarchy is 4/3 (Pigou 1920), the worst possible with linear latencies; with latency x^d it reaches Roughgarden’s bound (1 − d(d + 1)^(−(d+1)/d))^(−1), 1.626, 1.896 and 2.151 for d = 2, 3, 4 (Roughgarden 2003); Braess’s network goes from 1.5 to 2 per driver when the free link opens (Braess 1968)',
      citation: citations.roughgarden2002,
    },
    model,
    tests,
  } satisfies SimAbout,
} as const;
