import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { embeds, hydrate } from './sim-embeds.ts';
import { simulations } from '../../components/registry.ts';

test('every registered simulation is embedded in at least one article', () => {
  const embedded = new Set(embeds.map((e) => e.name));
  expect(simulations.map((s) => s.name).filter((n) => !embedded.has(n))).toEqual([]);
});

for (const { slug, name, key } of embeds) {
  test.describe(`${name} (${key}) on /wiki/${slug}/`, () => {
    test('hydrates without errors, works by keyboard, and a copied link restores it', async ({ page, context }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(`/wiki/${slug}/`);
      const fig = await hydrate(page, key);
      const caption = fig.locator('figcaption');
      const step = fig.getByRole('button', { name: 'Step', exact: true });
      const reset = fig.getByRole('button', { name: 'Reset', exact: true });
      if ((await step.count()) > 0) {
        // from the start (a run may be shown finished), one step must change what the caption says
        if ((await reset.count()) > 0) {
          await reset.focus();
          await page.keyboard.press('Enter');
        }
        const before = await caption.textContent();
        await step.focus();
        await page.keyboard.press('Enter');
        await expect(caption).not.toHaveText(before ?? '');
        if ((await reset.count()) > 0) {
          await reset.focus();
          await page.keyboard.press('Enter');
        }
      }
      // change the first slider by keyboard: the state goes into the URL under this embed's key
      const slider = fig.locator('input[type="range"]:enabled').first();
      if ((await slider.count()) > 0) {
        await slider.focus();
        // move away from the end the slider sits at
        const atMax = await slider.evaluate((el) => Number((el as HTMLInputElement).value) >= Number((el as HTMLInputElement).max));
        const key2 = atMax ? 'ArrowLeft' : 'ArrowRight';
        await page.keyboard.press(key2);
        await page.keyboard.press(key2);
        await expect.poll(() => page.url()).toContain(`${key}=`);
      }
      const expected = await caption.textContent();
      await fig.getByRole('button', { name: 'Copy link' }).click();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      const other = await context.newPage();
      await other.goto(link);
      const fig2 = await hydrate(other, key);
      await expect(fig2.locator('figcaption')).toHaveText(expected ?? '');
      expect(errors).toEqual([]);
    });

    test('hostile state in the link falls back to defaults with a notice, without a page error', async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const garbage = ['x:NaN', 'seed:1e309', 'agents:', `junk:${'z'.repeat(4000)}`, '%3Cscript%3E:1', 'noColon'].join(',');
      await page.goto(`/wiki/${slug}/?${key}=${garbage}#top`);
      const fig = await hydrate(page, key);
      await expect(fig.locator('.sim-notice')).not.toBeEmpty();
      await expect(fig.locator('figcaption')).not.toBeEmpty();
      expect(errors).toEqual([]);
    });

    test('axe-core finds no violations in the simulation', async ({ page }) => {
      await page.goto(`/wiki/${slug}/`);
      const fig = await hydrate(page, key);
      await fig.locator('summary', { hasText: 'About this model' }).click();
      const results = await new AxeBuilder({ page }).include(`#sim-${key}`).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  });

  test(`${name} (${key}) on /wiki/${slug}/ shows a static figure without JavaScript`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/wiki/${slug}/`);
    const fig = page.locator(`#sim-${key}`);
    await expect(fig.locator('figcaption')).not.toBeEmpty();
    expect(await fig.locator('svg, canvas, table').count()).toBeGreaterThan(0);
    await context.close();
  });
}
