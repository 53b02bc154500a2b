/**
 * The frame every simulation sits in: a <figure> with title, charts, controls, a caption in words
 * (mirrored, throttled, into a polite live region), the URL-state notice, the data as a table and
 * as CSV, a copyable link, and an "About this model" disclosure with assumptions, the published
 * result it reproduces and links to the model's source and tests.
 */
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import { downloadCsv, toCsv, type CsvCell } from './csv.ts';
import { formatNumber } from './format.ts';
import { useHydrated, useThrottledValue } from './hooks.ts';

/** A published work, as the "About this model" section cites it. */
export type Citation = {
  /** The key in the wiki's bibliography. */
  readonly key: string;
  readonly authors: string;
  readonly year: number;
  readonly title: string;
  readonly url?: string;
};

/** What the "About this model" disclosure says. */
export type SimAbout = {
  readonly summary?: string;
  readonly assumptions: readonly string[];
  readonly reproduces: { readonly result: string; readonly citation: Citation };
  /** Repository path of the model's source file. */
  readonly model: string;
  /** Repository path of the model's tests. */
  readonly tests: string;
};

/** The data behind the charts: column names and rows. */
export type SimData = { readonly columns: readonly string[]; readonly rows: readonly (readonly CsvCell[])[] };

/** Props of `SimFrame`. */
export type SimFrameProps = {
  /** The embed's key, unique on the page; element ids derive from it. */
  readonly embedKey: string;
  readonly title: string;
  /** The current state in words. */
  readonly caption: string;
  /** Why the link's state was not used as is; shown in a status region. */
  readonly notice?: string | null;
  readonly onDismissNotice?: () => void;
  /** The charts. */
  readonly children: ComponentChildren;
  readonly controls: ComponentChildren;
  /** The data behind the charts, computed only when the table is shown or the CSV downloaded. */
  readonly data: () => SimData;
  /** Returns the link to this state (default: the current address). */
  readonly link?: () => string;
  readonly about: SimAbout;
  /** Base URL of the repository's files, e.g. ".../blob/main"; without it the paths are shown as text. */
  readonly repoUrl?: string;
  /** Most rows the table shows (evenly spaced, first and last kept); the CSV has them all. Default 200. */
  readonly maxTableRows?: number;
};

/** Returns up to `max` indices into `length` rows, evenly spaced, always keeping the first and the last. */
export function sampleRows(length: number, max: number): number[] {
  if (length <= max) return Array.from({ length }, (_, i) => i);
  if (max <= 1) return [length - 1];
  const out: number[] = [];
  for (let k = 0; k < max; k++) {
    const i = Math.round((k * (length - 1)) / (max - 1));
    if (out.at(-1) !== i) out.push(i);
  }
  return out;
}

function repoLink(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function cellText(v: CsvCell): string {
  if (typeof v === 'number') return formatNumber(v, 4);
  return v === null || v === undefined ? '' : String(v);
}

function DataTable(props: { id: string; title: string; data: SimData; maxRows: number }) {
  const { columns, rows } = props.data;
  const shown = sampleRows(rows.length, props.maxRows);
  return (
    // A scrollable region must be focusable so keyboard users can scroll it.
    <div class="sim-table-wrap" id={props.id} tabIndex={0}>
      <table class="sim-table">
        <caption>
          {shown.length < rows.length
            ? `${shown.length} of ${rows.length} rows, evenly spaced; the CSV has every row.`
            : `${rows.length} rows.`}
        </caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => (
            <tr key={i}>
              {(rows[i] ?? []).map((v, k) => (
                <td key={k}>{cellText(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function About(props: { about: SimAbout; repoUrl: string | undefined }) {
  const { about, repoUrl } = props;
  const { citation } = about.reproduces;
  const file = (label: string, path: string) => (
    <li>
      {label}:{' '}
      {repoUrl ? (
        <a href={repoLink(repoUrl, path)}>
          <code>{path}</code>
        </a>
      ) : (
        <code>{path}</code>
      )}
    </li>
  );
  return (
    <details class="sim-about">
      <summary>About this model</summary>
      {about.summary ? <p>{about.summary}</p> : null}
      <p class="sim-about-head">Assumptions</p>
      <ul>
        {about.assumptions.map((a) => (
          <li key={a}>{a}</li>
        ))}
      </ul>
      <p class="sim-about-head">What it reproduces</p>
      <p>
        {about.reproduces.result} ({citation.authors}, {citation.year}:{' '}
        <cite>{citation.url ? <a href={citation.url}>{citation.title}</a> : citation.title}</cite>.)
      </p>
      <p class="sim-about-head">Source</p>
      <ul>
        {file('Model', about.model)}
        {file('Tests', about.tests)}
      </ul>
    </details>
  );
}

/**
 * Returns a citation of this run: the simulation, the result its model reproduces, and the link
 * that restores exactly these settings and seed (before hydration: where to find that link).
 */
export function citeRun(title: string, about: SimAbout, href: string | undefined): string {
  const source = `${about.reproduces.citation.authors} (${about.reproduces.citation.year})`;
  const where = href ?? 'the address shown by “Copy link”, which restores these settings and seed';
  return `“${title}”, a simulation in the Equilibria wiki reproducing ${source}; run with the settings and seed at ${where}.`;
}

/** Live captions change at most this often, so screen readers are not flooded while a run plays. */
export const LIVE_CAPTION_INTERVAL_MS = 1000;

/** Renders a simulation's figure around its charts and controls. */
export function SimFrame(props: SimFrameProps) {
  const hydrated = useHydrated();
  const [showData, setShowData] = useState(false);
  const [status, setStatus] = useState('');
  const live = useThrottledValue(props.caption, LIVE_CAPTION_INTERVAL_MS);
  const base = `sim-${props.embedKey}`;
  const maxRows = props.maxTableRows ?? 200;

  // The disclosure works without JavaScript (native <details>, table rendered by the server);
  // once hydrated the table is only built while open, because it changes every step.
  const toggleData = (e: JSX.TargetedMouseEvent<HTMLElement>) => {
    e.preventDefault();
    setShowData((v) => !v);
  };

  const download = () => {
    const data = props.data();
    downloadCsv(`${props.embedKey}.csv`, toCsv(data.columns, data.rows));
    setStatus('CSV downloaded.');
  };

  const copyLink = async () => {
    const href = props.link ? props.link() : window.location.href;
    try {
      await navigator.clipboard.writeText(href);
      setStatus('Link copied.');
    } catch {
      setStatus(`Copy this link: ${href}`);
    }
  };

  return (
    <div class="sim" id={base}>
      <p class="sim-title" id={`${base}-title`}>
        {props.title}
      </p>
      <div class="sim-notice" role="status">
        {props.notice ? (
          <>
            <span>{props.notice}</span>{' '}
            {props.onDismissNotice ? (
              <button type="button" class="sim-button sim-link-button" onClick={props.onDismissNotice}>
                Dismiss
              </button>
            ) : null}
          </>
        ) : null}
      </div>
      {/* the figure: the charts and, last, the caption saying in words what they show */}
      <figure class="sim-figure" aria-labelledby={`${base}-title`}>
        <div class="sim-charts">{props.children}</div>
        <figcaption class="sim-caption">{props.caption}</figcaption>
      </figure>
      <div class="sim-controls">{props.controls}</div>
      <p class="sim-sr-only" aria-live="polite">
        {live}
      </p>
      <div class="sim-actions">
        <button type="button" class="sim-button" onClick={download} disabled={!hydrated}>
          Download CSV
        </button>
        <button type="button" class="sim-button" onClick={() => void copyLink()} disabled={!hydrated}>
          Copy link
        </button>
        <span class="sim-action-status" role="status">
          {status}
        </span>
        <details class="sim-data" open={showData}>
          <summary onClick={toggleData}>{showData ? 'Hide data' : 'Show data'}</summary>
          {showData || !hydrated ? (
            <DataTable id={`${base}-data`} title={props.title} data={props.data()} maxRows={maxRows} />
          ) : null}
        </details>
      </div>
      <details class="sim-cite">
        <summary>Cite this run</summary>
        <p>
          {citeRun(props.title, props.about, hydrated ? (props.link ? props.link() : window.location.href) : undefined)}
        </p>
      </details>
      <About about={props.about} repoUrl={props.repoUrl} />
    </div>
  );
}
