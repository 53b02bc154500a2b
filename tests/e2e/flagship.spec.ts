import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const HUB = '/wiki/alignment-problem/';
const fig = (page: Page) => page.locator('#sim-commons-harvest');
const caption = (page: Page) => fig(page).locator('figcaption');

/** Scrolls the simulation into view and waits until its island has hydrated (controls enabled). */
async function hydrated(page: Page) {
  await fig(page).scrollIntoViewIfNeeded();
  await expect(fig(page).getByRole('button', { name: 'Step' })).toBeEnabled({ timeout: 15_000 });
}

test('the flagship hydrates only when scrolled into view', async ({ page }) => {
  await page.goto(HUB);
  // below the fold: still the server-rendered figure, controls disabled
  await expect(fig(page).getByRole('button', { name: 'Step' })).toBeDisabled();
  await hydrated(page);
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
});

test('play, step and reset work from the keyboard', async ({ page }) => {
  await page.goto(HUB);
  await hydrated(page);
  const reset = fig(page).getByRole('button', { name: 'Reset' });
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(caption(page)).toContainText('Period 0,');
  const step = fig(page).getByRole('button', { name: 'Step' });
  await step.focus();
  await page.keyboard.press('Space');
  await expect(caption(page)).toContainText('Period 1,');
  await page.keyboard.press('Enter');
  await expect(caption(page)).toContainText('Period 2,');
  const play = fig(page).getByRole('button', { name: /Play/ });
  await play.focus();
  await page.keyboard.press('Enter');
  await expect(fig(page).getByRole('button', { name: /Pause/ })).toBeFocused();
  await expect.poll(async () => Number(/Period (\d+)/.exec((await caption(page).textContent()) ?? '')?.[1])).toBeGreaterThan(10);
  await page.keyboard.press('Enter');
  const paused = await caption(page).textContent();
  await page.waitForTimeout(400);
  await expect(caption(page)).toHaveText(paused ?? '');
});

test('switching on the Pigouvian charge moves the outcome to the optimum', async ({ page }) => {
  await page.goto(HUB);
  await hydrated(page);
  await expect(caption(page)).toContainText('welfare at 40% of the optimum');
  await fig(page).getByLabel('Mechanism').selectOption('charge');
  await expect(caption(page)).toContainText(/welfare at (99|100)% of the optimum/);
});

test('a copied link restores exactly the same run', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(`${HUB}#a-commons-you-can-run`);
  await hydrated(page);
  const agents = fig(page).getByLabel('Agents N');
  await agents.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await fig(page).getByLabel('Mechanism').selectOption('quota');
  const expected = await caption(page).textContent();
  expect(expected).toContain('12 agents');
  await fig(page).getByRole('button', { name: 'Copy link' }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toContain('commons-harvest=');
  expect(link).toContain('#a-commons-you-can-run');
  const other = await context.newPage();
  await other.goto(link);
  await hydrated(other);
  await expect(caption(other)).toHaveText(expected ?? '');
  await expect(other.getByLabel('Agents N')).toHaveValue('12');
});

test('garbage in the link falls back to defaults with a visible notice', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${HUB}?commons-harvest=agents:1e309,mechanism:%3Cscript%3E,seed:NaN`);
  await hydrated(page);
  await expect(fig(page).locator('.sim-notice')).not.toBeEmpty();
  await expect(caption(page)).toContainText('8 agents');
  expect(errors).toEqual([]);
});

test.describe('with reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('nothing plays by itself and no animation runs', async ({ page }) => {
    await page.goto(HUB);
    await hydrated(page);
    const before = await caption(page).textContent();
    await page.waitForTimeout(1000);
    await expect(caption(page)).toHaveText(before ?? '');
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
  });
});

test('axe-core finds no violations with the simulation open', async ({ page }) => {
  await page.goto(HUB);
  await hydrated(page);
  await fig(page).locator('summary', { hasText: 'About this model' }).click();
  await fig(page).locator('summary', { hasText: 'Show data' }).click();
  const results = await new AxeBuilder({ page }).include('#sim-commons-harvest').withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the page shows the static figure and its caption', async ({ page }) => {
    await page.goto(HUB);
    await expect(caption(page)).toContainText('Period 300, 8 agents, no mechanism');
    await expect(caption(page)).toContainText('welfare at 40% of the optimum');
    // two welfare lines and the stock line, and one bar per agent, drawn on the server
    expect(await fig(page).locator('svg path[d^="M"]').count()).toBeGreaterThanOrEqual(3);
    expect(await fig(page).locator('svg rect').count()).toBeGreaterThanOrEqual(8);
    await expect(fig(page).locator('svg').first()).toBeVisible();
  });
});
