import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  expect(summary).toEqual([]);
}

test('search from the header with the keyboard opens a result', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const input = page.locator('pagefind-modal input').first();
  await expect(input).toBeFocused({ timeout: 15_000 });
  await input.fill('Goodhart');
  const first = page.locator('pagefind-modal a[href*="/wiki/"]').first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/wiki\/[a-z0-9-]+\/$/);
  await expect(page.locator('article h1')).toBeVisible();
  await expect(page.locator('article')).toContainText(/Goodhart/);
});

test('Ctrl+K opens the same search dialog', async ({ page }) => {
  await page.goto('/wiki/nash-equilibrium/');
  await page.keyboard.press('Control+k');
  await expect(page.locator('pagefind-modal input').first()).toBeFocused({ timeout: 15_000 });
});

test('the search page filters by category', async ({ page }) => {
  await page.goto('/search/');
  await page.locator('pagefind-input input').fill('equilibrium');
  await expect(page.locator('pagefind-results a[href*="/wiki/"]').first()).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('pagefind-filter-pane')).toContainText(/Game theory/i);
});

test('a link preview appears on hover and on keyboard focus, and Escape dismisses it', async ({ page }) => {
  await page.goto('/wiki/alignment-problem/');
  const link = page.locator('article a.wikilink[data-preview]').first();
  const target = await link.getAttribute('data-preview');
  await link.hover();
  const card = page.locator('#link-preview');
  await expect(card).toBeVisible();
  await expect(card.locator('strong')).not.toBeEmpty();
  await page.mouse.move(0, 0);
  await expect(card).toBeHidden();
  await link.focus();
  await expect(card).toBeVisible();
  await expect(link).toHaveAttribute('aria-describedby', 'link-preview');
  await page.keyboard.press('Escape');
  await expect(card).toBeHidden();
  // the preview came from data already in the page: following the link is a plain navigation
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/wiki/${target}/`));
});

test('a preview of an article with a simulation shows its thumbnail, and previewing fetches no page', async ({ page }) => {
  await page.goto('/wiki/alignment-problem/');
  await page.waitForLoadState('networkidle');
  // from here on, record every request the page makes
  const requests: { path: string; type: string }[] = [];
  page.on('request', (r) => requests.push({ path: new URL(r.url()).pathname, type: r.resourceType() }));
  const link = page.locator('article a.wikilink[data-preview="tragedy-of-the-commons"]').first();
  await link.hover();
  const card = page.locator('#link-preview');
  await expect(card).toBeVisible();
  const img = card.locator('img.preview-figure');
  await expect(img).toHaveAttribute('src', '/thumbs/tragedy-of-the-commons.svg');
  await expect(img).toHaveAttribute('alt', /^Simulation: /);
  await expect(img).toHaveAttribute('loading', 'lazy');
  await expect(img).toHaveAttribute('width', '240');
  await expect(img).toHaveAttribute('height', '140');
  // the image arrived and decoded: a broken or blocked (CSP) image has naturalWidth 0
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
  const box = await img.boundingBox();
  expect(box!.width / box!.height).toBeCloseTo(240 / 140, 1);
  // the open card, figure included, is accessible too ('region' is left out: the card has always
  // been appended to <body>, outside the landmarks, with or without a figure)
  const axe = await new AxeBuilder({ page }).include('#link-preview').disableRules(['region']).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  // another preview, then back: still nothing but figures
  await page.mouse.move(0, 0);
  await expect(card).toBeHidden();
  await page.locator('article a.wikilink[data-preview="price-of-anarchy"]').first().hover();
  await expect(card.locator('img.preview-figure')).toHaveAttribute('src', '/thumbs/price-of-anarchy.svg');
  await expect.poll(() => card.locator('img.preview-figure').evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
  const pages = requests.filter((r) => ['document', 'fetch', 'xhr'].includes(r.type) || r.path.endsWith('/') || r.path.endsWith('.html'));
  expect(pages).toEqual([]);
  expect(requests.filter((r) => r.type === 'image').map((r) => r.path)).toEqual(['/thumbs/tragedy-of-the-commons.svg', '/thumbs/price-of-anarchy.svg']);
});

test('a preview of a page without a figure has no image', async ({ page }) => {
  await page.goto('/wiki/alignment-problem/');
  await page.locator('article a.wikilink[data-preview="principal-agent-problem"]').first().hover();
  const card = page.locator('#link-preview');
  await expect(card).toBeVisible();
  await expect(card.locator('strong')).not.toBeEmpty();
  await expect(card.locator('img')).toHaveCount(0);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('an article reads fine: text, math, links, references', async ({ page }) => {
    await page.goto('/wiki/price-of-anarchy/');
    await expect(page.locator('article h1')).toHaveText('Price of anarchy');
    await expect(page.locator('article .katex').first()).toBeVisible();
    await expect(page.locator('#references + ol li').first()).toBeVisible();
    await page.locator('article a.wikilink[data-preview]').first().click();
    await expect(page).toHaveURL(/\/wiki\/[a-z0-9-]+\/$/);
  });
});

for (const path of ['/', '/wiki/alignment-problem/', '/search/', '/special/wanted-pages/']) {
  test(`axe-core finds no violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    if (path === '/search/') {
      await page.locator('pagefind-input input').fill('Nash');
      await expect(page.locator('pagefind-results a[href*="/wiki/"]').first()).toBeVisible({ timeout: 15_000 });
      // Pagefind fades its filter pane in: check the settled page, not a frame of the fade
      await page.waitForTimeout(1000);
    }
    await expectNoAxeViolations(page);
  });
}

test('the random page sends the reader to an article', async ({ page }) => {
  await page.goto('/special/random/');
  await expect(page).toHaveURL(/\/wiki\/[a-z0-9-]+\/$/);
  await expect(page.locator('article h1')).toBeVisible();
});

test('Cite this page gives plain text and BibTeX with the page address', async ({ page }) => {
  await page.goto('/wiki/goodharts-law/');
  await page.locator('summary', { hasText: 'Cite this page' }).click();
  const cite = page.locator('.cite-page');
  await expect(cite).toContainText('“Goodhart\'s law”');
  await expect(cite.locator('pre')).toContainText('@misc{equilibria-goodhart-s-law');
  await expect(cite.locator('pre')).toContainText('/wiki/goodharts-law/');
});

test('a red link’s preview offers to create the page, with its file name filled in', async ({ page }) => {
  await page.goto('/wiki/goodharts-law/');
  const red = page.locator('article a.wikilink.new').first();
  const slug = await red.getAttribute('data-wanted');
  await red.hover();
  const create = page.locator('#link-preview a.create-page');
  await expect(create).toBeVisible();
  const href = new URL((await create.getAttribute('href')) ?? '');
  expect(href.searchParams.get('filename')).toBe(`content/articles/${slug}.mdx`);
  expect(href.searchParams.get('value')).toContain('status: stub');
});

test.describe('on a touch screen', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 800 } });
  test('the first tap on a link previews it and the second follows it', async ({ page }) => {
    await page.goto('/wiki/alignment-problem/');
    const link = page.locator('article a.wikilink[data-preview]').first();
    const target = await link.getAttribute('data-preview');
    await link.tap();
    await expect(page.locator('#link-preview')).toBeVisible();
    await expect(page).toHaveURL(/\/wiki\/alignment-problem\/$/);
    await link.tap();
    await expect(page).toHaveURL(new RegExp(`/wiki/${target}/`));
  });
  test('a preview’s figure sits beside the text and the card fits the screen', async ({ page }) => {
    await page.goto('/wiki/alignment-problem/');
    const link = page.locator('article a.wikilink[data-preview="tragedy-of-the-commons"]').first();
    await link.tap();
    const card = page.locator('#link-preview');
    await expect(card).toBeVisible();
    const img = card.locator('img.preview-figure');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
    const cardBox = (await card.boundingBox())!;
    const imgBox = (await img.boundingBox())!;
    const titleBox = (await card.locator('strong').boundingBox())!;
    expect(cardBox.x).toBeGreaterThanOrEqual(0);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(390);
    // beside, not above: the title starts level with the figure, and the figure is small
    expect(imgBox.width).toBeLessThan(cardBox.width / 2);
    expect(Math.abs(imgBox.y - titleBox.y)).toBeLessThan(8);
  });
});

test('a link to a section previews that section’s first paragraph', async ({ page }) => {
  await page.goto('/wiki/market-failure/');
  const link = page.locator('article a.wikilink[data-section="stag-hunt"]').first();
  await link.hover();
  const card = page.locator('#link-preview');
  await expect(card.locator('strong')).toHaveText('Nash equilibrium › Stag hunt');
  await expect(card.locator('p')).not.toBeEmpty();
});
