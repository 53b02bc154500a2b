/**
 * Opens the search dialog from the header button, `/` or Ctrl/⌘+K. Pagefind's Component UI
 * (about 50 KB gzipped) is fetched on first use only, so ordinary page views never pay for it.
 */
import { buildVersion } from './offline.ts';

const BUNDLE = '/pagefind/';
let loading: Promise<HTMLElement> | undefined;

/** Loads Pagefind's Component UI script (defines the <pagefind-*> elements); rejects when the index is missing. */
export async function loadSearchUi(): Promise<void> {
  await import(/* @vite-ignore */ `${BUNDLE}pagefind-component-ui.js`);
}

/**
 * Tells Pagefind which build it is searching (its metaCacheTag), so a saved offline copy and a
 * new build never mix index files. Configures `config`, or a new <pagefind-config> element.
 */
export async function configureSearch(config?: Element | null): Promise<void> {
  const el = config ?? document.body.appendChild(document.createElement('pagefind-config'));
  el.setAttribute('bundle-path', BUNDLE);
  const tag = await buildVersion();
  if (tag) el.setAttribute('meta-cache-tag', tag);
}

function loadModal(): Promise<HTMLElement> {
  if (loading) return loading;
  loading = (async () => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${BUNDLE}pagefind-component-ui.css`;
    document.head.append(css);
    await configureSearch();
    await loadSearchUi();
    const modal = document.createElement('pagefind-modal');
    modal.setAttribute('reset-on-close', '');
    document.body.append(modal);
    await customElements.whenDefined('pagefind-modal');
    return modal;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

async function openSearch(): Promise<void> {
  try {
    const modal = (await loadModal()) as HTMLElement & { open?: () => void };
    // the element renders on connect; give it a frame before opening
    requestAnimationFrame(() => modal.open?.());
  } catch {
    // the index is missing (e.g. `npm run dev` before a build): fall back to the search page
    window.location.href = '/search/';
  }
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function installSearchOpener(): void {
  document.getElementById('search-open')?.addEventListener('click', () => void openSearch());
  document.addEventListener('keydown', (event) => {
    const modK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
    if (!modK && !slash) return;
    if (document.querySelector('pagefind-modal dialog[open]')) return;
    event.preventDefault();
    void openSearch();
  });
}
