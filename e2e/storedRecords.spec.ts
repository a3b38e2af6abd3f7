/**
 * A malformed stored comparison never blanks the page: each record is checked on load, and one
 * that is wrong is listed naming what is wrong, with Discard, which removes it. The records are
 * planted here (the old single-record layout and the current one), from nothing or from a real
 * record trained one step and then broken.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { editStore, storedSummaries } from './storedComparisons';

const URL = '/?preset=smoke&seed=11&steps=40&workers=1';

const prompt = (page: Page) => page.getByRole('region', { name: 'Stored comparisons' });
const unusable = (page: Page) => prompt(page).getByRole('listitem', { name: 'Unusable stored comparison' });

/** The form and its Train button are there: the page did not go blank. */
async function expectForm(page: Page): Promise<void> {
  await expect(page.getByRole('group', { name: 'Experiment' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
}

/** Discards every unusable record; resolves once the store holds only `left`. */
async function discardUnusable(page: Page, left: string[]): Promise<void> {
  for (let n = await unusable(page).count(); n > 0; n--)
    await unusable(page).first().getByRole('button', { name: 'Discard' }).click();
  await expect(unusable(page)).toHaveCount(0);
  await expect.poll(async () => (await storedSummaries(page)).map((s) => s.key)).toEqual(left);
}

test('records that are not comparisons are named and discarded, the page stays usable', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(URL);
  await editStore(page, [
    // The old layout: one 'session' record and its 'checkpoint-N' records.
    { op: 'put', key: 'session', value: 'garbage' },
    { op: 'put', key: 'checkpoint-0', value: 'abc' },
    { op: 'put', key: 'comparison:empty', value: {} },
    {
      op: 'put',
      key: 'comparison:no-setup',
      value: { savedAt: 1_700_000_000_000, state: { runs: [] }, checkpoints: [] },
    },
    {
      op: 'put',
      key: 'comparison:empty-config',
      value: {
        savedAt: 1_700_000_000_001,
        setup: { preset: 'smoke', config: {}, seeds: [1], backend: 'wasm', workers: 1 },
        state: { runs: [] },
        checkpoints: [],
      },
    },
  ]);
  await page.reload();
  await expectForm(page);
  await expect(unusable(page)).toHaveCount(4);
  const texts = await unusable(page).allTextContents();
  expect(texts.join('\n')).toContain(
    'the stored comparison = "garbage" is not allowed: expected an object with savedAt, setup, state and checkpoints',
  );
  expect(texts.join('\n')).toContain(
    'savedAt = missing is not allowed: expected a time (ms since 1970); setup = missing is not allowed',
  );
  expect(texts.join('\n')).toContain(
    'setup = missing is not allowed: expected the comparison’s setup (preset, config, seeds, backend, workers)',
  );
  expect(texts.join('\n')).toContain('setup.config.data = missing is not allowed: expected an object');
  await discardUnusable(page, []);
  await page.reload();
  await expectForm(page);
  await expect(prompt(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a real record broken in its seeds or checkpoints is named; a missing checkpoint is said before Restore', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(URL);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  // One step, its checkpoint stored with the state (smoke: 3 runs on one worker).
  await expect
    .poll(async () => (await storedSummaries(page)).flatMap((s) => s.checkpoints.map((c) => c.step)), {
      timeout: 120_000,
    })
    .toEqual([1]);
  const [real] = await storedSummaries(page);
  const from = real?.key ?? '';
  await editStore(page, [
    { op: 'derive', from, key: 'comparison:no-seeds', breakage: 'no-seeds' },
    { op: 'derive', from, key: 'comparison:string-checkpoint', breakage: 'string-checkpoint' },
    { op: 'derive', from, key: 'comparison:empty-checkpoint', breakage: 'empty-checkpoint' },
    { op: 'derive', from, key: 'comparison:deleted-checkpoint', breakage: 'no-checkpoints' },
    { op: 'delete', key: from },
  ]);
  await page.reload();
  await expectForm(page);
  await expect(unusable(page)).toHaveCount(3);
  const texts = (await unusable(page).allTextContents()).join('\n');
  expect(texts).toContain(
    'setup.seeds = an array of 0 is not allowed: expected a list of 1 to 16 distinct integers from 0 to 4294967295',
  );
  expect(texts).toContain('checkpoints[0] = "abc" is not allowed: expected a worker’s checkpoint (an object)');
  expect(texts).toContain('checkpoints[0].groups[0].bytes is not a checkpoint this build can read: 0 bytes');
  const usable = prompt(page).getByRole('listitem', { name: /^Stored comparison/ });
  await expect(usable).toHaveCount(1);
  await expect(usable).toContainText(
    'No checkpoint holds Conventional · seed 11, SST · seed 11, MASST K=4 · seed 11: Restore starts those runs again from step 0.',
  );
  await discardUnusable(page, ['comparison:deleted-checkpoint']);
  expect(errors).toEqual([]);
});

test('an old-layout record without setup and with a string checkpoint leaves the form and a notice, not a blank page', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(URL);
  await editStore(page, [
    {
      op: 'put',
      key: 'session',
      value: { savedAt: 1_700_000_000_000, state: { runs: [{ unit: 0, steps: [1], loss: [2], smooth: [2] }] } },
    },
    { op: 'put', key: 'checkpoint-0', value: 'abc' },
  ]);
  await page.reload();
  await expectForm(page);
  await expect(unusable(page)).toHaveCount(1);
  await expect(unusable(page)).toContainText('A stored comparison (saved');
  await expect(unusable(page)).toContainText(
    'cannot be restored: setup = missing is not allowed: expected the comparison’s setup (preset, config, seeds, backend, workers). Discard removes it.',
  );
  await discardUnusable(page, []);
  expect(errors).toEqual([]);
});
