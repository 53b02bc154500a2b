// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { IpdTournament, ipdRunInput, ipdWork } from '../../components/sims/IpdTournament.tsx';
import { IPD_SYNC_TURNS, ipdTournamentInfo, ipdTournamentParams } from '../../components/sims/ipd-tournament.params.ts';
import { computeIpdRoundRobin, runIpdRoundRobin, type IpdRunInput } from '../../components/sims/ipd-tournament.run.ts';
import { specProblems } from '../../components/kit/params-schema.ts';
import { defaultsOf } from '../../components/kit/params.ts';
import { serveWorker, type FromWorker, type WorkerScope } from '../../components/kit/serve-worker.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { roundRobin } from '../../src/models/dilemmas/tournament.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';

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

type Listener = (event: Event) => void;

/** A stand-in Worker: records what the page posts and lets the test answer as the worker would. */
class FakeWorker {
  static made: FakeWorker[] = [];
  readonly posted: { type: string; id: number; input?: IpdRunInput }[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Listener[]>();
  constructor() {
    FakeWorker.made.push(this);
  }
  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  removeEventListener() {}
  postMessage(message: { type: string; id: number; input?: IpdRunInput }) {
    this.posted.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  reply(message: Record<string, unknown>) {
    act(() => {
      for (const l of this.listeners.get('message') ?? []) l(new MessageEvent('message', { data: message }));
    });
  }
}

// Eight default entrants at 1,000 turns: more turns than the page plays at once.
const HEAVY = '?ipd-tournament=turns:1000';

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/tit-for-tat/');
  FakeWorker.made = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('ipd-tournament spec and run', () => {
  test('the parameter spec is sound and the citation is Axelrod (1984)', () => {
    expect(specProblems(ipdTournamentParams)).toEqual([]);
    expect(ipdTournamentInfo.about.reproduces.citation.key).toBe('axelrod1984');
  });

  test('ipdRunInput lists the ticked strategies in checkbox order, and needs two', () => {
    const values = defaultsOf(ipdTournamentParams);
    expect(ipdRunInput(values)?.strategies).toEqual([
      'tit-for-tat',
      'generous-tit-for-tat',
      'win-stay-lose-shift',
      'grudger',
      'always-cooperate',
      'always-defect',
      'random',
      'suspicious-tit-for-tat',
    ]);
    expect(
      ipdRunInput({
        ...values,
        tft: false,
        gtft: false,
        wsls: false,
        grudger: false,
        allc: false,
        alld: false,
        random: false,
      }),
    ).toBeNull();
    // The default tournament runs on the page; 1,000 turns a match does not.
    expect(ipdWork(ipdRunInput(values)!)).toBeLessThanOrEqual(IPD_SYNC_TURNS);
    expect(ipdWork(ipdRunInput({ ...values, turns: 1000 })!)).toBeGreaterThan(IPD_SYNC_TURNS);
  });

  test('the worker’s handler, served as the worker serves it, reports progress and returns roundRobin’s result', async () => {
    const input = ipdRunInput({ ...defaultsOf(ipdTournamentParams), noise: 0.01, turns: 50 })!;
    // Each call of Date.now() moves the clock on by 100 ms, so every match reports progress.
    let clock = 0;
    vi.spyOn(Date, 'now').mockImplementation(() => (clock += 100));
    const posted: FromWorker<unknown>[] = [];
    let listener: ((event: MessageEvent) => void) | undefined;
    const scope: WorkerScope = {
      addEventListener: (_type, l) => (listener = l),
      postMessage: (m) => posted.push(m as FromWorker<unknown>),
    };
    serveWorker(runIpdRoundRobin, scope);
    listener!(new MessageEvent('message', { data: { type: 'run', id: 7, input } }));
    await vi.waitFor(() => expect(posted.at(-1)?.type).toBe('done'), { timeout: 5000 });
    const progress = posted.filter((m) => m.type === 'progress').map((m) => (m as { value: number }).value);
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.every((v, i) => v > 0 && v <= 1 && (i === 0 || v >= progress[i - 1]!))).toBe(true);
    const done = posted.at(-1) as { type: 'done'; result: { key: string; result: unknown } };
    expect(done.result.key).toBe(input.key);
    expect(done.result.result).toEqual(
      roundRobin(input.strategies, { turns: 50, noise: 0.01, repetitions: 5, seed: 1 }),
    );
    expect(done.result).toEqual(computeIpdRoundRobin(input));
  });
});

describe('IpdTournament server render', () => {
  test('without noise tit for tat wins the round robin and the ecological run, and always defect dies out', () => {
    const html = renderToString(<IpdTournament />);
    // Axelrod (1984): nice, retaliatory rules do best; the exploiter dies out once its prey is gone.
    expect(html).toContain(
      'Round robin of 8 strategies, 200 turns a match, no noise, 5 matches a pair: tit for tat (2.59) scores most per turn',
    );
    expect(html).toMatch(
      /Ecological tournament, generation 200: tit for tat 23\.5%, .*; always defect has died out \(below 0\.1% since generation \d+\)/,
    );
    expect(html).toContain('As in Axelrod’s tournaments, nice strategies that retaliate do best');
    // Eight lines, an 8 × 8 heatmap and a ranking of eight.
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(8);
    expect(html.match(/<abbr title=/g)).toHaveLength(16);
    expect(html).toMatch(/<td style="[^"]*">1<\/td><th scope="row"[^>]*>Tit for tat<\/th>/);
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('with 2% noise generous tit for tat takes over the ecological run', () => {
    const html = renderToString(<IpdTournament noise={0.02} />);
    expect(html).toMatch(/Ecological tournament, generation 200: generous tit for tat 9\d(\.\d)?%/);
    expect(html).toContain('generous tit for tat forgives and recovers, which is why it leads');
  });

  test('a field without nice strategies says that it departs from Axelrod’s finding', () => {
    const html = renderToString(<IpdTournament tft={false} gtft={false} wsls={false} grudger={false} stft={false} />);
    expect(html).toContain('always defect (3) scores most per turn');
    expect(html).toContain('this field of entrants is different enough to change that');
  });
});

describe('IpdTournament in the browser', () => {
  test('Step goes past the generations shown, Reset goes back to 0, Play walks on and Pause stops', () => {
    stubAnimationFrames();
    render(<IpdTournament />);
    expect(caption()).toMatch(/generation 200: /);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(/generation 201: tit for tat 23\.5%/);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/generation 0: all 8 strategies have equal shares \(12\.5% each\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(/generation 1: /);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    runFrame(100);
    // 20 generations a second: a third of one in the first frame, two more after 100 ms.
    expect(caption()).toMatch(/generation 3: /);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(200);
    expect(caption()).toMatch(/generation 3: /);
  });

  test('Play at the generation the figure opens on replays the run from generation 0', () => {
    stubAnimationFrames();
    render(<IpdTournament />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    expect(caption()).toMatch(/generation 0: /);
    runFrame(0);
    runFrame(100);
    expect(caption()).toMatch(/generation 2: /);
  });

  test('ticking strategies changes the tournament and the URL; fewer than two stops it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<IpdTournament />);
    for (const label of [
      'Tit for two tats',
      'Turns per match',
      'Noise (chance a move flips)',
      'Matches per pair',
      'Generations shown at first',
      'Seed',
      'Speed',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.click(screen.getByLabelText('Tit for two tats'));
    expect(caption()).toMatch(/^Round robin of 9 strategies/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?ipd-tournament=tf2t:1');
    for (const name of [
      'Tit for two tats',
      'Tit for tat',
      'Generous tit for tat',
      'Win-stay, lose-shift',
      'Grudger',
      'Always cooperate',
      'Always defect',
      'Random',
    ]) {
      fireEvent.click(screen.getByLabelText(name));
    }
    expect(caption()).toBe('No tournament: choose at least two strategies.');
    expect(screen.getByText('Choose at least two strategies to run a tournament.')).toBeTruthy();
  });

  test('a large round robin runs in a worker with progress, keeps the old figure meanwhile, and shows the result', () => {
    vi.stubGlobal('Worker', FakeWorker);
    render(<IpdTournament />);
    const before = caption();
    expect(before).toMatch(/^Round robin of 8 strategies, 200 turns a match/);
    fireEvent.keyDown(screen.getByLabelText('Turns per match'), { key: 'End' });
    const worker = FakeWorker.made.at(-1)!;
    const run = worker.posted[0]!;
    expect(run.type).toBe('run');
    expect(run.input?.turns).toBe(1000);
    expect(screen.getByText(/Playing 96,000 turns in the background/)).toBeTruthy();
    expect(caption()).toBe(`Still showing the previous settings while the new round robin runs. ${before}`);
    worker.reply({ type: 'progress', id: run.id, value: 0.4 });
    expect((document.querySelector('progress') as HTMLProgressElement).value).toBeCloseTo(0.4);
    expect(screen.getByText('40%')).toBeTruthy();
    worker.reply({ type: 'done', id: run.id, result: computeIpdRoundRobin(run.input!) });
    expect(caption()).toMatch(/^Round robin of 8 strategies, 1000 turns a match/);
    expect(worker.terminated).toBe(true);
  });

  test('Cancel stops the worker and offers to run again; a worker that cannot start offers to run on the page', () => {
    vi.stubGlobal('Worker', FakeWorker);
    window.history.replaceState(null, '', `/p${HEAVY}`);
    render(<IpdTournament />);
    const worker = FakeWorker.made.at(-1)!;
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(worker.terminated).toBe(true);
    expect(screen.getByText(/Cancelled\./)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run the round robin' }));
    expect(FakeWorker.made).toHaveLength(2);
    cleanup();

    // No Worker at all (as here, without the stub): the run fails and the page offers to run it itself.
    vi.unstubAllGlobals();
    render(<IpdTournament />);
    expect(screen.getByText(/The background run failed/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Run on this page' }));
    expect(caption()).toMatch(/^Round robin of 8 strategies, 1000 turns a match/);
  });

  test('a hostile link shows a notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?ipd-tournament=turns:5,noise:abc,tft:maybe,evil:1');
    render(<IpdTournament />);
    const notice = document.querySelector('.sim-notice')!.textContent ?? '';
    expect(notice).toMatch(/Turns per match: expected a whole number from 10 to 1000, got "5"; using 200/);
    expect(notice).toMatch(/Noise \(chance a move flips\): expected a number from 0 to 0.2, got "abc"/);
    expect(notice).toMatch(/Tit for tat: expected 1 or 0, got "maybe"; using 1/);
    expect(notice).toMatch(/unknown setting "evil" ignored/);
    expect(caption()).toMatch(/^Round robin of 8 strategies, 200 turns a match, no noise/);
  });
});
