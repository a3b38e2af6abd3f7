/**
 * "Import probe" end to end (issue 21, item 2), each test on a 3-step smoke comparison of SST.
 * 1. A probe trained in PyTorch comes back: the built exporter (`dist-cli/export-torch.js`) exports
 *    smoke, Debian's python3-torch trains it 4 steps and its to_tfjs.py converts the probe (while
 *    the page trains); model.json and weights.bin picked through "Import probe" get a results row
 *    labelled PyTorch with numbers and a ghost panel in the Embeddings view. Skipped, saying so,
 *    without a python3 with PyTorch (src/cli/torchPython.ts).
 * 2. Without Python: the page's own SST probe, saved with "Download probe" and imported back as its
 *    zip, gets exactly the SST row's numbers and a ghost; then a probe of another net (a zip made
 *    by the page's exporter for 3-channel images and 8-D embeddings) is refused naming each misfit,
 *    and the imported row stays.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { probeZip } from '../src/core/export/probeZip';
import { randomProbe } from '../src/test/probeFixture';
import { torchPython } from '../src/cli/torchPython';
import { trainUntilStep } from './runs';

const run = promisify(execFile);
const python = torchPython();
const exporter = fileURLToPath(new URL('../dist-cli/export-torch.js', import.meta.url));
const TITLE = 'PyTorch probe: SST · seed 1, step 4 of 4 (trained in PyTorch)';

/** Export smoke, train it 4 steps in PyTorch, convert the probe: the folder to_tfjs.py wrote. */
async function torchProbe(dir: string): Promise<string> {
  const env = { ...process.env, OMP_NUM_THREADS: '1' };
  await run(
    process.execPath,
    [
      exporter,
      '--out',
      dir,
      '--preset',
      'smoke',
      '--steps',
      '4',
      '--eval-every',
      '0',
      '--methods',
      'sst',
      '--no-reference',
    ],
    { timeout: 60_000 },
  );
  await run(python as string, ['train.py', '--threads', '1'], { cwd: dir, env, timeout: 60_000 });
  await run(python as string, ['to_tfjs.py', '.'], { cwd: dir, env, timeout: 60_000 });
  return join(dir, 'probes', 'sst-seed1');
}

const rowOf = (page: Page, name: string | RegExp) =>
  page
    .getByRole('table')
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });

/** A 3-step smoke comparison of SST, trained; the page's errors are collected. */
async function trainSmoke(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke&methods=sst&steps=3&evalEvery=3&smoothEvery=0&sliceEvery=0');
  await trainUntilStep(page, 3, 1);
  return errors;
}

test('a probe trained in PyTorch imports with a results row and an Embeddings ghost', async ({ page }) => {
  test.skip(python === null, 'no python3 with PyTorch (apt-get install python3-torch, or set MASST_PYTHON)');
  const dir = await mkdtemp(join(tmpdir(), 'masst-import-probe-'));
  const converted = torchProbe(join(dir, 'project'));
  const errors = await trainSmoke(page);
  const folder = await converted;

  await page
    .getByLabel('Import probe', { exact: true })
    .setInputFiles([join(folder, 'model.json'), join(folder, 'weights.bin')]);
  const row = rowOf(page, `${TITLE} imported`);
  // One seed: accuracy ± its standard error, then AUC, as the runs' rows.
  await expect(row.getByRole('cell').first()).toHaveText(/^0\.\d{3} ± 0\.\d{3}$/);
  await expect(row.getByRole('cell').nth(1)).toHaveText(/^0\.\d{3}$/);
  await expect(rowOf(page, 'SST')).toHaveCount(1);
  const embeddings = page.getByRole('figure', { name: 'Embeddings' });
  await expect(embeddings.getByRole('heading', { name: `${TITLE} imported`, exact: true })).toBeVisible();
  await expect(
    embeddings.getByRole('img', { name: /^\d+ held-out identities embedded by the imported probe;/ }),
  ).toBeVisible();
  await expect(page.getByRole('list', { name: 'Imported probes' })).toContainText(TITLE);
  expect(errors).toEqual([]);
});

test("the page's own probe imported back scores as its run; a probe that does not fit is named", async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'masst-import-probe-'));
  const errors = await trainSmoke(page);
  const pick = page.getByLabel('Import probe', { exact: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download probe: SST', exact: true }).click();
  const own = join(dir, (await download).suggestedFilename());
  await (await download).saveAs(own);
  await pick.setInputFiles(own);
  const ownRow = rowOf(page, /^Imported probe: SST · seed \d+, step 3 of 3 \(preset smoke\) imported$/);
  const sstRow = rowOf(page, 'SST');
  await expect(ownRow.getByRole('cell').first()).toHaveText(/^0\.\d{3} ± 0\.\d{3}$/);
  // Accuracy, AUC, rank-1, TAR@FAR and look-alikes: the same evaluation of the same net.
  expect(await ownRow.getByRole('cell').allTextContents()).toEqual(await sstRow.getByRole('cell').allTextContents());
  const embeddings = page.getByRole('figure', { name: 'Embeddings' });
  await expect(
    embeddings.getByRole('img', { name: /^\d+ held-out identities embedded by the imported probe;/ }),
  ).toBeVisible();

  const other = probeZip(randomProbe('tiny', 3, 7), 'masst-other', 'SST', 1);
  const zipPath = join(dir, other.filename);
  await writeFile(zipPath, Buffer.concat(other.chunks));
  await pick.setInputFiles(zipPath);
  const alert = page.getByRole('region', { name: 'Import probes' }).getByRole('alert');
  await expect(alert).toContainText('Import probe: test tiny does not fit this comparison:');
  await expect(alert).toContainText('channels (data.channels): the probe takes 3, the comparison needs 1 (grey)');
  await expect(alert).toContainText(
    'embedding size (model.embedDim): the probe gives 8, the comparison needs 32. Nothing was imported',
  );
  await expect(ownRow).toHaveCount(1);
  await expect(sstRow).toHaveCount(1);
  await expect(embeddings.getByRole('img', { name: /embedded by the imported probe/ })).toHaveCount(1);
  expect(errors).toEqual([]);
});
