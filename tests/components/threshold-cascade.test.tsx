// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { defaultsOf } from '../../components/kit/params.ts';
import {
  ThresholdCascade,
  buildCascade,
  closeUpDomain,
  fixedPointsOf,
  iterateMap,
} from '../../components/sims/ThresholdCascade.tsx';
import { thresholdCascadeParams } from '../../components/sims/threshold-cascade.params.ts';

// Granovetter (1978): 100 people with thresholds 0, 1, …, 99 all riot, one more each round; move
// the threshold-1 person to 2 and the riot is the instigator alone. Kuran (1991, 1995): public
// opinion can sit far below private opinion and then jump.

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
const crowdSvg = () => document.querySelector('.sim-chart svg.sim-chart-svg')!;
/** Dots (and instigator squares) filled as acting: blue, or orange for those who joined this round. */
const filledDots = () =>
  [...crowdSvg().querySelectorAll('circle, rect')].filter((el) => el.getAttribute('fill') !== 'var(--sim-panel)')
    .length;

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
  window.history.replaceState(null, '', '/wiki/threshold-model/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('ThresholdCascade server render', () => {
  test('the server render shows Granovetter’s finished riot of 100: the crowd, the diagram and the caption', () => {
    const html = renderToString(<ThresholdCascade />);
    expect(html).toContain(
      'Round 99 of 99: 100 of 100 act, 1 joined this round. Thresholds 0, 1, …, 99. The cascade stops at the fixed point r* = 100, where F(r) = r (Granovetter 1978: with 100 people all 100 riot, but move the threshold-1 person to 2 and only 1 does).',
    );
    // 100 dots (radius 0.42 of a 30-unit cell), all filled: 99 acting and the last one, who
    // joined in round 99.
    expect(html.match(/<circle cx="[\d.]+" cy="[\d.]+" r="12.6" fill="var\(--sim-series-1\)"/g)).toHaveLength(99);
    expect(html.match(/<circle cx="[\d.]+" cy="[\d.]+" r="12.6" fill="var\(--sim-series-2\)"/g)).toHaveLength(1);
    expect(html).toContain('The crowd after round 99');
    expect(html).toContain('fixed point r* = 100</text>');
    // The close-up of the first 12, where F(r) = r + 1 runs one step above the 45° line.
    expect(html).toContain('Close-up: from 0 to 12 people');
    // The count chart: one line with real geometry.
    expect(html).toMatch(/<path class="sim-line" d="M[\d.]+,[\d.]+L/);
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('the server render of the changed crowd shows a riot of 1 and the unreached fixed point at 100', () => {
    const html = renderToString(<ThresholdCascade changeOne embedKey="changed" />);
    expect(html).toContain(
      'Round 0 of 0: 1 of 100 act. Thresholds 0, 1, …, 99 with the threshold-1 person moved to 2. The cascade stops at the fixed point r* = 1',
    );
    expect(html).toContain('turns a riot of 100 into a riot of 1');
    expect(html).toContain('other fixed points');
    expect(html).toContain('id="sim-changed"');
  });
});

describe('the cascade as the figure draws it', () => {
  const base = defaultsOf(thresholdCascadeParams);

  test('buildCascade(uniform) grows one person a round; with the change it stops at 1', () => {
    const riot = buildCascade(base);
    expect(riot.rounds).toBe(100);
    expect(riot.counts.slice(0, 3)).toEqual([1, 2, 3]);
    expect(riot.path.slice(0, 4)).toEqual([0, 1, 2, 3]);
    const one = buildCascade({ ...base, changeOne: true });
    expect(one.counts).toEqual([1]);
    expect(fixedPointsOf(one.map(0))).toEqual([1, 100]);
  });

  test('buildCascade adds instigators who act from round 0: one restores the riot after the change', () => {
    const c = buildCascade({ ...base, changeOne: true, spark: 1 });
    // Two people with threshold 0 (the instigator and the crowd's own), then F(r) = r + 2.
    expect(c.counts.slice(0, 3)).toEqual([2, 4, 6]);
    expect(c.counts.at(-1)).toBe(101);
    expect(c.top).toBe(101);
    expect(c.sparkActing(0)).toBe(true);
  });

  test('buildCascade(kuran) follows publicOpinionRounds: dots saying “yes” add up to the count', () => {
    const c = buildCascade({ ...base, crowd: 'kuran' });
    for (const t of [1, 10, 30, 60]) {
      const yes = c.order(t).filter((i) => c.acting(i, t)).length;
      expect(yes).toBe(c.counts[t]);
    }
    // The crowd is drawn in order of the current thresholds.
    const need = c.order(30).map((i) => c.need(i, 30));
    expect(need).toEqual([...need].sort((a, b) => a - b));
  });

  test('iterateMap, fixedPointsOf and closeUpDomain', () => {
    const f = [1, 1, 3, 4, 4];
    expect(iterateMap(f, 0)).toEqual([0, 1]);
    expect(iterateMap(f, 2)).toEqual([2, 3, 4]);
    expect(fixedPointsOf(f)).toEqual([1, 4]);
    const uniform = Array.from({ length: 101 }, (_, r) => Math.min(100, r + 1));
    // Everyone acts: the close-up goes to the bottleneck, here the start (every gap is 1).
    expect(closeUpDomain(uniform, 0, 100)).toEqual([0, 12]);
    // Stopping at 40: the close-up is centred on it.
    expect(closeUpDomain(uniform, 0, 40)).toEqual([34, 46]);
    // A run that is never close to stopping gets no close-up, nor does a small crowd.
    const rush = Array.from({ length: 101 }, (_, r) => Math.min(100, r + 30));
    expect(closeUpDomain(rush, 0, 100)).toBeNull();
    expect(closeUpDomain([1, 2, 3, 3], 0, 3)).toBeNull();
  });
});

describe('ThresholdCascade in the browser', () => {
  test('the one-person change turns the riot of 100 into a riot of 1, and back, and goes into the link', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<ThresholdCascade />);
    const change = screen.getByRole('button', { name: /Move the threshold-1 person to 2/ });
    expect(change.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(change);
    expect(change.getAttribute('aria-pressed')).toBe('true');
    expect(caption()).toMatch(/^Round 0 of 0: 1 of 100 act\./);
    expect(filledDots()).toBe(1);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?threshold-cascade=changeOne:1');
    fireEvent.click(change);
    expect(caption()).toMatch(/^Round 99 of 99: 100 of 100 act/);
    expect(filledDots()).toBe(100);
  });

  test('Reset goes to round 0 and Step adds one person a round', () => {
    render(<ThresholdCascade />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/^Round 0 of 99: 1 of 100 act\./);
    expect(screen.getByText('The crowd after round 0')).toBeTruthy();
    expect(filledDots()).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Step a round' }));
    expect(caption()).toMatch(
      /^Round 1 of 99: 2 of 100 act, 1 joined this round\. .* It will stop at the fixed point r\* = 100/,
    );
    expect(filledDots()).toBe(2);
  });

  test('Play runs the rounds from animation frames, stops at the end, and replays from round 0', () => {
    stubAnimationFrames();
    render(<ThresholdCascade people={10} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    // 5 rounds per second, a 100 ms frame gap: half a round per frame (plus 1/12 at the first).
    runFrame(100);
    runFrame(200);
    expect(caption()).toMatch(/^Round 1 of 9: 2 of 10 act/);
    for (let t = 300; t <= 3000; t += 100) runFrame(t);
    expect(caption()).toMatch(/^Round 9 of 9: 10 of 10 act/);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    expect(caption()).toMatch(/^Round 0 of 9: 1 of 10 act/);
  });

  test('one instigator, added with the keyboard, restores the riot after the change', () => {
    render(<ThresholdCascade changeOne />);
    fireEvent.keyDown(screen.getByLabelText('Spark: instigators'), { key: 'ArrowRight' });
    expect(caption()).toMatch(
      /^Round 50 of 50: 101 of 101 act, 1 joined this round\. Thresholds 0, 1, …, 99 with the threshold-1 person moved to 2 plus 1 instigator\./,
    );
    expect(crowdSvg().querySelectorAll('rect')).toHaveLength(1);
  });

  test('the normal crowd: the same mean threshold gives a riot of 1 or of 100 depending on the spread', () => {
    render(<ThresholdCascade crowd="normal" />);
    for (const label of ['Mean threshold', 'Spread of thresholds (sd)', 'Seed'])
      expect(screen.getByLabelText(label)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Move the threshold-1 person/ })).toBeNull();
    // Seed 1, mean 25: with sd 10 only the one lowest threshold acts; with sd 16 everyone does
    // (the model's draws; Granovetter's point, with his mean of 25).
    expect(caption()).toMatch(
      /: 1 of 100 act.* normal distribution with mean 25 and spread 10\. The cascade stops at the fixed point r\* = 1,/,
    );
    const sd = screen.getByLabelText('Spread of thresholds (sd)');
    for (let k = 0; k < 12; k++) fireEvent.keyDown(sd, { key: 'ArrowRight' });
    expect(caption()).toMatch(/: 100 of 100 act.* spread 16\. The cascade stops at the fixed point r\* = 100,/);
  });

  test('Kuran’s crowd without drift: public opinion rests far below private opinion', () => {
    render(<ThresholdCascade crowd="kuran" drift={0} />);
    expect(caption()).toBe(
      'Period 3 of 3: 13 people say “yes” in public (13%), while 53 privately prefer change (53%). Without drift public opinion settles at 13% saying “yes”, the fixed point of the map, while 53% privately prefer change: preference falsification keeps the two apart (Kuran 1995).',
    );
    expect(filledDots()).toBe(13);
    // Rings mark private supporters of change: 53 of them.
    const rings = [...crowdSvg().querySelectorAll('circle')].filter(
      (c) => c.getAttribute('stroke') === 'var(--sim-series-3)',
    );
    expect(rings).toHaveLength(53);
    expect(screen.getByText('Close-up: from 7 to 19 people')).toBeTruthy();
  });

  test('Kuran’s crowd with drift: public opinion lags, then jumps', () => {
    render(<ThresholdCascade crowd="kuran" />);
    expect(caption()).toMatch(
      /^Period 60 of 60: .* Private preferences drift by 0\.005 a period; public opinion moves most in period 32, from 53% to 84%, and ends at 100%/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    for (let k = 0; k < 20; k++) fireEvent.click(screen.getByRole('button', { name: 'Step a period' }));
    // Twenty periods in, a fifth speak up while about two thirds privately want change.
    expect(caption()).toMatch(
      /^Period 20 of 60: 20 people say “yes” in public \(20%\), while 65 privately prefer change \(65%\)\./,
    );
  });

  test('every control has a visible label', () => {
    render(<ThresholdCascade crowd="kuran" />);
    for (const label of [
      'Thresholds',
      'People N',
      'Spark: instigators',
      'Mean private preference for change',
      'Drift of private preferences',
      'Seed',
      'Speed',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
  });

  test('the state in the link is read after hydration, and a hostile link gives a notice and the defaults', () => {
    window.history.replaceState(
      null,
      '',
      '/p?threshold-cascade=crowd:normal,sd:16&second=people:5000,drift:abc,crowd:%3Cb%3E',
    );
    render(
      <>
        <ThresholdCascade />
        <ThresholdCascade embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    expect(captions[0]).toMatch(/: 100 of 100 act.* spread 16\./);
    expect(captions[1]).toMatch(/^Round 99 of 99: 100 of 100 act/);
    const notice = document.querySelectorAll('.sim-notice')[1]!.textContent ?? '';
    expect(notice).toMatch(/People N: expected a whole number from 10 to 200, got "5000"; using 100/);
    expect(notice).toMatch(/Drift of private preferences: expected a number from -0\.01 to 0\.01, got "abc"/);
    expect(notice).toMatch(/Thresholds: expected one of uniform, normal, kuran/);
  });

  test('autoplay plays from round 0, but not when the reader prefers reduced motion', () => {
    stubAnimationFrames();
    stubReducedMotion(false);
    const first = render(<ThresholdCascade autoplay />);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
    expect(caption()).toMatch(/^Round 0 of 99/);
    first.unmount();
    stubReducedMotion(true);
    render(<ThresholdCascade autoplay />);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
    expect(caption()).toMatch(/^Round 99 of 99/);
  });

  test('an autoplaying cascade stops when the reader turns on reduced motion', () => {
    stubAnimationFrames();
    let reduce = false;
    const listeners: (() => void)[] = [];
    vi.stubGlobal('matchMedia', (query: string) => ({
      get matches() {
        return reduce && query.includes('reduce');
      },
      media: query,
      addEventListener: (_type: string, listener: () => void) => listeners.push(listener),
      removeEventListener: () => undefined,
    }));
    render(<ThresholdCascade autoplay />);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
    reduce = true;
    act(() => {
      for (const listener of listeners) listener();
    });
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
  });

  test('"Show data" lists the count after each round', () => {
    render(<ThresholdCascade />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['round', 'acting']);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(100);
    expect([...table.querySelectorAll('tbody tr:last-child td')].map((td) => td.textContent)).toEqual(['99', '100']);
  });
});
