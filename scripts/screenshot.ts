/**
 * Takes the pictures of the page in docs/screenshots/: training.png, the README's picture of the
 * page training (the smoke preset's three methods after ten steps, at 1280×800), and the one-screen
 * set of docs/page.md#layout: the default scenario before Train, while it trains and at the end,
 * each at 1280×800 and 1920×1080, saved at half size (onescreen-<width>-<phase>.png). Run with
 * `npm run docs:screenshot` (builds the page, serves it with vite preview on E2E_PORT, default 4173).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { trainUntilStep } from '../e2e/runs.ts';
import { halfSize } from './halfSize.ts';

const DIR = resolve(import.meta.dirname, '../docs/screenshots');
const OUT = resolve(DIR, 'training.png');
const SIZES = [
  [1280, 800],
  [1920, 1080],
] as const;

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

/** The page at each size, its pointer and focus away from tooltips, at half size. */
async function shootSizes(page: Page, phase: 'before' | 'during' | 'after'): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    // The charts follow their width through a ResizeObserver: one frame and a margin.
    await page.waitForTimeout(400);
    writeFileSync(resolve(DIR, `onescreen-${width}-${phase}.png`), halfSize(await page.screenshot()));
  }
}

test('screenshots of the one-screen layout before, during and after a comparison', async ({ page }) => {
  test.setTimeout(900_000);
  // The default scenario (demo: three methods × three seeds) cut to 40 steps, evaluated every 10
  // and probed for smoothness at 20, so the whole comparison trains within minutes on two cores.
  await page.goto('/?steps=40&evalEvery=10&smoothEvery=20');
  await expect(page.getByRole('region', { name: 'Sample faces' }).getByRole('img')).toHaveCount(6);
  // A value the page replaced by its default would show an alert and train something else.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await shootSizes(page, 'before');
  // 2 steps/s while the "during" pictures are taken, then full speed to the end.
  const speed = page.getByRole('combobox', { name: 'Speed' });
  await speed.selectOption({ label: '2 steps/s' });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const progress = page.locator('.comparison-progress');
  await expect(progress).toContainText(/step [23]\d \/ 40/, { timeout: 600_000 });
  await shootSizes(page, 'during');
  await speed.selectOption({ label: 'Full speed' });
  await expect(progress).toContainText('step 40 / 40 · done', { timeout: 600_000 });
  await expect(page.getByRole('region', { name: 'What the comparison found' })).toBeVisible();
  // The workers' last report turns Pause back into Train a moment after the last step.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await shootSizes(page, 'after');
});
