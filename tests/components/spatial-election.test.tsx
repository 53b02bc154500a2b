// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  candidatesOf,
  SpatialElection,
  spatialResult,
  voronoiAgreement,
  yeeJobOf,
  yeePreview,
} from '../../components/sims/SpatialElection.tsx';
import { spatialElectionParams } from '../../components/sims/spatial-election.params.ts';
import { runYeeJob, type YeeJob, type YeeJobResult } from '../../components/sims/spatial-election.yee.ts';
import { serveWorker } from '../../components/kit/serve-worker.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { defaultsOf } from '../../components/kit/params.ts';
import { electionWinners } from '../../src/models/voting/election.ts';
import { yeeDiagram } from '../../src/models/voting/yee.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
const status = () => document.querySelector('.sim-controls [role="status"]')?.textContent ?? '';
const defaults = defaultsOf(spatialElectionParams);

type Listener = (event: MessageEvent) => void;

/** A Worker that runs the real job in this thread through serveWorker, as the worker file does. */
class InlineWorker {
  static made: InlineWorker[] = [];
  terminated = false;
  readonly jobs: YeeJob[] = [];
  private readonly page: Listener[] = [];
  private readonly inside: Listener[] = [];
  constructor(
    readonly url: URL,
    readonly options: WorkerOptions,
  ) {
    InlineWorker.made.push(this);
    serveWorker<YeeJob, YeeJobResult>((job, report) => runYeeJob(job, report), {
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
  postMessage(message: { type: string; input?: YeeJob }) {
    if (message.type === 'run' && message.input) this.jobs.push(message.input);
    for (const l of this.inside) l(new MessageEvent('message', { data: message }));
  }
  terminate() {
    this.terminated = true;
  }
}

/** A Worker that takes jobs and never answers, to test progress and cancel. */
class SilentWorker {
  static made: SilentWorker[] = [];
  readonly posted: unknown[] = [];
  terminated = false;
  private readonly page: Listener[] = [];
  constructor() {
    SilentWorker.made.push(this);
  }
  addEventListener(type: string, listener: Listener) {
    if (type === 'message') this.page.push(listener);
  }
  removeEventListener() {}
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  progress(value: number) {
    const id = (this.posted[0] as { id: number }).id;
    act(() => {
      for (const l of this.page) l(new MessageEvent('message', { data: { type: 'progress', id, value } }));
    });
  }
}

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/voting-systems/');
  InlineWorker.made = [];
  SilentWorker.made = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('SpatialElection model helpers', () => {
  test('spatialResult gives each rule the same winners as electionWinners on the spatial ballots', () => {
    const result = spatialResult(defaults);
    for (const rule of ['plurality', 'irv', 'borda', 'schulze', 'two-round'] as const) {
      expect(result.winners[rule]).toEqual(electionWinners(rule, result.ballots as never));
    }
    expect(result.voters).toHaveLength(201);
    expect(result.ballots.reduce((s, b) => s + (b.count ?? 1), 0)).toBe(201);
  });

  test('runYeeJob computes the same diagram as yeeDiagram, in chunks, with progress rising to 1', async () => {
    const job = yeeJobOf({ ...defaults, rule: 'irv' }, 30, 51);
    const progress: number[] = [];
    const result = await runYeeJob(job, async (f) => {
      progress.push(f);
    });
    const direct = yeeDiagram({ ...job });
    expect(result.winners).toEqual(direct.winners);
    expect(result.key).toBe(job.key);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(1);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
    // One update per row plus one per chunk (30 rows in 25 chunks) and the start.
    expect(progress.length).toBeGreaterThan(30);
  });

  test('runYeeJob stops when reportProgress throws (a cancel)', async () => {
    const job = yeeJobOf(defaults, 50, 21);
    let calls = 0;
    await expect(
      runYeeJob(job, async () => {
        if (++calls > 3) throw new Error('cancelled');
      }),
    ).rejects.toThrow('cancelled');
  });

  test('voronoiAgreement is 1 for a Condorcet method and below 1 for plurality’s centre squeeze', () => {
    const candidates = candidatesOf(defaults);
    expect(voronoiAgreement(yeePreview({ ...defaults, rule: 'minimax' }), candidates)).toBe(1);
    expect(voronoiAgreement(yeePreview(defaults), candidates)).toBeLessThan(0.95);
  });
});

describe('SpatialElection server render', () => {
  test('the server render shows voters, three candidate handles, a 24 × 24 Yee preview, the winners and a caption', () => {
    const html = renderToString(<SpatialElection />);
    expect(html.match(/role="button" aria-roledescription="movable point"/g)).toHaveLength(3);
    expect(html).toContain('aria-label="Candidate A, x 0.30, y 0.50"');
    expect(html).toContain('aria-label="Candidate B, x 0.50, y 0.53"');
    // Voters inside the square are drawn (a few of the 201 fall outside it).
    const dots = html.match(/r="2.2"/g)?.length ?? 0;
    expect(dots).toBeGreaterThan(180);
    expect(dots).toBeLessThanOrEqual(201);
    expect(html).toMatch(/<g class="sim-yee-cells"><rect /);
    // Centre squeeze (Yee 2006): with B between A and C, first-preference rules elect C here while
    // Borda, the Condorcet methods and approval elect B, and plurality's diagram squeezes B out.
    expect(html).toContain(
      '201 voters around (0.50, 0.50) with spread 0.25; candidates A (0.30, 0.50), B (0.50, 0.53), C (0.70, 0.50). Plurality, the two-round runoff and instant runoff elect C; the Borda count, Copeland’s method, Schulze’s method, minimax, ranked pairs and approval voting elect B (the Condorcet winner).',
    );
    expect(html).toMatch(
      /Yee diagram for plurality \(24 × 24\): A \d+%, B \d+%, C \d+% of the plane\. B loses even where the voters centre on it: the centre squeeze Yee \(2006\) found/,
    );
    expect(html).toContain('B is the Condorcet winner');
    expect(html).toContain('is computed once the page has loaded');
    expect(html).toMatch(/<select id="sim-spatial-election-rule" disabled/);
  });

  test('the server render of a Condorcet method says every cell goes to the nearest candidate', () => {
    const html = renderToString(<SpatialElection rule="schulze" candidates={4} embedKey="yee" />);
    expect(html).toMatch(
      /Yee diagram for Schulze’s method \(24 × 24\): A \d+%, B \d+%, C \d+%, D \d+% of the plane\. 100% of cells go to the nearest candidate/,
    );
    expect(html).toContain('id="sim-yee"');
    expect(html.match(/aria-roledescription="movable point"/g)).toHaveLength(4);
  });

  test('with two candidates the server render reports the perpendicular bisector split', () => {
    const html = renderToString(<SpatialElection candidates={2} rule="irv" ax={0.2} ay={0.3} bx={0.8} by={0.6} />);
    expect(html).toContain(
      'With two candidates it splits the plane at the perpendicular bisector of A and B (100% of cells',
    );
  });
});

describe('SpatialElection in the browser', () => {
  test('arrow keys move a focused candidate and update its label, the caption and the URL', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    vi.stubGlobal('Worker', SilentWorker);
    render(<SpatialElection />);
    const b = screen.getByRole('button', { name: 'Candidate B, x 0.50, y 0.53' });
    expect(b.getAttribute('tabindex')).toBe('0');
    fireEvent.keyDown(b, { key: 'ArrowLeft' });
    expect(screen.getByRole('button', { name: 'Candidate B, x 0.49, y 0.53' })).toBeTruthy();
    fireEvent.keyDown(b, { key: 'ArrowUp', shiftKey: true });
    expect(screen.getByRole('button', { name: 'Candidate B, x 0.49, y 0.58' })).toBeTruthy();
    expect(caption()).toContain('B (0.49, 0.58)');
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?spatial-election=bx:0.49,by:0.58');
  });

  test('dragging a candidate with the pointer moves it to the pointer, snapped to 0.01', () => {
    vi.stubGlobal('Worker', SilentWorker);
    render(<SpatialElection />);
    const svg = document.querySelector('svg[role="group"]')!;
    // The SVG drawn at its viewBox size (400 × 392) from the page's top-left corner.
    vi.spyOn(svg, 'getBoundingClientRect').mockReturnValue({ left: 0, top: 0, width: 400, height: 392 } as DOMRect);
    const a = screen.getByRole('button', { name: /^Candidate A/ });
    fireEvent.pointerDown(a, { pointerId: 1, clientX: 150, clientY: 180 });
    // x = (150 + 54 − 48)/340 … the plot box runs from 48 to 388 across and 10 to 350 down.
    fireEvent.pointerMove(a, { pointerId: 1, clientX: 218, clientY: 180 });
    expect(screen.getByRole('button', { name: 'Candidate A, x 0.50, y 0.50' })).toBeTruthy();
    fireEvent.pointerUp(a, { pointerId: 1 });
    // After release, moving the pointer no longer drags.
    fireEvent.pointerMove(a, { pointerId: 1, clientX: 48, clientY: 350 });
    expect(screen.getByRole('button', { name: 'Candidate A, x 0.50, y 0.50' })).toBeTruthy();
  });

  test('after hydration the full 100 × 100 diagram is computed in the worker and replaces the preview', async () => {
    vi.stubGlobal('Worker', InlineWorker);
    render(<SpatialElection />);
    await waitFor(() => expect(status()).toBe('100 × 100 diagram, computed in a Web Worker.'), { timeout: 10_000 });
    const worker = InlineWorker.made.at(-1)!;
    expect(String(worker.url)).toMatch(/\/spatial-election\.worker\.ts/);
    expect(worker.options).toEqual({ type: 'module' });
    expect(worker.jobs.at(-1)).toMatchObject({ resolution: 100, voters: 201, rule: 'plurality', spread: 0.25 });
    expect(caption()).toMatch(/Yee diagram for plurality \(100 × 100\)/);
    expect(document.querySelector('canvas.sim-heat-canvas')).not.toBeNull();
    expect((document.querySelector('progress') as HTMLProgressElement).value).toBe(1);
  });

  test('Cancel stops a running diagram, keeps the preview, and Compute starts it again', async () => {
    vi.stubGlobal('Worker', SilentWorker);
    render(<SpatialElection />);
    await waitFor(() => expect(SilentWorker.made).toHaveLength(1));
    SilentWorker.made[0]!.progress(0.4);
    expect(status()).toBe('Computing the 100 × 100 diagram: 40%. Showing the 24 × 24 preview.');
    expect((document.querySelector('progress') as HTMLProgressElement).value).toBeCloseTo(0.4);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(SilentWorker.made[0]!.terminated).toBe(true);
    expect(status()).toBe('Cancelled: showing the 24 × 24 preview.');
    expect(caption()).toMatch(/\(24 × 24\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Compute 100 × 100' }));
    expect(SilentWorker.made).toHaveLength(2);
    expect(status()).toMatch(/^Computing the 100 × 100 diagram: 0%/);
  });

  test('choosing a resolution and a rule starts a worker for exactly that diagram', async () => {
    vi.stubGlobal('Worker', InlineWorker);
    render(<SpatialElection />);
    const rule = screen.getByLabelText('Yee diagram rule') as HTMLSelectElement;
    rule.value = 'borda';
    fireEvent.change(rule);
    const res = screen.getByLabelText('Yee diagram resolution') as HTMLSelectElement;
    res.value = '50';
    fireEvent.change(res);
    await waitFor(() => expect(status()).toBe('50 × 50 diagram, computed in a Web Worker.'), { timeout: 10_000 });
    expect(InlineWorker.made.at(-1)!.jobs.at(-1)).toMatchObject({ resolution: 50, rule: 'borda' });
    expect(caption()).toMatch(/Yee diagram for the Borda count \(50 × 50\)/);
  });

  test('without Web Workers the preview stays and the status says why', async () => {
    vi.stubGlobal('Worker', undefined);
    render(<SpatialElection />);
    await waitFor(() =>
      expect(status()).toMatch(/^The 100 × 100 diagram could not be computed \(Could not start the worker/),
    );
    expect(caption()).toMatch(/\(24 × 24\)/);
  });

  test('every control has a visible label and the candidates slider adds candidate D', () => {
    vi.stubGlobal('Worker', SilentWorker);
    render(<SpatialElection />);
    for (const label of [
      'Candidates',
      'Voter centre x',
      'Voter centre y',
      'Voter spread',
      'Voters',
      'Approval radius',
      'Seed',
      'Yee diagram rule',
      'Yee diagram resolution',
      'Progress',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.keyDown(screen.getByLabelText('Candidates'), { key: 'ArrowRight' });
    expect(screen.getByRole('button', { name: 'Candidate D, x 0.50, y 0.20' })).toBeTruthy();
    expect(caption()).toContain('D (0.50, 0.20)');
  });

  test('the vote tallies are there on demand, one line per rule', () => {
    vi.stubGlobal('Worker', SilentWorker);
    render(<SpatialElection />);
    const details = [...document.querySelectorAll('details')].find((d) => d.textContent?.startsWith('Vote tallies'))!;
    const items = [...details.querySelectorAll('li')].map((li) => li.textContent);
    expect(items).toHaveLength(9);
    expect(items[0]).toMatch(/^Plurality: First preferences: A \d+, B \d+, C \d+\.$/);
    expect(items[8]).toMatch(/^Approval: Approvals within 0.3: A \d+, B \d+, C \d+\.$/);
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    vi.stubGlobal('Worker', SilentWorker);
    window.history.replaceState(null, '', '/p?spatial-election=candidates:2,bx:0.8,rule:irv&second=spread:0.1');
    render(
      <>
        <SpatialElection />
        <SpatialElection embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent ?? '');
    expect(captions[0]).toMatch(/candidates A \(0\.30, 0\.50\), B \(0\.80, 0\.53\)\./);
    expect(captions[0]).toMatch(/Yee diagram for instant runoff/);
    expect(captions[1]).toMatch(/with spread 0\.1;/);
  });

  test('a bad link shows a visible notice and falls back to the defaults', () => {
    vi.stubGlobal('Worker', SilentWorker);
    window.history.replaceState(null, '', '/p?spatial-election=ax:2,rule:dictator,resolution:7,voters:0');
    render(<SpatialElection />);
    const notice = document.querySelector('.sim-notice')!.textContent ?? '';
    expect(notice).toMatch(/Candidate A x: expected a number from 0 to 1, got "2"; using 0.3/);
    expect(notice).toMatch(/Yee diagram rule: expected one of plurality/);
    expect(notice).toMatch(/Yee diagram resolution: expected one of 50, 100, 200, got "7"; using 100/);
    expect(notice).toMatch(/Voters: expected a whole number from 21 to 1001, got "0"; using 201/);
    expect(caption()).toMatch(/^201 voters around \(0\.50, 0\.50\)/);
  });
});
