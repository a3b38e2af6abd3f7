/** What several specs do with the run list: find it, and train until every run shows a step. */
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
