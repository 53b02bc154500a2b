/**
 * The parameters and the description of the externality-market simulation, shared by the
 * component, its URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters; demand P = 100 − Q and marginal private cost 10 + Q are fixed. */
export const externalityMarketParams = {
  damage: { kind: 'number', label: 'Marginal external damage d', min: 0, max: 40, step: 1, default: 20, unit: 'per unit' },
  damageSlope: { kind: 'number', label: 'Damage growth ε (MED = d + εQ)', min: 0, max: 1, step: 0.1, default: 0 },
  tax: { kind: 'number', label: 'Tax per unit t', min: 0, max: 60, step: 0.5, default: 0, unit: 'per unit' },
} as const satisfies ParamSpecs;

/** The fixed lines: demand P = 100 − Q, marginal private cost 10 + Q. */
export const externalityMarketFixed = { demandIntercept: 100, demandSlope: 1, costIntercept: 10, costSlope: 1 } as const;

/** Name, title, one-line description and the "About this model" content. */
export const externalityMarketInfo = {
  name: 'externality-market',
  title: 'A market with an external cost, and the Pigouvian tax',
  description:
    'Buyers and sellers ignore the harm their trades do to others: the market overproduces, losing the deadweight-loss triangle, until a tax equal to the marginal damage restores the optimum.',
  about: {
    summary:
      'A competitive market in which every unit produced also does damage to third parties that neither buyer nor seller pays for. The market trades where demand meets the sellers’ own (private) cost; society would stop where demand meets the private cost plus the damage.',
    assumptions: [
      'Linear demand P = 100 − Q (the buyers’ marginal benefit) and supply at marginal private cost MPC = 10 + Q.',
      'Each unit does marginal external damage MED = d + εQ to people outside the market; the marginal social cost is MSC = MPC + MED.',
      'A per-unit tax t raises the sellers’ cost to MPC + t; the tax is a transfer, so welfare counts its revenue.',
      'Welfare is consumer surplus plus producer surplus plus tax revenue minus the total external damage; the deadweight loss is the welfare lost against the optimum.',
    ],
    reproduces: {
      result:
        'The competitive market overproduces when output harms others, and a tax per unit equal to the marginal external damage at the optimum makes the market choose the optimal quantity, removing the deadweight loss',
      citation: {
        key: 'pigou1920',
        authors: 'Arthur Cecil Pigou',
        year: 1920,
        title: 'The Economics of Welfare',
        url: 'https://www.econlib.org/library/NPDBooks/Pigou/pgEW0.html',
      },
    },
    model: 'src/models/commons/externality-market.ts',
    tests: 'tests/models/commons/externality-market.test.ts',
  } satisfies SimAbout,
} as const;
