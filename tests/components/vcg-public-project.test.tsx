// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { parse } from 'yaml';
import { defineSimulation } from '../../components/registry.ts';
import { VcgPublicProject, liarIndex, projectValues, vcgCaption } from '../../components/sims/VcgPublicProject.tsx';
import { vcgPublicProjectInfo, vcgPublicProjectParams } from '../../components/sims/vcg-public-project.params.ts';
import { URL_WRITE_DELAY_MS } from '../../components/kit/url-state.ts';
import { defaultsOf } from '../../components/kit/params.ts';

const caption = () => document.querySelector('figcaption')?.textContent ?? '';
const defaults = () => defaultsOf(vcgPublicProjectParams);

// The defaults are the worked example of the Clarke-tax model tests: cost 300 split 100 each,
// values 250, 60, 20, so net values 150, −40, −80 (sum 30: built), agent 1 pivotal with a tax of
// 120 (without it the others' net −120 would block). Agent 2 reporting 0 blocks the project,
// becomes pivotal and pays 70 (the others' net 70): utility −70 against −40.
const DEFAULT_CAPTION =
  '3 agents share a cost of 300 (100 each). Values 250, 60 and 20 give net values 150, -40 and -80, which sum to 30 > 0: the project is built. ' +
  'Agent 1 is pivotal (without it the others would decide the other way) and pays a Clarke tax of 120; the taxes leave a budget surplus of 120 that cannot be handed back without spoiling the incentives. ' +
  'If agent 2 reported 0 instead of 60, the project would not be built, it would pay a tax of 70, and its true utility would be -70 instead of -40: the lie loses 30. ' +
  'No report does better than the truth: under the Clarke pivot rule truth-telling is a dominant strategy (Groves 1973).';

beforeEach(() => {
  window.history.replaceState(null, '', '/wiki/vcg-mechanism/');
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('VcgPublicProject server render', () => {
  test('the server render draws both bar charts and the utility step, with the worked example in the caption', () => {
    const html = renderToString(<VcgPublicProject />);
    expect(html).toContain(DEFAULT_CAPTION);
    // Three net-value bars and three tax bars.
    expect(
      html.match(/<g class="sim-bars"[^>]*>([\s\S]*?)<\/g>/g)?.map((g) => g.match(/<rect /g)?.length ?? 0),
    ).toEqual([3, 3]);
    expect(html).toContain('1 pivotal</text>');
    // The utility against the report: one step path (moves H then V), the truth, the report and the flip.
    expect(html).toMatch(/<path class="sim-line" d="M[\d.-]+,[\d.-]+(H[\d.-]+V[\d.-]+)+"/);
    expect(html).toContain('truth 60</text>');
    expect(html).toContain('report 0: utility -70</text>');
    expect(html).toContain('decision flips at 30</text>');
    expect(html).toContain('truthful -40</text>');
    expect(html).toContain('Clarke tax of each agent: surplus 120');
  });

  test('the server render uses the props: five agents, the pivotal agent lying low', () => {
    const html = renderToString(<VcgPublicProject agents={5} liar={1} report={100} embedKey="five" />);
    // Cost 300 split 60 each; values 250, 60, 20, 150, −50: nets 190, 0, −40, 90, −110, sum 130.
    // Without agent 1 the others' net is −60: it is pivotal and pays 60. Reporting 100 (net 40)
    // makes the sum −20: not built, no tax, utility 0 instead of 130.
    expect(html).toContain(
      'Values 250, 60, 20, 150 and -50 give net values 190, 0, -40, 90 and -110, which sum to 130 > 0: the project is built.',
    );
    expect(html).toContain('Agent 1 is pivotal');
    expect(html).toContain(
      'the project would not be built, it would pay a tax of 0, and its true utility would be 0 instead of 130: the lie loses 130.',
    );
    expect(html).toContain('id="sim-five"');
  });

  test('vcgCaption says when nobody is pivotal and the budget balances', () => {
    // Values 300, 300, 300 and cost 300: nets 200 each; without any one the others still build.
    const values = { ...defaults(), value1: 300, value2: 300, value3: 300, report: 300 };
    expect(vcgCaption(values)).toContain(
      'Nobody is pivotal, so nobody pays a tax beyond its share and the budget balances exactly.',
    );
    expect(vcgCaption(values)).toContain('Agent 2 reports its true value 300: its utility is 200.');
  });

  test('liarIndex clamps the liar to the agents present and projectValues keeps the first ones', () => {
    expect(liarIndex({ ...defaults(), liar: 5 })).toBe(2);
    expect(projectValues({ ...defaults(), agents: 4 })).toEqual([250, 60, 20, 150]);
  });
});

describe('VcgPublicProject in the browser', () => {
  test('every control has a visible label, and the report slider answers the keyboard, writing the URL', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    render(<VcgPublicProject />);
    for (const label of [
      'Agents',
      'Project cost',
      'Value of agent 1',
      'Value of agent 2',
      'Value of agent 3',
      'Agent who lies',
      'Its reported value',
    ]) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.queryByLabelText('Value of agent 4')).toBeNull();
    const report = screen.getByLabelText('Its reported value');
    // Page Up moves ten steps of 5: a report of 50 is above the threshold 30, so the project is
    // built as under the truth and the lie changes nothing.
    fireEvent.keyDown(report, { key: 'PageUp' });
    expect(caption()).toContain(
      'If agent 2 reported 50 instead of 60, the project would still be built, it would pay a tax of 0, and its true utility would be -40 instead of -40: the lie gains nothing.',
    );
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?vcg-public-project=report:50');
  });

  test('"Report the truth" sets the report to the liar’s value; picking another liar changes the chart', () => {
    render(<VcgPublicProject />);
    fireEvent.click(screen.getByRole('button', { name: 'Report the truth' }));
    expect(caption()).toContain('Agent 2 reports its true value 60: its utility is -40.');
    const select = screen.getByLabelText('Agent who lies') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Agent 1', 'Agent 2', 'Agent 3']);
    select.value = '1';
    fireEvent.change(select);
    // Agent 1 (value 250) reporting 60 (net −40): sum −160, not built; utility 0 instead of 30.
    expect(caption()).toContain(
      'If agent 1 reported 60 instead of 250, the project would not be built, it would pay a tax of 0, and its true utility would be 0 instead of 30: the lie loses 30.',
    );
    expect(screen.getByText('Agent 1’s true utility against its report')).toBeTruthy();
  });

  test('a fourth agent appears with its slider and its bar', () => {
    render(<VcgPublicProject />);
    fireEvent.keyDown(screen.getByLabelText('Agents'), { key: 'ArrowRight' });
    expect(screen.getByLabelText('Value of agent 4')).toBeTruthy();
    expect(document.querySelectorAll('.sim-bars rect')).toHaveLength(8);
    // Cost 300 split 75 each; nets 175, −15, −55, 75: sum 180, and nobody is pivotal.
    expect(caption()).toMatch(
      /^4 agents share a cost of 300 \(75 each\)\. .* which sum to 180 > 0: the project is built\. Nobody is pivotal/,
    );
  });

  test('the state in the link is read after hydration, one key per embed, and the liar is clamped', () => {
    window.history.replaceState(null, '', '/p?vcg-public-project=liar:5,report:-100&second=agents:5,cost:600');
    render(
      <>
        <VcgPublicProject />
        <VcgPublicProject embedKey="second" />
      </>,
    );
    const captions = [...document.querySelectorAll('figcaption')].map((f) => f.textContent ?? '');
    // Liar 5 with three agents is agent 3 (value 20): reporting −100 (net −200) makes the sum
    // 150 − 40 − 200 = −90, so the project is not built.
    expect(captions[0]).toContain('If agent 3 reported -100 instead of 20, the project would not be built');
    expect(captions[1]).toMatch(/^5 agents share a cost of 600 \(120 each\)\./);
  });

  test('a bad link shows a visible notice and falls back to the defaults', () => {
    window.history.replaceState(null, '', '/p?vcg-public-project=agents:9,value1:NaN,cost:-5');
    render(<VcgPublicProject />);
    const notice = document.querySelector('.sim-notice')!;
    expect(notice.textContent).toMatch(/Agents: expected a whole number from 3 to 5, got "9"; using 3/);
    expect(notice.textContent).toMatch(/Value of agent 1: expected a number from -200 to 400, got "NaN"; using 250/);
    expect(notice.textContent).toMatch(/Project cost: expected a number from 0 to 600, got "-5"; using 300/);
    expect(caption()).toBe(DEFAULT_CAPTION);
  });

  test('"Show data" lists each agent’s value, share, net value, pivot, tax and utility', () => {
    render(<VcgPublicProject />);
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual([
      'agent',
      'value',
      'cost share',
      'net value',
      'pivotal',
      'Clarke tax',
      'utility',
    ]);
    expect(
      [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    ).toEqual([
      ['1', '250', '100', '150', 'yes', '120', '30'],
      ['2', '60', '100', '-40', 'no', '0', '-40'],
      ['3', '20', '100', '-80', 'no', '0', '-80'],
    ]);
  });
});

describe('vcg-public-project registration', () => {
  test('defineSimulation accepts the spec, and the About cites groves1973 exactly with files that exist', () => {
    const entry = defineSimulation(vcgPublicProjectInfo, vcgPublicProjectParams);
    expect(entry.propsSchema.safeParse({ agents: 4, value4: -20, liar: 4, report: 100 }).success).toBe(true);
    expect(entry.propsSchema.safeParse({ agents: 6 }).success).toBe(false);
    const { about } = vcgPublicProjectInfo;
    expect(existsSync(`${process.cwd()}/${about.model}`)).toBe(true);
    expect(existsSync(`${process.cwd()}/${about.tests}`)).toBe(true);
    type Ref = { key: string; authors: string[]; year: number; title: string; url?: string };
    const refs = parse(readFileSync(`${process.cwd()}/content/references.yaml`, 'utf8')) as Ref[];
    const ref = refs.find((r) => r.key === about.reproduces.citation.key)!;
    const { citation } = about.reproduces;
    expect({ authors: citation.authors, year: citation.year, title: citation.title, url: citation.url }).toEqual({
      authors: ref.authors.join(', '),
      year: ref.year,
      title: ref.title,
      url: ref.url,
    });
  });
});
