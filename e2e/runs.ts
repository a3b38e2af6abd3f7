/** What several specs do with the run list: find it, and train until every run shows a step (or finishes). */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** The status panel's "Runs" list, one item per run ("SST: step 5 …"). */
export const runItems = (page: Page) => page.getByRole('list', { name: 'Runs' }).getByRole('listitem');

/** Presses Train and waits (up to 3 minutes on this 2-core machine) until each of `runs` runs shows step `steps`. */
export async function trainUntilStep(page: Page, steps: number, runs = 3): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const at = new RegExp(`step ${steps}\\b`);
  await expect
    .poll(
      async () => {
        const texts = await runItems(page).allTextContents();
        return texts.length === runs && texts.every((t) => at.test(t));
      },
      { timeout: 180_000 },
    )
    .toBe(true);
}

/**
 * trainUntilStep, then until the summary shows, which it does once every run has finished: each
 * run's last evaluation has then arrived, so a download holds the whole comparison (a download
 * right at the last step raced those evaluations and could lack some).
 */
export async function trainToEnd(page: Page, steps: number, runs = 3): Promise<void> {
  await trainUntilStep(page, steps, runs);
  await expect(page.getByRole('region', { name: 'What the comparison found' })).toBeVisible({ timeout: 120_000 });
}
