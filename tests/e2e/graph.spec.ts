import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';

const graph = buildWikiGraph(readContent(process.cwd()));
const neighboursOf = (slug: string) => new Set([...graph.articles.get(slug)!.linksTo, ...(graph.backlinks.get(slug) ?? [])]);
// the most linked-to article: it has neighbours on every side
const hub = [...graph.articles.keys()].sort((a, b) => graph.backlinks.get(b)!.length - graph.backlinks.get(a)!.length)[0]!;

async function hydrated(page: Page) {
  await page.goto('/special/graph/');
  await page.locator('.graph-explorer').scrollIntoViewIfNeeded();
  await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible({ timeout: 20_000 });
}

test('axe-core finds no violations on /special/graph/, before and after using the explorer', async ({ page }) => {
  await hydrated(page);
  const check = async () => {
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`)).toEqual([]);
  };
  await check();
  await page.locator(`a.graph-node[data-slug="${hub}"]`).focus();
  await page.getByLabel('Find an article').fill('equilibrium');
  await check();
});

test('the graph page has one node link per article and no script errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await hydrated(page);
  await expect(page.locator('svg.graph-svg a.graph-node')).toHaveCount(graph.articles.size);
  expect(errors).toEqual([]);
});

test('arrow keys move focus between linked articles and Enter opens the focused one', async ({ page }) => {
  await hydrated(page);
  await page.locator(`a.graph-node[data-slug="${hub}"]`).focus();
  await expect(page.getByRole('navigation', { name: `Neighbours of ${graph.articles.get(hub)!.title}` })).toBeVisible();
  let moved: string | null = null;
  for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown']) {
    await page.keyboard.press(key);
    moved = await page.evaluate(() => document.activeElement?.getAttribute('data-slug') ?? null);
    if (moved !== hub) break;
  }
  expect(moved).not.toBe(hub);
  expect(neighboursOf(hub).has(moved!)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/wiki/${moved}/$`));
});

test('the neighbour list moves focus to the chosen article', async ({ page }) => {
  await hydrated(page);
  await page.locator(`a.graph-node[data-slug="${hub}"]`).focus();
  const nav = page.getByRole('navigation', { name: /^Neighbours of / });
  const first = nav.locator('li button').first();
  const title = (await first.textContent())!;
  await first.click();
  await expect(nav).toHaveAttribute('aria-label', `Neighbours of ${title}`);
  await expect(page.locator('a.graph-node:focus')).toHaveCount(1);
});

test('search highlights matching articles; zoom buttons, the wheel and dragging move the view', async ({ page }) => {
  await hydrated(page);
  await page.getByLabel('Find an article').fill('auction');
  const expected = [...graph.articles.values()].filter((a) => a.title.toLowerCase().includes('auction')).length;
  expect(expected).toBeGreaterThan(0);
  await expect(page.locator('a.graph-node.is-match')).toHaveCount(expected);
  await expect(page.locator('.graph-matches')).toHaveText(`${expected} article${expected === 1 ? '' : 's'} match`);

  const view = page.locator('svg.graph-svg > g');
  const transform = () => view.getAttribute('transform');
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(view).toHaveAttribute('transform', /scale\(1\.4\)$/);
  await page.getByRole('button', { name: 'Reset view' }).click();
  await expect(view).toHaveAttribute('transform', 'translate(0 0) scale(1)');

  const box = (await page.locator('.graph-viewport').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, -300);
  await expect(view).not.toHaveAttribute('transform', 'translate(0 0) scale(1)');
  const afterWheel = await transform();
  expect(Number(/scale\(([\d.]+)\)/.exec(afterWheel!)![1])).toBeGreaterThan(1);

  // drag from an empty corner: the view pans and no article opens
  await page.mouse.move(box.x + 5, box.y + 5);
  await page.mouse.down();
  await page.mouse.move(box.x + 105, box.y + 65, { steps: 5 });
  await page.mouse.up();
  expect(await transform()).not.toBe(afterWheel);
  await expect(page).toHaveURL(/\/special\/graph\/$/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the graph is a static SVG whose nodes are links to their articles', async ({ page }) => {
    await page.goto('/special/graph/');
    const node = page.locator(`svg a[href="/wiki/${hub}/"]`);
    await expect(node).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Zoom in' })).toHaveCount(0);
    await node.click();
    await expect(page).toHaveURL(new RegExp(`/wiki/${hub}/$`));
  });
});
