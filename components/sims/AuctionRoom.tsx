/**
 * The auction-room simulation (src/models/auctions): in the "bid" view the reader bids against
 * rivals who play the symmetric equilibrium, sees what each bid earns in expectation and runs
 * seeded auctions to tally what the bid actually earned; in the "revenue" view the seller's
 * expected revenue against the number of bidders and against the reserve, in closed form and by
 * simulation (revenue equivalence, Myerson's optimal reserve). A thin view over the model.
 *
 * Any parameter change restarts the tally and plays its first AUCTION_ROOM_WARMUP_ROUNDS auctions
 * at once (as the server render does); Reset goes back to zero auctions.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { bidPayoff, bidPayoffCurve, compareWithBestResponse } from '../../src/models/auctions/bidder-payoff.ts';
import {
  auctionRound,
  type BidderRoundResult,
  type BidderRoundsOptions,
} from '../../src/models/auctions/bidder-rounds.ts';
import { minimumBid, type AuctionFormat } from '../../src/models/auctions/equilibrium-bids.ts';
import { expectedRevenue, optimalReserve } from '../../src/models/auctions/expected-revenue.ts';
import { createRng } from '../../src/models/random.ts';
import { SimFrame, type SimData } from '../kit/SimFrame.tsx';
import { ControlGroup, ParamControl, ResetButton, SpeedSelect, StepButton } from '../kit/controls.tsx';
import { formatNumber as fmt } from '../kit/format.ts';
import { useAnimationLoop, usePrefersReducedMotion, useAutoplay } from '../kit/hooks.ts';
import { mergeProps, nextSeed, type ParamValues } from '../kit/params.ts';
import { useUrlState } from '../kit/url-state.ts';
import { useWorkerRun } from '../kit/worker.ts';
import {
  AUCTION_ROOM_WARMUP_ROUNDS,
  auctionRoomInfo,
  auctionRoomParams,
  auctionRoomRevenueAbout,
} from './auction-room.params.ts';
import {
  FULL_TRIALS,
  QUICK_TRIALS,
  REVENUE_BIDDERS,
  revenueByBidders,
  revenueByReserve,
  type RevenueEstimates,
  type RevenueInput,
  type RevenuePoint,
} from './auction-room.revenue.ts';
import { MarkedChart, type DotShape, type MarkedDots } from './marked-chart.tsx';

/** Every parameter of the auction room, set. */
export type AuctionRoomValues = ParamValues<typeof auctionRoomParams>;
type Values = AuctionRoomValues;

/** Props: each parameter as an optional initial value (`view` picks the bid or the revenue view), plus the common embed props. */
export type AuctionRoomProps = Partial<Values> & {
  /** Query-string key and id stem of this embed; default "auction-room". */
  readonly embedKey?: string;
  /** Same as embedKey (the name authors use). */
  readonly id?: string;
  /** Base URL of the repository's files, for the source links. */
  readonly repoUrl?: string;
  /** Start running auctions after hydration in the bid view (never when the reader prefers reduced motion); default false. */
  readonly autoplay?: boolean;
};

const FORMAT_NAMES: Readonly<Record<AuctionFormat, string>> = {
  'first-price': 'First-price',
  'second-price': 'Second-price',
  'all-pay': 'All-pay',
};
const FORMAT_ORDER: readonly AuctionFormat[] = ['first-price', 'second-price', 'all-pay'];
const FORMAT_SHAPES: Readonly<Record<AuctionFormat, DotShape>> = {
  'first-price': 'circle',
  'second-price': 'square',
  'all-pay': 'triangle',
};

/**
 * Returns `x` as a fraction p/q with q ≤ 12 when it is one to within 1e-6, else its decimal form:
 * "1/3", "5/12", "0.417". The tolerance admits numerical optima (a maximiser is only accurate to
 * about the square root of the rounding error) and no other fraction with q ≤ 12 is that close.
 */
export function asFraction(x: number): string {
  for (let q = 1; q <= 12; q++) {
    const p = Math.round(x * q);
    if (Math.abs(x - p / q) < 1e-6) return q === 1 ? String(p) : `${p}/${q}`;
  }
  return fmt(x);
}

// ---------------------------------------------------------------- the bid view's tally

type Means = { readonly you: number; readonly truthful: number; readonly equilibrium: number };
type Sample = Means & { readonly t: number };
/** The bid view's tally: the auctions run so far under one setting (`key`), their payoff sums, chart samples and the last auction. */
export type AuctionTally = {
  readonly key: string;
  readonly options: BidderRoundsOptions;
  readonly rounds: number;
  readonly sums: Means;
  readonly samples: readonly Sample[];
  readonly last: BidderRoundResult | null;
};

// Samples kept for the chart; beyond this, older samples are thinned to every other one.
const MAX_SAMPLES = 1200;

function thin(samples: readonly Sample[]): Sample[] {
  const out = samples.filter((_, i) => i % 2 === 0);
  const last = samples.at(-1);
  if (last && out.at(-1) !== last) out.push(last);
  return out;
}

/** Returns the tally after `steps` more auctions (one `auctionRound` each). */
export function advanceAuctionTally(tally: AuctionTally, steps: number): AuctionTally {
  let { rounds, sums, last } = tally;
  let samples = tally.samples.slice();
  for (let k = 0; k < steps; k++) {
    last = auctionRound(tally.options, rounds);
    rounds += 1;
    sums = {
      you: sums.you + last.you.payoff,
      truthful: sums.truthful + last.truthful.payoff,
      equilibrium: sums.equilibrium + last.equilibrium.payoff,
    };
    samples.push({
      t: rounds,
      you: sums.you / rounds,
      truthful: sums.truthful / rounds,
      equilibrium: sums.equilibrium / rounds,
    });
    if (samples.length > MAX_SAMPLES) samples = thin(samples);
  }
  return { ...tally, rounds, sums, samples, last };
}

/** Returns a new tally for `options` with its first `warmup` auctions run. */
export function startAuctionTally(options: BidderRoundsOptions, key: string, warmup: number): AuctionTally {
  const empty = { key, options, rounds: 0, sums: { you: 0, truthful: 0, equilibrium: 0 }, samples: [], last: null };
  return advanceAuctionTally(empty, warmup);
}

/** Returns the model options of the bid view's auctions for `values`. */
export function auctionRoundsOptions(values: Values): BidderRoundsOptions {
  const { format, bidders, reserve, value, bid, seed } = values;
  return { format, bidders, reserve, value, bid, seed };
}

/** The bid view's closed forms: expected payoffs of the reader's bid, of bidding the value and of the equilibrium bid (= best response). */
export type BidBenchmarks = {
  readonly you: number;
  readonly truthful: number;
  readonly equilibrium: number;
  readonly equilibriumPayoff: number;
  readonly bestResponse: number;
  readonly floor: number;
};

/** Returns the bid view's expected payoffs and best bids for `values`. */
export function bidBenchmarks(values: Values): BidBenchmarks {
  const { format, bidders: n, reserve: r, value: v, bid } = values;
  const best = compareWithBestResponse(format, v, n, r);
  return {
    you: bidPayoff(format, v, bid, n, r),
    truthful: bidPayoff(format, v, v, n, r),
    equilibrium: best.equilibrium,
    equilibriumPayoff: best.equilibriumPayoff,
    bestResponse: best.bestResponse,
    floor: minimumBid(format, n, r),
  };
}

function lastAuctionText(last: BidderRoundResult, floor: number): string {
  const rivals =
    last.topRivalBid === -Infinity ? 'every rival stayed out' : `the highest rival bid was ${fmt(last.topRivalBid)}`;
  const { you } = last;
  let mine: string;
  if (you.bid < floor) mine = 'your bid was below the lowest accepted bid';
  else if (you.won) mine = `you won and paid ${fmt(you.payment)}`;
  else mine = you.payment > 0 ? `you lost and paid ${fmt(you.payment)}` : 'you lost';
  return `Last auction: ${rivals}; ${mine}.`;
}

/** Returns the bid view's caption: the setting, what the reader's bid earns against the best bid (with the published result), and the tally so far. */
export function auctionBidCaption(values: Values, b: BidBenchmarks, tally: AuctionTally): string {
  const { format, bidders: n, reserve: r, value: v, bid } = values;
  const setting = `${FORMAT_NAMES[format]} auction, ${n} bidders, ${r > 0 ? `reserve ${fmt(r)}` : 'no reserve'}`;
  const head = `${setting}. With value ${fmt(v)}, your bid of ${fmt(bid)} earns ${fmt(b.you)} per auction on average`;
  let best: string;
  if (v < r) {
    best = `your value is below the reserve, so the best is not to win: any bid below ${fmt(b.floor)} earns 0`;
  } else if (format === 'second-price') {
    best = `the best bid is your value, ${fmt(v)}, earning ${fmt(b.truthful)}: in a second-price auction bidding your value is optimal whatever the others bid (Vickrey 1961)`;
  } else {
    const shade =
      format === 'first-price' && r === 0
        ? n === 2
          ? ', half your value as Vickrey (1961) found for two bidders'
          : `, (n − 1)v/n`
        : '';
    best = `the best bid is the equilibrium bid ${fmt(b.equilibrium)}${shade}, earning ${fmt(b.equilibriumPayoff)}, while bidding your value earns ${fmt(b.truthful)}`;
  }
  let run: string;
  if (tally.rounds === 0) run = 'Run auctions to tally what your bid actually earns.';
  else {
    const m = (s: number) => fmt(s / tally.rounds);
    const others =
      format === 'second-price'
        ? `a truthful bidder ${m(tally.sums.truthful)}`
        : `a truthful bidder ${m(tally.sums.truthful)} and an equilibrium bidder ${m(tally.sums.equilibrium)}`;
    run = `Over ${tally.rounds} ${tally.rounds === 1 ? 'auction' : 'auctions'} you averaged ${m(tally.sums.you)}, ${others}.`;
    if (tally.last) run += ` ${lastAuctionText(tally.last, b.floor)}`;
  }
  return `${head}; ${best}. ${run}`;
}

// ---------------------------------------------------------------- the revenue view

/** Returns the revenue view's caption: revenue equivalence at the chosen reserve, and the optimal reserve for the chosen number of bidders, with the published values. */
export function auctionRevenueCaption(
  values: Values,
  byBidders: readonly RevenuePoint[],
  trials: number,
  rStar: number,
): string {
  const { bidders: n, reserve: r } = values;
  const at2 = expectedRevenue(2, r);
  const sims = FORMAT_ORDER.map((f) => {
    const p = byBidders.find((q) => q.format === f && q.x === 2);
    return `${FORMAT_NAMES[f].toLowerCase()} ${p ? fmt(p.revenue) : '–'}`;
  }).join(', ');
  const equiv =
    r === 0
      ? `With no reserve the three formats raise the same expected revenue for every number of bidders, (n − 1)/(n + 1): ${asFraction(at2)} with two bidders (Vickrey 1961)`
      : `With reserve ${fmt(r)} the three formats raise the same expected revenue for every number of bidders: ${asFraction(at2)} with two`;
  const mc = `simulating ${trials.toLocaleString('en-US')} auctions per point gives ${sims}.`;
  const top = expectedRevenue(n, rStar);
  const zero = expectedRevenue(n, 0);
  const mine =
    r > 0 && Math.abs(r - rStar) > 1e-6 ? ` Your reserve ${fmt(r)} raises ${fmt(expectedRevenue(n, r))}.` : '';
  const optimum = `With ${n} bidders revenue rises with the reserve up to r = ${asFraction(rStar)}, where it reaches ${asFraction(top)}${asFraction(top).includes('/') ? ` ≈ ${fmt(top)}` : ''} against ${asFraction(zero)} at r = 0, then falls (Myerson 1981).${mine}`;
  return `${equiv}; ${mc} ${optimum}`;
}

function dotsOf(points: readonly RevenuePoint[]): MarkedDots[] {
  return FORMAT_ORDER.map((f, k) => ({
    label: `${FORMAT_NAMES[f]} (simulated)`,
    points: points.filter((p) => p.format === f).map((p) => ({ x: p.x, y: p.revenue })),
    color: k + 1,
    shape: FORMAT_SHAPES[f],
    // The three formats' points coincide (that is the theorem): set them side by side.
    offset: (k - 1) * 6,
  }));
}

const RESERVE_GRID: readonly number[] = Array.from({ length: 101 }, (_, i) => i / 100);

const createRevenueWorker = () => new Worker(new URL('./auction-room.worker.ts', import.meta.url), { type: 'module' });

/** Renders the auction room: the bid view (payoff of each bid, tally of auctions) or the revenue view (revenue against bidders and reserve). */
export function AuctionRoom(props: AuctionRoomProps) {
  const embedKey = props.embedKey ?? props.id ?? auctionRoomInfo.name;
  const [initial] = useState(() => mergeProps(auctionRoomParams, props));
  const url = useUrlState(embedKey, auctionRoomParams, initial);
  const values = url.values;
  const { view, format, bidders, reserve, value, bid, seed } = values;
  const base = `sim-${embedKey}`;
  const disabled = !url.hydrated;

  // ---- bid view state: the tally is derived from the parameters; a new key restarts it in render.
  const key = `${format}|${bidders}|${reserve}|${value}|${bid}|${seed}`;
  const tallyRef = useRef<AuctionTally | null>(null);
  if (view === 'bid' && (!tallyRef.current || tallyRef.current.key !== key))
    tallyRef.current = startAuctionTally(auctionRoundsOptions(values), key, AUCTION_ROOM_WARMUP_ROUNDS);
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [running, setRunning] = useState(false);
  const [speed, setSpeed] = useState(20);
  const reducedMotion = usePrefersReducedMotion();
  const step = useCallback((n: number) => {
    if (tallyRef.current) tallyRef.current = advanceAuctionTally(tallyRef.current, n);
    redraw(0);
  }, []);
  useAnimationLoop(step, { running: running && view === 'bid', speed, reducedMotion });
  useAutoplay(props.autoplay, reducedMotion, () => setRunning(true), () => setRunning(false));
  useEffect(() => {
    if (view !== 'bid') setRunning(false);
  }, [view]);

  // ---- revenue view state: quick estimates in render, a long run in a worker.
  const job = useWorkerRun<RevenueInput, RevenueEstimates>(createRevenueWorker);
  const full = job.result && job.result.seed === seed ? job.result : undefined;
  const fullBidders = full && full.reserve === reserve ? full.byBidders : undefined;
  const fullReserve = full && full.bidders === bidders ? full.byReserve : undefined;
  const quickBidders = useMemo(
    () => (view === 'revenue' && !fullBidders ? revenueByBidders(reserve, seed, QUICK_TRIALS) : []),
    [view, reserve, seed, fullBidders],
  );
  const quickReserve = useMemo(
    () => (view === 'revenue' && !fullReserve ? revenueByReserve(bidders, seed, QUICK_TRIALS) : []),
    [view, bidders, seed, fullReserve],
  );

  const set = (name: keyof Values & string) => (v: number | string | boolean) => url.set(name, v as never);
  const param = (name: keyof Values & string) => (
    <ParamControl
      key={name}
      id={`${base}-${name}`}
      spec={auctionRoomParams[name]}
      value={values[name]}
      onChange={set(name)}
      disabled={disabled}
    />
  );
  const viewGroup = <ControlGroup legend="View">{param('view')}</ControlGroup>;

  if (view === 'revenue') {
    const byBidders = fullBidders ?? quickBidders;
    const byReserve = fullReserve ?? quickReserve;
    const rStar = optimalReserve(bidders);
    const top = expectedRevenue(bidders, rStar);
    const zero = expectedRevenue(bidders, 0);
    const at2 = expectedRevenue(2, reserve);
    const closedN = REVENUE_BIDDERS.map((n) => expectedRevenue(n, reserve));
    const closedR = RESERVE_GRID.map((r) => expectedRevenue(bidders, r));
    const trialsN = fullBidders ? FULL_TRIALS : QUICK_TRIALS;
    const trialsR = fullReserve ? FULL_TRIALS : QUICK_TRIALS;
    const simulating = job.status === 'running';
    const controls = (
      <>
        {viewGroup}
        <ControlGroup legend="Seller">
          {param('bidders')}
          {param('reserve')}
          {param('seed')}
        </ControlGroup>
        <ControlGroup legend="Monte Carlo">
          <button
            type="button"
            class="sim-button"
            disabled={disabled || simulating}
            onClick={() => job.run({ reserve, bidders, seed, trials: FULL_TRIALS })}
          >
            Simulate {FULL_TRIALS.toLocaleString('en-US')} auctions per point
          </button>
          <button type="button" class="sim-button" disabled={disabled || !simulating} onClick={job.cancel}>
            Cancel
          </button>
          <div class="sim-field">
            <label for={`${base}-progress`}>Progress</label>
            <progress id={`${base}-progress`} max={1} value={job.progress} />
          </div>
          <p class="sim-action-status" role="status">
            {job.status === 'running'
              ? `Simulating: ${Math.round(job.progress * 100)}%`
              : job.status === 'cancelled'
                ? 'Cancelled.'
                : job.status === 'error'
                  ? `The simulation failed: ${job.error ?? 'unknown error'}`
                  : job.status === 'done'
                    ? 'Done.'
                    : ''}
          </p>
        </ControlGroup>
      </>
    );
    const data = (): SimData => ({
      columns: ['chart', 'x', 'series', 'expected revenue'],
      rows: [
        ...REVENUE_BIDDERS.map((n, i) => ['by bidders', n, 'closed form', closedN[i]!]),
        ...byBidders.map((p) => ['by bidders', p.x, `${p.format} (${trialsN} auctions)`, p.revenue]),
        ...RESERVE_GRID.map((r, i) => ['by reserve', r, 'closed form', closedR[i]!]),
        ...byReserve.map((p) => ['by reserve', p.x, `${p.format} (${trialsR} auctions)`, p.revenue]),
      ],
    });
    return (
      <SimFrame
        embedKey={embedKey}
        title={`${auctionRoomInfo.title}: the seller’s expected revenue`}
        caption={auctionRevenueCaption(values, byBidders, trialsN, rStar)}
        notice={url.notice}
        onDismissNotice={url.dismissNotice}
        controls={controls}
        data={data}
        link={url.link}
        about={auctionRoomRevenueAbout}
        {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
      >
        <MarkedChart
          title={`Revenue against the number of bidders${reserve > 0 ? ` (reserve ${fmt(reserve)})` : ''}`}
          curves={[{ label: 'Closed form, every format', x: REVENUE_BIDDERS, y: closedN, color: 0 }]}
          dots={dotsOf(byBidders)}
          points={[{ x: 2, y: at2, label: `${asFraction(at2)} at n = 2` }]}
          xDomain={[1, 10]}
          yDomain={[0, 1]}
          xLabel="Bidders n"
          yLabel="Expected revenue"
          summary={`Expected revenue of the first-price, second-price and all-pay auctions for 1 to 10 bidders${reserve > 0 ? ` with reserve ${fmt(reserve)}` : ''}: one closed-form curve, from ${fmt(closedN[0]!)} to ${fmt(closedN.at(-1)!)}, with the simulated points of all three formats on it; ${asFraction(at2)} at two bidders.`}
        />
        <MarkedChart
          title={`Revenue against the reserve price (${bidders} bidders)`}
          curves={[{ label: 'Closed form, every format', x: RESERVE_GRID, y: closedR, color: 0 }]}
          dots={dotsOf(byReserve)}
          verticals={[
            { x: rStar, label: `optimal reserve ${asFraction(rStar)}: revenue ${asFraction(top)}` },
            ...(reserve > 0 && Math.abs(reserve - rStar) > 1e-6
              ? [{ x: reserve, label: `your reserve ${fmt(reserve)}`, color: 3 }]
              : []),
          ]}
          points={[
            { x: rStar, y: top },
            { x: 0, y: zero, label: `${asFraction(zero)} at r = 0` },
          ]}
          xDomain={[0, 1]}
          xLabel="Reserve price r"
          yLabel="Expected revenue"
          summary={`Expected revenue with ${bidders} bidders against the reserve price: ${asFraction(zero)} at r = 0, rising to a maximum of ${asFraction(top)} at r = ${asFraction(rStar)}, then falling to 0 at r = 1; the simulated points of all three formats lie on the curve.`}
        />
      </SimFrame>
    );
  }

  // ---- the bid view
  const tally = tallyRef.current!;
  const b = bidBenchmarks(values);
  const curve = bidPayoffCurve(format, value, bidders, reserve, 201);
  const second = format === 'second-price';
  const truthLabel = second && value >= reserve ? `truthful = best bid ${fmt(value)}` : `truthful ${fmt(value)}`;
  // The numerical best response should sit on the equilibrium bid; if it ever did not, both show.
  const agree = Math.abs(b.bestResponse - b.equilibrium) < 0.005;
  const best =
    value < reserve
      ? [{ x: b.equilibrium, label: 'best: stay out' }]
      : second
        ? []
        : agree
          ? [{ x: b.equilibrium, label: `best response = equilibrium ${fmt(b.equilibrium)}` }]
          : [
              { x: b.equilibrium, label: `equilibrium ${fmt(b.equilibrium)}` },
              { x: b.bestResponse, label: `best response ${fmt(b.bestResponse)}` },
            ];
  const verticals = [
    { x: value, label: truthLabel, color: 2 },
    ...best,
    { x: bid, label: `your bid ${fmt(bid)}: ${fmt(b.you)}`, color: 1 },
  ];
  const ts = tally.samples.map((s) => s.t);
  const series = second
    ? [
        { label: `Your bid ${fmt(bid)}`, values: tally.samples.map((s) => s.you) },
        { label: 'Truthful = equilibrium', values: tally.samples.map((s) => s.truthful) },
      ]
    : [
        { label: `Your bid ${fmt(bid)}`, values: tally.samples.map((s) => s.you) },
        { label: 'Truthful', values: tally.samples.map((s) => s.truthful) },
        { label: 'Equilibrium', values: tally.samples.map((s) => s.equilibrium) },
      ];
  const references = second
    ? [
        { value: b.you, label: `you ${fmt(b.you, 2)}` },
        { value: b.truthful, label: `truthful ${fmt(b.truthful, 2)}` },
      ]
    : [
        { value: b.you, label: `you ${fmt(b.you, 2)}` },
        { value: b.truthful, label: `truthful ${fmt(b.truthful, 2)}` },
        { value: b.equilibriumPayoff, label: `equil. ${fmt(b.equilibriumPayoff, 2)}` },
      ];

  const drawValue = () => {
    const next = nextSeed(seed);
    url.setAll({ ...values, seed: next, value: Math.round(createRng(next)() * 100) / 100 });
  };
  const controls = (
    <>
      {viewGroup}
      <ControlGroup legend="Your auction">
        {param('format')}
        {param('bidders')}
        {param('reserve')}
        {param('value')}
        <button type="button" class="sim-button" onClick={drawValue} disabled={disabled}>
          Draw a value (new seed)
        </button>
        {param('bid')}
      </ControlGroup>
      <ControlGroup legend="Run auctions">
        <button type="button" class="sim-button sim-play" onClick={() => setRunning((r) => !r)} disabled={disabled}>
          <span aria-hidden="true">{running ? '❚❚' : '▶'}</span> {running ? 'Pause' : 'Run auctions'}
        </button>
        <StepButton onStep={() => step(1)} label="One auction" disabled={disabled} />
        <ResetButton
          onReset={() => {
            tallyRef.current = startAuctionTally(auctionRoundsOptions(values), key, 0);
            redraw(0);
          }}
          disabled={disabled}
        />
        <SpeedSelect id={`${base}-speed`} value={speed} onChange={setSpeed} disabled={disabled} />
        {param('seed')}
      </ControlGroup>
    </>
  );
  const data = (): SimData => ({
    columns: ['chart', 'x', 'series', 'payoff'],
    rows: [
      ...curve.bids.map((x, i) => ['expected payoff of each bid', x, 'expected payoff', curve.payoffs[i]!]),
      ...tally.samples.flatMap((s) => [
        ['mean payoff per auction', s.t, 'your bid', s.you],
        ['mean payoff per auction', s.t, 'truthful', s.truthful],
        ['mean payoff per auction', s.t, 'equilibrium', s.equilibrium],
      ]),
    ],
  });
  return (
    <SimFrame
      embedKey={embedKey}
      title={`${auctionRoomInfo.title}: your bid against equilibrium rivals`}
      caption={auctionBidCaption(values, b, tally)}
      notice={url.notice}
      onDismissNotice={url.dismissNotice}
      controls={controls}
      data={data}
      link={url.link}
      about={auctionRoomInfo.about}
      {...(props.repoUrl === undefined ? {} : { repoUrl: props.repoUrl })}
    >
      <MarkedChart
        title="Expected payoff of each bid"
        curves={[{ label: 'Expected payoff', x: curve.bids, y: curve.payoffs, color: 0 }]}
        verticals={verticals}
        points={[{ x: bid, y: b.you, color: 1 }]}
        xDomain={[0, 1]}
        xLabel="Your bid b"
        yLabel="Expected payoff"
        summary={`Expected payoff against ${bidders - 1} equilibrium ${bidders === 2 ? 'rival' : 'rivals'} for bids from 0 to 1 with value ${fmt(value)}: your bid ${fmt(bid)} earns ${fmt(b.you)}, the best bid ${fmt(b.equilibrium)} earns ${fmt(b.equilibriumPayoff)}, bidding your value earns ${fmt(b.truthful)}.`}
      />
      <MarkedChart
        title="Average payoff per auction so far"
        curves={series.map((c, k) => ({ label: c.label, x: ts, y: c.values, color: k, dash: k }))}
        references={references}
        {...(ts.length === 0 ? { xDomain: [0, 1] as const } : {})}
        xLabel="Auctions run"
        yLabel="Mean payoff"
        summary={
          tally.rounds === 0
            ? 'No auctions run yet.'
            : `Mean realised payoff over ${tally.rounds} auctions: yours ${fmt(tally.sums.you / tally.rounds)} (expected ${fmt(b.you)}), truthful ${fmt(tally.sums.truthful / tally.rounds)} (expected ${fmt(b.truthful)}).`
        }
      />
    </SimFrame>
  );
}

export default AuctionRoom;
