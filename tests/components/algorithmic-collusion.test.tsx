// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { serveWorker, type WorkerScope } from '../../components/kit/serve-worker.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { AlgorithmicCollusion, betaText } from '../../components/sims/AlgorithmicCollusion.tsx';
import {
  BASELINE_INPUT,
  BASELINE_RUN,
  compactCollusionRun,
  expandCollusionRun,
} from '../../components/sims/algorithmic-collusion.baseline.ts';
import { algorithmicCollusionParams } from '../../components/sims/algorithmic-collusion.params.ts';
import {
  collusionProgress,
  runCollusion,
  type CollusionInput,
  type CollusionRun,
} from '../../components/sims/algorithmic-collusion.worker.ts';

// Calvano, Calzolari, Denicolò & Pastorello (2020), baseline: p_N ≈ 1.473, p_M ≈ 1.925, average
// profit gain Δ ≈ 0.85, convergence after 1 to 2.5 million periods, a price cut punished and
// followed by a return to the old prices. Seed 0 converges after 1,495,344 periods on a 2-period
// cycle with Δ = 0.88 (the model's own run, regenerated below).

const caption = () => document.querySelector('figcaption')?.textContent ?? '';

/** A Worker stand-in that runs the real worker code (runCollusion behind serveWorker) in this thread. */
class FakeWorker {
  static created: { url: string; type: string | undefined }[] = [];
  /** Messages the worker code posted after the page had terminated it (a real worker would be gone). */
  static dropped: unknown[] = [];
  private readonly listeners: ((event: { data: unknown }) => void)[] = [];
  private inbox: ((event: MessageEvent) => void) | null = null;
  private terminated = false;

  constructor(url: URL | string, options?: WorkerOptions) {
    FakeWorker.created.push({ url: String(url), type: options?.type });
    const scope: WorkerScope = {
      addEventListener: (_type, listener) => {
        this.inbox = listener;
      },
      postMessage: (message) => {
        if (this.terminated) FakeWorker.dropped.push(message);
        else for (const l of this.listeners) l({ data: message });
      },
    };
    serveWorker<CollusionInput, CollusionRun>((input, report) => runCollusion(input, report), scope);
  }
  addEventListener(type: string, listener: (event: { data: unknown }) => void) {
    if (type === 'message') this.listeners.push(listener);
  }
  postMessage(message: unknown) {
    setTimeout(() => {
      if (!this.terminated) this.inbox?.({ data: message } as MessageEvent);
    }, 0);
  }
  terminate() {
    this.terminated = true;
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

function setSelect(label: string, value: string) {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  select.value = value;
  fireEvent.change(select);
}

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/algorithmic-collusion/');
  FakeWorker.created = [];
  FakeWorker.dropped = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('the precomputed baseline run', () => {
  let run: CollusionRun;
  beforeAll(async () => {
    run = await runCollusion(BASELINE_INPUT);
  });

  test('runCollusion(baseline, seed 0) regenerates the shipped table exactly', () => {
    expect(compactCollusionRun(run)).toEqual(BASELINE_RUN);
  });

  test('expandCollusionRun rebuilds the model’s full outcome and the chunk ends from the table', () => {
    const expanded = expandCollusionRun(BASELINE_INPUT, BASELINE_RUN);
    expect(expanded.outcome).toEqual(run.outcome);
    expect(expanded.periods).toEqual(run.periods);
    expect(expanded.input).toEqual(BASELINE_INPUT);
  });

  test('the baseline run reproduces Calvano et al.: converged, prices above Nash, Δ between 0.6 and 1', () => {
    const o = run.outcome;
    expect(o.converged).toBe(true);
    expect(o.periods).toBeGreaterThan(1_000_000);
    expect(o.periods).toBeLessThan(2_500_000);
    for (const p of o.prices) expect(p).toBeGreaterThan(o.nashPrice);
    expect(o.profitGain).toBeGreaterThan(0.6);
    expect(o.profitGain).toBeLessThan(1);
    // Early chunks average near the middle of the grid (random exploration); the last is the cycle.
    expect(run.prices[0][0]).toBeCloseTo((o.priceGrid[0]! + o.priceGrid[14]!) / 2, 1);
    expect(run.prices[0].at(-1)).toBeCloseTo(o.prices[0], 2);
  });

  test('the defaults of the parameters are the baseline the table was computed for', () => {
    const p = algorithmicCollusionParams;
    expect({
      seed: p.seed.default,
      alpha: p.alpha.default,
      beta: Number(p.beta.default),
      delta: p.delta.default,
    }).toEqual(BASELINE_INPUT);
  });
});

describe('AlgorithmicCollusion server render', () => {
  test('the server render draws the baseline run: price paths, the gains, the forced cut and a caption with numbers', () => {
    const html = renderToString(<AlgorithmicCollusion />);
    // Two firms' prices while learning and two in the impulse response.
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(4);
    expect(html.match(/<rect /g)).toHaveLength(3);
    expect(html).toContain('Nash 1.47</text>');
    expect(html).toContain('monopoly 1.92</text>');
    expect(html).toContain('paper ≈ 0.85</text>');
    expect(html).toContain(
      'Precomputed baseline run (seed 0, α = 0.15, β = 4 × 10⁻⁶, δ = 0.95): the firms’ strategies converged after 1.50 million periods, settling into a 2-period cycle of prices averaging 1.82 and 1.83 (Nash 1.47, monopoly 1.92), a profit gain Δ = 0.88 (Calvano et al. 2020: about 0.85 on average at the baseline).',
    );
    expect(html).toContain(
      'Forced price cut: firm 1 cuts from 1.93 to 1.62 for one period; firm 2 punishes it with prices as low as 1.51, and both are back on their cycle 5 periods after the cut.',
    );
    // Buttons need JavaScript: disabled until hydration.
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('the server render with other settings still shows the baseline and says how to run the new ones', () => {
    const html = renderToString(<AlgorithmicCollusion delta={0.5} embedKey="impatient" />);
    expect(html).toContain(
      'Press “Run Q-learning” to learn with seed 0, α = 0.15, β = 4 × 10⁻⁶, δ = 0.5. Shown: Precomputed',
    );
    expect(html).toContain('id="sim-impatient"');
  });

  test('betaText writes β with a power of ten', () => {
    expect(betaText(4e-6)).toBe('4 × 10⁻⁶');
    expect(betaText(1e-5)).toBe('10⁻⁵');
    expect(betaText(2e-5)).toBe('2 × 10⁻⁵');
  });

  test('collusionProgress grows with the period towards 10/β and stays below 1 until the run ends', () => {
    expect(collusionProgress(0, 4e-6)).toBe(0);
    expect(collusionProgress(1_250_000, 4e-6)).toBeCloseTo(0.5, 12);
    expect(collusionProgress(9_000_000, 4e-6)).toBe(0.99);
  });
});

describe('AlgorithmicCollusion in the browser', () => {
  test('every control has a visible label', () => {
    render(<AlgorithmicCollusion />);
    for (const label of [
      'Seed',
      'Learning rate α',
      'Exploration decay β',
      'Discount factor δ',
      'Progress',
      'Firm that cuts',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('button', { name: 'Run Q-learning' })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('Run learns in the worker with the chosen settings and then shows that run', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    render(<AlgorithmicCollusion />);
    setSelect('Exploration decay β', '2e-5');
    expect(caption()).toMatch(
      /^Press “Run Q-learning” to learn with seed 0, α = 0\.15, β = 2 × 10⁻⁵, δ = 0\.95\. Shown: Precomputed/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Run Q-learning' }));
    expect(caption()).toMatch(/^Learning with seed 0, α = 0\.15, β = 2 × 10⁻⁵, δ = 0\.95: \d+% done\. Still shown: /);
    expect(FakeWorker.created).toEqual([
      { url: expect.stringMatching(/\/components\/sims\/algorithmic-collusion\.worker\.ts/), type: 'module' },
    ]);
    // β = 2e-5 explores five times shorter than the baseline: a run of well under a million periods.
    await waitFor(() => expect(caption()).toMatch(/^Run with seed 0, α = 0\.15, β = 2 × 10⁻⁵, δ = 0\.95: /), {
      timeout: 20_000,
    });
    expect(caption()).toMatch(/converged after 0\.\d\d million periods/);
    expect((screen.getByLabelText('Progress') as HTMLProgressElement).value).toBe(1);
    expect(document.querySelector('.sim-chart-title')?.textContent).toBe('Prices while learning');
    fireEvent.click(screen.getByText('Show data'));
    const rows = screen.getByRole('table').querySelectorAll('tbody tr');
    // One row per 20,000-period chunk.
    expect(rows.length).toBeGreaterThan(10);
    expect(rows[0]?.querySelector('td')?.textContent).toBe('20000');
  });

  test('Cancel stops a run, keeps the figure and says so', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    // β = 10⁻⁶: a long run (several million periods), so it is still going at the first progress report.
    render(<AlgorithmicCollusion seed={3} beta="1e-6" />);
    fireEvent.click(screen.getByRole('button', { name: 'Run Q-learning' }));
    const progress = screen.getByLabelText('Progress') as HTMLProgressElement;
    await waitFor(() => expect(progress.value).toBeGreaterThan(0), { timeout: 20_000 });
    expect(caption()).toMatch(/^Learning with seed 3, α = 0\.15, β = 10⁻⁶, δ = 0\.95: \d+% done\./);
    const cancel = screen.getByRole('button', { name: 'Cancel' }) as HTMLButtonElement;
    expect(cancel.disabled).toBe(false);
    fireEvent.click(cancel);
    expect(caption()).toMatch(
      /^Run cancelled\. Press “Run Q-learning” to learn with seed 3, .*Shown: Precomputed baseline run/,
    );
    expect(cancel.disabled).toBe(true);
    // The terminated worker's code still finishes here (a real one would be gone); its result is
    // dropped and never replaces the figure.
    await waitFor(() => expect(FakeWorker.dropped).toContainEqual(expect.objectContaining({ type: 'done' })), {
      timeout: 20_000,
    });
    expect(caption()).toMatch(/^Run cancelled\./);
  });

  test('a worker that cannot start leaves the figure and reports the error in the caption', () => {
    vi.stubGlobal(
      'Worker',
      class {
        constructor() {
          throw new Error('workers are off');
        }
      },
    );
    render(<AlgorithmicCollusion />);
    fireEvent.click(screen.getByRole('button', { name: 'Run Q-learning' }));
    expect(caption()).toMatch(
      /^The run failed \(Could not start the worker: workers are off\)\. Still shown: Precomputed baseline run/,
    );
    expect(screen.getByRole('button', { name: 'Run Q-learning' })).toBeTruthy();
  });

  test('"Force a price cut" by firm 2 replays the punishment period by period', () => {
    stubAnimationFrames();
    render(<AlgorithmicCollusion />);
    setSelect('Firm that cuts', '1');
    fireEvent.click(screen.getByRole('button', { name: 'Force a price cut' }));
    expect(screen.getByText('Firm 2 cuts its price in period 0')).toBeTruthy();
    expect(caption()).toMatch(/Forced price cut: firm 2 cuts from [\d.]+ to [\d.]+ for one period; firm 1 punishes it/);
    // The impulse chart is the third chart; its paths start with the 4 periods up to the cut.
    const cutPath = () =>
      document.querySelectorAll('.sim-chart')[2]!.querySelector('path.sim-line')!.getAttribute('d')!;
    const points = () => cutPath().split('L').length;
    expect(points()).toBe(4);
    // 4 periods per second: the first frame counts 1/60 s, each later one 100 ms, so the next
    // period is due at the fourth frame (4/60 + 3 × 0.4 ≥ 1).
    for (const t of [0, 100, 200]) runFrame(t);
    expect(points()).toBe(4);
    runFrame(300);
    expect(points()).toBe(5);
    for (let t = 400; t <= 6000; t += 100) runFrame(t);
    expect(points()).toBe(19);
  });

  test('the settings in the link are read after hydration and changes are written back', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    window.history.replaceState(null, '', '/p?algorithmic-collusion=seed:5,beta:1e-5#top');
    render(<AlgorithmicCollusion />);
    expect(caption()).toMatch(/^Press “Run Q-learning” to learn with seed 5, α = 0\.15, β = 10⁻⁵, δ = 0\.95\./);
    fireEvent.keyDown(screen.getByLabelText('Discount factor δ'), { key: 'ArrowLeft' });
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?algorithmic-collusion=seed:5,beta:1e-5,delta:0.94');
    expect(window.location.hash).toBe('#top');
  });

  test('a hostile link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?algorithmic-collusion=alpha:NaN,beta:%3Cscript%3E,delta:2,seed:-1');
    render(<AlgorithmicCollusion />);
    const notice = document.querySelector('.sim-notice')!.textContent ?? '';
    expect(notice).toMatch(/Learning rate α: expected a number from 0\.025 to 0\.25, got "NaN"; using 0\.15/);
    expect(notice).toMatch(/Exploration decay β: expected one of 1e-6, 2e-6, 4e-6, 1e-5, 2e-5/);
    expect(notice).toMatch(/Discount factor δ: expected a number from 0 to 0\.99, got "2"/);
    expect(notice).toMatch(/Seed: expected a whole number/);
    expect(caption()).toMatch(/^Precomputed baseline run \(seed 0, α = 0\.15/);
  });

  test('autoplay starts a run after hydration, but not when the reader prefers reduced motion', async () => {
    vi.stubGlobal('Worker', FakeWorker);
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: query.includes('reduce'),
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    const first = render(<AlgorithmicCollusion autoplay />);
    expect(FakeWorker.created).toHaveLength(0);
    first.unmount();
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    render(<AlgorithmicCollusion autoplay beta="2e-5" />);
    expect(FakeWorker.created).toHaveLength(1);
    expect(caption()).toMatch(/^Learning with seed 0/);
  });
});
