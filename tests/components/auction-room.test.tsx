// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { defineSimulation } from '../../components/registry.ts';
import {
  AuctionRoom,
  asFraction,
  auctionBidCaption,
  auctionRoundsOptions,
  bidBenchmarks,
  startAuctionTally,
  type AuctionRoomValues,
} from '../../components/sims/AuctionRoom.tsx';
import {
  auctionRoomInfo,
  auctionRoomParams,
  auctionRoomRevenueAbout,
} from '../../components/sims/auction-room.params.ts';
import {
  estimateRevenue,
  revenueByBidders,
  revenueByReserve,
  type RevenueInput,
} from '../../components/sims/auction-room.revenue.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { formatNumber } from '../../components/kit/format.ts';
import { defaultsOf, nextSeed } from '../../components/kit/params.ts';
import type { FromWorker } from '../../components/kit/serve-worker.ts';
import { meanRoundPayoffs } from '../../src/models/auctions/bidder-rounds.ts';
import { createRng } from '../../src/models/random.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
const defaults = (): AuctionRoomValues => defaultsOf(auctionRoomParams);

let frames: FrameRequestCallback[] = [];
function stubAnimationFrames() {
  frames = [];
  vi.stubGlobal('requestAnimationFrame', (cb: FrameRequestCallback) => frames.push(cb));
  vi.stubGlobal('cancelAnimationFrame', () => {
    frames = [];
  });
}
function runFrame(now: number) {
  const due = frames;
  frames = [];
  act(() => {
    for (const cb of due) cb(now);
  });
}

/** A stand-in Worker: records what the page posts; the test answers as auction-room.worker.ts would. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly url: string;
  readonly posted: { type: string; id: number; input?: RevenueInput }[] = [];
  terminated = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();
  constructor(url: URL | string) {
    this.url = String(url);
    FakeWorker.made.push(this);
  }
  addEventListener(type: string, listener: (event: Event) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener() {}
  postMessage(message: { type: string; id: number; input?: RevenueInput }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: FromWorker<unknown>) {
    act(() => {
      for (const l of this.listeners.get('message') ?? []) l(new MessageEvent('message', { data: message }));
    });
  }
}

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/vickrey-auction/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('AuctionRoom server render, bid view', () => {
  test('the default render draws the payoff curve and 200 auctions, and the caption gives the closed forms and the tally', () => {
    const html = renderToString(<AuctionRoom />);
    // The payoff curve plus the tally's two lines (yours, truthful = equilibrium).
    expect(html.match(/<path class="sim-line" d="M[\d.-]+,[\d.-]+L/g)).toHaveLength(3);
    // Second price, two bidders, value 0.7: bidding b earns 0.7b − b²/2, so 0.225 at b = 0.5 and
    // the maximum 0.245 at b = v (Vickrey 1961).
    const mean = meanRoundPayoffs(auctionRoundsOptions(defaults()), 200);
    expect(html).toContain(
      'Second-price auction, 2 bidders, no reserve. With value 0.7, your bid of 0.5 earns 0.225 per auction on average; the best bid is your value, 0.7, earning 0.245: in a second-price auction bidding your value is optimal whatever the others bid (Vickrey 1961).',
    );
    expect(html).toContain(
      `Over 200 auctions you averaged ${formatNumber(mean.you)}, a truthful bidder ${formatNumber(mean.truthful)}. Last auction: `,
    );
    expect(html).toContain('truthful = best bid 0.7</text>');
    expect(html).toContain('your bid 0.5: 0.225</text>');
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('a first-price embed marks the equilibrium bid v/2 and says bidding the value earns nothing', () => {
    const html = renderToString(<AuctionRoom format="first-price" embedKey="fp" />);
    // Two bidders, first price: the equilibrium bid is v/2 = 0.35, earning (0.7 − 0.35)·0.7 = 0.245.
    expect(html).toContain(
      'the best bid is the equilibrium bid 0.35, half your value as Vickrey (1961) found for two bidders, earning 0.245, while bidding your value earns 0',
    );
    // The numerical best response to equilibrium rivals lands on the equilibrium bid.
    expect(html).toContain('best response = equilibrium 0.35</text>');
    expect(html).toContain('id="sim-fp"');
  });

  test('auctionBidCaption says when the value is below the reserve, and the start of a fresh tally', () => {
    const values = { ...defaults(), reserve: 0.8, value: 0.6, bid: 0.5 };
    const text = auctionBidCaption(
      values,
      bidBenchmarks(values),
      startAuctionTally(auctionRoundsOptions(values), 'k', 0),
    );
    expect(text).toBe(
      'Second-price auction, 2 bidders, reserve 0.8. With value 0.6, your bid of 0.5 earns 0 per auction on average; your value is below the reserve, so the best is not to win: any bid below 0.8 earns 0. Run auctions to tally what your bid actually earns.',
    );
  });
});

describe('AuctionRoom server render, revenue view', () => {
  test('the revenue view shows revenue equivalence (1/3 at n = 2) and the optimal reserve 1/2 with revenue 5/12', () => {
    const html = renderToString(<AuctionRoom view="revenue" />);
    expect(html).toContain(
      'With no reserve the three formats raise the same expected revenue for every number of bidders, (n − 1)/(n + 1): 1/3 with two bidders (Vickrey 1961)',
    );
    // Myerson (1981): with two U[0, 1] bidders the optimal reserve is 1/2 and raises 5/12.
    expect(html).toContain(
      'With 2 bidders revenue rises with the reserve up to r = 1/2, where it reaches 5/12 ≈ 0.417 against 1/3 at r = 0, then falls (Myerson 1981).',
    );
    expect(html).toContain('optimal reserve 1/2: revenue 5/12</text>');
    expect(html).toContain('1/3 at n = 2</text>');
    // One closed-form curve per chart, and Monte Carlo marks for 3 formats × (10 sizes + 11 reserves).
    expect(html.match(/<path class="sim-line"/g)).toHaveLength(2);
    const marks = (html.match(/<g class="sim-points">[\s\S]*?<\/g>/g) ?? []).join('');
    expect((marks.match(/<(circle|rect|polygon) /g) ?? []).length).toBe(63);
  });

  test('the simulated revenues at n = 2 lie within a few standard errors of 1/3 in every format', () => {
    const html = renderToString(<AuctionRoom view="revenue" />);
    const m = /gives first-price ([\d.]+), second-price ([\d.]+), all-pay ([\d.]+)\./.exec(html);
    expect(m).not.toBeNull();
    // 2,000 auctions per point; revenue per auction has a standard deviation below 0.25 in each
    // format, so one standard error is below 0.0056: allow five (0.028).
    for (const x of m!.slice(1)) expect(Math.abs(Number(x) - 1 / 3)).toBeLessThan(0.028);
  });

  test('estimateRevenue (the worker handler) reports progress after each of 63 points, matches the render’s estimates and stops when cancelled', async () => {
    const input = { reserve: 0.3, bidders: 3, seed: 9, trials: 500 };
    const progress: number[] = [];
    const result = await estimateRevenue(input, async (f) => {
      progress.push(f);
    });
    expect(progress).toHaveLength(63);
    expect(progress.at(-1)).toBe(1);
    expect(result.byBidders).toEqual(revenueByBidders(0.3, 9, 500));
    expect(result.byReserve).toEqual(revenueByReserve(3, 9, 500));
    let calls = 0;
    const stopped = estimateRevenue(input, async () => {
      if (++calls === 5) throw new Error('cancelled');
    });
    await expect(stopped).rejects.toThrow('cancelled');
    expect(calls).toBe(5);
  });

  test('asFraction writes simple fractions as fractions and anything else in decimals', () => {
    expect(asFraction(1 / 3)).toBe('1/3');
    expect(asFraction(5 / 12)).toBe('5/12');
    expect(asFraction(0.5000003)).toBe('1/2');
    expect(asFraction(0.4171)).toBe('0.417');
    expect(asFraction(2)).toBe('2');
  });
});

describe('AuctionRoom in the browser', () => {
  test('"One auction" adds one auction, Reset goes back to none', () => {
    render(<AuctionRoom />);
    expect(caption()).toMatch(/Over 200 auctions you averaged/);
    fireEvent.click(screen.getByRole('button', { name: 'One auction' }));
    expect(caption()).toMatch(/Over 201 auctions you averaged/);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/Run auctions to tally what your bid actually earns\.$/);
    fireEvent.click(screen.getByRole('button', { name: 'One auction' }));
    const first = meanRoundPayoffs(auctionRoundsOptions(defaults()), 1);
    expect(caption()).toMatch(new RegExp(`Over 1 auction you averaged ${formatNumber(first.you)}, `));
  });

  test('every control has a visible label and the bid slider answers the keyboard, writing the URL', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<AuctionRoom />);
    for (const label of [
      'Show',
      'Auction format',
      'Bidders n',
      'Reserve price r',
      'Your value v',
      'Your bid b',
      'Seed',
      'Speed',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.keyDown(screen.getByLabelText('Your bid b'), { key: 'ArrowRight' });
    // 0.7·0.51 − 0.51²/2 = 0.22695.
    expect(caption()).toMatch(/your bid of 0\.51 earns 0\.227 per auction/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?auction-room=bid:0.51');
  });

  test('choosing the all-pay format changes the best bid to v²/2', () => {
    render(<AuctionRoom />);
    const select = screen.getByLabelText('Auction format') as HTMLSelectElement;
    select.value = 'all-pay';
    fireEvent.change(select);
    // All-pay, two bidders: the equilibrium bid is v²/2 = 0.245 and earns v·√(2b) − b = 0.49 − 0.245.
    expect(caption()).toMatch(
      /^All-pay auction, 2 bidders, no reserve\..* the best bid is the equilibrium bid 0\.245, earning 0\.245/,
    );
  });

  test('"Draw a value" draws the value from the next seed', () => {
    render(<AuctionRoom />);
    fireEvent.click(screen.getByRole('button', { name: 'Draw a value (new seed)' }));
    const seed = nextSeed(1);
    const value = Math.round(createRng(seed)() * 100) / 100;
    expect(caption()).toContain(`With value ${formatNumber(value)}, your bid of 0.5`);
    expect((screen.getByLabelText('Seed') as HTMLInputElement).value).toBe(String(seed));
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?auction-room=view:revenue,bidders:3&second=format:first-price,bidders:4');
    render(
      <>
        <AuctionRoom />
        <AuctionRoom embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    // Three bidders: revenue (n − 1)/(n + 1) = 1/2 at r = 0 and 2·3/4·(1 − 1/16) − 7/8 = 0.53125 at r = 1/2.
    expect(captions[0]).toMatch(
      /With 3 bidders revenue rises with the reserve up to r = 1\/2, where it reaches 0\.531 against 1\/2 at r = 0/,
    );
    expect(captions[1]).toMatch(/^First-price auction, 4 bidders, no reserve\./);
  });

  test('a bad link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?auction-room=bidders:1e309,format:dutch,bid:2');
    render(<AuctionRoom />);
    const notice = document.querySelector('.sim-notice')!;
    expect(notice.textContent).toMatch(/Bidders n: expected a whole number from 2 to 10, got "1e309"; using 2/);
    expect(notice.textContent).toMatch(
      /Auction format: expected one of second-price, first-price, all-pay, got "dutch"/,
    );
    expect(notice.textContent).toMatch(/Your bid b: expected a number from 0 to 1, got "2"/);
    expect(caption()).toMatch(/^Second-price auction, 2 bidders, no reserve\. With value 0\.7, your bid of 0\.5/);
  });

  test('"Run auctions" runs one auction per step from animation frames, and Pause stops it', () => {
    stubAnimationFrames();
    render(<AuctionRoom />);
    fireEvent.click(screen.getByRole('button', { name: /Run auctions/ }));
    runFrame(0);
    // 20 auctions per second over a 100 ms frame gap: 2 more (plus the first frame's third).
    runFrame(100);
    expect(caption()).toMatch(/Over 202 auctions/);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(200);
    expect(caption()).toMatch(/Over 202 auctions/);
  });

  test('autoplay starts running auctions, but not when the reader prefers reduced motion', () => {
    stubAnimationFrames();
    const stubReducedMotion = (reduce: boolean) =>
      vi.stubGlobal('matchMedia', (query: string) => ({
        matches: reduce && query.includes('reduce'),
        media: query,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
      }));
    stubReducedMotion(false);
    const first = render(<AuctionRoom autoplay />);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
    first.unmount();
    stubReducedMotion(true);
    render(<AuctionRoom autoplay />);
    expect(screen.getByRole('button', { name: /Run auctions/ })).toBeTruthy();
  });

  test('the long Monte Carlo run goes to a worker, shows progress, and its points replace the quick ones', async () => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
    render(<AuctionRoom view="revenue" />);
    fireEvent.click(screen.getByRole('button', { name: 'Simulate 100,000 auctions per point' }));
    const worker = FakeWorker.made.at(-1)!;
    expect(worker.url).toMatch(/\/components\/sims\/auction-room\.worker\.ts/);
    const message = worker.posted[0]!;
    expect(message.input).toEqual({ reserve: 0, bidders: 2, seed: 1, trials: 100_000 });
    worker.reply({ type: 'progress', id: message.id, value: 0.4 });
    expect(document.querySelector('.sim-controls [role="status"]')?.textContent).toBe('Simulating: 40%');
    expect((document.querySelector('progress') as HTMLProgressElement).value).toBeCloseTo(0.4, 9);
    const result = await estimateRevenue(message.input!);
    worker.reply({ type: 'done', id: message.id, result });
    expect(caption()).toMatch(/simulating 100,000 auctions per point gives first-price [\d.]+, second-price/);
    // With 100,000 auctions a standard error is below 0.0008: every format within 0.004 of 1/3.
    const m = /gives first-price ([\d.]+), second-price ([\d.]+), all-pay ([\d.]+)\./.exec(caption());
    for (const x of m!.slice(1)) expect(Math.abs(Number(x) - 1 / 3)).toBeLessThan(0.004);
  });

  test('Cancel ends the worker run and says so', () => {
    FakeWorker.made = [];
    vi.stubGlobal('Worker', FakeWorker);
    render(<AuctionRoom view="revenue" />);
    fireEvent.click(screen.getByRole('button', { name: 'Simulate 100,000 auctions per point' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(FakeWorker.made.at(-1)!.terminated).toBe(true);
    expect(document.querySelector('.sim-controls [role="status"]')?.textContent).toBe('Cancelled.');
    expect(caption()).toMatch(/simulating 2,000 auctions per point/);
  });

  test('"Show data" lists the payoff curve and the tally in one table', () => {
    render(<AuctionRoom />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['chart', 'x', 'series', 'payoff']);
    // 201 curve points and 3 × 200 tally rows.
    expect(table.querySelector('caption')?.textContent).toBe('200 of 801 rows, evenly spaced; the CSV has every row.');
  });
});

describe('auction-room registration', () => {
  type Ref = { key: string; authors: string[]; year: number; title: string; url?: string };
  const refs = parse(readFileSync(`${process.cwd()}/content/references.yaml`, 'utf8')) as Ref[];

  test('defineSimulation accepts the spec; the props schema takes view="revenue" and rejects an unknown view', () => {
    const entry = defineSimulation(auctionRoomInfo, auctionRoomParams);
    expect(entry.propsSchema.safeParse({ view: 'revenue', reserve: 0.5 }).success).toBe(true);
    expect(entry.propsSchema.safeParse({ view: 'table' }).success).toBe(false);
    expect(entry.reproduces.citation).toBe('vickrey1961');
  });

  test.each([
    ['bid view', auctionRoomInfo.about],
    ['revenue view', auctionRoomRevenueAbout],
  ])('the %s cites its bibliography entry exactly and names files that exist', (_view, about) => {
    expect(existsSync(`${process.cwd()}/${about.model}`)).toBe(true);
    expect(existsSync(`${process.cwd()}/${about.tests}`)).toBe(true);
    const { citation } = about.reproduces;
    const ref = refs.find((r) => r.key === citation.key)!;
    expect(ref).toBeDefined();
    expect({ authors: citation.authors, year: citation.year, title: citation.title, url: citation.url }).toEqual({
      authors: ref.authors.join(', '),
      year: ref.year,
      title: ref.title,
      url: ref.url,
    });
  });
});
