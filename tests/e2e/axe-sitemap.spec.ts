import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

// Every URL the sitemap lists, in the light and the dark colour scheme: zero axe-core violations
// (WCAG 2.2 AA and best practice), simulations included in their server-rendered and hydrated state.
const DIST = join(process.cwd(), 'dist');
const sitemaps = readdirSync(DIST).filter((f) => /^sitemap-\d+\.xml$/.test(f));
const paths = sitemaps.flatMap((f) => [...readFileSync(join(DIST, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));

test('the sitemap lists the pages', () => {
  expect(paths.length).toBeGreaterThan(50);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} scheme`, () => {
    test.use({ colorScheme: scheme });
    for (const path of paths) {
      test(`axe-core: ${path}`, async ({ page }) => {
        await page.goto(path);
        // let islands in view hydrate before checking
        await page.waitForLoadState('networkidle');
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
      });
    }
  });
}
