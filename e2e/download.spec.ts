/**
 * The page's downloads end to end: a 5-step smoke comparison, "Download results" read back as the
 * runner's results.json (version, three runs of five steps each), "Download CSV", one chart's SVG
 * and PNG, and "Copy link". Every download is a blob: URL made in the page.
 */
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { RESULTS_VERSION } from '../src/core/results/resultsFile';
import type { ResultsFile } from '../src/core/results/resultsFile';
import { trainToEnd } from './runs';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await click();
  const file = await download;
  expect(file.url()).toMatch(/^blob:/);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('downloads a smoke comparison as results.json, CSV and a chart, and copies its link', async ({
  page,
  context,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto('/?preset=smoke&steps=5&evalEvery=5&smoothEvery=0&sliceEvery=0');
  await trainToEnd(page, 5);

  const json = await downloaded(page, () => page.getByRole('button', { name: 'Download results' }).click());
  expect(json.name).toMatch(/^masst-smoke-seed-\d+-5-steps\.json$/);
  const results = JSON.parse(json.text) as ResultsFile & { versions: Record<string, string> };
  expect(results.version).toBe(RESULTS_VERSION);
  expect(results.config.steps).toBe(5);
  expect(results.runs).toHaveLength(3);
  for (const run of results.runs) {
    expect(run.history.map((h) => h.step)).toEqual([1, 2, 3, 4, 5]);
    expect(run.history.every((h) => Number.isFinite(h.loss) && h.lr > 0)).toBe(true);
    expect(run.eval?.accuracy).toEqual(expect.any(Number));
  }
  expect(results.complete).toBe(true);
  expect(results.versions['@tensorflow/tfjs-core']).toMatch(/^\d/);
  await expect(page.getByRole('status').filter({ hasText: json.name })).toBeVisible();

  const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
  const rows = csv.text.trim().split('\n');
  expect(rows[0]).toBe('method,seed,step,loss,smoothed_loss,lr,accuracy,accuracy_std_err,auc');
  expect(rows).toHaveLength(1 + 3 * 5);

  const svgButton = page.getByRole('button', { name: /^Download .* as SVG$/ }).first();
  const svg = await downloaded(page, () => svgButton.click());
  expect(svg.name).toMatch(/\.svg$/);
  expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(svg.text).toContain('<path');
  const png = page.waitForEvent('download');
  await page
    .getByRole('button', { name: /^Download .* as PNG$/ })
    .first()
    .click();
  const pngFile = await png;
  expect((await readFile(await pngFile.path())).subarray(1, 4).toString()).toBe('PNG');

  // Copy link: copied (clipboard allowed), then refused (writeText rejects) gives the link to copy by hand.
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'did not allow copying' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Link' })).toHaveValue(page.url());
  expect(errors).toEqual([]);
});
