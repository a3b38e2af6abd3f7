/**
 * Results back from PyTorch (issue 21): a results.json that the exported PyTorch project really
 * wrote (the built `dist-cli/export-torch.js` exports smoke, 6 steps with Debian's python3-torch) imported through "Import run" is drawn
 * as ghosts named "<file> (PyTorch): <method> seed N" and listed as from PyTorch. Skipped, saying
 * so, without a python3 with PyTorch (src/cli/torchPython.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { torchPython } from '../src/cli/torchPython';

const python = torchPython();
// The built exporter (`npm run test:e2e` builds dist-cli), as a user runs `npm run export-torch`.
const exporter = fileURLToPath(new URL('../dist-cli/export-torch.js', import.meta.url));
const legendOf = (page: Page, chart: string) =>
  page.locator('.svg-chart', { has: page.getByRole('img', { name: chart }) }).locator('.chart-legend');

test('a results.json trained in PyTorch imports as ghosts labelled PyTorch', async ({ page }) => {
  test.skip(python === null, 'no python3 with PyTorch (apt-get install python3-torch, or set MASST_PYTHON)');
  const dir = join(await mkdtemp(join(tmpdir(), 'masst-torch-e2e-')), 'project');
  const exported = spawnSync(
    process.execPath,
    [
      exporter,
      '--out',
      dir,
      '--preset',
      'smoke',
      '--steps',
      '6',
      '--eval-every',
      '3',
      '--methods',
      'sst,masst2',
      '--no-reference',
    ],
    { encoding: 'utf8', timeout: 60_000 },
  );
  expect(exported.status, exported.stderr).toBe(0);
  const trained = spawnSync(python as string, ['train.py', '--threads', '1'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  expect(trained.status, trained.stderr).toBe(0);

  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke');
  await page.getByLabel('Import run', { exact: true }).setInputFiles(join(dir, 'results.json'));
  for (const label of ['SST', 'MASST K=2']) {
    await expect(legendOf(page, 'Training loss by step')).toContainText(`results.json (PyTorch): ${label} seed 1`);
    await expect(legendOf(page, 'Verification accuracy by step')).toContainText(
      `results.json (PyTorch): ${label} seed 1`,
    );
  }
  await expect(page.getByRole('list', { name: 'Imported runs' })).toContainText(
    'results.json (PyTorch): 2 runs, 6 steps',
  );
  expect(errors).toEqual([]);
});
