/**
 * The backend benchmark page (bench.html), as `npm run bench` drives it: one quick wasm run in
 * its worker fills a row of real timings; a bad URL parameter is named with what is allowed.
 */
import { expect, test } from '@playwright/test';

test('measures the wasm backend in a worker and shows the timings', async ({ page }) => {
  await page.goto('/bench.html?backend=wasm&quick=1');
  const row = page.locator('#results tbody tr');
  await expect(row).toHaveCount(1, { timeout: 180_000 });
  const cells = await row.locator('td').allTextContents();
  expect(cells[0]).toBe('wasm');
  // reference, SST, MASST, probe and slice are positive times; MASST/SST a ratio near 1.
  for (const i of [2, 3, 4, 6, 7]) expect(Number(cells[i])).toBeGreaterThan(0);
  expect(Number(cells[5])).toBeGreaterThan(0.5);
  expect(Number(cells[5])).toBeLessThan(2);
  const reply = await page.evaluate(() => window.benchReply);
  expect(reply?.type).toBe('result');
});

test('names a bad backend parameter and what is allowed', async ({ page }) => {
  await page.goto('/bench.html?backend=metal');
  await expect(page.getByRole('status')).toHaveText(
    'backend="metal" is not allowed: expected one of webgpu, webgl, wasm, cpu.',
  );
  await expect(page.locator('#results')).toBeHidden();
});
