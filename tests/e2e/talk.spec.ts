import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  expect(summary).toEqual([]);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('from an article to its Talk page, and from a challenge back to the marked passage', async ({ page }) => {
    await page.goto('/wiki/alignment-problem/');
    const talk = page.locator('.article-tools a.talk-link');
    await expect(talk).toHaveText(/^Talk \(\d+ open challenges?\)$/);
    await talk.click();
    await expect(page).toHaveURL(/\/talk\/alignment-problem\/$/);
    await expect(page.locator('h1')).toHaveText('Talk: Alignment problem');
    const challenge = page.locator('article.challenge').first();
    const id = await challenge.getAttribute('id');
    await challenge.getByRole('link', { name: 'See this passage in the article' }).click();
    await expect(page).toHaveURL(new RegExp(`/wiki/alignment-problem/#challenge-${id}$`));
    const mark = page.locator(`#challenge-${id}`);
    await expect(mark).toBeInViewport();
    // the mark sits right after the quoted words, and leads back to the challenge
    const paragraph = page.locator('article p', { has: mark });
    const quote = await page.request.get(`/talk/alignment-problem/`).then((r) => r.text());
    const quoted = new RegExp(`id="${id}"[\\s\\S]*?<blockquote><p>([^<]+)</p>`).exec(quote)?.[1] ?? '';
    expect(quoted.length).toBeGreaterThan(12);
    await expect(paragraph).toContainText(quoted.replace(/&#39;/g, "'").slice(0, 40));
    await mark.getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/talk/alignment-problem/#${id}$`));
  });
});

test('the open challenges page links each challenge to its talk page', async ({ page }) => {
  await page.goto('/special/open-challenges/');
  const first = page.locator('ol.open-challenges > li').first();
  await expect(first).toBeVisible();
  await first.locator('a').first().click();
  await expect(page).toHaveURL(/\/talk\/[a-z0-9-]+\/#[a-z0-9-]+$/);
  const target = page.locator('article.challenge:target');
  await expect(target).toBeVisible();
  await expect(target.locator('.challenge-status')).toHaveText('Open');
});

for (const path of ['/talk/alignment-problem/', '/special/open-challenges/', '/special/statistics/', '/wiki/alignment-problem/']) {
  test(`axe-core finds no violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}
