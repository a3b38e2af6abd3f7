/**
 * A reload mid-run loses nothing: the comparison kept in IndexedDB is offered, restored with its
 * history, and resumed from its workers' checkpoints to the very numbers an uninterrupted run of
 * the same link reaches (the wasm backend is deterministic for a given build and machine).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { runItems } from './runs';
import { storedSummaries } from './storedComparisons';

const URL = '/?preset=smoke&seed=77&steps=60';

async function stepsOf(page: Page): Promise<number[]> {
  const texts = await runItems(page).allTextContents();
  return texts.map((t) => Number(/step (\d+)/.exec(t)?.[1] ?? NaN));
}

/** The results and per-run loss once every run has finished. */
async function finishedNumbers(page: Page): Promise<string[]> {
  await expect(page.getByRole('region', { name: 'What the comparison found' })).toBeVisible({ timeout: 180_000 });
  return [
    await page.locator('table.results').first().innerText(),
    ...(await runItems(page).allTextContents()).map((t) => t.replace(/ · \d+ ms\/step/, '')),
  ];
}

test('a reload mid-run offers the comparison, restores its history and resumes it to the same numbers', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(URL);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Math.min(...(await stepsOf(page))), { timeout: 120_000 }).toBeGreaterThanOrEqual(20);
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  // The pause checkpoint is written once the last points are applied (a few hundred ms).
  await expect(page.locator('.stored-data')).toContainText('1 comparison with its checkpoints', { timeout: 10_000 });
  const paused = await stepsOf(page);
  const history = await runItems(page).allTextContents();
  // The text above also shows for the state saved before the first step: the reload must wait for
  // the pause's own checkpoints, one per worker at its runs' step (every paused step has one).
  await expect
    .poll(
      async () => {
        const steps = (await storedSummaries(page)).flatMap((r) => r.checkpoints.map((c) => c.step));
        return steps.length > 0 && paused.every((s) => steps.includes(s));
      },
      { timeout: 20_000 },
    )
    .toBe(true);

  await page.reload();
  const offer = page.getByRole('region', { name: 'Stored comparisons' });
  await expect(offer).toContainText(
    `Conventional, SST, MASST K=4 on seed 77, preset smoke, at step ${Math.min(...paused)} of 60`,
  );
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect(offer).toHaveCount(0);
  // The runs are back where they paused, with their last loss, before any new step.
  await expect.poll(() => stepsOf(page)).toEqual(paused);
  expect((await runItems(page).allTextContents()).map((t) => t.replace(/ · \d+ ms\/step/, ''))).toEqual(
    history.map((t) => t.replace(/ · \d+ ms\/step/, '')),
  );
  // One Step continues from the checkpoint (a restart from 0 would show step 1).
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepsOf(page), { timeout: 60_000 }).toEqual(paused.map((s) => s + 1));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const resumed = await finishedNumbers(page);

  // The same link trained without a stop, in a fresh page, for comparison.
  await page.goto(URL);
  await page.getByRole('region', { name: 'Stored comparisons' }).getByRole('button', { name: 'Discard' }).click();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  expect(await finishedNumbers(page)).toEqual(resumed);
  expect(errors).toEqual([]);
});
