// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  URL_WRITE_DELAY_MS,
  parseEmbedState,
  readEmbedState,
  useUrlState,
  withEmbedState,
} from '../../components/kit/url-state.ts';
import { defaultsOf, type ParamSpecs } from '../../components/kit/params.ts';

const spec = {
  agents: { kind: 'integer', label: 'Agents', min: 2, max: 50, step: 1, default: 8 },
  mode: {
    kind: 'select',
    label: 'Mode',
    options: [
      { value: 'none', label: 'None' },
      { value: 'charge', label: 'Charge' },
    ],
    default: 'none',
  },
} as const satisfies ParamSpecs;

function Embed(props: { embedKey: string; agents?: number }) {
  const initial = { ...defaultsOf(spec), ...(props.agents === undefined ? {} : { agents: props.agents }) };
  const state = useUrlState(props.embedKey, spec, initial);
  return (
    <div data-testid={props.embedKey}>
      <span>
        {props.embedKey}: agents {state.values.agents}, mode {state.values.mode}
      </span>
      {state.notice ? <p role="status">{state.notice}</p> : null}
      <button type="button" onClick={() => state.set('agents', state.values.agents + 1)}>
        more {props.embedKey}
      </button>
    </div>
  );
}

function setUrl(path: string) {
  window.history.replaceState(null, '', path);
}

describe('withEmbedState and readEmbedState', () => {
  test('withEmbedState sets one key and keeps other parameters and the fragment byte for byte', () => {
    const href = 'https://example.org/wiki/commons/?q=a+b&other=x%3Ay#section-2';
    const next = withEmbedState(href, 'commons-harvest', 'agents:3,mode:charge');
    expect(next).toBe(
      'https://example.org/wiki/commons/?q=a+b&other=x%3Ay&commons-harvest=agents:3,mode:charge#section-2',
    );
    expect(readEmbedState(new URL(next).search, 'commons-harvest')).toBe('agents:3,mode:charge');
    expect(readEmbedState(new URL(next).search, 'q')).toBe('a b');
  });

  test('withEmbedState replaces a key in place, drops duplicates, and removes it for empty state', () => {
    const href = 'https://example.org/p?a=1&k=old&b=2&k=dup#h';
    expect(withEmbedState(href, 'k', 'x:1')).toBe('https://example.org/p?a=1&k=x:1&b=2#h');
    expect(withEmbedState(href, 'k', '')).toBe('https://example.org/p?a=1&b=2#h');
    expect(withEmbedState('https://example.org/p?k=1#h', 'k', null)).toBe('https://example.org/p#h');
  });

  test('withEmbedState percent-encodes characters that would change meaning in a query (+, &, #, space)', () => {
    const next = withEmbedState('https://example.org/p', 'k', 'a:1e+21,b:x&y#z w');
    expect(readEmbedState(new URL(next).search, 'k')).toBe('a:1e+21,b:x&y#z w');
    expect(new URL(next).hash).toBe('');
  });

  test('parseEmbedState combines malformed-pair and bad-value problems and never throws', () => {
    const { values, problems } = parseEmbedState('agents:999,junk,mode:charge', spec, defaultsOf(spec));
    expect(values).toEqual({ agents: 8, mode: 'charge' });
    expect(problems).toHaveLength(2);
  });
});

describe('useUrlState', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
    setUrl('/');
  });

  test('two embeds on one page read their own keys and write back without touching each other or the #fragment', () => {
    setUrl('/wiki/tragedy/?first=agents:20&keep=1&second=mode:charge#the-model');
    render(
      <>
        <Embed embedKey="first" />
        <Embed embedKey="second" agents={5} />
      </>,
    );
    expect(screen.getByText('first: agents 20, mode none')).toBeTruthy();
    expect(screen.getByText('second: agents 5, mode charge')).toBeTruthy();

    fireEvent.click(screen.getByText('more second'));
    expect(screen.getByText('second: agents 6, mode charge')).toBeTruthy();
    // The address follows only after the debounce.
    expect(window.location.search).toBe('?first=agents:20&keep=1&second=mode:charge');
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?first=agents:20&keep=1&second=agents:6,mode:charge');
    expect(window.location.hash).toBe('#the-model');
    expect(window.location.pathname).toBe('/wiki/tragedy/');
  });

  test('useUrlState stores values relative to the embed’s props, so returning to them clears the key', () => {
    setUrl('/p?e=agents:6#h');
    render(<Embed embedKey="e" agents={5} />);
    expect(screen.getByText('e: agents 6, mode none')).toBeTruthy();
    // 6 → 7: differs from the props' 5, so it is written.
    fireEvent.click(screen.getByText('more e'));
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('?e=agents:7');
    expect(window.location.hash).toBe('#h');
  });

  test('useUrlState falls back to the initial values and returns a notice for garbage in the link', () => {
    setUrl('/p?e=agents:1e309,mode:ban,zz:1#h');
    render(<Embed embedKey="e" agents={5} />);
    expect(screen.getByText('e: agents 5, mode none')).toBeTruthy();
    const notice = screen.getByRole('status').textContent ?? '';
    expect(notice).toMatch(/could not be used/);
    expect(notice).toMatch(/Agents: expected a whole number from 2 to 50/);
    expect(notice).toMatch(/Mode: expected one of none, charge/);
    // The garbage is cleaned out of the address.
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(window.location.search).toBe('');
    expect(window.location.hash).toBe('#h');
  });

  test('useUrlState leaves the address alone when the link carries no state', () => {
    setUrl('/p?x=1#h');
    const spy = vi.spyOn(window.history, 'replaceState');
    render(<Embed embedKey="e" />);
    act(() => {
      vi.advanceTimersByTime(URL_WRITE_DELAY_MS + 10);
    });
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
