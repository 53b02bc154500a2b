// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  addParadoxBatches,
  CondorcetParadox,
  emptyParadoxRun,
  exactParadoxPoints,
  mergeParadoxBatch,
  paradoxEstimate,
} from '../../components/sims/CondorcetParadox.tsx';
import {
  paradoxBatch,
  paradoxBatchSeed,
  runParadoxJob,
  type ParadoxJob,
  type ParadoxJobResult,
} from '../../components/sims/condorcet-paradox.batch.ts';
import { serveWorker } from '../../components/kit/serve-worker.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { guilbaudLimit } from '../../src/models/voting/majority-cycle.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
// Guilbaud (1952): 1/4 − (3/(2π))·arcsin(1/3) ≈ 0.0877, the many-voter limit for 3 candidates.
const GUILBAUD = 1 / 4 - (3 / (2 * Math.PI)) * Math.asin(1 / 3);

type Listener = (event: MessageEvent) => void;

/** A Worker that runs the real batch job in this thread through serveWorker, as the worker file does. */
class InlineWorker {
  static made: InlineWorker[] = [];
  terminated = false;
  private readonly page: Listener[] = [];
  private readonly inside: Listener[] = [];
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    InlineWorker.made.push(this);
    serveWorker<ParadoxJob, ParadoxJobResult>((job, report) => runParadoxJob(job, report), {
      addEventListener: (_type, listener) => this.inside.push(listener),
      postMessage: (message) => {
        if (this.terminated) return;
        for (const l of this.page) l(new MessageEvent('message', { data: message }));
      },
    });
  }
  addEventListener(type: string, listener: Listener) {
    if (type === 'message') this.page.push(listener);
  }
  removeEventListener() {}
  postMessage(message: unknown) {
    for (const l of this.inside) l(new MessageEvent('message', { data: message }));
  }
  terminate() {
    this.terminated = true;
  }
}

/** A Worker that takes jobs and never answers, to test progress and cancel. */
class SilentWorker {
  static made: SilentWorker[] = [];
  readonly posted: { id: number; input: ParadoxJob }[] = [];
  terminated = false;
  private readonly page: Listener[] = [];
  constructor() {
    SilentWorker.made.push(this);
  }
  addEventListener(type: string, listener: Listener) {
    if (type === 'message') this.page.push(listener);
  }
  removeEventListener() {}
  postMessage(message: { id: number; input: ParadoxJob }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(data: Record<string, unknown>) {
    act(() => {
      for (const l of this.page) l(new MessageEvent('message', { data: { id: this.posted[0]!.id, ...data } }));
    });
  }
}

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
function stubReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query.includes('reduce'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/condorcet-paradox/');
  InlineWorker.made = [];
  SilentWorker.made = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('CondorcetParadox model helpers', () => {
  test('addParadoxBatches converges to 1/18 at 3 voters and to Guilbaud’s 0.0877 at 1,001 voters', () => {
    // 20 batches of 500 = 10,000 profiles per point: SE ≈ 0.0023 at 1/18 and ≈ 0.0028 at 0.0877;
    // at 1,001 voters the exact value is within 0.001 of the limit (Guilbaud 1952).
    const run = addParadoxBatches(emptyParadoxRun('k'), 20, 500, 1952);
    const at = (m: number, n: number) => paradoxEstimate(run.points.find((p) => p.m === m && p.n === n)!);
    const small = at(3, 3);
    expect(Math.abs(small.share - 1 / 18)).toBeLessThan(4 * small.se);
    const large = at(3, 1001);
    expect(Math.abs(large.share - GUILBAUD)).toBeLessThan(4 * large.se + 0.001);
    // More candidates leave more profiles without a winner (the article quotes about 18% and 25%).
    expect(at(4, 1001).share).toBeGreaterThan(large.share + 0.05);
    expect(at(5, 1001).share).toBeGreaterThan(at(4, 1001).share + 0.03);
    expect(run.batches).toBe(20);
    expect(run.points.every((p) => p.trials === 10_000)).toBe(true);
  });

  test('paradoxBatchSeed gives different seeds to different batches and points, the same for the same ones', () => {
    const seeds = new Set<number>();
    for (let b = 0; b < 20; b++)
      for (const m of [3, 4, 5]) for (const n of [3, 5, 1001]) seeds.add(paradoxBatchSeed(1, b, m, n));
    expect(seeds.size).toBe(20 * 3 * 3);
    expect(paradoxBatchSeed(7, 2, 3, 5)).toBe(paradoxBatchSeed(7, 2, 3, 5));
  });

  test('mergeParadoxBatch adds only the next batch of the same settings', () => {
    const run = addParadoxBatches(emptyParadoxRun('k'), 1, 50, 3);
    const next = paradoxBatch({ key: 'k', batch: 1, trials: 50, seed: 3 });
    const merged = mergeParadoxBatch(run, next);
    expect(merged.batches).toBe(2);
    expect(merged.points[0]!.trials).toBe(100);
    // The same batch again, a batch of other settings or one out of order changes nothing.
    expect(mergeParadoxBatch(merged, next)).toBe(merged);
    expect(mergeParadoxBatch(run, { ...next, key: 'other' })).toBe(run);
    expect(mergeParadoxBatch(run, { ...next, batch: 5 })).toBe(run);
  });

  test('runParadoxJob in the worker gives the same counts as the batch computed in render, reporting each point', async () => {
    const job = { key: 'k', batch: 2, trials: 50, seed: 9 };
    const progress: number[] = [];
    const result = await runParadoxJob(job, async (f) => {
      progress.push(f);
    });
    expect(result).toEqual(paradoxBatch(job));
    expect(progress).toHaveLength(33);
    expect(progress.at(-1)).toBe(1);
  });

  test('exactParadoxPoints holds 1/18 at 3 candidates and 3 voters, and only cheap points', () => {
    const exact = exactParadoxPoints();
    expect(exact.find((e) => e.m === 3 && e.n === 3)?.p).toBeCloseTo(1 / 18, 14);
    expect(exact.every((e) => e.p < (e.m === 3 ? guilbaudLimit() : 1))).toBe(true);
    expect(exact.map((e) => `${e.m}:${e.n}`)).toEqual(['3:3', '3:5', '3:7', '3:9', '3:15', '4:3']);
  });
});

describe('CondorcetParadox server render', () => {
  test('the server render draws three series with error bars, the Guilbaud line and the 1/18 marker', () => {
    const html = renderToString(<CondorcetParadox />);
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(3);
    // 11 voter counts × 3 candidate counts, each a dot with an error bar.
    expect(html.match(/<circle [^>]*r="3.5"/g)).toHaveLength(33);
    expect(html.match(/class="sim-exact"/g)).toHaveLength(6);
    expect(html).toContain('Guilbaud 0.0877</text>');
    expect(html).toContain('1/18 exact');
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
    // The sampled cyclic profile: three voters and their majority cycle.
    expect(html).toMatch(/Majorities: [A-C] beats [A-C] 2–1, [A-C] beats [A-C] 2–1, [A-C] beats [A-C] 2–1/);
  });

  test('the server caption reports 200 profiles per point, close to 1/18 and to Guilbaud’s limit', () => {
    const html = renderToString(<CondorcetParadox />);
    const m =
      /After 1 batch \(200 profiles at each point, seed 1\): with 3 candidates, ([\d.]+)% ± ([\d.]+)% of profiles have no Condorcet winner at 3 voters \(exact 1\/18 = 5.56%\) and ([\d.]+)% ± ([\d.]+)% at 1,001 voters \(Guilbaud’s limit 8.77%\)/.exec(
        html,
      );
    expect(m).not.toBeNull();
    const [small, smallBar, large, largeBar] = m!.slice(1).map(Number) as [number, number, number, number];
    // Each "±" is two standard errors; allow four (two bars) plus 0.1 point for the 1,001-voter gap.
    expect(Math.abs(small - 100 / 18)).toBeLessThan(2 * smallBar);
    expect(Math.abs(large - 100 * GUILBAUD)).toBeLessThan(2 * largeBar + 0.1);
  });

  test('the server render uses the props: 100 trials per batch and seed 7 under the key "cycles"', () => {
    const html = renderToString(<CondorcetParadox trials={100} seed={7} embedKey="cycles" />);
    expect(html).toContain('After 1 batch (100 profiles at each point, seed 7)');
    expect(html).toContain('id="sim-cycles"');
  });
});

describe('CondorcetParadox in the browser', () => {
  test('Step adds a batch computed in the worker; Reset empties the run and Step starts it again', async () => {
    vi.stubGlobal('Worker', InlineWorker);
    render(<CondorcetParadox />);
    expect(caption()).toMatch(/^After 1 batch \(200 profiles/);
    fireEvent.click(screen.getByRole('button', { name: 'Step: add a batch' }));
    await waitFor(() => expect(caption()).toMatch(/^After 2 batches \(400 profiles/));
    expect(String(InlineWorker.made[0]!.url)).toMatch(/\/condorcet-paradox\.worker\.ts/);
    expect(InlineWorker.made[0]!.options).toEqual({ type: 'module' });
    // The worker's batch is batch 1 of seed 1, exactly what the render would have computed.
    const expected = addParadoxBatches(emptyParadoxRun('x'), 2, 200, 1);
    const first = expected.points.find((p) => p.m === 3 && p.n === 3)!;
    expect(caption()).toContain(
      `with 3 candidates, ${Number(((100 * first.cycles) / first.trials).toPrecision(3))}% ±`,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/^No trials yet: press Step or Play/);
    expect(document.querySelectorAll('.sim-charts circle')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Step: add a batch' }));
    await waitFor(() => expect(caption()).toMatch(/^After 1 batch \(200 profiles at each point, seed 1\)/));
  });

  test('a running batch shows its progress and can be cancelled; a late answer is ignored', () => {
    vi.stubGlobal('Worker', SilentWorker);
    render(<CondorcetParadox />);
    fireEvent.click(screen.getByRole('button', { name: 'Step: add a batch' }));
    const worker = SilentWorker.made[0]!;
    expect(worker.posted[0]!.input).toMatchObject({ batch: 1, trials: 200, seed: 1 });
    worker.reply({ type: 'progress', value: 0.5 });
    expect(document.querySelector('.sim-controls [role="status"]')?.textContent).toBe(
      'Computing batch 2 in a Web Worker: 50%.',
    );
    expect((document.querySelector('progress') as HTMLProgressElement).value).toBeCloseTo(0.5);
    expect((screen.getByRole('button', { name: 'Step: add a batch' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel batch' }));
    expect(worker.terminated).toBe(true);
    expect(document.querySelector('.sim-controls [role="status"]')?.textContent).toBe('Batch cancelled.');
    worker.reply({ type: 'done', result: paradoxBatch(worker.posted[0]!.input) });
    expect(caption()).toMatch(/^After 1 batch /);
  });

  test('changing the settings while a batch runs cancels it and restarts the run', () => {
    vi.stubGlobal('Worker', SilentWorker);
    render(<CondorcetParadox />);
    fireEvent.click(screen.getByRole('button', { name: 'Step: add a batch' }));
    fireEvent.keyDown(screen.getByLabelText('Trials per batch'), { key: 'ArrowLeft' });
    expect(SilentWorker.made[0]!.terminated).toBe(true);
    expect(caption()).toMatch(/^After 1 batch \(150 profiles at each point/);
    expect((screen.getByRole('button', { name: 'Step: add a batch' }) as HTMLButtonElement).disabled).toBe(false);
  });

  test('without Web Workers, Step reports the error and the figure keeps its batch', async () => {
    vi.stubGlobal('Worker', undefined);
    render(<CondorcetParadox />);
    fireEvent.click(screen.getByRole('button', { name: 'Step: add a batch' }));
    expect(document.querySelector('.sim-controls [role="status"]')?.textContent).toMatch(
      /^The batch could not be computed \(Could not start the worker/,
    );
    expect(caption()).toMatch(/^After 1 batch /);
  });

  test('every control has a label; the trials slider answers the keyboard and writes the URL', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<CondorcetParadox />);
    for (const label of ['Trials per batch', 'Seed', 'Speed', 'Batch progress'])
      expect(screen.getByLabelText(label)).toBeTruthy();
    fireEvent.keyDown(screen.getByLabelText('Trials per batch'), { key: 'ArrowRight' });
    expect(caption()).toMatch(/^After 1 batch \(250 profiles at each point/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?condorcet-paradox=trials:250');
  });

  test('New seed restarts the run with another seed and another sampled profile draw', () => {
    render(<CondorcetParadox />);
    fireEvent.click(screen.getByRole('button', { name: 'New seed' }));
    expect(caption()).not.toMatch(/seed 1\)/);
    expect(caption()).toMatch(/^After 1 batch \(200 profiles at each point, seed \d+\)/);
  });

  test('the sampled profile’s majority statement matches its table, and Draw another draws again', () => {
    render(<CondorcetParadox />);
    const check = () => {
      const rows = [...document.querySelectorAll('.sim-charts tbody tr')].map((tr) =>
        [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''),
      );
      expect(rows).toHaveLength(3);
      const text = document.querySelector('.sim-cycle')?.textContent ?? '';
      const links = [...text.matchAll(/([A-C]) beats ([A-C]) (\d)–(\d)/g)];
      expect(links).toHaveLength(3);
      for (const [, a, b, won, lost] of links) {
        const above = rows.filter((r) => r.indexOf(a!) < r.indexOf(b!)).length;
        expect([above, 3 - above]).toEqual([Number(won), Number(lost)]);
      }
      return document.querySelector('.sim-cycle')?.parentElement?.textContent ?? '';
    };
    const first = check();
    fireEvent.click(screen.getByRole('button', { name: 'Draw another' }));
    const second = check();
    expect(second).not.toBe(first);
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?condorcet-paradox=trials:100,seed:7&other=trials:400');
    render(
      <>
        <CondorcetParadox />
        <CondorcetParadox embedKey="other" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    expect(captions[0]).toMatch(/^After 1 batch \(100 profiles at each point, seed 7\)/);
    expect(captions[1]).toMatch(/^After 1 batch \(400 profiles at each point, seed 1\)/);
  });

  test('a bad link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?condorcet-paradox=trials:1e309,seed:-3,bogus:1');
    render(<CondorcetParadox />);
    const notice = document.querySelector('.sim-notice')!;
    expect(notice.textContent).toMatch(
      /Trials per batch: expected a whole number from 50 to 500, got "1e309"; using 200/,
    );
    expect(notice.textContent).toMatch(/Seed: expected a whole number from 0 to 4294967295, got "-3"; using 1/);
    expect(notice.textContent).toMatch(/unknown setting "bogus" ignored/);
    expect(caption()).toMatch(/^After 1 batch \(200 profiles at each point, seed 1\)/);
  });

  test('Play asks the worker for batches at the chosen pace, and Pause stops asking', async () => {
    stubAnimationFrames();
    vi.stubGlobal('Worker', InlineWorker);
    render(<CondorcetParadox />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    // 3 batches per second: the first frame counts as 1/60 s (0.05 due), then 100 ms frames add 0.3
    // each, so the frame at 400 ms (1.25 due) is the first to start a batch in the worker.
    for (const t of [0, 100, 200, 300]) runFrame(t);
    expect(InlineWorker.made).toHaveLength(0);
    runFrame(400);
    expect(InlineWorker.made).toHaveLength(1);
    await waitFor(() => expect(caption()).toMatch(/^After 2 batches/));
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    for (const t of [500, 600, 700, 800, 900]) runFrame(t);
    expect(InlineWorker.made).toHaveLength(1);
    expect(caption()).toMatch(/^After 2 batches/);
  });

  test('autoplay starts playing, but not when the reader prefers reduced motion', () => {
    stubAnimationFrames();
    stubReducedMotion(false);
    const first = render(<CondorcetParadox autoplay />);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
    first.unmount();
    stubReducedMotion(true);
    render(<CondorcetParadox autoplay />);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
  });

  test('"Show data" lists every point with its trials, share, standard error and exact value', () => {
    render(<CondorcetParadox />);
    fireEvent.click(screen.getByText('Show data'));
    const table = document.querySelector<HTMLTableElement>('#sim-condorcet-paradox-data table')!;
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'candidates',
      'voters',
      'trials',
      'no Condorcet winner',
      'share',
      'standard error',
      'exact',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(33);
    expect(table.querySelector('tbody tr td:nth-child(3)')?.textContent).toBe('200');
    expect(table.querySelector('tbody tr td:nth-child(7)')?.textContent).toBe('0.05556');
  });
});
