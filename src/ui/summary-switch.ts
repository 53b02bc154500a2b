/**
 * The "simpler / deeper" switch of an article's lead summary. The page ships the standard summary
 * as text (what readers without JavaScript see) and the other versions as data attributes; the
 * switch swaps them and remembers the reader's choice for later pages.
 */

/** The localStorage key holding the reader's chosen summary level. */
export const SUMMARY_LEVEL_KEY = 'equilibria.summary-level';

export const SUMMARY_LEVELS = ['brief', 'standard', 'technical'] as const;
export type SummaryLevel = (typeof SUMMARY_LEVELS)[number];

const isLevel = (v: unknown): v is SummaryLevel => typeof v === 'string' && (SUMMARY_LEVELS as readonly string[]).includes(v);

/** Returns the stored level, or undefined when none is stored or storage is unavailable. */
export function storedLevel(): SummaryLevel | undefined {
  try {
    const v = localStorage.getItem(SUMMARY_LEVEL_KEY);
    return isLevel(v) ? v : undefined;
  } catch {
    return undefined; // storage blocked (private mode, sandboxed frame): the standard summary stays
  }
}

/** Shows the summary at `level` (standard when this page lacks it); returns the level shown. */
export function showLevel(summary: HTMLElement, level: SummaryLevel): SummaryLevel {
  const text = summary.dataset[`summary${level.charAt(0).toUpperCase()}${level.slice(1)}`];
  const shown = text === undefined ? 'standard' : level;
  summary.textContent = text ?? summary.dataset['summaryStandard'] ?? summary.textContent;
  summary.dataset['level'] = shown;
  return shown;
}

/** Wires the switch of the current page, if it has one, and applies the remembered level. */
export function installSummarySwitch(): void {
  const form = document.querySelector<HTMLFieldSetElement>('fieldset.summary-switch');
  const summary = document.getElementById('article-summary');
  if (!form || !summary) return;
  const radios = [...form.querySelectorAll<HTMLInputElement>('input[name="summary-level"]')];
  const select = (level: SummaryLevel) => {
    const shown = showLevel(summary, level);
    for (const r of radios) r.checked = r.value === shown;
  };
  const remembered = storedLevel();
  if (remembered) select(remembered);
  form.addEventListener('change', (event) => {
    const value = (event.target as HTMLInputElement | null)?.value;
    if (!isLevel(value)) return;
    select(value);
    try {
      localStorage.setItem(SUMMARY_LEVEL_KEY, value);
    } catch {
      // nowhere to remember it: the choice holds for this page only
    }
  });
  form.hidden = false;
}
