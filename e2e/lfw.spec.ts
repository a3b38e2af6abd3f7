/**
 * An LFW-shaped folder (made at test time by src/core/faces/lfwShapedFolder.ts: LFW's layout,
 * one-image people, a 10-fold pairs.txt whose different-person lines name them) picked on the
 * page: two steps train, the evaluation scores its 40 pairs and takes rank-1 over the held-out
 * people with ≥ 2 images, saying so under the results table. A pairs.txt that holds out every
 * identity is refused on pick, saying so, rather than as a queue size the form cannot meet.
 */
import { cp, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { LFW_SHAPE } from '../src/core/faces/lfwShapedFolder';
import { writeLfwShapedFolder } from '../src/test/lfwFolderNode';
import { trainUntilStep } from './runs';

test('trains two steps on an LFW-shaped folder and shows accuracy and rank-1 with its coverage', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke&steps=2&evalEvery=2&smoothEvery=0&sliceEvery=0&batch=4&queue=4');
  await page.getByLabel('Your faces', { exact: true }).setInputFiles(await writeLfwShapedFolder());
  const section = page.getByRole('region', { name: 'Your faces section' });
  await expect(section).toContainText(
    `Your faces from lfw: ${LFW_SHAPE.identities} identities, ${LFW_SHAPE.images} images; ${LFW_SHAPE.pairs} pairs from pairs.txt (LFW's 10 folds).`,
  );

  await trainUntilStep(page, 2);
  const table = page.getByRole('table', { name: /^Verification on held-out identities/ });
  await expect(table.getByRole('row', { name: /^SST/ }).getByRole('cell').first()).toHaveText(/^0\.\d{3} ± 0\.\d{3}$/);
  await expect(table.getByRole('row', { name: /^SST/ }).getByRole('cell').nth(2)).toHaveText(/^[01]\.\d{3}$/);
  await expect(table).toContainText(
    `Rank-1 over ${LFW_SHAPE.rank1Identities} of ${LFW_SHAPE.heldOut} held-out identities (those with ≥ 2 test images), ${LFW_SHAPE.rank1Probes} probes.`,
  );
  await expect(page.getByText(/Building the session failed/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('refuses a folder whose pairs.txt holds out every identity, saying so, keeping the form', async ({ page }) => {
  await page.goto('/?preset=smoke');
  const all = join(await mkdtemp(join(tmpdir(), 'masst-faces-')), 'all');
  await cp('e2e/fixtures/faces', all, { recursive: true });
  const names = (await readdir(all, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const at = (i: number): string => names[i % names.length] as string;
  const folds = Array.from({ length: 10 }, (_, f) => [
    `${at(f)}\t1\t2`,
    `${at(f + 10)}\t2\t3`,
    `${at(f)}\t1\t${at(f + 1)}\t2`,
    `${at(f + 10)}\t1\t${at(f + 11)}\t3`,
  ]);
  await writeFile(join(all, 'pairs.txt'), `10\t2\n${folds.flat().join('\n')}\n`);
  await page.getByLabel('Your faces', { exact: true }).setInputFiles(all);
  const section = page.getByRole('region', { name: 'Your faces section' });
  await expect(section.getByRole('alert')).toHaveText(
    'Your faces: pairs.txt holds out all 20 identities of the folder "all" (every identity it names stays out of training), leaving none to train on; training needs at least 2 identities with 2 or more readable images that pairs.txt does not name: add such identities to the folder, or name fewer people in pairs.txt.',
  );
  await expect(section).toContainText('Synthetic faces generated from the seed.');
  await expect(page.getByLabel('Training IDs', { exact: true })).toHaveValue('64');
});
