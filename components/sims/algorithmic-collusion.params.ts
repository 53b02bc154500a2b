/**
 * The parameters and the description of the algorithmic-collusion simulation, shared by the
 * component, its URL state, its worker and the registry (no zod, no Preact: safe for the browser,
 * a worker and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/**
 * The simulation's parameters; the defaults are Calvano et al.'s baseline (the market, the
 * 15-price grid and the convergence rule are fixed at their baseline in the model).
 */
export const algorithmicCollusionParams = {
  seed: { kind: 'seed', label: 'Seed', default: 0 },
  alpha: { kind: 'number', label: 'Learning rate α', min: 0.025, max: 0.25, step: 0.025, default: 0.15 },
  beta: {
    kind: 'select',
    label: 'Exploration decay β',
    options: [
      { value: '1e-6', label: '1 × 10⁻⁶ (slow: about 5 to 6.5 million periods)' },
      { value: '2e-6', label: '2 × 10⁻⁶ (about 2.5 to 4.5 million)' },
      { value: '4e-6', label: '4 × 10⁻⁶ (baseline: about 1.5 to 2.5 million)' },
      { value: '1e-5', label: '1 × 10⁻⁵ (about 1 million)' },
      { value: '2e-5', label: '2 × 10⁻⁵ (fast: about half a million)' },
    ],
    default: '4e-6',
  },
  delta: { kind: 'number', label: 'Discount factor δ', min: 0, max: 0.99, step: 0.01, default: 0.95 },
} as const satisfies ParamSpecs;

/** Periods per chunk of the worker's run: one point of the price chart each. */
export const COLLUSION_CHUNK = 20_000;

/** Profit gain Calvano et al. report on average at their baseline. */
export const PAPER_PROFIT_GAIN = 0.85;

/** Name, title, one-line description and the "About this model" content. */
export const algorithmicCollusionInfo = {
  name: 'algorithmic-collusion',
  title: 'Two Q-learning pricing algorithms learn to collude',
  description:
    'Two Q-learning firms set prices in a logit duopoly; after about two million periods they charge well above the competitive price and punish a price cut, as in Calvano et al. (2020).',
  about: {
    summary:
      'Two firms sell differentiated products to logit consumers. Each firm’s pricing program is a Q-learner that sees only last period’s pair of prices and learns by trial and error which price pays, counting future profit at the discount factor δ. Nobody tells the programs to collude and they never communicate.',
    assumptions: [
      'Logit demand with an outside good: quality 2, marginal cost 1, outside quality 0, differentiation μ = 1/4; the one-shot Nash price is about 1.473 and the joint-profit (monopoly) price about 1.925.',
      'Each firm chooses among 15 evenly spaced prices from 0.1·(p_M − p_N) below the Nash price to as far above the monopoly price.',
      'The state is last period’s price pair (225 states); Q-values start at the discounted profit against a uniformly random rival.',
      'Exploration: each period each firm picks a random price with probability ε_t = e^(−βt), otherwise its greedy price; the Q update is Q ← (1 − α)Q + α(π + δ·max Q′).',
      'A run stops when neither firm’s greedy strategy has changed for 100,000 periods (or after 10 million periods); the prices shown over time are averages over 20,000-period chunks, exploration included.',
      'The forced price cut makes one firm play, for one period, the price that maximises that period’s profit against the rival’s price; afterwards both follow their learned strategies.',
    ],
    reproduces: {
      result:
        'At the baseline (α = 0.15, β = 4 × 10⁻⁶, δ = 0.95) the Q-learners converge to prices well above the Nash price, with an average profit gain Δ = (π̄ − π_N)/(π_M − π_N) of about 0.85, sustained by strategies that punish a price cut and then return to the high prices',
      citation: {
        key: 'calvano2020',
        authors: 'Emilio Calvano, Giacomo Calzolari, Vincenzo Denicolò, Sergio Pastorello',
        year: 2020,
        title: 'Artificial Intelligence, Algorithmic Pricing, and Collusion',
        url: 'https://doi.org/10.1257/aer.20190623',
      },
    },
    model: 'src/models/learning/q-pricing.ts',
    tests: 'tests/models/learning/q-pricing.test.ts',
  } satisfies SimAbout,
} as const;
