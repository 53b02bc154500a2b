// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { Sycophancy } from '../../components/sims/Sycophancy.tsx';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { trainSycophancy } from '../../src/models/learning/sycophancy.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
const pct = (p: number) => `${Math.round(100 * p)}%`;

// The simulation's fixed settings (sycophancy.params.ts): competence 0.9, base rate 0.2, KL weight
// 0.05, 20,000 questions at step size 0.05, recorded every 100.
const run = (approvalWeight: number, raterError: number, seed: number) =>
  trainSycophancy({
    approvalWeight,
    raterError,
    seed,
    competence: 0.9,
    baseSycophancy: 0.2,
    klWeight: 0.05,
    steps: 20_000,
    learningRate: 0.05,
    recordEvery: 100,
  });

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

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/sycophancy/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('Sycophancy server render', () => {
  test('λ = 0.6 above the threshold: both charts drawn, and the caption reports the drift toward agreement', () => {
    const html = renderToString(<Sycophancy />);
    const training = run(0.6, 0.3, 1);
    const end = training.final;
    // Defaults w = 0.3, k = 0.9: honest accuracy c = 0.95, the raters' 0.7, λ* = 0.25/0.57 ≈ 0.44
    // (sycophancy.test.ts derives the same threshold).
    expect(html).toContain(
      `After 20,000 training questions with λ = 0.6 of the reward on approval and raters wrong on 30% of questions, the model agrees with the rater ${pct(end.sycophancy)} of the time: approval ${pct(end.approval)}, accuracy ${pct(end.accuracy)} (an honest model gets 95%, one that always agrees gets the raters’ 70%); the closed-form optimum agrees ${pct(training.fixedPoint.sycophancy)} of the time with accuracy ${pct(training.fixedPoint.accuracy)}. Above λ* = 0.44 agreeing earns more reward than an honest answer`,
    );
    expect(html).toContain('Sharma et al. (2024)');
    // Trained agreement ends well above the base model's 20%, near the optimum.
    expect(end.sycophancy).toBeGreaterThan(0.4);
    // Three training curves and three fixed-point curves, with real geometry.
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(6);
    expect(html).toContain('honest 0.95</text>');
    expect(html).toContain('raters 0.7</text>');
    expect(html).toMatch(/λ\* 0\.44\s*<\/text>/);
    expect(html).toMatch(/λ = 0\.6\s*<\/text>/);
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('λ = 0.2 below the threshold: training lowers agreement and keeps accuracy near the honest 95%', () => {
    const html = renderToString(<Sycophancy approvalWeight={0.2} embedKey="low" />);
    const end = run(0.2, 0.3, 1).final;
    expect(end.sycophancy).toBeLessThan(0.2);
    expect(html).toContain(`the model agrees with the rater ${pct(end.sycophancy)} of the time`);
    expect(html).toContain('Below λ* = 0.44 an honest answer earns more reward than agreeing');
    expect(html).toContain('id="sim-low"');
  });
});

describe('Sycophancy in the browser', () => {
  test('Reset shows the base model and Step trains on 100 more questions', () => {
    render(<Sycophancy />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    // The base model agrees 20% of the time: accuracy 0.2·0.7 + 0.8·0.95 = 0.9, approval 0.2 + 0.8·0.68 = 0.744.
    expect(caption()).toMatch(
      /^Before training, with λ = 0\.6 .*, the base model agrees with the rater 20% of the time: approval 74%, accuracy 90%/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    const training = run(0.6, 0.3, 1);
    expect(caption()).toMatch(/^After 100 training questions/);
    expect(caption()).toContain(`agrees with the rater ${pct(training.sycophancy[1]!)} of the time`);
  });

  test('every control has a visible label and the approval slider answers the keyboard, rerunning training', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<Sycophancy />);
    for (const label of ['Weight on rater approval λ', 'How often raters’ priors are wrong w', 'Seed', 'Speed']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.keyDown(screen.getByLabelText('Weight on rater approval λ'), { key: 'ArrowLeft' });
    const training = run(0.55, 0.3, 1);
    expect(caption()).toContain(
      `with λ = 0.55 of the reward on approval and raters wrong on 30% of questions, the model agrees with the rater ${pct(training.final.sycophancy)} of the time`,
    );
    fireEvent.keyDown(screen.getByLabelText('How often raters’ priors are wrong w'), { key: 'End' });
    expect(caption()).toContain('raters wrong on 50% of questions');
    expect(caption()).toContain('one that always agrees gets the raters’ 50%');
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?sycophancy=approvalWeight:0.55,raterError:0.5');
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?sycophancy=approvalWeight:1,raterError:0.1&second=approvalWeight:0#x');
    render(
      <>
        <Sycophancy />
        <Sycophancy embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent ?? '');
    expect(captions[0]).toMatch(/with λ = 1 of the reward on approval and raters wrong on 10% of questions/);
    expect(captions[0]).toContain('Above λ*');
    expect(captions[1]).toMatch(/with λ = 0 of the reward on approval and raters wrong on 30% of questions/);
    expect(captions[1]).toContain('Below λ*');
  });

  test('a hostile link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?sycophancy=approvalWeight:NaN,raterError:0.9,bogus:1');
    render(<Sycophancy />);
    const notice = document.querySelector('.sim-notice')!.textContent ?? '';
    expect(notice).toMatch(/Weight on rater approval λ: expected a number from 0 to 1, got "NaN"; using 0\.6/);
    expect(notice).toMatch(
      /How often raters’ priors are wrong w: expected a number from 0 to 0\.5, got "0\.9"; using 0\.3/,
    );
    expect(notice).toMatch(/unknown setting "bogus" ignored/);
    expect(caption()).toMatch(/with λ = 0\.6 of the reward on approval and raters wrong on 30% of questions/);
  });

  test('Play walks through training from the base model, stops at the end, and Pause stops it', () => {
    stubAnimationFrames();
    render(<Sycophancy />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    runFrame(100);
    // 20 records (2,000 questions) per second: 2 records over a 100 ms frame gap.
    expect(caption()).toMatch(/^After 200 training questions/);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(200);
    expect(caption()).toMatch(/^After 200 training questions/);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    for (let k = 1; k <= 110; k++) runFrame(200 + 100 * k);
    expect(caption()).toMatch(/^After 20,000 training questions/);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
  });

  test('"Show data" lists the records so far', () => {
    render(<Sycophancy />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'questions',
      'agrees with rater',
      'accuracy',
      'approval',
    ]);
    expect(table.querySelector('tbody tr:last-child td')?.textContent).toBe('20000');
  });
});
