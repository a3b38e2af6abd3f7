/**
 * One imported file can no longer blank the page or end a live session (issue 22): a 4.6 MB
 * results.json without config.steps whose run has 130,000 history points (Math.max over its steps
 * overflowed the stack) is drawn from 500 of them, a file of 10,000 runs is refused naming the
 * limit, and the comparison that trains meanwhile goes on and pauses at once. The files are made
 * here, not committed.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const RUN = {
  method: 'sst',
  agents: 1,
  label: 'SST',
  seed: 1,
  evals: [],
  eval: null,
  interrupted: false,
  diverged: null,
};

/** A runner-shaped file without config.steps, one run of `points` steps. */
function longFile(points: number): Buffer {
  const history = Array.from({ length: points }, (_, k) => ({
    step: k + 1,
    loss: Math.round((2 + Math.sin(k / 500)) * 1e4) / 1e4,
    lr: 0.1,
  }));
  return Buffer.from(
    JSON.stringify({ version: 4, complete: true, config: {}, seeds: [1], runs: [{ ...RUN, history }] }),
  );
}

/** The live runs' steps ("Imported runs" is a list too, so the name is matched exactly). */
const steps = async (page: Page) =>
  (await page.getByRole('list', { name: 'Runs', exact: true }).getByRole('listitem').allTextContents()).map((t) =>
    Number(/step (\d+)/.exec(t)?.[1] ?? -1),
  );

test('a 130,000-point file and a 10,000-run file leave the page and a live session up', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke&steps=2000&evalEvery=1000&smoothEvery=0&sliceEvery=0');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(async () => Math.min(...(await steps(page))), { timeout: 180_000 }).toBeGreaterThanOrEqual(2);

  const long = longFile(130_000);
  expect(long.length).toBeGreaterThan(4_600_000);
  await page
    .getByLabel('Import run', { exact: true })
    .setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: long });
  await expect(page.getByRole('list', { name: 'Imported runs' })).toContainText(
    'long.json: 1 runs, 130000 steps (drawn from 500 points of up to 130000 per run)',
  );
  await expect(
    page
      .locator('.svg-chart', { has: page.getByRole('img', { name: 'Training loss by step' }) })
      .locator('.chart-legend'),
  ).toContainText('long.json: SST seed 1');

  const many = Buffer.from(
    JSON.stringify({
      version: 4,
      config: {},
      runs: Array.from({ length: 10_000 }, (_, seed) => ({ ...RUN, seed, history: [{ step: 1, loss: 1, lr: 0.1 }] })),
    }),
  );
  await page
    .getByLabel('Import run', { exact: true })
    .setInputFiles({ name: 'many.json', mimeType: 'application/json', buffer: many });
  await expect(page.getByRole('alert').filter({ hasText: 'many.json' })).toHaveText(
    'many.json: it has 10000 runs: this page draws at most 128 runs of one file. Nothing of it was loaded.',
  );

  // The live comparison trained on through both, and Pause stops it promptly.
  const before = Math.min(...(await steps(page)));
  await expect.poll(async () => Math.min(...(await steps(page))), { timeout: 120_000 }).toBeGreaterThan(before);
  const asked = Date.now();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible({ timeout: 5_000 });
  const pausedMs = Date.now() - asked;
  console.log(`Pause answered in ${pausedMs} ms with the 130,000-point ghost drawn`);
  expect(errors).toEqual([]);
});
