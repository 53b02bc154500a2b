/**
 * The parameters and the description of the commons-harvest simulation, shared by the component,
 * its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters; price p = 1, capacity K = 100 and catchability q = 0.05 are fixed. */
export const commonsHarvestParams = {
  agents: { kind: 'integer', label: 'Agents N', min: 2, max: 50, step: 1, default: 8 },
  growth: { kind: 'number', label: 'Growth rate r', min: 0.1, max: 1, step: 0.05, default: 0.5, unit: 'per period' },
  cost: {
    kind: 'number',
    label: 'Cost of effort c',
    min: 0,
    max: 4.5,
    step: 0.1,
    default: 1,
    unit: 'per unit (price 1)',
  },
  learningRate: { kind: 'number', label: 'Learning rate η', min: 0.01, max: 0.35, step: 0.01, default: 0.03 },
  mechanism: {
    kind: 'select',
    label: 'Mechanism',
    options: [
      { value: 'none', label: 'None: open to the N agents' },
      { value: 'charge', label: 'Pigouvian charge on effort' },
      { value: 'quota', label: 'Quota: effort cap E*/N each' },
    ],
    default: 'none',
  },
  learning: {
    kind: 'select',
    label: 'Learning rule',
    options: [
      { value: 'gradient', label: 'Gradient step' },
      { value: 'trial-and-error', label: 'Trial and error' },
    ],
    default: 'gradient',
  },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** The fixed part of the fishery (so a = pqK = 5 and b = pq²K/r). */
export const commonsHarvestFixed = { capacity: 100, catchability: 0.05, price: 1 } as const;

/** Periods computed before the first render, so the static figure already shows where the run settles. */
export const COMMONS_WARMUP_STEPS = 300;

/** Name, title, one-line description and the "About this model" content. */
export const commonsHarvestInfo = {
  name: 'commons-harvest',
  title: 'Harvesting a shared fishery',
  description:
    'N fishers learn their effort on one renewable stock: the Nash equilibrium overfishes and wastes rent, a Pigouvian charge or quotas restore the optimum.',
  about: {
    summary:
      'A Gordon–Schaefer fishery: the stock grows logistically and total effort fishes it down. Each agent keeps nudging its own effort towards a higher long-run profit, ignoring the cost its catch imposes on everyone else through the shared stock.',
    assumptions: [
      'Stock S grows by rS(1 − S/K) per period and loses the catch qES, where E is the total effort (K = 100, q = 0.05, price 1).',
      'Each agent judges effort by its long-run profit at the steady-state stock, e(pqS(E) − c), not by this period’s catch; that makes effort a linear congestion game.',
      'Agents revise one at a time, in a random order each period: a gradient step of size η on their own profit, or a random trial kept only if it pays more.',
      'The charge is τ* = bE*(N − 1)/N per unit of effort and is a transfer: welfare (total rent) does not subtract it.',
      'The quota caps each agent at E*/N; with identical agents a market for such quotas would clear at the price τ* with no trades, so the cap alone shows its outcome.',
    ],
    reproduces: {
      result:
        'Open access dissipates the whole resource rent; with N agents the Nash effort is N/(N+1) of the open-access effort, leaving 4N/(N+1)² of the maximum rent, and a charge equal to the marginal external cost restores the maximum',
      citation: {
        key: 'gordon1954',
        authors: 'H. Scott Gordon',
        year: 1954,
        title: 'The Economic Theory of a Common-Property Resource: The Fishery',
        url: 'https://www.jstor.org/stable/1825571',
      },
    },
    model: 'src/models/commons/renewable-resource.ts',
    tests: 'tests/models/commons/renewable-resource.test.ts',
  } satisfies SimAbout,
} as const;
