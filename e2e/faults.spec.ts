/**
 * Faults in the built page: a failure while the workers build the session reaches the page as a
 * named message, the controls stay usable, and training works again once the fault is gone.
 */
import { expect, test } from '@playwright/test';

test('a worker failure is reported by name and the controls come back', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A fresh seed so the faces are generated, and the rasteriser's wasm cannot be fetched.
  await page.route('**/index_bg*.wasm', (route) => route.abort('failed'));
  await page.goto('/?preset=smoke&seed=4242&steps=10');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Building the session failed' });
  await expect(alert.first()).toBeVisible({ timeout: 120_000 });
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);

  await page.unroute('**/index_bg*.wasm');
  await page.getByRole('button', { name: 'Dismiss errors' }).click();
  await train.click();
  await expect
    .poll(
      async () => {
        const texts = await page.getByRole('list', { name: 'Runs' }).getByRole('listitem').allTextContents();
        return texts.length === 3 && texts.every((t) => /step 10\b/.test(t));
      },
      { timeout: 120_000 },
    )
    .toBe(true);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('closing or reloading the page while it trains asks first', async ({ page }) => {
  await page.goto('/?preset=smoke&steps=400');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 60_000 });
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const d = await dialog;
  expect(d.type()).toBe('beforeunload');
  await d.dismiss();
  expect(page.isClosed()).toBe(false);
});
