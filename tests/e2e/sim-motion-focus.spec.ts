import { test, expect, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { embeds, hydrate } from './sim-embeds.ts';
import { REDUCED_MOTION_INTERVAL_MS } from '../../components/kit/hooks.ts';

// Keyboard focus and motion in every embed of every simulation in every article, from the same
// graph the build uses: Tab follows the visual order, every control shows where focus is, and
// nothing moves by itself when the reader prefers reduced motion.

/** What the init script below installs in each page, as `window.__motion`. */
type MotionProbe = {
  /** requestAnimationFrame callbacks run so far, page-wide. */
  rafCallbacks: number;
  /** Elements seen by the Tab walk: first the expected tab stops (DOM order), then any others Tab reached. */
  stops: Element[];
  /** Per watched name (see `watch`): when watching began, then the time of each DOM change, in ms since page load. */
  mutations: Record<string, number[]>;
  /** The visible, enabled, keyboard-focusable elements inside `root`, in DOM order. */
  focusables(root: Element): Element[];
  /** A short readable name for an element, for failure messages. */
  label(el: Element): string;
  /** The index in `stops` of the focused element (appended when new), or -1 when focus is outside `root`. */
  stopIndex(root: Element): number;
  /** Records in `mutations[name]` the time of every DOM change inside `el` from now on (once per name). */
  watch(el: Element, name: string): void;
};

declare global {
  interface Window {
    __motion: MotionProbe;
  }
}

/** Installed before any page script runs: counts animation-frame callbacks and offers the helpers above. */
function installProbe(): void {
  const text = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();
  const original = window.requestAnimationFrame.bind(window);
  const probe: MotionProbe = {
    rafCallbacks: 0,
    stops: [],
    mutations: {},
    focusables(root) {
      const selector =
        'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]:not([contenteditable="false"])';
      return [...root.querySelectorAll(selector)].filter((el) => {
        if (!(el instanceof HTMLElement || el instanceof SVGElement) || el.tabIndex < 0) return false;
        if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
        if (el.matches(':disabled') || el.closest('[inert]')) return false;
        if (el instanceof HTMLElement && el.tagName === 'SUMMARY') {
          // only a details element's first summary is focusable, and it is also when closed
          const details = el.parentElement;
          if (!(details instanceof HTMLDetailsElement) || details.querySelector(':scope > summary') !== el) return false;
          if (details.parentElement?.closest('details:not([open])')) return false;
        } else if (el.closest('details:not([open])')) return false;
        if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
          // a radio group is one tab stop: its checked radio, or its first
          const group = [...root.querySelectorAll('input[type="radio"]')].filter(
            (r): r is HTMLInputElement => r instanceof HTMLInputElement && r.name === el.name,
          );
          if ((group.find((r) => r.checked) ?? group[0]) !== el) return false;
        }
        if (!el.checkVisibility({ visibilityProperty: true })) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 || r.height > 0;
      });
    },
    label(el) {
      let name = text(el.getAttribute('aria-label'));
      const ids = el.getAttribute('aria-labelledby');
      if (!name && ids) name = text(ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
      if (!name && (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement))
        name = text(el.labels?.[0]?.textContent);
      if (!name && el.matches('button, summary, a')) name = text(el.textContent);
      if (!name) name = text(el.getAttribute('title'));
      const tag = el.tagName.toLowerCase() + (el instanceof HTMLInputElement ? `[${el.type}]` : '');
      if (name) return `${tag} "${name.length > 60 ? `${name.slice(0, 59)}…` : name}"`;
      return el.id ? `${tag}#${el.id}` : `${tag}.${text(el.getAttribute('class')).replace(/ /g, '.')}`;
    },
    stopIndex(root) {
      const active = document.activeElement;
      if (!active || !root.contains(active)) return -1;
      const i = probe.stops.indexOf(active);
      if (i >= 0) return i;
      probe.stops.push(active);
      return probe.stops.length - 1;
    },
    watch(el, name) {
      if (probe.mutations[name]) return;
      const times = [performance.now()];
      probe.mutations[name] = times;
      new MutationObserver(() => times.push(performance.now())).observe(el, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    },
  };
  window.requestAnimationFrame = (callback) =>
    original((time) => {
      probe.rafCallbacks += 1;
      callback(time);
    });
  window.__motion = probe;
}

/** Opens the article with the probe installed and returns the hydrated simulation. */
async function open(page: Page, slug: string, key: string): Promise<Locator> {
  await page.addInitScript(installProbe);
  await page.goto(`/wiki/${slug}/`);
  return hydrate(page, key);
}

/** Opens the article and waits until the hydrated simulation is at rest (see `settle`). */
async function openAtRest(page: Page, slug: string, key: string): Promise<Locator> {
  const fig = await open(page, slug, key);
  await settle(page, key);
  return fig;
}

const rafCallbacks = (page: Page) => page.evaluate(() => window.__motion.rafCallbacks);
const captionOf = async (fig: Locator) => (await fig.locator('figcaption').textContent()) ?? '';

// How long the simulation's DOM must hold still to count as at rest: longer than the reduced-motion
// redraw interval, so that even a throttled loop never looks at rest.
const QUIET_MS = REDUCED_MOTION_INTERVAL_MS + 200;

/**
 * Waits until nothing in the simulation has changed for QUIET_MS: after hydration a worker's
 * result or a deferred refinement may still land, but a running loop never lets this succeed.
 */
async function settle(page: Page, key: string): Promise<void> {
  await page.evaluate((k) => window.__motion.watch(document.getElementById(`sim-${k}`)!, 'settle'), key);
  await expect
    .poll(
      () =>
        page.evaluate((quiet) => {
          const times = window.__motion.mutations['settle'] ?? [];
          return performance.now() - (times.at(-1) ?? 0) >= quiet;
        }, QUIET_MS),
      { message: 'the simulation should come to rest', timeout: 30_000, intervals: [250] },
    )
    .toBe(true);
}

/** Watches a still simulation for one second: its caption, CSS/Web animations and animation frames. */
async function expectStill(page: Page, fig: Locator): Promise<void> {
  const caption = await captionOf(fig);
  const frames = await rafCallbacks(page);
  await page.waitForTimeout(1000);
  expect(await captionOf(fig), 'the caption changed by itself').toBe(caption);
  // Two frames of slack: Preact may schedule its effects with one, after a last render.
  expect((await rafCallbacks(page)) - frames, 'requestAnimationFrame callbacks in one second').toBeLessThanOrEqual(2);
  const running = await page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => a.playState === 'running')
      .map((a) => (a instanceof CSSAnimation ? a.animationName : a instanceof CSSTransition ? a.transitionProperty : a.id || 'animation')),
  );
  expect(running, 'running animations').toEqual([]);
}

/**
 * The play toggle: the kit's Play/Pause button, or a sim's own (AuctionRoom's "Run auctions"),
 * marked by its ▶/❚❚ glyph and reading "Pause" while playing. AlgorithmicCollusion's "Run
 * Q-learning" shares the class but starts a worker run, not a loop, and has no glyph.
 */
const playToggle = (fig: Locator) => fig.locator('button.sim-play:has(> span[aria-hidden="true"])');

// ----- Tab walk ---------------------------------------------------------------------------------

type Box = { readonly top: number; readonly left: number; readonly bottom: number; readonly right: number };
/** A tab stop with where it is: `path` holds ids of its ancestors below the simulation's root, and itself. */
type Placed = { readonly index: number; readonly label: string; readonly path: readonly number[]; readonly box: Box };
type Walk = {
  /** Indices into `window.__motion.stops`, in the order Tab reached them. */
  readonly order: readonly number[];
  /** How many stops were expected (the first entries of `stops`). */
  readonly expected: number;
  /** The label of the element Tab kept focus on, if any. */
  readonly trappedAt: string | null;
};

/**
 * Puts keyboard focus on the simulation's first focusable control (focus it, Shift+Tab out, Tab
 * back in, so :focus-visible applies as after real keyboard use) and presses Tab until focus leaves
 * the simulation, calling `onStop` at each tab stop.
 */
async function tabWalk(page: Page, key: string, onStop?: (index: number) => Promise<void>): Promise<Walk> {
  const expected = await page.evaluate((k) => {
    const m = window.__motion;
    m.stops = m.focusables(document.getElementById(`sim-${k}`)!);
    return m.stops.length;
  }, key);
  expect(expected, 'focusable controls in the simulation').toBeGreaterThan(0);
  await page.evaluate(() => (window.__motion.stops[0] as HTMLElement | SVGElement).focus());
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const order: number[] = [];
  let trappedAt: string | null = null;
  // every expected stop, plus room for stops the browser adds (e.g. keyboard-focusable scrollers)
  for (let n = 0; n < expected + 20; n++) {
    const i = await page.evaluate((k) => window.__motion.stopIndex(document.getElementById(`sim-${k}`)!), key);
    if (i < 0) break;
    if (order.includes(i)) {
      trappedAt = await page.evaluate((j) => window.__motion.label(window.__motion.stops[j]!), i);
      break;
    }
    order.push(i);
    if (onStop) await onStop(i);
    await page.keyboard.press('Tab');
  }
  return { order, expected, trappedAt };
}

/** Labels, boxes (document coordinates) and ancestor paths of the given stops, measured with nothing focused. */
async function place(page: Page, key: string, indices: readonly number[]): Promise<Placed[]> {
  return page.evaluate(
    ({ k, indices }) => {
      (document.activeElement as HTMLElement | null)?.blur();
      const root = document.getElementById(`sim-${k}`)!;
      const ids = new Map<Element, number>();
      const idOf = (el: Element) => ids.get(el) ?? (ids.set(el, ids.size), ids.size - 1);
      return indices.map((index) => {
        const el = window.__motion.stops[index]!;
        const path: number[] = [];
        for (let n: Element | null = el; n && n !== root; n = n.parentElement) path.unshift(idOf(n));
        const r = el.getBoundingClientRect();
        const box = { top: r.top + scrollY, left: r.left + scrollX, bottom: r.bottom + scrollY, right: r.right + scrollX };
        return { index, label: window.__motion.label(el), path, box };
      });
    },
    { k: key, indices },
  );
}

// Boxes whose tops differ by at most this many pixels are on one row whatever their heights.
const ROW_TOLERANCE_PX = 4;

const centreY = (b: Box) => (b.top + b.bottom) / 2;

/** True when `a` and `b` sit on one row: aligned tops or bottoms, or either's vertical centre inside the other. */
function sameRow(a: Box, b: Box): boolean {
  return (
    Math.abs(a.top - b.top) <= ROW_TOLERANCE_PX ||
    Math.abs(a.bottom - b.bottom) <= ROW_TOLERANCE_PX ||
    (centreY(b) >= a.top && centreY(b) <= a.bottom) ||
    (centreY(a) >= b.top && centreY(a) <= b.bottom)
  );
}

/**
 * Sorts boxes in reading order: rows from top to bottom, each row from left to right. A box joins
 * the current row when it is on one row with any box already in it (a small checkbox centred on a
 * row of tall inputs is on that row even though its top is lower).
 */
function readingOrder<T>(items: readonly T[], boxOf: (item: T) => Box): T[] {
  const sorted = [...items].sort((a, b) => boxOf(a).top - boxOf(b).top || boxOf(a).left - boxOf(b).left);
  const rows: T[][] = [];
  for (const item of sorted) {
    const row = rows.at(-1);
    if (row && row.some((member) => sameRow(boxOf(member), boxOf(item)))) row.push(item);
    else rows.push([item]);
  }
  return rows.flatMap((row) => row.sort((a, b) => boxOf(a).left - boxOf(b).left || boxOf(a).top - boxOf(b).top));
}

function union(boxes: readonly Box[]): Box {
  return {
    top: Math.min(...boxes.map((b) => b.top)),
    left: Math.min(...boxes.map((b) => b.left)),
    bottom: Math.max(...boxes.map((b) => b.bottom)),
    right: Math.max(...boxes.map((b) => b.right)),
  };
}

/**
 * The visual reading order of the stops. A block of the layout (a fieldset of controls, the
 * actions bar) is read as a whole before the next one, as the eye reads it: at each level of the
 * DOM the blocks holding stops are put in reading order by the box around their stops, then each
 * block is ordered the same way inside. When every stop sits in its own block this is the plain
 * top-to-bottom, left-to-right order.
 */
function visualOrder(items: readonly Placed[], depth = 0): Placed[] {
  if (items.length <= 1) return [...items];
  // a stop that contains other stops (its path ends here) is read before them
  const heads = items.filter((item) => item.path.length <= depth);
  const blocks = new Map<number, Placed[]>();
  for (const item of items) {
    const id = item.path[depth];
    if (id !== undefined) blocks.set(id, [...(blocks.get(id) ?? []), item]);
  }
  const grouped = [...blocks.values()].map((members) => ({ members, box: union(members.map((m) => m.box)) }));
  return [...heads, ...readingOrder(grouped, (g) => g.box).flatMap((g) => visualOrder(g.members, depth + 1))];
}

const describeStop = (p: Placed) => `${p.label} at (${Math.round(p.box.left)}, ${Math.round(p.box.top)})`;

// ----- Screenshots ------------------------------------------------------------------------------

/** Number of pixels that differ visibly (a channel by more than a rounding error) between two same-sized PNGs. */
function changedPixels(a: Buffer, b: Buffer): number {
  // pngjs decodes every PNG to RGBA, four bytes a pixel
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return Number.POSITIVE_INFINITY;
  let changed = 0;
  for (let p = 0; p < x.width * x.height; p++) {
    for (let k = 0; k < 4; k++) {
      if (Math.abs((x.data[p * 4 + k] ?? 0) - (y.data[p * 4 + k] ?? 0)) > 8) {
        changed += 1;
        break;
      }
    }
  }
  return changed;
}

// Room around an element for an outline drawn outside it (the kit's is 3 px wide, 2 px away).
const FOCUS_MARGIN_PX = 8;

/**
 * Scrolls the stop to the middle of the viewport (or, given `scroll`, back to that position) and
 * returns the viewport area around it, the scroll position, the perimeter of its visible box and
 * whether it matches :focus-visible.
 */
async function frame(page: Page, index: number, scroll?: { x: number; y: number }) {
  return page.evaluate(
    ({ index, scroll, margin }) => {
      const el = window.__motion.stops[index]!;
      if (scroll) window.scrollTo({ left: scroll.x, top: scroll.y, behavior: 'instant' });
      else el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
      const r = el.getBoundingClientRect();
      const [vw, vh] = [document.documentElement.clientWidth, innerHeight];
      const x0 = Math.max(0, Math.floor(r.left - margin));
      const y0 = Math.max(0, Math.floor(r.top - margin));
      const x1 = Math.min(vw, Math.ceil(r.right + margin));
      const y1 = Math.min(vh, Math.ceil(r.bottom + margin));
      const seen = { w: Math.max(0, Math.min(vw, r.right) - Math.max(0, r.left)), h: Math.max(0, Math.min(vh, r.bottom) - Math.max(0, r.top)) };
      return {
        clip: { x: x0, y: y0, width: Math.max(1, x1 - x0), height: Math.max(1, y1 - y0) },
        scroll: { x: scrollX, y: scrollY },
        perimeter: 2 * (seen.w + seen.h),
        focusVisible: el.matches(':focus-visible'),
        label: window.__motion.label(el),
        outline: `${getComputedStyle(el).outlineStyle} ${getComputedStyle(el).outlineWidth}`,
      };
    },
    { index, scroll, margin: FOCUS_MARGIN_PX },
  );
}

// ----- Autoplay ---------------------------------------------------------------------------------

/**
 * No article embeds a simulation with `autoplay`, so the test serves the article with the prop
 * added to this embed's island: Astro's serialised props gain `"autoplay":[0,true]`.
 */
async function serveWithAutoplay(page: Page, slug: string, key: string): Promise<void> {
  const embedKey = `&quot;embedKey&quot;:[0,&quot;${key}&quot;]`;
  await page.route(`**/wiki/${slug}/`, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const parts = html.split(embedKey);
    expect(parts.length, `one island with embedKey ${key}`).toBe(2);
    await route.fulfill({ response, body: parts.join(`&quot;autoplay&quot;:[0,true],${embedKey}`) });
  });
}

// ----- Tests ------------------------------------------------------------------------------------

// Redraws closer together than this count as one (a render and the effects it sets off); a third
// of the reduced-motion interval, so throttled redraws stay apart while a loop redrawing every
// frame would make one such burst every third of the interval.
const BURST_MS = REDUCED_MOTION_INTERVAL_MS / 3;
// How long Play runs under reduced motion while redraws are counted.
const PLAY_WINDOW_MS = 4 * REDUCED_MOTION_INTERVAL_MS;

for (const { slug, name, key } of embeds) {
  test.describe(`${name} (${key}) on /wiki/${slug}/`, () => {
    test('Tab follows the visual order and reaches every control', async ({ page }) => {
      await openAtRest(page, slug, key);
      const walk = await tabWalk(page, key);
      expect(walk.trappedAt, 'Tab kept focus on one element').toBeNull();
      const placed = await place(page, key, walk.order);
      const missed = await page.evaluate(
        ({ order, expected }) =>
          window.__motion.stops
            .slice(0, expected)
            .filter((_, i) => !order.includes(i))
            .map((el) => window.__motion.label(el)),
        { order: [...walk.order], expected: walk.expected },
      );
      expect(missed, 'visible, enabled controls that Tab never reaches').toEqual([]);
      expect(placed.map(describeStop), 'Tab order (received) against visual reading order (expected)').toEqual(
        visualOrder(placed).map(describeStop),
      );
    });

    test('every control reached by Tab shows a visible focus indicator', async ({ page }) => {
      await openAtRest(page, slug, key);
      const focused: { index: number; shot: Buffer; frame: Awaited<ReturnType<typeof frame>> }[] = [];
      await tabWalk(page, key, async (index) => {
        const f = await frame(page, index);
        focused.push({ index, frame: f, shot: await page.screenshot({ clip: f.clip }) });
      });
      expect(focused.length).toBeGreaterThan(0);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const invisible: string[] = [];
      for (const { index, shot, frame: f } of focused) {
        const again = await frame(page, index, f.scroll);
        const blurred = await page.screenshot({ clip: f.clip });
        const changed = changedPixels(shot, blurred);
        // At least as many changed pixels as a 1 px line around the element's visible box: half
        // the 2 px perimeter of WCAG 2.4.13, as anti-aliasing may soften a thin indicator.
        if (changed < f.perimeter)
          invisible.push(
            `${f.label}: ${changed} px changed, needs ${Math.round(f.perimeter)} (:focus-visible ${f.focusVisible}, outline ${f.outline}${
              again.clip.x !== f.clip.x || again.clip.y !== f.clip.y ? ', moved when blurred' : ''
            })`,
          );
      }
      expect(invisible, 'controls without a visible focus indicator').toEqual([]);
    });

    test('every slider follows the WAI-ARIA slider keys: Home, End, arrows one step, Page Up/Down ten', async ({ page }) => {
      const fig = await openAtRest(page, slug, key);
      const sliders = fig.locator('input[type="range"]');
      const count = await sliders.count();
      test.skip(count === 0, 'no slider');
      /** The slider's range and value as they are now (another control may have changed its range). */
      const read = (i: number) =>
        sliders.nth(i).evaluate((el) => {
          const input = el as HTMLInputElement;
          return { disabled: input.disabled, min: Number(input.min), max: Number(input.max), step: Number(input.step) || 1, value: Number(input.value) };
        });
      const press = async (i: number, key: string) => {
        await sliders.nth(i).press(key);
        return read(i);
      };
      let checked = 0;
      for (let i = 0; i < count; i++) {
        const s = await read(i);
        if (s.disabled || !(await sliders.nth(i).isVisible())) continue;
        const near = (value: number, expected: number, what: string) => expect(Math.abs(value - expected), `slider ${i}: ${what}`).toBeLessThanOrEqual(s.step * 1e-6 + 1e-9);
        await sliders.nth(i).focus();
        const home = await press(i, 'Home');
        near(home.value, home.min, 'Home goes to the minimum');
        const right = await press(i, 'ArrowRight');
        near(right.value, Math.min(right.max, home.min + right.step), 'ArrowRight moves one step up');
        const pageUp = await press(i, 'PageUp');
        near(pageUp.value, Math.min(pageUp.max, right.value + 10 * pageUp.step), 'Page Up moves ten steps up');
        const end = await press(i, 'End');
        near(end.value, end.max, 'End goes to the maximum');
        const left = await press(i, 'ArrowLeft');
        near(left.value, Math.max(left.min, end.max - left.step), 'ArrowLeft moves one step down');
        const pageDown = await press(i, 'PageDown');
        near(pageDown.value, Math.max(pageDown.min, left.value - 10 * pageDown.step), 'Page Down moves ten steps down');
        checked++;
      }
      expect(checked).toBeGreaterThan(0);
    });

    test('autoplay stops when the reader turns on reduced motion', async ({ page }) => {
      await serveWithAutoplay(page, slug, key);
      const fig = await open(page, slug, key);
      const button = playToggle(fig);
      test.skip((await button.count()) === 0, 'no play toggle: nothing to autoplay');
      await expect(button, 'autoplay: true starts playing').toContainText('Pause');
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await expect(button, 'reduced motion stops autoplay').not.toContainText('Pause');
      await settle(page, key);
      await expectStill(page, fig);
    });

    test.describe('with reduced motion', () => {
      test.use({ reducedMotion: 'reduce' });

      test('nothing plays by itself: no caption change, animation or animation-frame loop', async ({ page }) => {
        const fig = await openAtRest(page, slug, key);
        const button = playToggle(fig);
        if ((await button.count()) > 0) await expect(button).not.toContainText('Pause');
        await expectStill(page, fig);
      });

      test(`Play redraws at most every ${REDUCED_MOTION_INTERVAL_MS} ms, and Pause stops every frame callback`, async ({ page }) => {
        const fig = await open(page, slug, key);
        const button = playToggle(fig);
        test.skip((await button.count()) === 0, 'no play toggle');
        await settle(page, key);
        // From the start, at the fastest speed offered: without the throttle every frame would redraw.
        const reset = fig.getByRole('button', { name: 'Reset', exact: true });
        if ((await reset.count()) > 0 && (await reset.isEnabled())) await reset.click();
        const speed = fig.locator('select[id$="-speed"]');
        if ((await speed.count()) > 0) {
          const fastest = await speed.evaluate((s) => {
            const values = [...(s as HTMLSelectElement).options].map((o) => o.value);
            return values.reduce((a, b) => (Number(b) > Number(a) ? b : a));
          });
          await speed.selectOption(fastest);
        }
        await expect(button).toBeEnabled({ timeout: 20_000 });
        await settle(page, key);
        const caption = await captionOf(fig);
        await page.evaluate((k) => window.__motion.watch(document.querySelector(`#sim-${k} .sim-figure`)!, 'figure'), key);
        const start = await page.evaluate(() => performance.now());
        await button.click();
        await expect(button).toContainText('Pause');
        await page.waitForTimeout(PLAY_WINDOW_MS);
        const times = await page.evaluate((from) => (window.__motion.mutations['figure'] ?? []).filter((t) => t >= from), start);
        const bursts: number[] = [];
        for (const t of times) if (bursts.length === 0 || t - bursts.at(-1)! > BURST_MS) bursts.push(t);
        // The loop redraws at most once per interval, so within the window at most
        // ⌊window / interval⌋ + 1 times, plus the render that pressing Play itself causes.
        const most = Math.floor(PLAY_WINDOW_MS / REDUCED_MOTION_INTERVAL_MS) + 2;
        expect(bursts.length, `redraws of the figure in ${PLAY_WINDOW_MS} ms of play`).toBeLessThanOrEqual(most);
        expect(await captionOf(fig), 'Play still plays under reduced motion').not.toBe(caption);
        if ((await button.textContent())?.includes('Pause')) await button.click();
        await expect(button).not.toContainText('Pause');
        await settle(page, key);
        await expectStill(page, fig);
      });
    });
  });
}
