import { test, expect, type Page } from '@playwright/test';

/** Collects every Content-Security-Policy violation the page reports. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test('search, math and a simulation work with zero CSP violations', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/wiki/condorcet-paradox/');
  expect(await page.locator('meta[http-equiv="content-security-policy"]').count()).toBe(1);
  // math rendered, KaTeX fonts loaded
  await expect(page.locator('article .katex').first()).toBeVisible();
  // a simulation hydrates and runs a worker batch
  const fig = page.locator('#sim-condorcet-paradox');
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.getByRole('button', { name: 'Copy link' })).toBeEnabled({ timeout: 20_000 });
  await fig.getByRole('button', { name: /^Step/ }).click();
  await expect(fig.locator('figcaption')).not.toBeEmpty();
  // search: Pagefind's UI and its WebAssembly
  await page.keyboard.press('/');
  await page.locator('pagefind-modal input').first().fill('Condorcet');
  await expect(page.locator('pagefind-modal a[href*="/wiki/"]').first()).toBeVisible({ timeout: 15_000 });
  expect(await violations()).toEqual([]);
});

test('the search page works with zero CSP violations', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/search/');
  await page.locator('pagefind-input input').fill('auction');
  await expect(page.locator('pagefind-results a[href*="/wiki/"]').first()).toBeVisible({ timeout: 15_000 });
  expect(await violations()).toEqual([]);
});

test('a link preview with a simulation thumbnail loads it with zero CSP violations', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/wiki/alignment-problem/');
  await page.locator('article a.wikilink[data-preview="tragedy-of-the-commons"]').first().hover();
  const thumb = page.locator('#link-preview img.preview-figure');
  await expect(thumb).toBeVisible();
  await expect.poll(() => thumb.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
  expect(await violations()).toEqual([]);
});
