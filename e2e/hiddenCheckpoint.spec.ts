/**
 * A page that is hidden while it trains checkpoints at once: a reload then restores the very step
 * it was hidden at, not the last multiple of the checkpoint interval (50 by default).
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { runItems } from './runs';
import { storedSummaries } from './storedComparisons';

const URL = '/?preset=smoke&seed=21&steps=400&workers=1';

async function stepsOf(page: Page): Promise<number[]> {
  return (await runItems(page).allTextContents()).map((t) => Number(/step (\d+)/.exec(t)?.[1] ?? NaN));
}

test('hidden while training, the page checkpoints; a reload restores exactly that step', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The reload while training asks first (beforeunload): leave.
  page.on('dialog', (d) => void d.accept());
  await page.goto(URL);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Math.min(...(await stepsOf(page))), { timeout: 120_000 }).toBeGreaterThanOrEqual(3);
  // What a switch to another tab or a minimized window does: visibilityState hidden, then the event.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect
    .poll(async () => (await storedSummaries(page)).flatMap((s) => s.checkpoints.map((c) => c.step)), {
      timeout: 30_000,
    })
    .toHaveLength(1);
  const [hiddenAt] = (await storedSummaries(page)).flatMap((s) => s.checkpoints.map((c) => c.step));
  expect(hiddenAt).toBeGreaterThanOrEqual(3);
  expect((hiddenAt as number) % 50).not.toBe(0);

  await page.reload();
  // What the store holds after the reload (the reload's own pagehide checkpoint, if any got through, is as good).
  const [stored] = (await storedSummaries(page)).flatMap((s) => s.checkpoints.map((c) => c.step));
  expect(stored).toBeGreaterThanOrEqual(hiddenAt as number);
  const offer = page
    .getByRole('region', { name: 'Stored comparisons' })
    .getByRole('listitem', { name: 'Stored comparison of this tab' });
  await expect(offer).toContainText(`on seed 21, preset smoke, at step ${stored} of 400`);
  await offer.getByRole('button', { name: 'Restore' }).click();
  await expect.poll(() => stepsOf(page), { timeout: 120_000 }).toEqual([stored, stored, stored]);
  expect(errors).toEqual([]);
});
