// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { GradientPlay } from '../../components/sims/GradientPlay.tsx';
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
  window.history.replaceState(null, '', '/wiki/gradient-descent/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('GradientPlay server render', () => {
  test('the bilinear game: field arrows, the outward spiral and a caption with the √(1 + η²) growth', () => {
    const html = renderToString(<GradientPlay />);
    // Default start (0.4, −0.2) of a view 2.5 wide each side of (0, 0) is (1, −0.5), at distance
    // √1.25 ≈ 1.118; 150 steps of η = 0.1 multiply it by (1 + 0.01)^75 ≈ 2.109 (the gradient-descent
    // article: x² + y² grows by 1 + η² per step).
    const growth = 1.01 ** 75;
    expect(growth).toBeCloseTo(2.109, 3);
    expect(html).toContain(
      'After 150 steps of simultaneous gradient play with η = 0.1 on the bilinear zero-sum game (f₁ = xy, f₂ = −xy), starting at (1, -0.5), the players are at',
    );
    expect(html).toContain(
      '2.109 times their starting distance from the Nash equilibrium (0, 0). Each step multiplies that distance by exactly √(1 + η²) = 1.005, which compounds to 2.109 over 150 steps: the players spiral outward, while the exact flow circles at the starting distance 1.118',
    );
    expect(html).toContain('Mertikopoulos et al. (2018)');
    expect(html).toContain('Ascent on joint welfare does not move: f₁ + f₂ = 0 everywhere.');
    // 10 × 10 field arrows; the rotational field vanishes only at the origin, not on the grid.
    expect(html.match(/<g class="sim-field-arrows"[^>]*>(.*?)<\/g><\/g>/s)).not.toBeNull();
    expect(
      html
        .split('sim-field-arrows')[1]!
        .split('</svg>')[0]!
        .match(/<polygon /g)!.length,
    ).toBeGreaterThanOrEqual(100);
    expect(html).toContain('>Nash</text>');
    expect(html).toContain('>start</text>');
    expect(html).toContain('clipPath id="sim-gradient-play-clip"');
    // Individual, welfare, exact flow on the plane; individual and ρᵗ·d₀ on the distance chart
    // (the welfare path does not move, so it has no distance curve).
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(5);
    expect(html).toContain('ρᵗ × start distance (ρ = 1.005)');
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('Cournot: individual play reaches Nash (1/3, 1/3), welfare ascent the cartel total 1/2', () => {
    const html = renderToString(<GradientPlay game="cournot" startX={0.8} startY={-0.7} embedKey="cournot" />);
    // View [0, 2/3]²: the start is (1/3 + 0.8/3, 1/3 − 0.7/3) = (0.6, 0.1).
    expect(html).toContain('starting at (0.6, 0.1), the players are at (0.333, 0.333)');
    expect(html).toContain('so play converges to the equilibrium');
    expect(html).toContain(
      'Ascent on joint welfare is at (0.5, 0), total 0.5 against the joint optimum’s 0.5 and Nash’s 0.667',
    );
    expect(html).toContain('joint optimum x + y = 0.5');
    expect(html).toContain('id="sim-cournot"');
  });

  test('alternating steps and the exact flow on the bilinear game cycle instead of spiralling', () => {
    for (const method of ['alternating', 'exact'] as const) {
      const html = renderToString(<GradientPlay method={method} welfare={false} />);
      expect(html).toContain('neither grows nor shrinks that distance in the long run (ρ = 1)');
      expect(html).toContain('the players cycle around the equilibrium and never reach it');
      expect(html).not.toContain('Ascent on joint welfare does not move');
      expect(html).not.toContain('Ascent on joint welfare (stays at the start)');
    }
  });

  test('the potential game converges, and welfare ascent heads for the same point', () => {
    const html = renderToString(<GradientPlay game="potential" />);
    expect(html).toContain('the players are at (2, 2)');
    expect(html).toContain('so play converges to the equilibrium');
    expect(html).toContain('heading for the same point');
    expect(html).toContain('>Nash = joint optimum</text>');
  });
});

describe('GradientPlay in the browser', () => {
  test('Reset goes back to step 0 and Step takes one step', () => {
    render(<GradientPlay />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(
      /^Step 0 of simultaneous gradient play with η = 0\.1 on the bilinear zero-sum game \(f₁ = xy, f₂ = −xy\): the players start at \(1, -0\.5\), 1\.12 from the Nash equilibrium \(0, 0\)/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    // One simultaneous step from (1, −0.5): x += 0.1·y, y −= 0.1·x.
    // The distance grows from √1.25 to √1.2625, by √1.01 ≈ 1.005.
    expect(caption()).toMatch(
      /^After 1 step of .*the players are at \(0\.95, -0\.6\), 1\.005 times their starting distance/,
    );
    expect(caption()).toContain('which compounds to 1.005 over 1 step:');
  });

  test('every control has a visible label; the start sliders show the game’s units and answer the keyboard', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<GradientPlay />);
    for (const label of [
      'Game',
      'Method',
      'Step size η',
      'Steps',
      'Also show ascent on joint welfare',
      'Start x',
      'Start y',
      'Speed',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    const startX = screen.getByLabelText('Start x');
    expect(startX.getAttribute('aria-valuetext')).toBe('1');
    fireEvent.keyDown(startX, { key: 'ArrowLeft' });
    // 0.35 of the half-width 2.5 is 0.875.
    expect(startX.getAttribute('aria-valuetext')).toBe('0.875');
    expect(caption()).toContain('starting at (0.875, -0.5)');
    const game = screen.getByLabelText('Game') as HTMLSelectElement;
    game.value = 'cournot';
    fireEvent.change(game);
    expect(caption()).toContain('on the Cournot duopoly, starting at (0.45, 0.267)');
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?gradient-play=game:cournot,startX:0.35');
  });

  test('dragging on the plane moves the start point, snapped to the sliders’ steps', () => {
    render(<GradientPlay />);
    const svg = document.querySelector('svg[aria-label^="Arrows show"]') as SVGSVGElement;
    // Let the SVG fill 516 × 494 pixels, its viewBox size, so client and viewBox units coincide.
    vi.spyOn(svg, 'getBoundingClientRect').mockReturnValue({
      left: 0,
      top: 0,
      width: 516,
      height: 494,
      right: 516,
      bottom: 494,
      x: 0,
      y: 0,
      toJSON: () => ({}),
    } as DOMRect);
    // The plot spans x 56–496 and y 12–452 over [−2.5, 2.5]², 88 units per unit of the game: the
    // centre (276, 232) is (0, 0), and 44 units right and 22 up is (0.5, 0.25).
    fireEvent.pointerDown(svg, { clientX: 276 + 44, clientY: 232 - 22, pointerId: 1 });
    expect(caption()).toContain('starting at (0.5, 0.25)');
    // 93 units left is −1.057, snapped to the sliders' step of 0.05 of the half-width: −1.
    fireEvent.pointerMove(svg, { clientX: 276 - 93, clientY: 232, pointerId: 1 });
    expect(caption()).toContain('starting at (-1, 0)');
    expect(screen.getByLabelText('Start x').getAttribute('aria-valuetext')).toBe('-1');
    fireEvent.pointerUp(svg, { pointerId: 1 });
    fireEvent.pointerMove(svg, { clientX: 276, clientY: 232, pointerId: 1 });
    expect(caption()).toContain('starting at (-1, 0)');
    // A press outside the plot (on the axis labels) does nothing.
    fireEvent.pointerDown(svg, { clientX: 5, clientY: 490, pointerId: 2 });
    expect(caption()).toContain('starting at (-1, 0)');
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?gradient-play=game:potential,method:exact&g2=stepSize:0.5,steps:20#top');
    render(
      <>
        <GradientPlay />
        <GradientPlay embedKey="g2" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent ?? '');
    expect(captions[0]).toMatch(/^After time 15 of the exact gradient flow with η = 0\.1 on the potential game/);
    // √(1 + 0.25) ≈ 1.118 per step; 1.25^10 ≈ 9.313 over 20 steps.
    expect(captions[1]).toMatch(/^After 20 steps of simultaneous gradient play with η = 0\.5 on the bilinear/);
    expect(captions[1]).toContain('√(1 + η²) = 1.118, which compounds to 9.313 over 20 steps');
  });

  test('a hostile link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?gradient-play=stepSize:-1,startX:2,game:rock,welfare:maybe');
    render(<GradientPlay />);
    const notice = document.querySelector('.sim-notice')!.textContent ?? '';
    expect(notice).toMatch(/Step size η: expected a number from 0\.01 to 0\.5, got "-1"; using 0\.1/);
    expect(notice).toMatch(/Start x: expected a number from -1 to 1, got "2"; using 0\.4/);
    expect(notice).toMatch(/Game: expected one of bilinear, potential, cournot/);
    expect(notice).toMatch(/Also show ascent on joint welfare: expected 1 or 0/);
    expect(caption()).toMatch(/^After 150 steps of simultaneous gradient play with η = 0\.1 on the bilinear/);
  });

  test('Play animates the path from the start, stops at the last step, and Pause stops it', () => {
    stubAnimationFrames();
    render(<GradientPlay steps={20} />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    runFrame(100);
    expect(caption()).toMatch(/^After 2 steps /);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(200);
    expect(caption()).toMatch(/^After 2 steps /);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    for (let k = 1; k <= 15; k++) runFrame(200 + 100 * k);
    expect(caption()).toMatch(/^After 20 steps /);
    expect(screen.getByRole('button', { name: /Play/ })).toBeTruthy();
  });
});
