/**
 * What the page keeps in the browser: the generated faces, counted on the page, and removed by
 * "Clear stored data", after which a reload generates them again.
 */
import { expect, test } from '@playwright/test';

test('stored faces are counted and "Clear stored data" removes them', async ({ page }) => {
  await page.goto('/?preset=smoke&seed=21');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByText(/images\/s/)).toBeVisible({ timeout: 60_000 });
  const stored = page.locator('.stored-data');
  await expect(stored).toContainText('Stored in this browser: 1 dataset of faces');
  await page.getByRole('button', { name: 'Clear stored data' }).click();
  await expect(stored).toContainText('Stored in this browser: 0 datasets of faces, 0.0 MB');
  await expect(page.getByRole('button', { name: 'Clear stored data' })).toBeDisabled();
  await page.reload();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByText(/images\/s/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/from cache/)).toHaveCount(0);
});
