/** What the browser tests of simulations share: every embed in the wiki, and waiting for one to hydrate. */
import { expect, type Locator, type Page } from '@playwright/test';
import { buildWikiGraph, readContent } from '../../src/wiki/graph.ts';

/** Every embed of every simulation in every article, from the same graph the build uses. */
export const embeds = [...buildWikiGraph(readContent(process.cwd())).articles.values()].flatMap((a) =>
  a.embeds
    .filter((e) => e.component === 'Sim')
    .map((e) => ({ slug: a.slug, name: String(e.props['name']), key: String(e.props['id'] ?? e.props['embedKey'] ?? e.props['name']) })),
);

/** Scrolls to the embed and waits until its "Copy link" button is enabled (the island has hydrated). */
export async function hydrate(page: Page, key: string): Promise<Locator> {
  const fig = page.locator(`#sim-${key}`);
  await fig.scrollIntoViewIfNeeded();
  await expect(fig.getByRole('button', { name: 'Copy link' })).toBeEnabled({ timeout: 20_000 });
  return fig;
}
