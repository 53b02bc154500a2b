// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  ballotsOf,
  deviatedBallots,
  ManipulationFinder,
  manipulationReport,
  storedRanking,
  visibleRanking,
} from '../../components/sims/ManipulationFinder.tsx';
import { MANIPULATION_PRESETS, manipulationFinderParams } from '../../components/sims/manipulation-finder.params.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { defaultsOf } from '../../components/kit/params.ts';
import { electionWinners } from '../../src/models/voting/election.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
const defaults = defaultsOf(manipulationFinderParams);

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/gibbard-satterthwaite-theorem/');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ManipulationFinder helpers', () => {
  test('visibleRanking and storedRanking hide D with three candidates and keep it last when editing', () => {
    expect(visibleRanking('BDAC', ['A', 'B', 'C'])).toEqual(['B', 'A', 'C']);
    expect(storedRanking(['C', 'A', 'B'], 'BDAC')).toBe('CABD');
    expect(storedRanking(['D', 'A', 'B', 'C'], 'ABCD')).toBe('DABC');
  });

  test('every preset shows a manipulation that really changes the winner, checked by re-running the election', () => {
    for (const preset of MANIPULATION_PRESETS) {
      const values = { ...defaults, ...preset.values };
      const report = manipulationReport(values);
      const m = report.manipulation;
      expect(m, preset.id).not.toBeNull();
      expect(report.winners).toEqual(m!.sincereWinners);
      expect(electionWinners(report.rule, deviatedBallots(report.ballots, m!))).toEqual(m!.manipulatedWinners);
      // Each preset's lie gives a single winner the liar ranks above the sincere one.
      expect(m!.manipulatedWinners).toHaveLength(1);
      expect(m!.sincere.indexOf(m!.manipulatedWinners[0]!)).toBeLessThan(m!.sincere.indexOf(m!.sincereWinners[0]!));
    }
  });

  test('the IRV preset has the liar rank the weakest first-preference candidate first', () => {
    const values = { ...defaults, ...MANIPULATION_PRESETS.find((p) => p.id === 'irv-compromise')!.values };
    expect(ballotsOf(values)).toEqual([
      { ranking: ['C', 'B', 'A'], count: 2 },
      { ranking: ['B', 'A', 'C'], count: 1 },
      { ranking: ['A', 'B', 'C'], count: 2 },
    ]);
    const m = manipulationReport(values).manipulation!;
    // B has the fewest first preferences (1 of 5); a C voter moving B to the top saves B.
    expect(m.insincere[0]).toBe('B');
    expect(m.sincere[0]).toBe('C');
  });
});

describe('ManipulationFinder server render', () => {
  test('the server render shows the article’s Borda example: burying B makes A win', () => {
    const html = renderToString(<ManipulationFinder />);
    // Gibbard–Satterthwaite article: sincere Borda A 7, B 8, C 2, D 1; voter 1 reports A > C > D > B
    // and the scores become A 7, B 6, C 3, D 2.
    expect(html).toContain(
      'Under the Borda count with 3 voters in 3 blocs, the sincere winner is B. One voter of bloc 1 (true ranking A > B > C > D) reports A > C > D > B and A wins instead, a candidate it ranks above B.',
    );
    expect(html).toContain('Borda points: A 7, B 8, C 2, D 1.');
    expect(html).toContain('Borda points: A 7, B 6, C 3, D 2.');
    expect(html).toContain('Sincere ballot');
    expect(html).toContain('Insincere ballot');
    expect(html).toMatch(/<select id="sim-manipulation-finder-rule" disabled/);
  });

  test('the server render uses the props: the Schulze preset as props under its own key', () => {
    const preset = MANIPULATION_PRESETS.find((p) => p.id === 'schulze-cycle')!;
    const html = renderToString(<ManipulationFinder {...preset.values} embedKey="lie" />);
    expect(html).toContain('Under Schulze’s method with 11 voters in 4 blocs, the sincere winner is C.');
    expect(html).toContain('One voter of bloc 3 (true ranking B > A > C > D) reports A > B > D > C and A wins instead');
    expect(html).toContain('id="sim-lie"');
  });
});

describe('ManipulationFinder in the browser', () => {
  test('choosing IRV on the default profile finds no lie; “Find a profile” loads one that works', () => {
    render(<ManipulationFinder />);
    const rule = screen.getByLabelText('Voting rule') as HTMLSelectElement;
    rule.value = 'irv';
    fireEvent.change(rule);
    expect(caption()).toMatch(
      /^Under instant runoff with 3 voters in 3 blocs, the sincere winner is B\. No single voter can gain/,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Find a profile where instant runoff can be manipulated' }));
    expect(caption()).toMatch(
      /^Under instant runoff with \d+ voters in \d blocs, the sincere winner is .+ One voter of bloc \d/,
    );
    expect(document.body.textContent).toMatch(/Found on draw \d+ with seed 1; the seed moves on/);
    // The search moved the seed on, so another click finds another profile.
    expect((screen.getByLabelText('Search seed') as HTMLInputElement).value).not.toBe('1');
  });

  test('the presets load their profiles and the “Move … above …” buttons reorder a bloc', () => {
    render(<ManipulationFinder />);
    fireEvent.click(screen.getByRole('button', { name: 'IRV: ranking a weaker candidate first' }));
    expect(caption()).toMatch(
      /^Under instant runoff with 5 voters in 3 blocs, the sincere winner is A\. One voter of bloc 1 \(true ranking C > B > A\) reports B > A > C and B wins instead/,
    );
    expect(screen.queryByRole('button', { name: /Move D above/ })).toBeNull();
    // Bloc 2 (B > A > C) becomes A > B > C: now 3 of 5 rank A first, an outright majority.
    fireEvent.click(screen.getByRole('button', { name: 'Move A above B in bloc 2' }));
    expect((screen.getByLabelText('Bloc 2 ranking') as HTMLSelectElement).value).toBe('ABC');
    expect(caption()).toMatch(
      /^Under instant runoff with 5 voters in 3 blocs, the sincere winner is A\. No single voter can gain/,
    );
  });

  test('editing a bloc’s voters and ranking by select changes the result; the number field ignores bad input', () => {
    render(<ManipulationFinder />);
    const n2 = screen.getByLabelText('Bloc 2 voters') as HTMLInputElement;
    n2.value = '5';
    fireEvent.change(n2);
    // Six B-first voters out of eight: B wins every rule and nobody can stop it.
    expect(caption()).toMatch(
      /^Under the Borda count with 7 voters in 3 blocs, the sincere winner is B\. No single voter/,
    );
    n2.value = '-4';
    fireEvent.change(n2);
    expect(n2.value).toBe('5');
    const r1 = screen.getByLabelText('Bloc 1 ranking') as HTMLSelectElement;
    r1.value = 'DCBA';
    fireEvent.change(r1);
    expect(caption()).toMatch(/with 7 voters in 3 blocs/);
    expect((screen.getByLabelText('Bloc 1 ranking') as HTMLSelectElement).value).toBe('DCBA');
  });

  test('every control has a visible label, and the blocs slider answers the keyboard and writes the URL', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<ManipulationFinder />);
    for (const label of [
      'Voting rule',
      'Ties are broken',
      'Candidates',
      'Ballot blocs',
      'Bloc 1 voters',
      'Bloc 1 ranking',
      'Search seed',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.keyDown(screen.getByLabelText('Ballot blocs'), { key: 'ArrowRight' });
    expect(screen.getByLabelText('Bloc 4 ranking')).toBeTruthy();
    expect(caption()).toMatch(/with 4 voters in 4 blocs/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?manipulation-finder=blocs:4');
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(
      null,
      '',
      '/p?manipulation-finder=rule:irv,candidates:3,r1:CBAD,n1:2,r2:BACD,r3:ABCD,n3:2&second=rule:plurality',
    );
    render(
      <>
        <ManipulationFinder />
        <ManipulationFinder embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    expect(captions[0]).toMatch(
      /^Under instant runoff with 5 voters in 3 blocs, the sincere winner is A\. One voter of bloc 1/,
    );
    expect(captions[1]).toMatch(/^Under plurality with 3 voters in 3 blocs, the sincere winner is B\./);
  });

  test('a bad link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?manipulation-finder=rule:dictator,r1:AABB,n1:0,blocs:9');
    render(<ManipulationFinder />);
    const notice = document.querySelector('.sim-notice')!.textContent ?? '';
    expect(notice).toMatch(/Voting rule: expected one of plurality, two-round, irv, borda/);
    expect(notice).toMatch(/Bloc 1 ranking: expected one of ABCD, ABDC/);
    expect(notice).toMatch(/Bloc 1 voters: expected a whole number from 1 to 99, got "0"; using 1/);
    expect(notice).toMatch(/Ballot blocs: expected a whole number from 1 to 5, got "9"; using 3/);
    expect(caption()).toMatch(/^Under the Borda count with 3 voters in 3 blocs/);
  });

  test('"Show data" lists every rule with its verdict on the profile', () => {
    render(<ManipulationFinder />);
    fireEvent.click(screen.getByText('Show data'));
    const table = document.querySelector<HTMLTableElement>('#sim-manipulation-finder-data table')!;
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.textContent),
    );
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r[0] === 'Borda count')).toEqual([
      'Borda count',
      'B',
      'yes',
      '1',
      'A > B > C > D',
      'A > C > D > B',
      'A',
    ]);
    expect(rows.find((r) => r[0] === 'Plurality')?.[2]).toBe('no');
  });
});
