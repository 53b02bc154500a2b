import { test, expect } from '@playwright/test';

// Simulations that hand heavy runs to a Web Worker: the run reports progress, can be cancelled,
// and the page stays usable throughout.

test('the Yee diagram is computed in a worker, with progress, and can be cancelled', async ({ page }) => {
  await page.goto('/wiki/voting-systems/');
  const fig = page.locator('#sim-spatial-election');
  await fig.scrollIntoViewIfNeeded();
  const status = fig.locator('.sim-action-status[role="status"]').filter({ hasText: /diagram|preview/ });
  // after hydration the full diagram follows by itself
  await expect(status).toContainText('computed in a Web Worker', { timeout: 30_000 });
  await expect(fig.locator('progress')).toHaveJSProperty('value', 1);
  // a finer diagram: progress shows while it runs, and Cancel stops it
  await fig.getByLabel('Resolution').selectOption({ index: 2 });
  await expect(status).toContainText(/Computing the 200 × 200 diagram/, { timeout: 10_000 });
  await fig.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toContainText('Cancelled');
  // the page still answers: compute it after all
  await fig.getByRole('button', { name: /Compute 200 × 200/ }).click();
  await expect(status).toContainText('200 × 200 diagram, computed in a Web Worker', { timeout: 60_000 });
});

// A Calvano run takes well under a second here, too short to cancel reliably by hand; cancelling
// it is tested with the real worker code in tests/components/algorithmic-collusion.test.tsx.
test('a Calvano Q-learning run goes to a worker and reports its progress and result', async ({ page }) => {
  await page.goto('/wiki/algorithmic-collusion/');
  const fig = page.locator('#sim-algorithmic-collusion');
  await fig.scrollIntoViewIfNeeded();
  const run = fig.getByRole('button', { name: 'Run Q-learning' });
  await expect(run).toBeEnabled({ timeout: 15_000 });
  await fig.getByLabel('Seed').fill('3');
  await fig.getByLabel('Seed').press('Tab');
  const progress = fig.locator('progress');
  // run to the end: the result reports convergence and the profit gain
  await fig.getByRole('button', { name: 'Run Q-learning' }).click();
  await expect(fig.locator('figcaption')).toContainText(/Run with seed 3, .* converged after/, { timeout: 60_000 });
  expect(await progress.evaluate((p) => (p as HTMLProgressElement).value)).toBe(1);
  await expect(fig.locator('figcaption')).toContainText('Δ =');
});

test('the Goodhart curve is refined in a worker with progress, can be cancelled, and refined again', async ({ page }) => {
  await page.goto('/wiki/proxy-objective/');
  const fig = page.locator('#sim-goodhart-selection');
  await fig.scrollIntoViewIfNeeded();
  const status = fig.locator('.sim-field[role="status"]');
  // after hydration the refinement starts by itself, with a progress bar and Cancel
  await expect(status).toContainText('Refining the curve in the background', { timeout: 20_000 });
  await expect(fig.getByRole('progressbar', { name: 'Refinement progress' })).toBeVisible();
  await fig.getByRole('button', { name: 'Cancel' }).click();
  await expect(status).toContainText('Refinement cancelled');
  await fig.getByRole('button', { name: 'Refine' }).click();
  await expect(status).toContainText(/Curve from [\d,]+ pools/, { timeout: 60_000 });
});
