import { expect, test } from '@playwright/test';

test('the built page loads without errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'MASST Playground' })).toBeVisible();
  expect(errors).toEqual([]);
});
