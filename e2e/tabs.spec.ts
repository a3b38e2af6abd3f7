/**
 * Two tabs keep two comparisons: each tab writes its own record (session and checkpoints under
 * one key), so closing both leaves both, and a new tab lists both and restores each to its own
 * step, resuming from its own checkpoint. While the tabs are open, another tab says so.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { runItems } from './runs';
import { storedSummaries } from './storedComparisons';

const link = (seed: number) => `/?preset=smoke&seed=${seed}&steps=40&workers=1`;

async function stepsOf(page: Page): Promise<number[]> {
  return (await runItems(page).allTextContents()).map((t) => Number(/step (\d+)/.exec(t)?.[1] ?? NaN));
}

/** Presses Step `n` times, each once the runs show the step before. */
async function stepTo(page: Page, n: number): Promise<void> {
  for (let k = 1; k <= n; k++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => stepsOf(page), { timeout: 120_000 }).toEqual([k, k, k]);
  }
}

const offers = (page: Page) =>
  page.getByRole('region', { name: 'Stored comparisons' }).getByRole('listitem', { name: /^Stored comparison/ });

test('two tabs train two seeds; once both are closed a new tab lists both and restores each to its own step', async ({
  context,
}) => {
  const errors: string[] = [];
  const one = await context.newPage();
  const two = await context.newPage();
  for (const p of [one, two]) p.on('pageerror', (e) => errors.push(e.message));
  await one.goto(link(1));
  await two.goto(link(2));
  await stepTo(one, 2);
  await stepTo(two, 1);
  // Both saved, each with its own checkpoint (tab 1 at step 2, tab 2 at step 1).
  await expect
    .poll(
      async () =>
        (await storedSummaries(one))
          .map((s) => `${JSON.stringify(s.seeds)}@${s.checkpoints.map((c) => c.step).join()}`)
          .sort(),
      { timeout: 30_000 },
    )
    .toEqual(['[1]@2', '[2]@1']);
  // While both are open, a third tab lists both as open elsewhere (Web Locks).
  const peek = await context.newPage();
  await peek.goto(link(3));
  await expect(offers(peek)).toHaveCount(2);
  for (const item of await offers(peek).all()) await expect(item).toContainText('It is open in another tab now');
  await peek.close();
  await one.close();
  await two.close();

  const three = await context.newPage();
  three.on('pageerror', (e) => errors.push(e.message));
  await three.goto(link(1));
  await expect(offers(three)).toHaveCount(2);
  await expect(offers(three).filter({ hasText: 'on seed 1,' })).toContainText('at step 2 of 40');
  await expect(offers(three).filter({ hasText: 'on seed 2,' })).toContainText('at step 1 of 40');
  await expect(offers(three).filter({ hasText: 'open in another tab' })).toHaveCount(0);
  await offers(three).filter({ hasText: 'on seed 1,' }).getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => stepsOf(three), { timeout: 120_000 }).toEqual([2, 2, 2]);
  // It resumes from its own checkpoint: a restart from 0 would show step 1.
  await three.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepsOf(three), { timeout: 120_000 }).toEqual([3, 3, 3]);

  const four = await context.newPage();
  four.on('pageerror', (e) => errors.push(e.message));
  await four.goto(link(2));
  await offers(four).filter({ hasText: 'on seed 2,' }).getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => stepsOf(four), { timeout: 120_000 }).toEqual([1, 1, 1]);
  await four.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => stepsOf(four), { timeout: 120_000 }).toEqual([2, 2, 2]);
  expect(errors).toEqual([]);
});
