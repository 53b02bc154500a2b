// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { GoodhartSelection, candidatesAt, SCATTER_MAX_POINTS } from '../../components/sims/GoodhartSelection.tsx';
import {
  QUICK_SWEEPS,
  SELECTION_GRID,
  quickSelectionCurve,
  refineSelectionCurve,
  selectionCurveKey,
  type SelectionCurveInput,
} from '../../components/sims/goodhart-selection.curve.ts';
import { goodhartSelectionInfo, goodhartSelectionParams } from '../../components/sims/goodhart-selection.params.ts';
import { specProblems } from '../../components/kit/params-schema.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { poolSelectionSweeps, selectionSweep } from '../../src/models/goodhart/block-maxima.ts';
import { fakeWorker } from './goodhart-worker-stub.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
const noProgress = async () => undefined;

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/goodharts-law/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('goodhart-selection parameters and curve', () => {
  test('the parameter spec is sound and the citation key is the one the About text names', () => {
    expect(specProblems(goodhartSelectionParams)).toEqual([]);
    expect(goodhartSelectionInfo.about.reproduces.citation.key).toBe('kwa2024');
  });

  test('candidatesAt puts every pressure on the curve grid: 3 → 1,000, 2.75 → 562, off-step 2.6 snaps to 2.5 → 316', () => {
    expect(candidatesAt(3)).toBe(1000);
    expect(candidatesAt(2.75)).toBe(562);
    expect(candidatesAt(2.6)).toBe(316);
    for (let k = 0; k <= 16; k++) expect(SELECTION_GRID).toContain(candidatesAt(k / 4));
  });

  test('refineSelectionCurve with one chunk is the quick estimate, and with three pools three chunks', async () => {
    const input: SelectionCurveInput = { error: 'student-t', df: 3, errorSd: 1, seed: 4 };
    const one = await refineSelectionCurve({ ...input, chunks: 1 }, noProgress);
    expect(one.key).toBe(selectionCurveKey(input));
    expect(one.sweeps).toBe(QUICK_SWEEPS);
    const quick = quickSelectionCurve(input);
    one.points.forEach((p, j) => {
      expect(p.samples).toBe(quick[j]!.samples);
      expect(p.meanTrue).toBeCloseTo(quick[j]!.meanTrue, 12);
    });
    const progress: number[] = [];
    const three = await refineSelectionCurve({ ...input, chunks: 3 }, async (f) => {
      progress.push(f);
    });
    expect(progress).toEqual([1 / 3, 2 / 3, 1]);
    expect(three.points[0]!.samples).toBe(3 * quick[0]!.samples);
    // Chunk 0 is the quick estimate, so pooling it with the other two chunks by hand gives the same curve.
    const other = (seed: number) =>
      selectionSweep({
        trueSd: 1,
        errorSd: 1,
        error: 'student-t',
        df: 3,
        candidates: SELECTION_GRID,
        sweeps: QUICK_SWEEPS,
        seed,
      });
    const byHand = poolSelectionSweeps([
      quick,
      other((4 + Math.imul(1, 0x9e3779b9)) >>> 0),
      other((4 + Math.imul(2, 0x9e3779b9)) >>> 0),
    ]);
    three.points.forEach((p, j) => expect(p.meanTrue).toBeCloseTo(byHand[j]!.meanTrue, 12));
  });

  test('the curve key ignores the degrees of freedom under normal error', () => {
    const normal = { error: 'normal' as const, errorSd: 1, seed: 1 };
    expect(selectionCurveKey({ ...normal, df: 3 })).toBe(selectionCurveKey({ ...normal, df: 9 }));
    expect(selectionCurveKey({ ...normal, error: 'student-t', df: 3 })).not.toBe(
      selectionCurveKey({ ...normal, error: 'student-t', df: 9 }),
    );
  });
});

describe('GoodhartSelection server render', () => {
  test('the server render draws the scatter, both curves with 17 dots each, and a caption with the closed form', () => {
    const html = renderToString(<GoodhartSelection />);
    // Defaults: n = 1,000, normal error of scale 1. E[max of 1,000 normals] = 3.2414, so the
    // closed form gives a score √2·3.2414 = 4.58 and a true value half of it, 2.29 (Manheim &
    // Garrabrant 2018; the maximum from MODELS.md's table).
    expect(html).toContain('the Gaussian closed form (Manheim &amp; Garrabrant 2018) gives 2.29 and 4.58.');
    expect(html).toContain('always a fixed 50% of the score');
    expect(html).toMatch(
      /Best of n = 1,000 by a proxy with normal error of scale 1: in this draw the chosen candidate scores [\d.]+ but its true value is [\d.]+/,
    );
    // One dot per candidate in a single path: 1,000 "h0" segments.
    expect(html.match(/h0/g)).toHaveLength(1000);
    // Two curve charts × 17 grid points, plus the two highlight rings and the three legend swatches.
    expect(html.match(/<circle cx="[\d.]+" cy="[\d.]+" r="3.5"/g)).toHaveLength(2 * SELECTION_GRID.length);
    expect(html).toContain('n = 1,000</text>');
    expect(html).toContain('Quick estimate from 8 pools of 10,000 candidates.');
    // The controls need JavaScript: disabled until hydration.
    expect(html).toMatch(/<input id="sim-goodhart-selection-pressure" type="range"[^>]*disabled/);
  });

  test('the server render with heavy-tailed error at n = 10,000 shows the rise and fall and thins the scatter', () => {
    const html = renderToString(<GoodhartSelection error="student-t" pressure={4} embedKey="heavy" />);
    expect(html).toContain('id="sim-heavy"');
    expect(html).toMatch(
      /Best of n = 10,000 by a proxy with heavy-tailed Student-t error \(3 degrees of freedom\) of scale 1/,
    );
    expect(html).toMatch(/the true value peaks at [\d.]+ near n = [\d,]+ and falls back to -?[\d.e-]+ at n = 10,000/);
    expect(html).toContain('catastrophic Goodhart, as Kwa et al. (2024) found');
    expect(html.match(/h0/g)).toHaveLength(SCATTER_MAX_POINTS);
    expect(html).toContain('Showing 2,000 of the 10,000 candidates');
  });
});

describe('GoodhartSelection in the browser', () => {
  test('every control has a visible label, and the pressure slider answers the keyboard and writes the URL', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<GoodhartSelection />);
    for (const label of [
      'Optimisation pressure (log₁₀ of candidates n)',
      'Proxy error',
      'Degrees of freedom of the t error',
      'Error scale s',
      'Seed',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    const pressure = screen.getByLabelText('Optimisation pressure (log₁₀ of candidates n)');
    expect(pressure.getAttribute('aria-valuetext')).toBe('n = 1,000');
    fireEvent.keyDown(pressure, { key: 'ArrowLeft' });
    expect(caption()).toMatch(/^Best of n = 562 by a proxy/);
    expect(document.querySelectorAll('.sim-chart-title')[0]?.textContent).toBe('One draw of 562 candidates');
    fireEvent.keyDown(pressure, { key: 'Home' });
    expect(caption()).toMatch(/^One candidate, no choice/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?goodhart-selection=pressure:0');
  });

  test('choosing heavy-tailed error enables the degrees of freedom and changes the caption', () => {
    render(<GoodhartSelection />);
    const df = screen.getByLabelText('Degrees of freedom of the t error') as HTMLInputElement;
    expect(df.disabled).toBe(true);
    const select = screen.getByLabelText('Proxy error') as HTMLSelectElement;
    select.value = 'student-t';
    fireEvent.change(select);
    expect(df.disabled).toBe(false);
    expect(caption()).toMatch(/heavy-tailed Student-t error \(3 degrees of freedom\) of scale 1/);
    fireEvent.keyDown(df, { key: 'End' });
    expect(caption()).toMatch(/\(30 degrees of freedom\)/);
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?goodhart-selection=error:student-t,df:5,pressure:2&second=errorSd:2#x');
    render(
      <>
        <GoodhartSelection />
        <GoodhartSelection embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    expect(captions[0]).toMatch(
      /^Best of n = 100 by a proxy with heavy-tailed Student-t error \(5 degrees of freedom\)/,
    );
    // errorSd 2: shrinkage 1/√5, so the closed form at n = 1,000 is 3.2414/√5 ≈ 1.45 and the score √5·3.2414 ≈ 7.25.
    expect(captions[1]).toMatch(/normal error of scale 2: .* gives 1\.45 and 7\.25\./);
  });

  test('a hostile link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?goodhart-selection=pressure:1e309,error:cauchy,df:1,zzz:1');
    render(<GoodhartSelection />);
    const notice = document.querySelector('.sim-notice')!;
    expect(notice.getAttribute('role')).toBe('status');
    const text = notice.textContent ?? '';
    expect(text).toMatch(
      /Optimisation pressure \(log₁₀ of candidates n\): expected a number from 0 to 4, got "1e309"; using 3/,
    );
    expect(text).toMatch(/Proxy error: expected one of normal, student-t, got "cauchy"/);
    expect(text).toMatch(/Degrees of freedom of the t error: expected a whole number from 2 to 30/);
    expect(text).toMatch(/unknown setting "zzz" ignored/);
    expect(caption()).toMatch(/^Best of n = 1,000 by a proxy with normal error of scale 1/);
  });

  test('after hydration a worker refines the curve, and its result replaces the quick estimate', async () => {
    const { FakeWorker, log } = fakeWorker(refineSelectionCurve, (input) => ({ ...input, chunks: 2 }));
    vi.stubGlobal('Worker', FakeWorker);
    render(<GoodhartSelection />);
    expect(screen.getByText('Quick estimate from 8 pools of 10,000 candidates.')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('Curve from 16 pools of 10,000 candidates.')).toBeTruthy(), {
      timeout: 4000,
    });
    expect(log.created).toBe(1);
    expect(log.inputs[0]).toEqual({ error: 'normal', df: 3, errorSd: 1, seed: 1 });
    // 16 pools of 10,000 give 160 selections at n = 1,000.
    expect(caption()).toMatch(/Averaged over 160 selections/);
  });

  test('Cancel stops the refinement and keeps the quick estimate, and Refine starts it again', async () => {
    const { FakeWorker, log } = fakeWorker(refineSelectionCurve, (input) => ({ ...input, chunks: 200 }));
    vi.stubGlobal('Worker', FakeWorker);
    render(<GoodhartSelection />);
    const cancel = await waitFor(() => screen.getByRole('button', { name: 'Cancel' }), { timeout: 4000 });
    expect(screen.getByLabelText('Refinement progress')).toBeTruthy();
    fireEvent.click(cancel);
    expect(screen.getByText('Refinement cancelled; showing the quick estimate from 8 pools.')).toBeTruthy();
    expect(log.terminated).toBe(1);
    expect(caption()).toMatch(/Averaged over 80 selections/);
    fireEvent.click(screen.getByRole('button', { name: 'Refine' }));
    expect(log.created).toBe(2);
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeTruthy();
  });

  test('without Web Workers the figure keeps the quick estimate and says why', async () => {
    // happy-dom has no Worker, so creating one throws.
    render(<GoodhartSelection />);
    await waitFor(() => expect(screen.getByText(/^Could not refine in the background \(/)).toBeTruthy(), {
      timeout: 4000,
    });
    expect(caption()).toMatch(/Averaged over 80 selections/);
    expect(screen.getByRole('button', { name: 'Refine' })).toBeTruthy();
  });

  test('"Show data" lists the curve as a table with one row per n', () => {
    render(<GoodhartSelection />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect(table.querySelectorAll('tbody tr')).toHaveLength(SELECTION_GRID.length);
    expect(table.querySelector('th')?.textContent).toBe('candidates n');
    expect(table.querySelector('tbody tr:last-child td')?.textContent).toBe('10000');
  });
});
