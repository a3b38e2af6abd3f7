/**
 * "Your faces" end to end: the synthetic test folder (e2e/fixtures/faces, LFW layout with an LFW
 * 10-fold pairs.txt) plus one file that only looks like a JPEG is picked through the folder
 * input; the form is fitted to it, two steps train on it, the evaluation uses exactly its 20
 * pairs, the bad file is named, and no request leaves the page. A folder without identity folders
 * and a broken pairs.txt are refused with messages naming them, changing nothing.
 */
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { ResultsFile } from '../src/core/results/resultsFile';
import { trainUntilStep } from './runs';

async function folderWithBadFile(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'masst-faces-')), 'faces');
  await cp('e2e/fixtures/faces', dir, { recursive: true });
  await writeFile(join(dir, 'Ada_Synthetic', 'Ada_Synthetic_0004.jpg'), 'this is not a JPEG');
  return dir;
}

test('trains two steps on a picked face folder and evaluates on its pairs.txt, nothing leaving the page', async ({
  page,
}) => {
  const offsite: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).hostname !== '127.0.0.1') offsite.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke&steps=2&evalEvery=2&smoothEvery=0&sliceEvery=0&batch=4&queue=4');
  await page.getByLabel('Your faces', { exact: true }).setInputFiles(await folderWithBadFile());
  const section = page.getByRole('region', { name: 'Your faces section' });
  await expect(section).toContainText(
    "Your faces from faces: 20 identities, 61 images; 20 pairs from pairs.txt (LFW's 10 folds).",
  );
  await expect(section.getByRole('status')).toHaveText('Fitted to the folder: Training IDs 64 → 16.');

  await trainUntilStep(page, 2);
  await expect(
    page.getByText(
      "Your faces, from the folder faces (20 identities, 60 images): 16 training identities, 32 images, 4 held-out identities · pairs.txt (LFW's 10 folds)",
    ),
  ).toBeVisible();
  await expect(page.getByText('1 image could not be read and was left out')).toBeVisible();
  await page.getByText('1 image could not be read and was left out').click();
  await expect(
    page.getByText(
      'faces/Ada_Synthetic/Ada_Synthetic_0004.jpg: not a JPEG or PNG image (its first bytes are neither); skipped',
    ),
  ).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download results' }).click();
  const results = JSON.parse(await readFile(await (await download).path(), 'utf8')) as ResultsFile;
  expect(results.faces).toMatchObject({
    folder: 'faces',
    pairsFile: 'faces/pairs.txt',
    identities: 20,
    images: 60,
    pairsFormat: 'lfw-10-fold',
  });
  expect(results.runs.map((r) => r.eval?.pairs)).toEqual([20, 20, 20]);
  expect(results.runs.every((r) => r.history.length === 2)).toBe(true);
  expect(offsite).toEqual([]);
  expect(errors).toEqual([]);
});

test('refuses a folder without identity folders and a broken pairs.txt, naming them, keeping the form', async ({
  page,
}) => {
  await page.goto('/?preset=smoke');
  const root = await mkdtemp(join(tmpdir(), 'masst-faces-'));
  const holiday = join(root, 'holiday');
  await mkdir(holiday);
  await writeFile(join(holiday, 'beach.jpg'), 'x');
  await writeFile(join(holiday, 'notes.txt'), 'x');
  const input = page.getByLabel('Your faces', { exact: true });
  await input.setInputFiles(holiday);
  const section = page.getByRole('region', { name: 'Your faces section' });
  await expect(section.getByRole('alert')).toHaveText(
    'Your faces: the folder "holiday" holds no JPEG or PNG image inside an identity folder (expected Person_Name/Person_Name_0001.jpg; 2 files seen).',
  );
  await expect(section).toContainText('Synthetic faces generated from the seed.');

  const broken = join(root, 'broken');
  await cp('e2e/fixtures/faces', broken, { recursive: true });
  await writeFile(join(broken, 'pairs.txt'), '10\t1\nQuin_Synthetic\t1\t9\nnot a pair line\n');
  await input.setInputFiles(broken);
  await expect(section.getByRole('alert')).toContainText(
    'Your faces: pairs.txt: 0 valid same-person and 0 valid different-person pairs; at least 10 of each are needed for 10-fold verification (pairs.txt line 2: names Quin_Synthetic image 0009, which the folder lacks; skipped; pairs.txt line 3: "not a pair line" is malformed',
  );
  await expect(section).toContainText('Synthetic faces generated from the seed.');
  await expect(page.getByLabel('Training IDs', { exact: true })).toHaveValue('64');
});
