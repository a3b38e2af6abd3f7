/**
 * An LFW-shaped folder (made at test time by src/core/faces/lfwShapedFolder.ts: LFW's layout,
 * one-image people, a 10-fold pairs.txt whose different-person lines name them) picked on the
 * page: two steps train, the evaluation scores its 40 pairs and takes rank-1 over the held-out
 * people with ≥ 2 images, saying so under the results table.
 */
import { expect, test } from '@playwright/test';
import { LFW_SHAPE } from '../src/core/faces/lfwShapedFolder';
import { writeLfwShapedFolder } from '../src/test/lfwFolderNode';
import { trainUntilStep } from './runs';

test('trains two steps on an LFW-shaped folder and shows accuracy and rank-1 with its coverage', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke&steps=2&evalEvery=2&probeEvery=0&sliceEvery=0&batch=4&queue=4');
  await page.getByLabel('Your faces', { exact: true }).setInputFiles(await writeLfwShapedFolder());
  const section = page.getByRole('region', { name: 'Your faces section' });
  await expect(section).toContainText(`Your faces from lfw: ${LFW_SHAPE.identities} identities, ${LFW_SHAPE.images} images; ${LFW_SHAPE.pairs} pairs from pairs.txt (LFW's 10 folds).`);

  await trainUntilStep(page, 2);
  const table = page.getByRole('table', { name: /^Verification on held-out identities/ });
  await expect(table.getByRole('row', { name: /^SST/ }).getByRole('cell').first()).toHaveText(/^0\.\d{3} ± 0\.\d{3}$/);
  await expect(table.getByRole('row', { name: /^SST/ }).getByRole('cell').nth(2)).toHaveText(/^[01]\.\d{3}$/);
  await expect(table).toContainText(`Rank-1 over ${LFW_SHAPE.rank1Identities} of ${LFW_SHAPE.heldOut} held-out identities (those with ≥ 2 test images), ${LFW_SHAPE.rank1Probes} probes.`);
  await expect(page.getByText(/Building the session failed/)).toHaveCount(0);
  expect(errors).toEqual([]);
});
