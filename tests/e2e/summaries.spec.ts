import { test, expect } from '@playwright/test';

test('the summary switch swaps the lead summary and the choice carries over to the next page', async ({ page }) => {
  await page.goto('/wiki/nash-equilibrium/');
  const summary = page.locator('#article-summary');
  const standard = await summary.textContent();
  expect(standard).toMatch(/^A combination of strategies/);
  const form = page.locator('fieldset.summary-switch');
  await expect(form).toBeVisible();

  await form.getByLabel('Simpler').check();
  await expect(summary).toHaveText(/^A situation in which nobody can do better/);
  await form.getByLabel('Deeper').check();
  await expect(summary).toHaveText(/best response/);
  expect(await page.evaluate(() => localStorage.getItem('equilibria.summary-level'))).toBe('technical');

  // another page with summaries opens at the remembered level
  await page.goto('/wiki/goodharts-law/');
  await expect(page.locator('#article-summary')).toHaveText(/^Optimising a proxy selects/);
  await expect(page.locator('fieldset.summary-switch').getByLabel('Deeper')).toBeChecked();

  // back to standard, remembered too
  await page.locator('fieldset.summary-switch').getByLabel('Standard').check();
  await page.goto('/wiki/nash-equilibrium/');
  await expect(page.locator('#article-summary')).toHaveText(standard ?? '');
});

test('a page without summaries shows no switch and keeps its summary whatever was chosen', async ({ page }) => {
  await page.goto('/wiki/tit-for-tat/');
  await page.evaluate(() => localStorage.setItem('equilibria.summary-level', 'brief'));
  await page.reload();
  await expect(page.locator('fieldset.summary-switch')).toHaveCount(0);
  await expect(page.locator('#article-summary')).not.toBeEmpty();
});

test('without JavaScript the standard summary shows and the switch stays hidden', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/wiki/price-of-anarchy/');
  await expect(page.locator('#article-summary')).toHaveText(/^The worst-case ratio/);
  await expect(page.locator('fieldset.summary-switch')).toBeHidden();
  await context.close();
});

test('"Read first" links a prerequisite and the reading path', async ({ page }) => {
  await page.goto('/wiki/optimal-auction/');
  const box = page.locator('section.read-first');
  await expect(box.getByRole('link', { name: 'Revenue equivalence theorem' })).toBeVisible();
  await box.getByRole('link', { name: 'Reading path' }).click();
  await expect(page).toHaveURL(/\/paths\/optimal-auction\/$/);
  await expect(page.locator('ol.reading-path > li')).toHaveCount(3);
});
