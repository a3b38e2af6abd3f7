/**
 * The playground end to end, in the system Chromium against the built app. Sizes are tiny (the
 * smoke preset at 16 px) because the GPU here is SwiftShader and CI has two cores.
 */
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { runItems } from './runs';

/** The smoke scenario; `extra` adds URL parameters. */
const smokeUrl = (extra = '') => {
  const params = new URLSearchParams(`preset=smoke&steps=400${extra}`);
  // A later value of a parameter replaces the default given first.
  const merged = new URLSearchParams();
  for (const [k, v] of params) merged.set(k, v);
  return `/?${merged.toString()}`;
};

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The page's list of runs, one item per method × seed ("SST: step 12 · …"). */

/** Step number shown in each run's item of the list of runs. */
async function stepsOf(page: Page): Promise<number[]> {
  const texts = await runItems(page).allTextContents();
  return texts.map((t) => Number(/step (\d+)/.exec(t)?.[1] ?? NaN));
}

async function expectAllSteps(page: Page, predicate: (n: number) => boolean, timeout = 120_000): Promise<number[]> {
  let last: number[] = [];
  await expect
    .poll(
      async () => {
        last = await stepsOf(page);
        return last.length === 3 && last.every(predicate);
      },
      { timeout },
    )
    .toBe(true);
  return last;
}

test('loads, trains every run, pauses, steps by one and resets', async ({ page }, info) => {
  const errors = collectErrors(page);
  await page.goto(smokeUrl());
  await expect(page.getByRole('heading', { name: 'MASST Playground' })).toBeVisible();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  for (const label of ['Conventional', 'SST', 'MASST K=4']) {
    await expect(runItems(page).filter({ hasText: new RegExp(`^${label}: step`) })).toBeVisible({ timeout: 120_000 });
  }
  await expectAllSteps(page, (n) => n >= 3);

  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  const paused = await stepsOf(page);
  await page.waitForTimeout(1500);
  expect(await stepsOf(page)).toEqual(paused);

  // Runs train in a pool of workers, each at its own pace: Step moves every run on by exactly one.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect
    .poll(async () => (await stepsOf(page)).join(','), { timeout: 60_000 })
    .toBe(paused.map((n) => n + 1).join(','));

  await page.screenshot({ path: info.outputPath('trained.png'), fullPage: true });
  await page.getByRole('button', { name: 'Reset' }).click();
  await expectAllSteps(page, (n) => n === 0, 60_000);
  expect(errors).toEqual([]);
});

test('several seeds train in parallel: bands, the paired table and the summary', async ({ page }, info) => {
  const errors = collectErrors(page);
  await page.goto('/?preset=smoke&seeds=2&workers=2');
  await expect(page.getByLabel('Seeds', { exact: true })).toHaveValue('2');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // one status per method × seed
  for (const label of ['Conventional', 'SST', 'MASST K=4']) {
    for (const seed of [1, 2]) {
      await expect(runItems(page).filter({ hasText: `${label} · seed ${seed}: step` })).toBeVisible({
        timeout: 120_000,
      });
    }
  }
  const table = page.getByRole('table', { name: 'Paired differences' });
  await expect(table).toBeVisible({ timeout: 120_000 });
  await expect(table.locator('caption')).toContainText('Paired differences');
  for (const row of ['SST − Conventional', 'MASST K=4 − SST', 'MASST K=4 − Conventional']) {
    await expect(table.getByRole('row', { name: new RegExp(row) })).toContainText(
      /[+−±]\d\.\d{3} ± \d\.\d{3} · [0-2]\/2/,
    );
  }
  await expect(page.getByRole('radiogroup', { name: 'Band over seeds' })).toBeVisible();
  // one live region for the whole comparison, not one per run
  await expect(page.getByRole('status')).toHaveCount(1);
  await expect(page.getByText('SST (mean of 2)').first()).toBeVisible();
  await page.getByRole('radio', { name: 'min–max' }).check();
  // the summary appears once every run has finished, and follows the table
  const summary = page.getByRole('region', { name: 'What the comparison found' });
  await expect(summary).toBeVisible({ timeout: 180_000 });
  await expect(summary).toContainText(/SST .* Conventional/);
  await expect(table.locator('caption')).toContainText('after the last step');
  await expect(page.getByRole('status')).toHaveText(/^Finished: 6 runs, 30 steps each\.$/, { timeout: 10_000 });
  await page.screenshot({ path: info.outputPath('seeds.png'), fullPage: true });
  expect(errors).toEqual([]);
});

test('from Train until training starts the form is locked: what it shows is what trains', async ({ page }) => {
  const errors = collectErrors(page);
  // A fresh browser has no faces cached: Train first spends seconds generating them.
  await page.goto('/?preset=smoke&seed=21');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText(/Generating faces|Building the models/).first()).toBeVisible();
  // One look at the page, not a retried assertion, which would also pass once training had started.
  const now = await page.evaluate(() => ({
    starting: /Generating faces|Building the models/.test(document.body.textContent ?? ''),
    training: [...document.querySelectorAll('button')].some((b) => b.textContent === 'Pause'),
    locked: document.querySelector('select[aria-label="Scenario"]')?.matches(':disabled'),
  }));
  expect(now).toEqual({ starting: true, training: false, locked: true });
  await expectAllSteps(page, (n) => n === 30);
  // Once it has stopped, the form opens again, still on the settings that trained.
  await expect(page.getByLabel('Scenario')).toBeEnabled();
  await expect(page.getByLabel('Scenario')).toHaveValue('smoke');
  await expect(page).toHaveURL(/preset=smoke/);
  expect(errors).toEqual([]);
});

test('a URL with settings restores them', async ({ page }) => {
  await page.goto(smokeUrl('&seed=7&batch=4&queue=16&lr=0.05&loss=arc'));
  await expect(page.getByLabel(/seed/i).first()).toHaveValue('7');
  await expect(page.getByLabel(/batch/i).first()).toHaveValue('4');
  await expect(page.getByLabel(/learning rate/i).first()).toHaveValue('0.05');
  await page.reload();
  await expect(page.getByLabel(/seed/i).first()).toHaveValue('7');
});

test('a list of seeds in the URL starts the form at its first and keeps the list', async ({ page }) => {
  await page.goto('/?preset=smoke&seeds=4,9,12');
  await expect(page.getByLabel('Seed', { exact: true })).toHaveValue('4');
  await expect(page.getByLabel('Seeds', { exact: true })).toHaveValue('3');
  await expect(page.getByText('seeds 4, 9, 12, paired')).toBeVisible();
  await expect(page).toHaveURL(/seeds=4%2C9%2C12/);
  await page.goto('/?preset=smoke&seeds=0&workers=99');
  await expect(page.getByRole('alert').filter({ hasText: 'seeds = "0" is not allowed' })).toBeVisible();
  await expect(
    page.getByRole('alert').filter({ hasText: 'workers = "99" is not allowed: expected an integer from 1 to 16' }),
  ).toBeVisible();
});

test('a bad URL value is reported by name and replaced by its default', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(smokeUrl('&batch=abc&loss=triplet'));
  const alert = page.getByRole('alert').filter({ hasText: 'batch' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText('abc');
  await expect(page.getByRole('alert').filter({ hasText: 'loss' })).toContainText('triplet');
  await expect(page.getByLabel(/batch/i).first()).toHaveValue('8');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('WebGPU (SwiftShader, --enable-unsafe-webgpu) reports the webgpu backend and trains', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(smokeUrl('&backend=webgpu&batch=4&queue=16&trainIds=24&size=16'));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText(/webgpu/i).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/swiftshader/i).first()).toBeVisible();
  await expectAllSteps(page, (n) => n >= 1, 240_000);
});

test('smoothness probes stream per run and a 2-D landscape arrives row by row', async ({ page }, info) => {
  const errors = collectErrors(page);
  await page.goto(smokeUrl('&steps=10'));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expectAllSteps(page, (n) => n === 10);
  await expect(page.getByText(/\+8 forward, \+8 backward every 10 steps/)).toBeVisible();
  await expect(page.getByText('Loss along the gradient, L(w − ηg)')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: '2-D slice' }).click();
  for (const label of ['Conventional', 'SST', 'MASST K=4']) {
    await expect(page.getByRole('img', { name: `${label} 2-D loss landscape` })).toBeVisible({ timeout: 120_000 });
  }
  await expect(page.getByText(/feature cosine agent·probe and active agent/)).toBeVisible();
  await page.locator('.analysis').screenshot({ path: info.outputPath('analysis.png') });
  expect(errors).toEqual([]);
});

test('generated faces are cached by seed: a reload does not regenerate them', async ({ page }) => {
  await page.goto(smokeUrl('&seed=11'));
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByText(/images\/s/)).toBeVisible({ timeout: 60_000 });
  await expectAllSteps(page, (n) => n === 1, 60_000);
  await page.reload();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByText(/from cache/)).toBeVisible({ timeout: 60_000 });
});
