// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { PublicGoods, publicGoodsModelParams } from '../../components/sims/PublicGoods.tsx';
import { defaultsOf } from '../../components/kit/params.ts';
import { formatNumber } from '../../components/kit/format.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { publicGoodsSimParams } from '../../components/sims/public-goods.params.ts';
import { simulatePublicGoods } from '../../src/models/commons/public-goods.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/** The model's own average contribution in round `t` for the simulation's values, computed apart from the component. */
function modelAverage(overrides: Partial<ReturnType<typeof defaultsOf<typeof publicGoodsSimParams>>>, t: number): number {
  const params = publicGoodsModelParams({ ...defaultsOf(publicGoodsSimParams), ...overrides });
  return mean(simulatePublicGoods(params, t + 1)[t]!);
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
  window.history.replaceState(null, '', '/wiki/public-goods-game/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('PublicGoods server render', () => {
  test('the server render draws 100 rounds: four player lines, the average, Nash and optimum lines, and a caption of decay', () => {
    const html = renderToString(<PublicGoods />);
    const avg = modelAverage({}, 100);
    expect(avg).toBeLessThan(0.25 * 20);
    expect(html).toContain(
      `Round 100, 4 players, r = 1.6, no punishment: average contribution ${formatNumber(avg)} of 20 tokens (${Math.round((100 * avg) / 20)}%)`,
    );
    expect(html).toContain('the Nash equilibrium is 0, the optimum 20.');
    expect(html).toContain('As in Fehr and Gächter’s (2000) experiments without punishment, contributions have decayed toward zero.');
    // One thin path per player plus the average and the payoff line, all with real geometry.
    expect(html.match(/<path d="M[\d.]+,[\d.]+L/g)).toHaveLength(4);
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(2);
    expect(html).toContain('optimum 20</text>');
    expect(html).toContain('Nash 0</text>');
    expect(html).toContain('optimum 32</text>');
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('the server render with punishment shows contributions held high (Fehr & Gächter 2000, qualitative)', () => {
    const html = renderToString(<PublicGoods punishment players={8} embedKey="punish" />);
    const avg = modelAverage({ punishment: true, players: 8 }, 100);
    expect(avg).toBeGreaterThan(0.6 * 20);
    expect(html).toContain(`Round 100, 8 players, r = 1.6, with punishment (fine 3 per unit, cost 1): average contribution ${formatNumber(avg)} of 20 tokens`);
    expect(html).toContain('As in Fehr and Gächter’s (2000) experiments with punishment, contributions stay high.');
    expect(html).toContain('id="sim-punish"');
    expect(html).toContain('Fine per punishment unit p');
  });
});

describe('PublicGoods in the browser', () => {
  test('Step advances one round and Reset goes back to round 0', () => {
    render(<PublicGoods />);
    expect(caption()).toMatch(/^Round 100, /);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(/^Round 101, /);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/^Round 0, 4 players/);
    expect(caption()).toContain(`average contribution ${formatNumber(modelAverage({}, 0))} of 20`);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(/^Round 1, /);
  });

  test('every control has a visible label; switching punishment on restarts the run, shows the fine, and the URL follows', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<PublicGoods />);
    for (const label of ['Players N', 'Multiplier r', 'Costly punishment', 'Learning rule', 'Exploration', 'Seed', 'Speed']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.queryByLabelText('Fine per punishment unit p')).toBeNull();
    fireEvent.click(screen.getByLabelText('Costly punishment'));
    expect(caption()).toMatch(/^Round 100, 4 players, r = 1\.6, with punishment/);
    expect(caption()).toContain(`average contribution ${formatNumber(modelAverage({ punishment: true }, 100))} of 20`);
    expect(screen.getByLabelText('Fine per punishment unit p')).toBeTruthy();
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?public-goods=punishment:1');
  });

  test('a fine of zero cannot hold contributions up, and the caption says so', () => {
    render(<PublicGoods punishment fine={0} />);
    expect(caption()).toMatch(/This fine is too weak to hold contributions up/);
  });

  test('the Players slider answers the keyboard and draws one line per player', () => {
    render(<PublicGoods />);
    fireEvent.keyDown(screen.getByLabelText('Players N'), { key: 'ArrowRight' });
    expect(caption()).toMatch(/^Round 100, 5 players/);
    expect(document.querySelectorAll('.sim-chart-svg g[stroke-width="1"] path')).toHaveLength(5);
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?public-goods=players:6,punishment:1&second=learning:reinforcement#x');
    render(
      <>
        <PublicGoods />
        <PublicGoods embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    expect(captions[0]).toMatch(/^Round 100, 6 players, r = 1\.6, with punishment/);
    expect(captions[1]).toContain(`average contribution ${formatNumber(modelAverage({ learning: 'reinforcement' }, 100))} of 20`);
  });

  test('a bad link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?public-goods=players:99,multiplier:NaN,seed:-4');
    render(<PublicGoods />);
    const notice = document.querySelector('.sim-notice')!;
    expect(notice.textContent).toMatch(/Players N: expected a whole number from 3 to 12, got "99"; using 4/);
    expect(notice.textContent).toMatch(/Multiplier r: expected a number from 1\.1 to 2\.9/);
    expect(notice.textContent).toMatch(/Seed: expected a whole number from 0 to 4294967295/);
    expect(caption()).toMatch(/^Round 100, 4 players, r = 1\.6, no punishment/);
  });

  test('Play steps the model from animation frames, and Pause stops it', () => {
    stubAnimationFrames();
    render(<PublicGoods />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    runFrame(100);
    expect(caption()).toMatch(/^Round 102, /);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(200);
    expect(caption()).toMatch(/^Round 102, /);
  });

  test('autoplay starts playing, but not when the reader prefers reduced motion', () => {
    stubAnimationFrames();
    stubReducedMotion(false);
    const first = render(<PublicGoods autoplay />);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
    first.unmount();
    stubReducedMotion(true);
    render(<PublicGoods autoplay />);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
  });

  test('"Show data" lists the rounds with the average, the payoff and each player', () => {
    render(<PublicGoods />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'round',
      'average contribution',
      'average payoff',
      'player 1',
      'player 2',
      'player 3',
      'player 4',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(101);
  });
});
