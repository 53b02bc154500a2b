/**
 * Run state in the query string: each embed keeps all its parameters in ONE key (its embed key),
 * so several simulations on a page never collide, and the #fragment is left alone for section
 * links. Reading happens only on the client after hydration; the server renders the props.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { parseParams, serializeParams, splitState, type ParamSpecs, type ParamValues } from './params.ts';

/** Returns the raw state stored under `key` in a query string (with or without the leading "?"), or null when absent. */
export function readEmbedState(search: string, key: string): string | null {
  return new URLSearchParams(search).get(key);
}

// Form-encoding, except that ":" and "," stay readable; both are allowed in a query.
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text).replace(/%3A/gi, ':').replace(/%2C/gi, ',');
}

function decodeQueryName(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Returns `href` with the state under `key` replaced by `state` (removed when `state` is null or
 * ""), keeping every other query parameter byte for byte and the fragment as it was.
 */
export function withEmbedState(href: string, key: string, state: string | null): string {
  const url = new URL(href);
  const pairs = url.search
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '');
  const kept: string[] = [];
  let at = -1;
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (decodeQueryName(eq < 0 ? pair : pair.slice(0, eq)) === key) {
      if (at < 0) at = kept.length;
      continue;
    }
    kept.push(pair);
  }
  if (state) {
    // Keep the embed's place in the query so that a changing value does not reorder the URL.
    kept.splice(at < 0 ? kept.length : at, 0, `${encodeQueryPart(key)}=${encodeQueryPart(state)}`);
  }
  url.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return url.href;
}

/** Returns the values encoded in an embed's raw URL state, falling back to `base` per bad entry, with readable problems; never throws. */
export function parseEmbedState<S extends ParamSpecs>(
  text: string,
  spec: S,
  base: ParamValues<S>,
): { values: ParamValues<S>; problems: string[] } {
  const split = splitState(text);
  const parsed = parseParams(split.raw, spec, base);
  return { values: parsed.values, problems: [...split.problems, ...parsed.problems] };
}

/** What `useUrlState` returns. */
export type UrlState<S extends ParamSpecs> = {
  /** The current values (the initial ones until the URL was read after hydration). */
  readonly values: ParamValues<S>;
  /** Sets one parameter. */
  readonly set: <K extends keyof S & string>(name: K, value: ParamValues<S>[K]) => void;
  /** Replaces all values. */
  readonly setAll: (values: ParamValues<S>) => void;
  /** Why the link's state could not be used as it was, or null. */
  readonly notice: string | null;
  /** Hides the notice. */
  readonly dismissNotice: () => void;
  /** Returns the page's address carrying the current state (and writes it to history now). */
  readonly link: () => string;
  /** True once the component runs on the client and has read the URL. */
  readonly hydrated: boolean;
};

/** Delay before the address bar follows a change, so dragging a slider does not flood history.replaceState. */
export const URL_WRITE_DELAY_MS = 250;

/**
 * Keeps an embed's parameters in the query-string key `embedKey`: starts from `initial` (so the
 * server render matches), reads the URL once after hydration (bad entries fall back with a
 * notice), and writes changes back with a debounced history.replaceState (no reload).
 */
export function useUrlState<S extends ParamSpecs>(embedKey: string, spec: S, initial: ParamValues<S>): UrlState<S> {
  const [values, setValues] = useState<ParamValues<S>>(initial);
  const [notice, setNotice] = useState<string | null>(null);
  const [hydrated, setHydrated] = useState(false);
  const latest = useRef(values);
  latest.current = values;

  const write = useCallback((): string => {
    const state = serializeParams(latest.current, spec, initial);
    const next = withEmbedState(window.location.href, embedKey, state);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
    return next;
    // `spec` and `initial` are fixed for the life of an embed, so only the key matters.
  }, [embedKey]);

  useEffect(() => {
    const raw = readEmbedState(window.location.search, embedKey);
    if (raw !== null) {
      const parsed = parseEmbedState(raw, spec, initial);
      setValues(parsed.values);
      if (parsed.problems.length > 0) {
        setNotice(`Some settings in this link could not be used, so defaults apply: ${parsed.problems.join('; ')}.`);
      }
    }
    setHydrated(true);
    // Read once per embed key (on mount), never again: later changes come from the controls.
  }, [embedKey]);

  useEffect(() => {
    if (!hydrated) return undefined;
    const timer = setTimeout(write, URL_WRITE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, hydrated, write]);

  const set = useCallback(<K extends keyof S & string>(name: K, value: ParamValues<S>[K]) => {
    setValues((old) => ({ ...old, [name]: value }));
  }, []);

  return {
    values,
    set,
    setAll: setValues,
    notice,
    dismissNotice: useCallback(() => setNotice(null), []),
    link: write,
    hydrated,
  };
}
