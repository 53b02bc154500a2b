// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { GameExplorer, probabilityText } from '../../components/sims/GameExplorer.tsx';
import { gameExplorerInfo, gameExplorerParams } from '../../components/sims/game-explorer.params.ts';
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
function choose(label: string, value: string) {
  const select = screen.getByLabelText(label) as HTMLSelectElement;
  select.value = value;
  fireEvent.change(select);
}
function typeInto(label: string, value: string) {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  input.value = value;
  fireEvent.change(input);
}

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/nash-equilibrium/');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('game-explorer spec', () => {
  test('the parameter spec is sound and the citation is Nash (1950)', () => {
    expect(specProblems(gameExplorerParams)).toEqual([]);
    expect(gameExplorerInfo.about.reproduces.citation.key).toBe('nash1950');
  });

  test('probabilityText(p) writes small fractions as fractions and anything else as a decimal', () => {
    expect(probabilityText(0.75)).toBe('3/4');
    expect(probabilityText(1 / 3)).toBe('1/3');
    expect(probabilityText(1)).toBe('1');
    expect(probabilityText(0.123456)).toBe('0.123');
  });
});

describe('GameExplorer server render', () => {
  test('the prisoner’s dilemma: one equilibrium, mutual defection, price of anarchy 3, and the run at round 200', () => {
    const html = renderToString(<GameExplorer />);
    // Payoffs 3, 0, 5, 1 (Axelrod's): (Defect, Defect) is the only equilibrium, welfare 2
    // against 6 at mutual cooperation, so the price of anarchy is 6/2 = 3.
    expect(html).toContain(
      "Prisoner's dilemma: one Nash equilibrium, (Defect, Defect), with payoffs 1 and 1. As the theory says of the prisoner’s dilemma, mutual defection is the only equilibrium.",
    );
    expect(html).toContain(
      'The best total payoff is 6, at (Cooperate, Cooperate), against 2 at equilibrium: price of anarchy 3.',
    );
    expect(html).toContain('(Defect, Defect) is not Pareto-optimal');
    // Fictitious play from (Cooperate, Cooperate): Cooperate once in 201 rounds.
    expect(html).toContain('Fictitious play, round 200: so far Row has played Cooperate 0.498% of the time');
    // One pure equilibrium cell, two empirical-mix lines with real geometry.
    expect(html.match(/>Nash<\/span>/g)).toHaveLength(1);
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(2);
    expect(html).toContain('The game is nondegenerate, so this list is complete.');
    // Controls need JavaScript: disabled until hydration.
    expect(html).toMatch(/<button type="button" class="sim-button sim-play" disabled/);
  });

  test('matching pennies: the only equilibrium mixes (1/2, 1/2) for both players, as Nash’s theory gives', () => {
    const html = renderToString(<GameExplorer preset="matching-pennies" />);
    expect(html).toContain(
      'Matching pennies: one Nash equilibrium, a mixed one (both players mix Heads 1/2, Tails 1/2), with payoffs 0 and 0.',
    );
    expect(html).toContain('the only equilibrium has both players mix 1/2, 1/2');
    expect(html).toContain('Nash 1/2</text>');
    expect(html).not.toContain('>Nash</span>');
  });

  test('the stag hunt: two pure equilibria and a mixed one at 3/4, price of anarchy 4/3 and of stability 1', () => {
    const html = renderToString(<GameExplorer preset="stag-hunt" />);
    // 4p = 3 makes the partner indifferent (the article's worked example): p = 3/4, payoffs 3 each.
    expect(html).toContain(
      'Stag hunt: 3 Nash equilibria: (Stag, Stag), (Hare, Hare) and a mixed one (both players mix Stag 3/4, Hare 1/4).',
    );
    expect(html).toContain('against 6 to 8 at equilibrium: price of anarchy 1.33, price of stability 1.');
    expect(html.match(/>Nash<\/span>/g)).toHaveLength(2);
  });

  test('rock–paper–scissors: a 3×3 table, one chart per player, and fictitious play near the uniform mix', () => {
    const html = renderToString(<GameExplorer preset="rock-paper-scissors" embedKey="rps" />);
    expect(html).toContain('id="sim-rps"');
    expect(html).toContain('one Nash equilibrium, a mixed one (both players mix Rock 1/3, Paper 1/3, Scissors 1/3)');
    expect(html).toContain('the prices of anarchy and stability are undefined here, as they need positive welfare');
    expect(html).toContain('Row player’s empirical mix');
    expect(html).toContain('Column player’s empirical mix');
    expect(html.match(/<path class="sim-line" d="M/g)).toHaveLength(6);
    const distance = /the mixes are within ([\d.]+) of the equilibrium/.exec(html);
    // Fictitious play converges in zero-sum games (Robinson 1951); after 200 rounds it is close.
    expect(Number(distance?.[1])).toBeLessThan(0.1);
  });
});

describe('GameExplorer in the browser', () => {
  test('Step advances one round and Reset goes back to round 0', () => {
    render(<GameExplorer />);
    expect(caption()).toMatch(/Fictitious play, round 200:/);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(/Fictitious play, round 201:/);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/Fictitious play starts at \(Cooperate, Cooperate\)\.$/);
    fireEvent.click(screen.getByRole('button', { name: 'Step' }));
    expect(caption()).toMatch(
      /Fictitious play, round 1: .*the last round was \(Defect, Defect\), a pure Nash equilibrium/,
    );
  });

  test('best-response dynamics in matching pennies go round a cycle whose mixes approach 1/2', () => {
    render(<GameExplorer preset="matching-pennies" />);
    choose('Learning rule', 'best-response');
    expect(caption()).toMatch(/Best-response dynamics, round 200: so far Row has played Heads 50\.2% of the time/);
    expect(caption()).toMatch(
      /play goes round a cycle of 2 outcomes; the mixes are within 0\.0025 of the equilibrium\.$/,
    );
    // Fictitious play has a seed for tie-breaks; best-response dynamics do not need one.
    expect(screen.queryByLabelText('Seed (breaks ties)')).toBeNull();
  });

  test('the first actions pick the stag hunt’s equilibrium: from (Stag, Stag) play stays there', () => {
    render(<GameExplorer preset="stag-hunt" startCol={2} dynamics="best-response" />);
    expect(caption()).toMatch(/the last round was \(Hare, Hare\), a pure Nash equilibrium/);
    choose('Column player’s first action', '1');
    expect(caption()).toMatch(/the last round was \(Stag, Stag\), a pure Nash equilibrium/);
  });

  test('every payoff has its own labelled input; editing one copies the preset and changes the analysis', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<GameExplorer />);
    for (const label of [
      'Game',
      'Learning rule',
      'Row player’s first action',
      'Column player’s first action',
      'Rounds shown at first',
      'Seed (breaks ties)',
      'Speed',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(document.querySelectorAll('input[type="number"]')).toHaveLength(8 + 1);
    // Rewarding mutual cooperation with 6 for both turns the dilemma into a coordination game.
    typeInto('Row player’s payoff when Row plays Cooperate and Column plays Cooperate', '6');
    expect(caption()).toMatch(/^Prisoner's dilemma, edited: one Nash equilibrium, \(Defect, Defect\)/);
    expect(caption()).not.toMatch(/As the theory says/);
    typeInto('Column player’s payoff when Row plays Cooperate and Column plays Cooperate', '6');
    expect(caption()).toMatch(
      /^Prisoner's dilemma, edited: 3 Nash equilibria: \(Cooperate, Cooperate\), \(Defect, Defect\) and a mixed one/,
    );
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?game-explorer=edited:1,a11:6,a21:5,a22:1,b11:6,b12:5,b22:1');
    // A value outside the table's range is not taken.
    typeInto('Row player’s payoff when Row plays Defect and Column plays Defect', '1000');
    expect(
      (screen.getByLabelText('Row player’s payoff when Row plays Defect and Column plays Defect') as HTMLInputElement)
        .value,
    ).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: 'Restore the preset’s payoffs' }));
    expect(caption()).toMatch(/^Prisoner's dilemma: one Nash equilibrium, \(Defect, Defect\)/);
  });

  test('the Rounds slider restarts play at that round, which the URL keeps', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<GameExplorer />);
    fireEvent.click(screen.getByRole('button', { name: 'Reset' }));
    expect(caption()).toMatch(/starts at/);
    fireEvent.keyDown(screen.getByLabelText('Rounds shown at first'), { key: 'ArrowRight' });
    expect(caption()).toMatch(/Fictitious play, round 210:/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?game-explorer=rounds:210');
  });

  test('a degenerate game says so plainly', () => {
    // Row's payoff 3 against Cooperate whatever it plays: two best responses to a pure strategy.
    window.history.replaceState(null, '', '/p?game-explorer=edited:1,a11:3,a21:3,a22:1,b11:3,b12:5,b22:1');
    render(<GameExplorer />);
    expect(caption()).toMatch(
      /The game is degenerate \(against the column player’s Cooperate, the row player has 2 best responses \(Cooperate, Defect\), more than the 1 action mixed\)/,
    );
    expect(screen.getByText('Degenerate game:')).toBeTruthy();
  });

  test('changing the game writes one key to the URL, and a second embed keeps its own', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    window.history.replaceState(null, '', '/p?other=preset:chicken#section');
    render(
      <>
        <GameExplorer />
        <GameExplorer embedKey="other" />
      </>,
    );
    const captions = () => [...document.querySelectorAll('figcaption')].map((f) => f.textContent ?? '');
    expect(captions()[1]).toMatch(/^Chicken: 3 Nash equilibria/);
    const selects = screen.getAllByLabelText('Learning rule') as HTMLSelectElement[];
    selects[0]!.value = 'best-response';
    fireEvent.change(selects[0]!);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?other=preset:chicken&game-explorer=dynamics:best-response');
    expect(window.location.hash).toBe('#section');
  });

  test('a hostile link shows a notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?game-explorer=preset:%3Cscript%3E,a11:1e309,startRow:7,zzz:1');
    render(<GameExplorer />);
    const notice = document.querySelector('.sim-notice')!.textContent ?? '';
    expect(notice).toMatch(/Game: expected one of prisoners-dilemma, /);
    expect(notice).toMatch(/Row player's payoff, row 1, column 1: expected a number from -100 to 100, got "1e309"/);
    expect(notice).toMatch(/Row player’s first action: expected a whole number from 1 to 3, got "7"; using 1/);
    expect(notice).toMatch(/unknown setting "zzz" ignored/);
    expect(caption()).toMatch(/^Prisoner's dilemma: one Nash equilibrium/);
  });

  test('a new seed changes fictitious play’s tie-breaks in rock–paper–scissors, and the same seed replays it', () => {
    render(<GameExplorer preset="rock-paper-scissors" />);
    const first = caption();
    fireEvent.click(screen.getByRole('button', { name: 'New seed' }));
    expect(caption()).not.toBe(first);
    const seed = screen.getByLabelText('Seed (breaks ties)') as HTMLInputElement;
    seed.value = '1';
    fireEvent.change(seed);
    expect(caption()).toBe(first);
  });

  test('Play advances rounds from animation frames and Pause stops them', () => {
    stubAnimationFrames();
    render(<GameExplorer />);
    fireEvent.click(screen.getByRole('button', { name: /Play/ }));
    runFrame(0);
    runFrame(100);
    // 20 rounds a second: a third of a round in the first frame, two more after 100 ms.
    expect(caption()).toMatch(/round 202:/);
    fireEvent.click(screen.getByRole('button', { name: /Pause/ }));
    runFrame(200);
    expect(caption()).toMatch(/round 202:/);
  });

  test('"Show data" lists every round with both players’ mixes', () => {
    render(<GameExplorer />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table', { name: /evenly spaced/ });
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'round',
      'row action',
      'column action',
      'row share Cooperate',
      'row share Defect',
      'column share Cooperate',
      'column share Defect',
    ]);
    expect(table.querySelector('tbody tr:last-child td')?.textContent).toBe('200');
  });
});
