// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ExternalityMarket } from '../../components/sims/ExternalityMarket.tsx';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/pigouvian-tax/');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('ExternalityMarket server render', () => {
  test('the untaxed market: curves, the shaded loss of 100 and a caption naming t* = 20', () => {
    // P = 100 − Q, MPC = 10 + Q, MED = 20: Q = 45 at price 55, Q* = 35, DWL = 20²/(2·2) = 100, t* = 20.
    const html = renderToString(<ExternalityMarket />);
    expect(html).toContain(
      'Without a tax the market trades 45 units (at a price of 55); with damage 20 per unit, the optimum is 35 units, where demand meets the marginal social cost. Deadweight loss: 100 (the shaded triangle).',
    );
    expect(html).toContain('a tax equal to the marginal damage at the optimum, t* = 20, would restore the optimum (Pigou 1920).');
    // Demand, private cost and social cost, and the loss polygon.
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(3);
    expect(html).toMatch(/<polygon points="[\d., ]+" fill="var\(--sim-series-2\)" fill-opacity="0.28"/);
    expect(html).toContain('optimum Q* = 35</text>');
    expect(html).toContain('market Q = 45</text>');
    // Welfare accounts: optimum welfare W(35) = 70·35 − 35² = 1225.
    expect(html).toContain('optimum 1225</text>');
    expect(html).toMatch(/<button type="button" class="sim-button" disabled[^>]*>Set the Pigouvian tax t\* = 20<\/button>/);
  });

  test('a tax equal to the marginal damage removes the triangle and the caption says it is the Pigouvian tax', () => {
    const html = renderToString(<ExternalityMarket tax={20} embedKey="taxed" />);
    expect(html).toContain('With a tax of 20 per unit the market trades 35 units (buyers pay 65, sellers keep 45)');
    expect(html).toContain('Deadweight loss: 0.');
    expect(html).toContain('The tax equals the marginal damage at the optimum, t* = 20: it is the Pigouvian tax');
    expect(html).not.toContain('fill-opacity="0.28" stroke="none"');
    // Private cost plus tax is drawn as a fourth line.
    expect(html.match(/<path class="sim-line" d="M[\d.]+,[\d.]+L/g)).toHaveLength(4);
  });
});

describe('ExternalityMarket in the browser', () => {
  test('every control has a visible label; the tax slider answers the keyboard, and an overshoot is called underproduction', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<ExternalityMarket />);
    for (const label of ['Marginal external damage d', 'Damage growth ε (MED = d + εQ)', 'Tax per unit t']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    const tax = screen.getByLabelText('Tax per unit t');
    // Page Up moves ten steps of 0.5: a tax of 5 leaves Q = 42.5 and DWL = 2·7.5²/2 = 56.25.
    fireEvent.keyDown(tax, { key: 'PageUp' });
    expect(caption()).toMatch(/^With a tax of 5 per unit the market trades 42\.5 units/);
    expect(caption()).toMatch(/Deadweight loss: 56\.3 .* still overproduces; the loss is down from 100 untaxed\./);
    fireEvent.keyDown(tax, { key: 'End' });
    expect(caption()).toMatch(/^With a tax of 60 per unit the market trades 15 units/);
    expect(caption()).toMatch(/exceeds the marginal damage at the optimum \(t\* = 20\), so the market now underproduces\./);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?externality-market=tax:60');
  });

  test('"Set the Pigouvian tax" hits t* exactly even off the slider’s grid (linear damage: t* = 20 + 70/3)', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<ExternalityMarket damageSlope={1} />);
    // Q* = (100 − 10 − 20)/(1 + 1 + 1) = 70/3, t* = 20 + 70/3 ≈ 43.3.
    fireEvent.click(screen.getByRole('button', { name: 'Set the Pigouvian tax t* = 43.3' }));
    expect(caption()).toMatch(/the market trades 23\.3 units .* Deadweight loss: 0\. The tax equals the marginal damage at the optimum, t\* = 43\.3/);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the tax' }));
    expect(caption()).toMatch(/^Without a tax the market trades 45 units/);
    fireEvent.click(screen.getByRole('button', { name: 'Set the Pigouvian tax t* = 43.3' }));
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    // The URL lists what differs from the embed's own props (damageSlope 1 is one of them).
    expect(window.location.search).toBe(`?externality-market=tax:${20 + 70 / 3}`);
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?externality-market=damage:30,tax:30&second=damage:0');
    render(
      <>
        <ExternalityMarket />
        <ExternalityMarket embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    expect(captions[0]).toMatch(/^With a tax of 30 per unit the market trades 30 units .* The tax equals the marginal damage at the optimum, t\* = 30/);
    // No damage: the market is already optimal and t* = 0.
    expect(captions[1]).toMatch(/^Without a tax the market trades 45 units .* the optimum is 45 units.* Deadweight loss: 0\. The tax equals the marginal damage at the optimum, t\* = 0/);
  });

  test('a bad link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?externality-market=tax:-5,damage:0x10,bogus:1');
    render(<ExternalityMarket />);
    const notice = document.querySelector('.sim-notice')!;
    expect(notice.textContent).toMatch(/Tax per unit t: expected a number from 0 to 60, got "-5"; using 0/);
    expect(notice.textContent).toMatch(/Marginal external damage d: expected a number from 0 to 40, got "0x10"/);
    expect(notice.textContent).toMatch(/unknown setting "bogus" ignored/);
    expect(caption()).toMatch(/^Without a tax the market trades 45 units/);
  });

  test('"Show data" lists the curves by quantity', () => {
    render(<ExternalityMarket tax={10} />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'quantity',
      'demand price',
      'marginal private cost',
      'marginal social cost',
      'private cost + tax',
    ]);
    expect([...table.querySelectorAll('tbody tr:nth-child(3) td')].map((td) => td.textContent)).toEqual(['10', '90', '20', '40', '30']);
  });
});
