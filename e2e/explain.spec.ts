/**
 * The method explained on the page: the model overview follows a MASST run's rotating agent step by
 * step, Step slowly walks one iteration through all its stages with the numbers of that iteration
 * (and steps every run by exactly one), and the queue, agent timeline and embedding views appear.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';

const runSteps = async (page: Page): Promise<number[]> =>
  (await page.getByRole('list', { name: 'Runs' }).getByRole('listitem').allTextContents()).map((t) =>
    Number(/step (\d+)/.exec(t)?.[1] ?? NaN),
  );

test('the overview follows the active agent, and Step slowly walks through every stage', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke&methods=sst,masst4&steps=20&evalEvery=2');
  const overview = page.getByRole('figure', { name: 'Model overview' });
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await step.click();
  await expect.poll(() => runSteps(page), { timeout: 120_000 }).toEqual([1, 1]);
  await expect(overview.getByRole('group', { name: /4 of them, agent 2 active/ })).toBeVisible();
  await step.click();
  await expect.poll(() => runSteps(page)).toEqual([2, 2]);
  await expect(overview.getByRole('group', { name: /4 of them, agent 3 active/ })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Queue' })).toContainText(
    'Batch identities already in the queue when scored: 0',
  );
  await expect(page.getByRole('figure', { name: 'Agent timeline' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Embeddings' }).locator('svg')).toHaveCount(2);

  await page.getByRole('button', { name: 'Step slowly' }).click();
  const stages = page.locator('ol.stages > li');
  await expect(stages).toHaveCount(8, { timeout: 60_000 });
  expect(await runSteps(page)).toEqual([3, 3]);
  // Walk to the end by hand: the current stage carries aria-current="step", in the list and the drawing.
  const next = page.getByRole('button', { name: 'Next stage' });
  for (let i = 0; i < 7 && (await next.isEnabled()); i++) await next.click();
  await expect(stages.nth(7)).toHaveAttribute('aria-current', 'step');
  await expect(stages.nth(7)).toContainText(/Enqueue\. View [12]'s gallery features of 8 identities written to slots/);
  await expect(stages.nth(2)).toContainText(/Slots \d+–\d+ of 32/);
  await expect(overview.locator('[aria-current="step"]')).toHaveCount(2);
  await page.getByRole('button', { name: 'Previous stage' }).click();
  await expect(stages.nth(6)).toHaveAttribute('aria-current', 'step');
  await expect(stages.nth(6)).toContainText(/agent 3: θG ← 0\.9·θG/);
  expect(errors).toEqual([]);
});

test('the speed control caps the steps per second until it is set back to full speed', async ({ page }) => {
  await page.goto('/?preset=smoke&steps=400&evalEvery=0&smoothEvery=0');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '2 steps/s' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Math.min(...(await runSteps(page))), { timeout: 120_000 }).toBeGreaterThanOrEqual(1);
  const start = Math.min(...(await runSteps(page)));
  await page.waitForTimeout(4000);
  const capped = Math.min(...(await runSteps(page))) - start;
  // 4 s at 2 steps/s: at most ~8 steps (a flush can lag a step behind).
  expect(capped).toBeLessThanOrEqual(10);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: 'Full speed' });
  await expect
    .poll(async () => Math.min(...(await runSteps(page))) - start, { timeout: 60_000 })
    .toBeGreaterThan(capped + 20);
  await page.getByRole('button', { name: 'Pause' }).click();
});
