// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RewardHackingGridworld, pathEdges, trailingMean } from '../../components/sims/RewardHackingGridworld.tsx';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { trainGridworld } from '../../src/models/learning/gridworld.ts';

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

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/specification-gaming/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('RewardHackingGridworld server render', () => {
  test('the flawed reward, fully trained: the grid with the looping path, both learning curves and a caption naming the gaming', () => {
    const html = renderToString(<RewardHackingGridworld />);
    // The caption's numbers come from the model run it shows (seed 1, 500 episodes).
    const { greedy, successes } = trainGridworld({ seed: 1, fix: 'none', episodes: 500 });
    expect(greedy.reachedGoal).toBe(false);
    const rate = Math.round((100 * successes.slice(-20).reduce((a, b) => a + b, 0)) / 20);
    expect(html).toContain(
      `After 500 of 500 training episodes with the flawed reward (the bonus pays on every entry), the greedy policy walks to the bonus tile and steps on and off it ${greedy.bonusVisits} times in 50 steps for a proxy return of ${greedy.proxyReturn}, against 11 for heading straight to the goal past the bonus, and never reaches the goal; ${rate}% of the last 20 training episodes reached the goal. This is specification gaming (Krakovna et al. 2020), like the CoastRunners boat that circled respawning targets instead of finishing the race (Clark &amp; Amodei 2016).`,
    );
    // The grid: 25 cells plus the wall, the start/bonus/goal labels, one arrow per distinct move, and the agent.
    expect(html).toContain(`bonus +1, entered ${greedy.bonusVisits}×</text>`);
    expect(html).toContain('>goal +10</text>');
    expect(html.match(/<polygon /g)).toHaveLength(pathEdges(greedy.path).length);
    expect(html).toContain('class="sim-agent"');
    // Proxy return, training success and greedy success: three curves with real geometry.
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(3);
    expect(html).toContain('goal 10</text>');
    // Controls need JavaScript: disabled until hydration.
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test.each([
    ['bonus-once', 'with the bonus paid once per episode'],
    ['goal-only', 'with only the goal rewarded'],
  ] as const)(
    'with the fix %s the greedy policy reaches the goal, and the caption says the loophole is closed',
    (reward, words) => {
      const html = renderToString(<RewardHackingGridworld reward={reward} embedKey="fixed" />);
      const { greedy } = trainGridworld({ seed: 1, fix: reward, episodes: 500 });
      expect(greedy.reachedGoal).toBe(true);
      expect(html).toContain(
        `After 500 of 500 training episodes ${words}, the greedy policy reaches the goal in ${greedy.path.length - 1} steps for a proxy return of ${greedy.proxyReturn}`,
      );
      expect(html).toContain('With the loophole closed, the proxy reward points at the intended task again');
      expect(html).toContain('id="sim-fixed"');
      expect(html).not.toContain('entered');
    },
  );
});

describe('RewardHackingGridworld in the browser', () => {
  test('Reset goes back to the untrained agent; Step trains one episode and the path is the policy after it', () => {
    render(<RewardHackingGridworld episodes={100} />);
    expect(caption()).toMatch(/^After 100 of 100 training episodes/);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toBe(
      'Before training (episode 0 of 100) with the flawed reward (the bonus pays on every entry), the greedy policy stays at the start, bumping into the wall.',
    );
    expect(document.querySelectorAll('svg polygon')).toHaveLength(0);
    for (let i = 0; i < 10; i++) fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(/^After 10 of 100 training episodes/);
    // After 10 episodes the drawn path is that of a 10-episode run of the same seed.
    const greedy = trainGridworld({ seed: 1, fix: 'none', episodes: 10 }).greedy;
    expect(document.querySelectorAll('svg polygon')).toHaveLength(pathEdges(greedy.path).length);
    expect(caption()).toContain(`proxy return of ${greedy.proxyReturn}`);
  });

  test('every control has a visible label; the Reward select and the episodes slider change the run and the link', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<RewardHackingGridworld />);
    for (const label of ['Reward', 'Training episodes', 'Seed', 'Speed'])
      expect(screen.getByLabelText(label)).toBeTruthy();
    const select = screen.getByLabelText('Reward') as HTMLSelectElement;
    select.value = 'goal-only';
    fireEvent.change(select);
    expect(caption()).toMatch(
      /^After 500 of 500 training episodes with only the goal rewarded, the greedy policy reaches the goal/,
    );
    fireEvent.keyDown(screen.getByLabelText('Training episodes'), { key: 'ArrowLeft' });
    expect(caption()).toMatch(/^After 450 of 450 training episodes/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?reward-hacking-gridworld=reward:goal-only,episodes:450');
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(
      null,
      '',
      '/p?reward-hacking-gridworld=reward:bonus-once,episodes:200,seed:7&other=episodes:50#model',
    );
    render(
      <>
        <RewardHackingGridworld />
        <RewardHackingGridworld embedKey="other" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    expect(captions[0]).toMatch(/^After 200 of 200 training episodes with the bonus paid once per episode/);
    const seven = trainGridworld({ seed: 7, fix: 'bonus-once', episodes: 200 }).greedy;
    expect(captions[0]).toContain(`reaches the goal in ${seven.path.length - 1} steps`);
    expect(captions[1]).toMatch(/^After 50 of 50 training episodes with the flawed reward/);
    expect(window.location.hash).toBe('#model');
  });

  test('a hostile link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?reward-hacking-gridworld=episodes:1e309,reward:%3Cscript%3E,seed:-1');
    render(<RewardHackingGridworld />);
    const notice = document.querySelector('.sim-notice')!;
    expect(notice.textContent).toMatch(
      /Training episodes: expected a whole number from 50 to 1000, got "1e309"; using 500/,
    );
    expect(notice.textContent).toMatch(/Reward: expected one of flawed, bonus-once, goal-only/);
    expect(notice.textContent).toMatch(/Seed: expected a whole number from 0 to 4294967295/);
    expect(document.querySelector('.sim-notice script')).toBeNull();
    expect(caption()).toMatch(/^After 500 of 500 training episodes with the flawed reward/);
  });

  test('Play trains from the start at the chosen speed, stops at the last episode, and Pause stops it', () => {
    stubAnimationFrames();
    render(<RewardHackingGridworld episodes={50} />);
    // At the end of training, Play starts again from episode 0.
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    runFrame(100);
    // 20 episodes per second: a third of one on the first frame, then 2 over the 100 ms gap.
    expect(caption()).toMatch(/^After 2 of 50 training episodes/);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(200);
    expect(caption()).toMatch(/^After 2 of 50 training episodes/);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    for (let k = 1; k <= 40; k++) runFrame(200 + 100 * k);
    expect(caption()).toMatch(/^After 50 of 50 training episodes/);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Step' }) as HTMLButtonElement).disabled).toBe(true);
  });

  test('"Show data" lists the episodes trained so far', () => {
    render(<RewardHackingGridworld episodes={100} />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'episode',
      'proxy return',
      'reached goal',
      'greedy policy reaches goal',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(100);
  });
});

describe('RewardHackingGridworld helpers', () => {
  test('pathEdges(path) keeps each directed move once, drops bumps, and keeps a move and its reverse apart', () => {
    const path: [number, number][] = [
      [0, 0],
      [0, 0],
      [1, 0],
      [2, 0],
      [2, 1],
      [2, 0],
      [2, 1],
      [2, 0],
    ];
    expect(pathEdges(path)).toEqual([
      { from: [0, 0], to: [1, 0] },
      { from: [1, 0], to: [2, 0] },
      { from: [2, 0], to: [2, 1] },
      { from: [2, 1], to: [2, 0] },
    ]);
  });

  test('trailingMean(xs, 3) averages the last three entries, fewer at the start', () => {
    expect(trailingMean([3, 0, 0, 6, 3], 3)).toEqual([3, 1.5, 1, 2, 3]);
    expect(trailingMean([], 20)).toEqual([]);
  });
});
