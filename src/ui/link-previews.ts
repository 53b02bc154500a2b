/**
 * Preview cards for internal links, on hover, on keyboard focus and on touch (a first tap
 * previews, a second tap on the same link follows it). The data (title, summary and figure
 * of each page this page links to) is embedded in the page as JSON at build time, so a preview
 * never fetches a page: the only request it may make is for the figure, a small image created
 * when the card opens. Escape dismisses; without JavaScript the links are plain links.
 */
import { FIGURE_SIZE } from '../wiki/figures.ts';

type Figure = { src: string; alt: string };
type PreviewData = {
  pages: Record<string, { title: string; summary: string; figure?: Figure }>;
  wanted: Record<string, { title: string; create: string }>;
  sections?: Record<string, { title: string; summary: string }>;
};

const SHOW_DELAY_MS = 250;
const HIDE_DELAY_MS = 150;

/** The figure of a preview: fixed size (the card reserves its box, so nothing moves when it arrives), loaded only now. */
function figureImage(figure: Figure): HTMLImageElement {
  const img = document.createElement('img');
  img.className = 'preview-figure';
  img.width = FIGURE_SIZE.width;
  img.height = FIGURE_SIZE.height;
  img.loading = 'lazy';
  img.decoding = 'async';
  img.alt = figure.alt;
  // a missing figure (offline without a saved copy, say) should leave no broken-image icon
  img.addEventListener('error', () => img.remove(), { once: true });
  img.src = figure.src;
  return img;
}

export function installLinkPreviews(): void {
  const dataEl = document.getElementById('wiki-previews');
  if (!dataEl?.textContent) return;
  let data: PreviewData;
  try {
    data = JSON.parse(dataEl.textContent) as PreviewData;
  } catch {
    return;
  }
  const card = document.createElement('div');
  card.className = 'link-preview';
  card.id = 'link-preview';
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  document.body.append(card);

  let current: HTMLAnchorElement | null = null;
  /** Whether the latest pointer was a finger (set on pointerdown, before focus and click). */
  let touch = false;
  let showTimer: number | undefined;
  let hideTimer: number | undefined;

  const hide = () => {
    window.clearTimeout(showTimer);
    card.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = null;
  };

  const show = (link: HTMLAnchorElement) => {
    const slug = link.dataset['preview'];
    const wanted = link.dataset['wanted'];
    card.replaceChildren();
    const title = document.createElement('strong');
    const text = document.createElement('p');
    const extra: HTMLElement[] = [];
    let figure: HTMLImageElement | undefined;
    const section = slug && link.dataset['section'] ? data.sections?.[`${slug}#${link.dataset['section']}`] : undefined;
    if (section) {
      // a link to a section previews that section's first paragraph
      title.textContent = section.title;
      text.textContent = section.summary;
    } else if (slug && data.pages?.[slug]) {
      const entry = data.pages[slug];
      title.textContent = entry.title;
      text.textContent = entry.summary;
      if (entry.figure) figure = figureImage(entry.figure);
    } else if (wanted !== undefined) {
      const entry = data.wanted?.[wanted];
      title.textContent = entry?.title ?? link.textContent ?? '';
      text.className = 'missing';
      text.textContent = 'This page does not exist yet. Follow the link to see which pages want it.';
      if (entry) {
        // a reader becomes a contributor in one click: the repository's new-file page, filled in
        const create = document.createElement('a');
        create.href = entry.create;
        create.className = 'create-page';
        create.textContent = 'Create this page';
        const p = document.createElement('p');
        p.append(create);
        extra.push(p);
      }
    } else return;
    card.classList.toggle('has-figure', figure !== undefined);
    card.append(...(figure ? [figure] : []), title, text, ...extra);
    const rect = link.getBoundingClientRect();
    card.hidden = false;
    const width = card.offsetWidth;
    const left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - width - 8));
    card.style.left = `${left}px`;
    card.style.top = `${window.scrollY + rect.bottom + 6}px`;
    link.setAttribute('aria-describedby', card.id);
    current = link;
  };

  const linkFrom = (target: EventTarget | null): HTMLAnchorElement | null =>
    target instanceof Element ? target.closest<HTMLAnchorElement>('a[data-preview], a[data-wanted]') : null;

  document.addEventListener('mouseover', (event) => {
    const link = linkFrom(event.target);
    if (!link) return;
    window.clearTimeout(hideTimer);
    window.clearTimeout(showTimer);
    showTimer = window.setTimeout(() => show(link), SHOW_DELAY_MS);
  });
  document.addEventListener('mouseout', (event) => {
    const link = linkFrom(event.target);
    if (!link) return;
    window.clearTimeout(showTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  });
  card.addEventListener('mouseover', () => window.clearTimeout(hideTimer));
  card.addEventListener('mouseout', () => (hideTimer = window.setTimeout(hide, HIDE_DELAY_MS)));
  document.addEventListener('focusin', (event) => {
    // a tap also focuses the link; on touch the click handler below decides
    if (touch) return;
    const link = linkFrom(event.target);
    if (link) show(link);
    else hide();
  });
  document.addEventListener('focusout', (event) => {
    if (linkFrom(event.target)) hide();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !card.hidden) hide();
  });

  // touch: no hover, so the first tap on a link previews it and the second follows it
  document.addEventListener(
    'pointerdown',
    (event) => {
      touch = event.pointerType === 'touch';
      if (touch && !linkFrom(event.target) && !card.contains(event.target as Node)) hide();
    },
    true,
  );
  document.addEventListener(
    'click',
    (event) => {
      const link = linkFrom(event.target);
      if (!touch || !link) return;
      if (current === link && !card.hidden) return;
      event.preventDefault();
      window.clearTimeout(showTimer);
      show(link);
    },
    true,
  );
}
