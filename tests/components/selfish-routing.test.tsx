// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { SelfishRouting, routeFlows, routingLayout } from '../../components/sims/SelfishRouting.tsx';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { simplePaths } from '../../src/models/routing/network.ts';
import { wardropEquilibrium } from '../../src/models/routing/wardrop.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/price-of-anarchy/');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('SelfishRouting server render', () => {
  test('Pigou’s network: both routings drawn with latency labels, the routes table, the PoA curve, and a caption with 4/3', () => {
    const html = renderToString(<SelfishRouting />);
    // Two diagrams of two roads each, two nodes each.
    expect(html.match(/<g class="sim-edge/g)).toHaveLength(4);
    expect(html.match(/<g class="sim-node">/g)).toHaveLength(4);
    // Equilibrium: everyone on the x road; optimum: half and half (Pigou 1920).
    expect(html).toContain('>x (1)</text>');
    expect(html).toContain('>1 (0)</text>');
    expect(html).toContain('>x (0.5)</text>');
    expect(html).toContain('>1 (0.5)</text>');
    expect(html).toContain('Wardrop equilibrium: total latency 1</p>');
    expect(html).toContain('System optimum: total latency 0.75</p>');
    // The curve has real geometry and the bound for d = 1 is labelled.
    expect(html).toMatch(/<path class="sim-line" d="M[\d.]+,[\d.]+L/);
    expect(html).toContain('bound 1.33</text>');
    expect(html).toContain(
      'Pigou’s network, demand 1, latency degree 1: at the Wardrop equilibrium every driver’s trip takes 1 (total latency 1); the system optimum costs 0.75 in total (0.75 per driver on average). The price of anarchy is 1.33, Pigou’s 4/3, which is Roughgarden’s bound 1.33 for degree 1',
    );
    expect(html).toContain('Roughgarden &amp; Tardos 2002');
    // Nothing runs in time: no Play button, and the solver buttons wait for JavaScript.
    expect(html).not.toContain('sim-play');
    expect(html).toMatch(/<button type="button" class="sim-button" disabled[^>]*>Show iteration 0<\/button>/);
  });

  test('Braess’s network: the free link raises every trip from 1.5 to 2, and "About" cites Braess (1968)', () => {
    const html = renderToString(<SelfishRouting network="braess" embedKey="braess" />);
    expect(html).toContain(
      'Each driver takes 1.5 without the free link and 2 with it: opening the free link makes every trip slower (Braess 1968: 1.5 → 2).',
    );
    expect(html).toContain('every driver’s trip takes 2 (total latency 2); the system optimum costs 1.5 in total');
    expect(html).toContain('Dietrich Braess, 1968');
    expect(html).toContain('id="sim-braess"');
    // The optimum leaves the free link empty.
    expect(html).toContain('>0 (0)</text>');
  });

  test.each([
    [2, '1.63'],
    [3, '1.9'],
    [4, '2.15'],
  ])('Pigou’s network with latency x^%i meets Roughgarden’s bound %s (Roughgarden 2003)', (degree, bound) => {
    // Published values 1.626, 1.896, 2.151 for d = 2, 3, 4, shown to three digits.
    const html = renderToString(<SelfishRouting degree={degree} />);
    expect(html).toContain(`The price of anarchy is ${bound}, equal to Roughgarden’s bound ${bound} for degree ${degree}`);
    expect(html).toContain(`bound ${bound}</text>`);
  });

  test('the street grid with tolls routes like the optimum; its seed control is shown and the link toggle is not', () => {
    const html = renderToString(<SelfishRouting network="grid" degree={2} demand={2} tolls />);
    expect(html).toMatch(/Equilibrium with tolls: total latency ([\d.]+)<\/p>/);
    const tolled = /Equilibrium with tolls: total latency ([\d.]+)<\/p>/.exec(html)![1];
    expect(html).toContain(`System optimum: total latency ${tolled}</p>`);
    expect(html).toContain('Marginal-cost tolls on 12 roads make selfish drivers route as the planner would');
    expect(html).toContain('Grid seed');
    expect(html).not.toContain('Free middle link');
    // Nine nodes, twelve roads, in each of the two diagrams.
    expect(html.match(/<g class="sim-node">/g)).toHaveLength(18);
    expect(html.match(/<g class="sim-edge/g)).toHaveLength(24);
  });
});

describe('routeFlows', () => {
  test('routeFlows splits Braess’s equilibrium edge flows onto the zigzag route only', () => {
    const layout = routingLayout({ network: 'braess', demand: 1, degree: 1, shortcut: true, seed: 1 });
    const paths = simplePaths(layout.network, 's', 't');
    const eq = wardropEquilibrium(layout.network, { from: 's', to: 't', rate: 1 });
    const flows = routeFlows(paths, eq.flows, 1);
    const zigzag = paths.findIndex((p) => p.length === 3);
    flows.forEach((f, k) => expect(f).toBeCloseTo(k === zigzag ? 1 : 0, 9));
  });
});

describe('SelfishRouting in the browser', () => {
  test('every control has a visible label; the degree slider answers the keyboard and the URL follows', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<SelfishRouting />);
    for (const label of ['Network', 'Traffic demand', 'Latency degree d', 'Marginal-cost tolls']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    fireEvent.keyDown(screen.getByLabelText('Latency degree d'), { key: 'ArrowRight' });
    expect(caption()).toMatch(/^Pigou’s network, demand 1, latency degree 2: .* The price of anarchy is 1\.63, equal to Roughgarden’s bound 1\.63/);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?selfish-routing=degree:2');
  });

  test('switching the free link off brings Braess’s equilibrium back to 1.5 per driver', () => {
    render(<SelfishRouting network="braess" />);
    expect(caption()).toMatch(/every driver’s trip takes 2 /);
    fireEvent.click(screen.getByLabelText('Free middle link a → b'));
    expect(caption()).toMatch(/^Braess’s network without the free link, demand 1, latency degree 1: at the Wardrop equilibrium every driver’s trip takes 1\.5 /);
    expect(caption()).toMatch(/The price of anarchy is 1, below Roughgarden’s bound 1\.33/);
  });

  test('marginal-cost tolls make the equilibrium diagram match the optimum (1.5 on Braess’s network)', () => {
    render(<SelfishRouting network="braess" />);
    fireEvent.click(screen.getByLabelText('Marginal-cost tolls'));
    expect(screen.getByText('Equilibrium with tolls: total latency 1.5')).toBeTruthy();
    expect(caption()).toMatch(/Marginal-cost tolls on 2 roads make selfish drivers route as the planner would: total latency 1\.5, the optimum\./);
    // The toll of 1/2 is printed on the congestible roads.
    expect(document.body.textContent).toContain('x + toll 0.5 (0.5)');
  });

  test('the solver steps through Frank–Wolfe iterations and back to the solution', () => {
    render(<SelfishRouting network="braess" shortcut={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'Show iteration 0' }));
    // Iteration 0: everyone on one route of the empty network, total 2 (1 + 1).
    expect(caption()).toMatch(/Frank–Wolfe iteration 0 toward the equilibrium has total latency 2 \(2 per driver\)/);
    fireEvent.click(screen.getByRole('button', { name: 'Next iteration' }));
    // One exact line search moves half the traffic: the equilibrium, 1.5.
    expect(caption()).toMatch(/Frank–Wolfe iteration 1 toward the equilibrium has total latency 1\.5 /);
    fireEvent.click(screen.getByRole('button', { name: 'Previous iteration' }));
    expect(caption()).toMatch(/Frank–Wolfe iteration 0 /);
    fireEvent.click(screen.getByRole('button', { name: 'Show the solution' }));
    expect(caption()).toMatch(/at the Wardrop equilibrium every driver’s trip takes 1\.5/);
  });

  test('the state in the link is read after hydration, one key per embed', () => {
    window.history.replaceState(null, '', '/p?selfish-routing=network:braess,shortcut:0&second=network:pigou,degree:3,demand:2#top');
    render(
      <>
        <SelfishRouting />
        <SelfishRouting embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent);
    expect(captions[0]).toMatch(/^Braess’s network without the free link, demand 1,/);
    expect(captions[1]).toMatch(/^Pigou’s network, demand 2, latency degree 3:/);
  });

  test('a bad link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?selfish-routing=demand:1e309,network:%3Cscript%3E,tolls:maybe');
    render(<SelfishRouting />);
    const notice = document.querySelector('.sim-notice')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toMatch(/Traffic demand: expected a number from 0\.1 to 3, got "1e309"; using 1/);
    expect(notice.textContent).toMatch(/Network: expected one of pigou, braess, grid/);
    expect(notice.textContent).toMatch(/Marginal-cost tolls: expected 1 or 0/);
    expect(caption()).toMatch(/^Pigou’s network, demand 1, latency degree 1/);
  });

  test('"Show data" lists every road with its latency, toll and both flows', () => {
    render(<SelfishRouting network="braess" />);
    fireEvent.click(screen.getByText('Show data'));
    const table = document.querySelector('.sim-data table')!;
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'road',
      'latency',
      'toll',
      'equilibrium flow',
      'equilibrium latency',
      'optimum flow',
      'optimum latency',
    ]);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(5);
    expect([...table.querySelectorAll('tbody tr:first-child td')].map((td) => td.textContent)).toEqual(['s→a', 'x', '0', '1', '1', '0.5', '0.5']);
  });
});
