// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { SimFrame, sampleRows, type SimAbout, type SimFrameProps } from '../../components/kit/SimFrame.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const about: SimAbout = {
  assumptions: ['Stock grows logistically.', 'Agents hill-climb.'],
  reproduces: {
    result: 'Open access dissipates the rent',
    citation: {
      key: 'gordon1954',
      authors: 'H. Scott Gordon',
      year: 1954,
      title: 'The Economic Theory of a Common-Property Resource',
      url: 'https://www.jstor.org/stable/1825571',
    },
  },
  model: 'src/models/commons/renewable-resource.ts',
  tests: 'tests/models/commons/renewable-resource.test.ts',
};

function frame(overrides: Partial<SimFrameProps> = {}) {
  const props: SimFrameProps = {
    embedKey: 'demo',
    title: 'Demo simulation',
    caption: 'Period 3: welfare at 50% of the optimum.',
    controls: <button type="button">Step</button>,
    data: () => ({
      columns: ['period', 'value, in units'],
      rows: Array.from({ length: 500 }, (_, t) => [t, t / 3]),
    }),
    about,
    children: <svg role="img" aria-label="A chart" />,
    ...overrides,
  };
  return <SimFrame {...props} />;
}

describe('SimFrame', () => {
  test('SimFrame is a figure named by its title, with the caption as its last child, inside the embed', () => {
    render(frame());
    const figure = screen.getByRole('figure', { name: 'Demo simulation' });
    expect(figure.closest('#sim-demo')).not.toBeNull();
    expect(figure.lastElementChild?.tagName).toBe('FIGCAPTION');
    expect(figure.querySelector('figcaption')?.textContent).toBe('Period 3: welfare at 50% of the optimum.');
    expect(document.querySelector('#sim-demo [aria-live="polite"]')?.textContent).toBe('Period 3: welfare at 50% of the optimum.');
  });

  test('SimFrame shows the notice in a status region, and Dismiss hides it', () => {
    const onDismiss = vi.fn();
    render(frame({ notice: 'Some settings in this link could not be used.', onDismissNotice: onDismiss }));
    const status = screen.getAllByRole('status').find((el) => el.classList.contains('sim-notice'))!;
    expect(status.textContent).toMatch(/could not be used/);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalled();
  });

  test('SimFrame keeps an empty status region when there is no notice', () => {
    render(frame());
    expect(document.querySelector('.sim-notice')?.textContent).toBe('');
  });

  test('"Show data" reveals the data as a table (at most 200 evenly spaced rows) and "Hide data" removes it', () => {
    render(frame());
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByText('Show data'));
    const table = screen.getByRole('table');
    expect([...table.querySelectorAll('th')].map((th) => th.textContent)).toEqual(['period', 'value, in units']);
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(200);
    expect(rows[0]?.textContent).toBe('00');
    expect(rows[199]?.querySelector('td')?.textContent).toBe('499');
    expect(table.querySelector('caption')?.textContent).toMatch(/200 of 500 rows/);
    fireEvent.click(screen.getByText('Hide data'));
    expect(screen.queryByRole('table')).toBeNull();
  });

  test('the server render includes the table inside a closed <details>, so it works without JavaScript', () => {
    const html = renderToString(frame());
    expect(html).toMatch(/<details class="sim-data"><summary>Show data<\/summary>/);
    expect(html).toMatch(/<table class="sim-table">/);
    // Buttons that need JavaScript are disabled until hydration.
    expect(html).toMatch(/<button type="button" class="sim-button" disabled(="")?>Download CSV<\/button>/);
  });

  test('"Download CSV" builds RFC 4180 text of every row and starts a download', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:fake';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    render(frame());
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(click).toHaveBeenCalledTimes(1);
    const text = await created[0]!.text();
    expect(text.startsWith('period,"value, in units"\r\n0,0\r\n1,0.3333333333333333\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(502);
    expect(screen.getByText('CSV downloaded.')).toBeTruthy();
  });

  test('"Copy link" copies the link the sim provides and says so', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(frame({ link: () => 'https://example.org/wiki/x/?demo=agents:3#top' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    });
    expect(writeText).toHaveBeenCalledWith('https://example.org/wiki/x/?demo=agents:3#top');
    expect(screen.getByText('Link copied.')).toBeTruthy();
  });

  test('"Copy link" shows the link when the clipboard refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new Error('denied')) },
      configurable: true,
    });
    render(frame({ link: () => 'https://example.org/p?demo=seed:2' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    });
    expect(screen.getByText('Copy this link: https://example.org/p?demo=seed:2')).toBeTruthy();
  });

  test('"About this model" lists assumptions, the cited result and links built from repoUrl', () => {
    render(frame({ repoUrl: 'https://code.example/equilibria/blob/main/' }));
    const details = document.querySelector('details.sim-about')!;
    expect(details.querySelector('summary')?.textContent).toBe('About this model');
    expect(details.textContent).toMatch(/Stock grows logistically\./);
    expect(details.textContent).toMatch(/Open access dissipates the rent \(H\. Scott Gordon, 1954/);
    const hrefs = [...details.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([
      'https://www.jstor.org/stable/1825571',
      'https://code.example/equilibria/blob/main/src/models/commons/renewable-resource.ts',
      'https://code.example/equilibria/blob/main/tests/models/commons/renewable-resource.test.ts',
    ]);
  });

  test('without repoUrl the source paths are shown as text, not links', () => {
    render(frame());
    const details = document.querySelector('details.sim-about')!;
    expect(details.querySelectorAll('a')).toHaveLength(1);
    expect(details.textContent).toMatch(/src\/models\/commons\/renewable-resource\.ts/);
  });
});

describe('sampleRows', () => {
  test('sampleRows(length, max) keeps all rows up to max, else max evenly spaced with first and last', () => {
    expect(sampleRows(3, 5)).toEqual([0, 1, 2]);
    expect(sampleRows(11, 3)).toEqual([0, 5, 10]);
    const picked = sampleRows(1000, 200);
    expect(picked).toHaveLength(200);
    expect(picked[0]).toBe(0);
    expect(picked.at(-1)).toBe(999);
  });
});

describe('Cite this run', () => {
  test('citeRun names the simulation, the reproduced result and the link to this exact run', async () => {
    const { citeRun } = await import('../../components/kit/SimFrame.tsx');
    const about = {
      summary: 's',
      assumptions: [],
      reproduces: { result: 'r', citation: { key: 'gordon1954', authors: 'H. Scott Gordon', year: 1954, title: 't', url: 'https://example.org' } },
      model: 'm',
      tests: 't',
    };
    const text = citeRun('Harvesting a shared fishery', about as never, 'https://site/wiki/x/?commons-harvest=agents:12');
    expect(text).toContain('“Harvesting a shared fishery”');
    expect(text).toContain('H. Scott Gordon (1954)');
    expect(text).toContain('https://site/wiki/x/?commons-harvest=agents:12');
    expect(citeRun('T', about as never, undefined)).toContain('Copy link');
  });
});
