/**
 * The parameters and the description of the auction-room simulation, shared by the component, its
 * URL state and the registry (no zod, no Preact: safe for both the browser and Node).
 */
import type { ParamSpecs } from '../kit/params.ts';
import type { SimAbout } from '../kit/SimFrame.tsx';

/** The simulation's parameters; values are iid U[0, 1] and the rivals play the symmetric equilibrium. */
export const auctionRoomParams = {
  view: {
    kind: 'select',
    label: 'Show',
    options: [
      { value: 'bid', label: 'Your bid against equilibrium rivals' },
      { value: 'revenue', label: 'The seller’s expected revenue' },
    ],
    default: 'bid',
  },
  format: {
    kind: 'select',
    label: 'Auction format',
    options: [
      { value: 'second-price', label: 'Second price (Vickrey)' },
      { value: 'first-price', label: 'First price' },
      { value: 'all-pay', label: 'All-pay' },
    ],
    default: 'second-price',
  },
  bidders: { kind: 'integer', label: 'Bidders n', min: 2, max: 10, step: 1, default: 2, unit: 'you included' },
  reserve: { kind: 'number', label: 'Reserve price r', min: 0, max: 0.9, step: 0.05, default: 0 },
  value: { kind: 'number', label: 'Your value v', min: 0, max: 1, step: 0.01, default: 0.7 },
  bid: { kind: 'number', label: 'Your bid b', min: 0, max: 1, step: 0.01, default: 0.5 },
  seed: { kind: 'seed', label: 'Seed', default: 1 },
} as const satisfies ParamSpecs;

/** Auctions run at once before the first render, so the static figure already shows a tally. */
export const AUCTION_ROOM_WARMUP_ROUNDS = 200;

const assumptions = [
  'One item; n risk-neutral bidders whose values are drawn independently from the uniform distribution on [0, 1].',
  'Sealed bids. First price: the winner pays its bid. Second price: the winner pays the highest other bid, at least the reserve. All-pay: every bidder pays its bid, win or lose.',
  'Bidders with values below the reserve r stay out; a bid below the lowest accepted bid (r, or rⁿ in an all-pay auction) is rejected and pays nothing.',
  'Your rivals play the symmetric equilibrium: first price v − (vⁿ − rⁿ)/(n·vⁿ⁻¹), all-pay ((n − 1)vⁿ + rⁿ)/n, second price their value.',
  'Expected payoffs and revenues are closed forms; the dots and tallies are seeded Monte Carlo draws of the same auctions.',
] as const;

/** Name, title, one-line description and the "About this model" content (the bid view's). */
export const auctionRoomInfo = {
  name: 'auction-room',
  title: 'The auction room',
  description:
    'Bid against rivals who play the equilibrium of a first-price, second-price or all-pay auction, then watch the seller’s revenue: the same in every format, highest with a reserve of 1/2.',
  about: {
    summary:
      'You hold a private value for one item and choose a bid; the chart shows what each bid earns on average against rivals who bid as the equilibrium prescribes, and the auctions you run tally what it actually earned.',
    assumptions,
    reproduces: {
      result:
        'In a second-price auction bidding your value is optimal whatever the others do; in a first-price auction with two bidders the equilibrium bid is v/2; both raise the same expected revenue, 1/3 with two bidders',
      citation: {
        key: 'vickrey1961',
        authors: 'William Vickrey',
        year: 1961,
        title: 'Counterspeculation, Auctions, and Competitive Sealed Tenders',
        url: 'https://www.jstor.org/stable/2977633',
      },
    },
    model: 'src/models/auctions/bidder-payoff.ts',
    tests: 'tests/models/auctions/equilibrium-bids.test.ts',
  } satisfies SimAbout,
} as const;

/** The "About this model" content of the revenue view, which reproduces Myerson's optimal reserve. */
export const auctionRoomRevenueAbout = {
  summary:
    'The seller’s expected revenue for each format, in closed form and by simulation, first against the number of bidders and then against the reserve price.',
  assumptions,
  reproduces: {
    result:
      'Every standard format raises the same expected revenue, (n − 1)/(n + 1) without a reserve (1/3 with two bidders); the revenue-maximising reserve is 1/2 whatever the number of bidders, raising 5/12 with two',
    citation: {
      key: 'myerson1981',
      authors: 'Roger B. Myerson',
      year: 1981,
      title: 'Optimal Auction Design',
      url: 'https://doi.org/10.1287/moor.6.1.58',
    },
  },
  model: 'src/models/auctions/expected-revenue.ts',
  tests: 'tests/models/auctions/revenue.test.ts',
} as const satisfies SimAbout;
