/**
 * Import run (issue 12) end to end: a 5-step smoke comparison downloaded as results.json, the
 * comparison reset, the file imported through "Import run" and drawn as a ghost (the legends of the
 * loss, accuracy, difference and ROC charts, the results and paired tables, named by its file), a
 * truncated file refused with an alert naming it and nothing else changed, the ghost removed, then
 * dropped on the drop zone again beside a file of a newer version, which is named. No request
 * leaves the page's origin: files are read in the browser.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { runItems, trainToEnd } from './runs';

const resultsTable = (page: Page) => page.getByRole('table', { name: /^Verification on held-out identities/ });
const legendOf = (page: Page, chart: string) =>
  page.locator('.svg-chart', { has: page.getByRole('img', { name: chart }) }).locator('.chart-legend');

test('a downloaded comparison imports as a ghost beside the live runs, a broken file is refused, the ghost is removed', async ({
  page,
}, info) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const offsite: string[] = [];
  page.on('request', (r) => {
    // blob: URLs (the download) carry the page's origin.
    if (!r.url().startsWith('data:') && new URL(r.url()).hostname !== '127.0.0.1') offsite.push(r.url());
  });
  await page.goto('/?preset=smoke&steps=5&evalEvery=5&smoothEvery=0&sliceEvery=0');
  await trainToEnd(page, 5);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download results' }).click();
  const file = await download;
  const name = file.suggestedFilename();
  const saved = info.outputPath(name);
  await file.saveAs(saved);
  const seed = (JSON.parse(await readFile(saved, 'utf8')) as { seeds: number[] }).seeds[0] as number;

  // A new session: the live runs start again from nothing; the ghost is all the charts show.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect
    .poll(async () => (await runItems(page).allTextContents()).every((t) => !/step 5\b/.test(t)), { timeout: 60_000 })
    .toBe(true);
  await expect(page.getByText('Loss appears here once training starts.')).toBeVisible();
  // The new session's untrained probe, before anything is compared across the broken file.
  await expect(resultsTable(page).getByRole('row', { name: /^Untrained probe/ })).toBeVisible();

  const input = page.getByLabel('Import run', { exact: true });
  await input.setInputFiles(saved);
  for (const label of ['Conventional', 'SST', 'MASST K=4']) {
    await expect(legendOf(page, 'Training loss by step')).toContainText(`${name}: ${label} seed ${seed}`);
    await expect(legendOf(page, 'Verification accuracy by step')).toContainText(`${name}: ${label} seed ${seed}`);
    await expect(legendOf(page, 'ROC of the latest evaluation')).toContainText(`${name}: ${label} seed ${seed}`);
    await expect(page.getByRole('row', { name: `${name}: ${label} imported` })).toBeVisible();
  }
  await expect(page.getByRole('table', { name: 'Paired differences' })).toContainText(`${name}: SST − Conventional`);
  await expect(legendOf(page, 'Accuracy difference by step, paired by seed')).toContainText(`${name}: MASST K=4 − SST`);
  await expect(page.getByRole('list', { name: 'Imported runs' })).toContainText(name);
  await page.screenshot({ path: info.outputPath('ghost.png'), fullPage: true });

  // A truncated file: an alert names it and why; the ghost, the charts and the tables stay as they were.
  const paired = page.getByRole('table', { name: 'Paired differences' });
  const before = {
    loss: await legendOf(page, 'Training loss by step').textContent(),
    table: await resultsTable(page).textContent(),
    paired: await paired.textContent(),
  };
  const text = await readFile(saved, 'utf8');
  await input.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text.slice(0, 300)),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toContainText('truncated');
  expect(await legendOf(page, 'Training loss by step').textContent()).toBe(before.loss);
  expect(await resultsTable(page).textContent()).toBe(before.table);
  expect(await paired.textContent()).toBe(before.paired);
  await expect(page.getByRole('list', { name: 'Imported runs' }).getByRole('listitem')).toHaveCount(1);

  await page.getByRole('button', { name: `Remove ${name}` }).click();
  await expect(page.getByRole('list', { name: 'Imported runs' })).toHaveCount(0);
  await expect(page.getByText(`${name}:`)).toHaveCount(0);
  await expect(page.getByText('Loss appears here once training starts.')).toBeVisible();

  // Several files dropped on the zone at once: the good one comes back, one from a newer version is named.
  const newer = JSON.stringify({ ...(JSON.parse(text) as object), version: 99 });
  await page.getByRole('region', { name: 'Drop run files here' }).evaluate(
    (zone, files) => {
      const data = new DataTransfer();
      for (const f of files) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    },
    [
      { name, text },
      { name: 'newer.json', text: newer },
    ],
  );
  await expect(page.getByRole('alert').filter({ hasText: 'newer.json' })).toContainText('newer version (99)');
  await expect(page.getByRole('alert').filter({ hasText: 'broken.json' })).toHaveCount(0);
  await expect(legendOf(page, 'Training loss by step')).toContainText(`${name}: SST seed ${seed}`);
  await expect(page.getByRole('list', { name: 'Imported runs' }).getByRole('listitem')).toHaveCount(1);
  expect(offsite).toEqual([]);
  expect(errors).toEqual([]);
});
