/**
 * The parameters and the description of the vcg-public-project simulation, shared by the
 * component, its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

const value = (k: number, initial: number) =>
  ({ kind: 'number', label: `Value of agent ${k}`, min: -200, max: 400, step: 5, default: initial }) as const;

/** The simulation's parameters: agents, cost, each agent's value (only the first `agents` are used), and the lie to try. */
export const vcgPublicProjectParams = {
  agents: { kind: 'integer', label: 'Agents', min: 3, max: 5, step: 1, default: 3 },
  cost: { kind: 'number', label: 'Project cost', min: 0, max: 600, step: 10, default: 300, unit: 'shared equally' },
  value1: value(1, 250),
  value2: value(2, 60),
  value3: value(3, 20),
  value4: value(4, 150),
  value5: value(5, -50),
  liar: { kind: 'integer', label: 'Agent who lies', min: 1, max: 5, step: 1, default: 2 },
  report: { kind: 'number', label: 'Its reported value', min: -400, max: 800, step: 5, default: 0 },
} as const satisfies ParamSpecs;

/** Name, title, one-line description and the "About this model" content. */
export const vcgPublicProjectInfo = {
  name: 'vcg-public-project',
  title: 'Paying for a public project with the Clarke tax',
  description:
    'Three to five neighbours decide on a shared project under the VCG mechanism: see who is pivotal, what each pays, the budget surplus, and why no lie about one’s value pays.',
  about: {
    summary:
      'Each agent reports how much the project is worth to it; the cost is split equally. The mechanism builds the project when the reported net values sum above zero and charges each agent the Clarke pivot tax: the loss its report imposes on the others by changing the decision.',
    assumptions: [
      'Utilities are quasi-linear: an agent’s utility is its value minus its cost share if the project is built, minus any tax, and 0 minus any tax if not.',
      'The cost is split equally among the agents; values may be negative (an agent who would rather not have the project).',
      'The project is built when the sum of reported net values (value minus share) is positive; a tie means no project.',
      'Clarke pivot tax: the others’ best total net value without the agent minus their total under the chosen decision; it is positive only for pivotal agents, whose report changes the decision.',
      'The liar alone misreports; the others report truthfully. Utility is always scored at the liar’s true value.',
    ],
    reproduces: {
      result:
        'Under the Clarke pivot rule truth-telling is a dominant strategy: no report earns an agent more than its true value does, and the taxes leave a budget surplus that cannot be returned without spoiling the incentives',
      citation: {
        key: 'groves1973',
        authors: 'Theodore Groves',
        year: 1973,
        title: 'Incentives in Teams',
        url: 'https://www.econometricsociety.org/publications/econometrica/1973/07/01/incentives-teams',
      },
    },
    model: 'src/models/mechanisms/public-project-lies.ts',
    tests: 'tests/models/mechanisms/public-project-lies.test.ts',
  } satisfies SimAbout,
} as const;
