// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ReplicatorDynamics, simplexPoint, simplexShares } from '../../components/sims/ReplicatorDynamics.tsx';
import { replicatorInfo, replicatorParams } from '../../components/sims/replicator.params.ts';
import { specProblems } from '../../components/kit/params-schema.ts';
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

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/evolutionary-game-theory/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('replicator spec and geometry', () => {
  test('the parameter spec is sound and the citation is Maynard Smith and Price (1973)', () => {
    expect(specProblems(replicatorParams)).toEqual([]);
    expect(replicatorInfo.about.reproduces.citation.key).toBe('maynardsmith1973');
  });

  test('simplexShares(simplexPoint(x)) gives x back, and points outside the triangle land on its edge', () => {
    for (const x of [
      [1, 0, 0],
      [0.2, 0.3, 0.5],
      [1 / 3, 1 / 3, 1 / 3],
    ]) {
      simplexShares(simplexPoint(x)).forEach((v, k) => expect(v).toBeCloseTo(x[k]!, 12));
    }
    const outside = simplexShares({ x: 0, y: 600 });
    expect(outside.every((v) => v >= 0)).toBe(true);
    expect(outside.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });
});

describe('ReplicatorDynamics server render', () => {
  test('Hawk–Dove with V = 2, C = 5 settles at V/C = 40% hawks, drawn on the phase line and over time', () => {
    const html = renderToString(<ReplicatorDynamics />);
    // Maynard Smith and Price (1973): with C > V the stable share of hawks is V/C = 2/5.
    expect(html).toContain(
      'Hawk–Dove with V = 2 and C = 5, time 20: hawks are 40% of the population (started at 20%), settled at V/C = 40%, the stable mixed state (the ESS), as Maynard Smith and Price found.',
    );
    expect(html).toContain('V/C 0.4</text>');
    // All doves and all hawks are unstable rest points, the mix is stable.
    expect(html).toContain('Rest points: 0% Hawk: unstable; 40% Hawk: stable; 100% Hawk: unstable.');
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(1);
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('Hawk–Dove follows V/C for other values: V = 3, C = 4 settles at 75% hawks', () => {
    const html = renderToString(<ReplicatorDynamics value={3} cost={4} />);
    expect(html).toContain('hawks are 75% of the population (started at 20%), settled at V/C = 75%');
  });

  test('standard rock–paper–scissors keeps x₁x₂x₃ constant: three saddles and a center on the simplex', () => {
    const html = renderToString(<ReplicatorDynamics preset="rock-paper-scissors" />);
    // From (0.2, 0.3, 0.5) the product is 0.03 and stays so (Hofbauer and Sigmund 1998).
    expect(html).toContain(
      'The product x₁x₂x₃ is 0.03 now and was 0.03 at the start; in the standard game it stays constant',
    );
    expect(html).toContain('Rock 33.3%, Paper 33.3%, Scissors 33.3%, a center (neutrally stable)');
    expect(html.match(/a saddle/g)).toHaveLength(3);
    expect(html).toContain('center (neutral)</li>');
    // The vector field: an arrow at nearly every grid point of the triangle.
    expect(html.match(/<polygon points=/g)!.length).toBeGreaterThan(60);
    expect(html.match(/<path class="sim-line"/g)).toHaveLength(3);
  });

  test('rock–paper–scissors spirals in when a win pays more than a loss costs, and out when less', () => {
    expect(renderToString(<ReplicatorDynamics preset="rock-paper-scissors" win={1.5} />)).toMatch(
      /it rises towards 1\/27 ≈ 0\.037: the orbit spirals in to the equal mix, now an ESS\./,
    );
    expect(renderToString(<ReplicatorDynamics preset="rock-paper-scissors" win={0.5} />)).toMatch(
      /it falls towards 0: the orbit spirals out towards the edges/,
    );
  });

  test('the stag hunt tips away from the threshold hare/stag = 75% on either side', () => {
    expect(renderToString(<ReplicatorDynamics preset="stag-hunt" />)).toContain(
      'Stag hunters are under 0.1% (started at 20%); both strategies earn the same at 75% Stag, an unstable rest point. Starting below it, the population goes to all Hare',
    );
    expect(renderToString(<ReplicatorDynamics preset="stag-hunt" start1={0.8} />)).toContain(
      'Starting above it, the population goes to all Stag',
    );
  });
});

describe('ReplicatorDynamics in the browser', () => {
  test('Step advances one time step of 0.05 and Reset goes back to time 0', () => {
    render(<ReplicatorDynamics />);
    expect(caption()).toMatch(/time 20: /);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(/time 20\.05: /);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/time 0: hawks are 20% of the population \(started at 20%\), heading for V\/C = 40%/);
  });

  test('the controls follow the game: V and C for Hawk–Dove, the hare payoff for the stag hunt, the win for RPS', () => {
    render(<ReplicatorDynamics />);
    for (const label of ['Game', 'Resource value V', 'Cost of injury C', 'Starting share of Hawk', 'Speed']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.keyDown(screen.getByLabelText('Cost of injury C'), { key: 'ArrowLeft' });
    expect(caption()).toMatch(/V = 2 and C = 4.5, .*settled at V\/C = 44\.4%/);
    const game = screen.getByLabelText('Game') as HTMLSelectElement;
    game.value = 'stag-hunt';
    fireEvent.change(game);
    expect(screen.getByLabelText('Hare payoff (a stag pays 4)')).toBeTruthy();
    expect(screen.queryByLabelText('Resource value V')).toBeNull();
    game.value = 'rock-paper-scissors';
    fireEvent.change(game);
    expect(screen.getByLabelText('Payoff of a win (a loss costs 1)')).toBeTruthy();
    expect(screen.getByLabelText('Starting share of Paper')).toBeTruthy();
  });

  test('the arrow keys on the phase line move the starting share, which the URL keeps', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<ReplicatorDynamics />);
    const line = screen.getByRole('group', { name: /Phase line of the share of Hawk/ });
    fireEvent.keyDown(line, { key: 'ArrowRight' });
    expect(caption()).toMatch(/\(started at 21%\)/);
    fireEvent.keyDown(line, { key: 'End' });
    expect(caption()).toMatch(/\(started at 100%\); a population of hawks only stays so/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?replicator=start1:1');
  });

  test('the arrow keys on the simplex move the starting point, and the sliders keep the shares summing to 1', () => {
    render(<ReplicatorDynamics preset="rock-paper-scissors" />);
    const triangle = screen.getByRole('group', { name: /Triangle of population shares/ });
    expect(triangle.getAttribute('aria-label')).toMatch(/The path starts at Rock 20%, Paper 30%, Scissors 50%/);
    // Up moves towards the Rock corner, taking from the other two alike.
    fireEvent.keyDown(triangle, { key: 'ArrowUp' });
    expect(triangle.getAttribute('aria-label')).toMatch(/starts at Rock 22%, Paper 29%, Scissors 49%/);
    fireEvent.keyDown(triangle, { key: 'ArrowRight' });
    expect(triangle.getAttribute('aria-label')).toMatch(/starts at Rock 22%, Paper 28%, Scissors 50%/);
    const rock = screen.getByLabelText('Starting share of Rock');
    fireEvent.keyDown(rock, { key: 'End' });
    // All rock: Paper is cut to nothing and the population sits at a corner.
    expect(triangle.getAttribute('aria-label')).toMatch(/starts at Rock 100%, Paper 0%, Scissors 0%/);
    expect(caption()).toMatch(/Rock 100%, Paper 0%, Scissors 0%/);
  });

  test('a link’s state is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?replicator=preset:rock-paper-scissors,win:1.5&b=value:3,cost:4');
    render(
      <>
        <ReplicatorDynamics />
        <ReplicatorDynamics embedKey="b" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent ?? '');
    expect(captions[0]).toMatch(/^Rock–paper–scissors \(a win pays 1\.5, a loss costs 1\)/);
    expect(captions[1]).toMatch(/^Hawk–Dove with V = 3 and C = 4/);
  });

  test('a hostile link shows a notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?replicator=preset:lizards,cost:-1,start1:NaN');
    render(<ReplicatorDynamics />);
    const notice = document.querySelector('.sim-notice')!.textContent ?? '';
    expect(notice).toMatch(/Game: expected one of hawk-dove, stag-hunt, rock-paper-scissors, got "lizards"/);
    expect(notice).toMatch(/Cost of injury C: expected a number from 0.5 to 10, got "-1"; using 5/);
    expect(notice).toMatch(/Starting share of the first strategy: expected a number from 0 to 1, got "NaN"/);
    expect(caption()).toMatch(/^Hawk–Dove with V = 2 and C = 5/);
  });

  test('Play integrates from animation frames at the chosen speed, and Pause stops it', () => {
    stubAnimationFrames();
    render(<ReplicatorDynamics />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    runFrame(100);
    // 60 steps a second: one step in the first frame, six more after 100 ms: time 20 + 7 × 0.05.
    expect(caption()).toMatch(/time 20\.35: /);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(200);
    expect(caption()).toMatch(/time 20\.35: /);
  });
});
