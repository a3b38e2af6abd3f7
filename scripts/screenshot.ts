/**
 * Takes docs/screenshots/training.png, the README's picture of the page training: the smoke
 * preset's three methods after ten steps, at 1280×800. Run with `npm run docs:screenshot`
 * (builds the page, serves it with vite preview on E2E_PORT, default 4173).
 */
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { trainUntilStep } from '../e2e/runs.ts';

const OUT = resolve(import.meta.dirname, '../docs/screenshots/training.png');

test('screenshot of the page training', async ({ page }) => {
  // Ten steps, evaluated and smoothness-checked twice, so the charts have lines; no slices (slow).
  // Teacher mode hides the form and the iteration walk-through so the charts fit in the picture.
  const hide = 'scenarios,form,overview,slow,queue,timeline,embeddings,dataset';
  await page.goto(`/?preset=smoke&steps=10&evalEvery=5&smoothEvery=5&sliceEvery=0&hide=${hide}`);
  await trainUntilStep(page, 10);
  await expect(page.getByRole('status').filter({ hasText: 'Finished' })).toBeVisible();
  // No tooltip in the picture (Train keeps the focus), and the run buttons at the top, the charts below.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await train.evaluate((button) => window.scrollBy(0, button.getBoundingClientRect().top - 16));
  await page.screenshot({ path: OUT });
});
