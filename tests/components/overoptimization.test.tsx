// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { LAST_STEP, Overoptimization, overBenchmarks } from '../../components/sims/Overoptimization.tsx';
import {
  OVEROPT_GRID,
  QUICK_SWEEPS,
  overCurveKey,
  quickOverCurve,
  refineOverCurve,
} from '../../components/sims/overoptimization.curve.ts';
import { overoptimizationInfo, overoptimizationParams } from '../../components/sims/overoptimization.params.ts';
import { specProblems } from '../../components/kit/params-schema.ts';
import { formatNumber } from '../../components/kit/format.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { bestOfNKL, overoptimizationClosedForm } from '../../src/models/goodhart/overoptimization.ts';
import { fakeWorker } from './goodhart-worker-stub.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
const noProgress = async () => undefined;

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
  window.history.replaceState(null, '', '/wiki/reward-model-overoptimization/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('overoptimization parameters, benchmarks and curve', () => {
  test('the parameter spec is sound, the grid runs from n = 1 to 16,384 and the citation is Gao et al.', () => {
    expect(specProblems(overoptimizationParams)).toEqual([]);
    expect(overoptimizationInfo.about.reproduces.citation.key).toBe('gao2023');
    expect(OVEROPT_GRID).toHaveLength(LAST_STEP + 1);
    expect(OVEROPT_GRID.slice(0, 8)).toEqual([1, 2, 3, 4, 6, 8, 11, 16]);
    expect(OVEROPT_GRID[LAST_STEP]).toBe(16384);
  });

  test('overBenchmarks: gold peaks inside the run at the defaults, and the fitted law peaks next to it', () => {
    const b = overBenchmarks({ exploitWeight: 1, exploitCost: 0.4, seed: 1 });
    expect(b.base).toBeCloseTo(-0.4, 9);
    expect(b.bestStep).toBeGreaterThan(0);
    expect(b.bestStep).toBeLessThan(LAST_STEP);
    // Gao et al.'s law fits this model's exact curve closely.
    expect(b.fit.rSquared).toBeGreaterThan(0.999);
    const peakN = b.peak!.candidates;
    expect(peakN).toBeGreaterThan(OVEROPT_GRID[b.bestStep - 1]!);
    expect(peakN).toBeLessThan(OVEROPT_GRID[b.bestStep + 1]!);
  });

  test('overBenchmarks without a penalty on the exploit: gold rises to the end and the law has no peak', () => {
    const b = overBenchmarks({ exploitWeight: 1, exploitCost: 0, seed: 1 });
    expect(b.bestStep).toBe(LAST_STEP);
    expect(b.peak === null || b.peak.candidates > 16384).toBe(true);
  });

  test('refineOverCurve with one chunk is the quick estimate; with two it doubles every sample count', async () => {
    const input = { exploitWeight: 1, exploitCost: 0.4, seed: 3 };
    const quick = quickOverCurve(input);
    const one = await refineOverCurve({ ...input, chunks: 1 }, noProgress);
    expect(one.key).toBe(overCurveKey(input));
    one.points.forEach((p, k) => expect(p.gold).toBeCloseTo(quick[k]!.gold, 12));
    const two = await refineOverCurve({ ...input, chunks: 2 }, noProgress);
    expect(two.sweeps).toBe(2 * QUICK_SWEEPS);
    two.points.forEach((p, k) => expect(p.samples).toBe(2 * quick[k]!.samples));
  });
});

describe('Overoptimization server render', () => {
  test('the server render shows the whole run: the exact rise and fall, the fitted law and its peak', () => {
    const html = renderToString(<Overoptimization />);
    const last = overoptimizationClosedForm({ candidates: 16384, exploitWeight: 1, exploitCost: 0.4 });
    const b = overBenchmarks({ exploitWeight: 1, exploitCost: 0.4, seed: 1 });
    const top = b.exact[b.bestStep]!;
    // KL of best-of-16,384 = log 16384 − 16383/16384 = 8.70 nats (Gao et al.'s formula).
    expect(html).toContain(
      `Best of n = 16,384 (KL 8.7 nats, step 28 of 28): proxy reward +${formatNumber(last.proxy)} and gold reward −${formatNumber(-(last.gold + 0.4))} over the base policy`,
    );
    expect(html).toContain(`Gold peaked at +${formatNumber(top.gold + 0.4)} at n = ${top.candidates} and has lost`);
    expect(html).toMatch(
      /fitted to the whole curve: α = [\d.]+, β = [\d.]+, R² = 0\.99\d*, peaking at d\* = α\/2β = [\d.]+ \(KL [\d.]+ nats, n ≈ \d+\)\./,
    );
    // Exact gold, fitted law and exact proxy: three paths with geometry; 28 dots in each chart.
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(3);
    expect(html.match(/<circle cx="[\d.]+" cy="[\d.]+" r="3.5"/g)).toHaveLength(2 * OVEROPT_GRID.length);
    expect(html).toMatch(/fitted peak d\*, n ≈ \d+<\/text>/);
    expect(html).toContain('base policy</text>');
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });
});

describe('Overoptimization in the browser', () => {
  test('Reset goes back to n = 1, Step raises n one step at a time, and the curves grow with it', () => {
    render(<Overoptimization />);
    expect(caption()).toMatch(/^Best of n = 16,384 /);
    expect((screen.getByRole('button', { name: 'Step (next n)' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/^Best of n = 1 \(KL 0 nats, step 1 of 28\) is the base policy itself/);
    expect(document.querySelectorAll('circle[r="3.5"]')).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Step (next n)' }));
    // KL of best-of-2 = log 2 − 1/2 = 0.193 nats.
    expect(caption()).toMatch(
      /^Best of n = 2 \(KL 0\.193 nats, step 2 of 28\): proxy reward \+[\d.]+ and gold reward \+/,
    );
    expect(caption()).toMatch(/Gold is still rising; it will peak at/);
    expect(document.querySelectorAll('circle[r="3.5"]')).toHaveLength(4);
    expect(formatNumber(bestOfNKL(2))).toBe('0.193');
  });

  test('Play steps n from animation frames at the chosen speed, Pause stops it, and the run stops at the end', () => {
    stubAnimationFrames();
    render(<Overoptimization />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    const speed = screen.getByLabelText('Speed') as HTMLSelectElement;
    speed.value = '5';
    fireEvent.change(speed);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    // 5 steps per second over two 100 ms frame gaps: one step (plus the first frame's twelfth).
    runFrame(100);
    runFrame(200);
    expect(caption()).toMatch(/^Best of n = 2 /);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(300);
    runFrame(400);
    expect(caption()).toMatch(/^Best of n = 2 /);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    for (let t = 500; t < 500 + 100 * 80 && frames.length > 0; t += 100) runFrame(t);
    expect(caption()).toMatch(/^Best of n = 16,384 .*step 28 of 28/);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
  });

  test('Play at the end of the run starts again from n = 1', () => {
    stubAnimationFrames();
    render(<Overoptimization />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    expect(caption()).toMatch(/^Best of n = 1 /);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
  });

  test('the sliders have visible labels, answer the keyboard, show the whole run again and write the URL', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<Overoptimization />);
    for (const label of [
      'Reward model’s credit for the exploit a',
      'Gold reward’s penalty on the exploit c',
      'Seed',
      'Speed',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    const cost = screen.getByLabelText('Gold reward’s penalty on the exploit c');
    fireEvent.keyDown(cost, { key: 'Home' });
    expect(caption()).toMatch(/^Best of n = 16,384 .*Gold is still rising at the largest n/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?overoptimization=exploitCost:0');
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?overoptimization=exploitWeight:2,exploitCost:0.2&other=exploitCost:1');
    render(
      <>
        <Overoptimization />
        <Overoptimization embedKey="other" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent ?? '');
    const two = overoptimizationClosedForm({ candidates: 16384, exploitWeight: 2, exploitCost: 0.2 });
    // a = 2: σ = √5, so the proxy of the best of 16,384 is √5 times the largest of 16,384 normals.
    expect(captions[0]).toContain(`proxy reward +${formatNumber(two.proxy)} `);
    expect(captions[1]).toMatch(/^Best of n = 16,384 .*Gold peaked at \+[\d.]+ at n = \d+ /);
  });

  test('a hostile link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?overoptimization=exploitWeight:-1,exploitCost:abc,seed:1.5,zzz:1');
    render(<Overoptimization />);
    const notice = document.querySelector('.sim-notice')!;
    const text = notice.textContent ?? '';
    expect(notice.getAttribute('role')).toBe('status');
    expect(text).toMatch(/Reward model’s credit for the exploit a: expected a number from 0 to 2, got "-1"; using 1/);
    expect(text).toMatch(/Gold reward’s penalty on the exploit c: expected a number from 0 to 1, got "abc"; using 0.4/);
    expect(text).toMatch(/Seed: expected a whole number/);
    expect(text).toMatch(/unknown setting "zzz" ignored/);
    const b = overBenchmarks({ exploitWeight: 1, exploitCost: 0.4, seed: 1 });
    expect(caption()).toContain(`Gold peaked at +${formatNumber(b.exact[b.bestStep]!.gold + 0.4)}`);
  });

  test('autoplay plays from n = 1, but not when the reader prefers reduced motion', () => {
    stubAnimationFrames();
    stubReducedMotion(false);
    const first = render(<Overoptimization autoplay />);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
    expect(caption()).toMatch(/^Best of n = 1 /);
    first.unmount();
    stubReducedMotion(true);
    render(<Overoptimization autoplay />);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
    expect(caption()).toMatch(/^Best of n = 16,384 /);
  });

  test('after hydration a worker refines the dots, and its result replaces the quick estimate', async () => {
    const { FakeWorker, log } = fakeWorker(refineOverCurve, (input) => ({ ...input, chunks: 2 }));
    vi.stubGlobal('Worker', FakeWorker);
    render(<Overoptimization />);
    expect(screen.getByText('Quick estimate from 8 pools of 16,384 samples.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Dots from 16 pools of 16,384 samples.')).toBeTruthy(), {
      timeout: 4000,
    });
    expect(log.inputs[0]).toEqual({ exploitWeight: 1, exploitCost: 0.4, seed: 1 });
  });

  test('"Show data" lists the steps run so far', () => {
    render(<Overoptimization />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    fireEvent.click(screen.getByRole('button', { name: 'Step (next n)' }));
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(table.querySelector('tbody tr:last-child td')?.textContent).toBe('2');
  });
});
