/**
 * Opens the search dialog from the header button, `/` or Ctrl/⌘+K. Pagefind's Component UI
 * (about 50 KB gzipped) is fetched on first use only, so ordinary page views never pay for it.
 */
const BUNDLE = '/pagefind/';
let loading: Promise<HTMLElement> | undefined;

/** Loads Pagefind's Component UI script (defines the <pagefind-*> elements); rejects when the index is missing. */
export async function loadSearchUi(): Promise<void> {
  await import(/* @vite-ignore */ `${BUNDLE}pagefind-component-ui.js`);
}

function loadModal(): Promise<HTMLElement> {
  if (loading) return loading;
  loading = (async () => {
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = `${BUNDLE}pagefind-component-ui.css`;
    document.head.append(css);
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
