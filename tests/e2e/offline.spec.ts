import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlineManifest } from '../../src/wiki/offline-integration.ts';

const dist = join(process.cwd(), 'dist');
const manifestFile = join(dist, 'offline-manifest.json');

test('the build wrote dist/offline-manifest.json, matching the built files', () => {
  expect(existsSync(manifestFile), 'dist/offline-manifest.json is missing: is offlineIntegration() listed in astro.config.mjs after wikiIntegration()?').toBe(true);
  expect(JSON.parse(readFileSync(manifestFile, 'utf8'))).toEqual(offlineManifest(dist));
});

test('after "Save the wiki for offline reading", articles, search and simulations work with the network cut', async ({ page, context }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // control: before saving, a cut network means no page at all
  await context.setOffline(true);
  await expect(page.goto('/wiki/vickrey-auction/')).rejects.toThrow();
  await context.setOffline(false);

  await page.goto('/special/offline/');
  await page.getByRole('button', { name: 'Save the wiki for offline reading' }).click();
  const status = page.locator('#offline-status');
  await expect(status).toHaveText(/^(Saved:|Saving failed)/, { timeout: 90_000 });
  await expect(status).toContainText('Saved:');
  const { version, urls } = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string; urls: string[] };
  await expect(status).toContainText(`${urls.length} files`);
  await expect(status).toContainText(version);
  expect(await page.evaluate(() => caches.keys())).toEqual([`equilibria-offline-${version}`]);
  await expect(page.getByRole('button', { name: 'Remove the offline copy' })).toBeVisible();

  await context.setOffline(true);
  // an article the reader never opened while online
  await page.goto('/wiki/vickrey-auction/');
  await expect(page.locator('article h1')).toHaveText('Vickrey auction');
  // a link preview's simulation thumbnail is in the saved copy too
  await page.locator('article a.wikilink[data-preview="optimal-auction"]').first().hover();
  const thumb = page.locator('#link-preview img.preview-figure');
  await expect(thumb).toHaveAttribute('src', '/thumbs/optimal-auction.svg');
  await expect.poll(() => thumb.evaluate((el: HTMLImageElement) => (el.complete ? el.naturalWidth : 0))).toBeGreaterThan(0);
  await page.mouse.move(0, 0);

  // search: the Pagefind UI, its index and its fragments all come from the saved copy
  await page.keyboard.press('/');
  const input = page.locator('pagefind-modal input').first();
  await expect(input).toBeFocused({ timeout: 15_000 });
  await input.fill('Goodhart');
  await expect(page.locator('pagefind-modal a[href*="/wiki/"]').first()).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');

  // a simulation page hydrates its island from the saved bundles
  await page.goto('/wiki/tragedy-of-the-commons/');
  const fig = page.locator('.sim-embed').first();
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.getByRole('button', { name: 'Copy link' })).toBeEnabled({ timeout: 20_000 });
  await expect(page.locator('.sim-embed astro-island[ssr]')).toHaveCount(0);

  // a page that does not exist gets the saved 404 page rather than the browser's error
  // (status 200: the saved copy of 404.html answered; the server itself would have said 404)
  const missing = await page.goto('/wiki/no-such-page-anywhere/');
  expect(missing?.status()).toBe(200);
  await expect(page.locator('h1')).toBeVisible();
  expect(errors).toEqual([]);

  await context.setOffline(false);
  await page.goto('/special/offline/');
  await page.getByRole('button', { name: 'Remove the offline copy' }).click();
  await expect(status).toHaveText('The offline copy is removed.');
  expect(await page.evaluate(() => caches.keys())).toEqual([]);
});

test('axe-core finds no violations on /special/offline/', async ({ page }) => {
  await page.goto('/special/offline/');
  await expect(page.getByRole('button', { name: 'Save the wiki for offline reading' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
