// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { CommonsHarvest } from '../../components/sims/CommonsHarvest.tsx';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';

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
function stubReducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: reduce && query.includes('reduce'),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/tragedy-of-the-commons/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('CommonsHarvest server render', () => {
  test('the server render draws the first 300 periods: paths, bars and a caption with welfare below the optimum', () => {
    const html = renderToString(<CommonsHarvest />);
    // Two welfare series and the stock: three line paths with real geometry.
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(3);
    expect(html.match(/<rect /g)?.length).toBe(8);
    // Defaults: N = 8, a = 5, b = 0.5, c = 1, so E_N = 64/9 ≈ 7.11, E* = 4, and Nash welfare is
    // 4N/(N+1)² = 32/81 ≈ 40% of the optimum (closed forms, Gordon 1954).
    expect(html).toContain(
      'Period 300, 8 agents, no mechanism: total effort 7.11 (Nash 7.11, optimum 4): welfare at 40% of the optimum; stock 28.9 of 100.',
    );
    expect(html).toContain('optimum 8</text>');
    expect(html).toContain('Nash 3.16</text>');
    expect(html).toContain('open access 20</text>');
    // Controls need JavaScript: disabled until hydration.
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('the server render uses the props: two agents with the Pigouvian charge reach the optimum', () => {
    const html = renderToString(<CommonsHarvest agents={2} mechanism="charge" embedKey="tax" />);
    // τ* = b·E*·(N − 1)/N = 0.5·4·1/2 = 1; E_N = 2/3·8 ≈ 5.33.
    expect(html).toContain(
      'Period 300, 2 agents, a charge of 1 per unit of effort: total effort 4 (unregulated Nash 5.33, optimum 4): welfare at 100% of the optimum',
    );
    expect(html).toContain('id="sim-tax"');
  });
});

describe('CommonsHarvest in the browser', () => {
  test('Step advances one period and Reset goes back to period 0', () => {
    render(<CommonsHarvest />);
    expect(caption()).toMatch(/^Period 300, /);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(/^Period 301, /);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/^Period 0, 8 agents/);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(/^Period 1, /);
  });

  test('every control has a visible label and the Agents slider answers the keyboard, restarting the run', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<CommonsHarvest />);
    for (const label of [
      'Agents N',
      'Growth rate r',
      'Cost of effort c',
      'Learning rate η',
      'Mechanism',
      'Learning rule',
      'Seed',
      'Speed',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    const agents = screen.getByLabelText('Agents N');
    fireEvent.keyDown(agents, { key: 'ArrowRight' });
    expect(caption()).toMatch(/^Period 300, 9 agents/);
    expect(document.querySelectorAll('.sim-bars rect')).toHaveLength(9);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?commons-harvest=agents:9');
  });

  test('choosing the quota changes the caption to the cap and full welfare', () => {
    render(<CommonsHarvest />);
    const select = screen.getByLabelText('Mechanism') as HTMLSelectElement;
    select.value = 'quota';
    fireEvent.change(select);
    expect(caption()).toMatch(
      /a cap of 0\.5 effort per agent: total effort 4 \(unregulated Nash 7\.11, optimum 4\): welfare at 100% of the optimum/,
    );
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?commons-harvest=agents:20,mechanism:quota&second=agents:3#model');
    render(
      <>
        <CommonsHarvest />
        <CommonsHarvest embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    expect(captions[0]).toMatch(/^Period 300, 20 agents, a cap of 0\.2 effort per agent/);
    expect(captions[1]).toMatch(/^Period 300, 3 agents, no mechanism/);
  });

  test('a bad link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?commons-harvest=agents:1e309,growth:abc');
    render(<CommonsHarvest />);
    const notice = document.querySelector('.sim-notice')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toMatch(/Agents N: expected a whole number from 2 to 50, got "1e309"; using 8/);
    expect(notice.textContent).toMatch(/Growth rate r: expected a number from 0.1 to 1/);
    expect(caption()).toMatch(/^Period 300, 8 agents/);
  });

  test('Play steps the model from animation frames at the chosen speed, and Pause stops it', () => {
    stubAnimationFrames();
    render(<CommonsHarvest />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    // 20 steps per second over a 100 ms frame gap: 2 more steps (plus the first frame's third).
    runFrame(100);
    expect(caption()).toMatch(/^Period 302, /);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(200);
    expect(caption()).toMatch(/^Period 302, /);
  });

  test('autoplay starts playing, but not when the reader prefers reduced motion', () => {
    stubAnimationFrames();
    stubReducedMotion(false);
    const first = render(<CommonsHarvest autoplay />);
    expect(screen.getByRole('button', { name: /Pause/ })).toBeTruthy();
    first.unmount();
    stubReducedMotion(true);
    render(<CommonsHarvest autoplay />);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
  });

  test('"Show data" lists the run as a table of periods', () => {
    render(<CommonsHarvest />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'period',
      'total effort',
      'stock',
      'long-run rent',
      'rent this period',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(200);
    expect(table.querySelector('tbody tr:last-child td')?.textContent).toBe('300');
  });
});
