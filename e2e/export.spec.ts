/**
 * "Export as PyTorch project" end to end: a 5-step smoke comparison, the button, the download
 * caught by Playwright and read with Python's zipfile (the project's files, config.json's steps,
 * each seed's arrays, no reference); with PyTorch installed, the unzipped project trains and
 * writes results.json. An option the export cannot carry is named in an alert, and nothing downloads.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { trainUntilStep } from './runs';

const PYTHON = '/usr/bin/python3';
const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;

test('exports a smoke comparison as a PyTorch project zip', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke&steps=5&evalEvery=5&smoothEvery=0&sliceEvery=0');
  await trainUntilStep(page, 5);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as PyTorch project' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^masst-pytorch-seed-\d+\.zip$/);
  expect(file.url()).toMatch(/^blob:/);
  const dir = await mkdtemp(join(tmpdir(), 'masst-export-'));
  const zipPath = join(dir, file.suggestedFilename());
  await file.saveAs(zipPath);
  await expect(page.getByRole('status').filter({ hasText: /^Downloaded masst-pytorch-seed-\d+\.zip/ })).toBeVisible();

  const read = spawnSync(
    PYTHON,
    [
      '-c',
      [
        'import json, sys, zipfile',
        'z = zipfile.ZipFile(sys.argv[1])',
        'assert z.testzip() is None',
        'names = z.namelist()',
        'root = names[0].split("/")[0]',
        'print(json.dumps({"names": [n[len(root) + 1:] for n in names], "config": json.loads(z.read(root + "/config.json")), "export": json.loads(z.read(root + "/export.json"))}))',
        'z.extractall(sys.argv[2])',
      ].join('\n'),
      zipPath,
      dir,
    ],
    { encoding: 'utf8' },
  );
  expect(read.status, read.stderr).toBe(0);
  const {
    names,
    config,
    export: exported,
  } = JSON.parse(read.stdout) as {
    names: string[];
    config: { steps: number; seed: number };
    export: { seeds: number[]; reference: boolean };
  };
  for (const f of ['train.py', 'masst_data.py', 'masst_model.py', 'config.json', 'export.json', 'README.md'])
    expect(names).toContain(f);
  expect(config.steps).toBe(5);
  expect(exported.reference).toBe(false);
  expect(exported.seeds).toEqual([config.seed]);
  for (const f of [
    'index.json',
    'train_pixels.f32',
    'train_labels.i32',
    'test_pixels.f32',
    'pairs_a.i32',
    'pairs_same.u8',
  ])
    expect(names).toContain(`data/seed-${config.seed}/${f}`);
  expect(names.some((n) => n.startsWith('reference/'))).toBe(false);
  expect(errors).toEqual([]);

  // A plus when PyTorch is here: the project as downloaded trains its 5 steps and writes results.json.
  test.skip(!hasTorch, `no PyTorch in ${PYTHON}: the zip is checked, the training is not`);
  const project = join(dir, file.suggestedFilename().replace(/\.zip$/, ''));
  const train = spawnSync(PYTHON, ['train.py', '--device', 'cpu', '--threads', '1', '--out', 'results.json'], {
    cwd: project,
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(train.status, `${train.stdout}\n${train.stderr}`).toBe(0);
  const results = spawnSync(PYTHON, ['-c', 'import json; r = json.load(open("results.json")); print(len(r["runs"]))'], {
    cwd: project,
    encoding: 'utf8',
  });
  expect(results.status, results.stderr).toBe(0);
  expect(Number(results.stdout.trim())).toBe(3);
  // Its trained probes convert to the page's TF.js folders (src/cli/torchProbe.test.ts loads them).
  const convert = spawnSync(PYTHON, ['to_tfjs.py', '.'], { cwd: project, encoding: 'utf8', timeout: 60_000 });
  expect(convert.status, convert.stderr).toBe(0);
  expect((await readdir(join(project, 'probes'))).sort()).toEqual(
    ['conventional', 'masst-k-4', 'sst'].map((run) => `${run}-seed${config.seed}`),
  );
});

test('names the option it cannot export in an alert instead of downloading', async ({ page }) => {
  let downloads = 0;
  page.on('download', () => (downloads += 1));
  await page.goto('/?preset=smoke&steps=20&evalEvery=5&smoothEvery=10&sliceEvery=0');
  await page.getByRole('button', { name: 'Export as PyTorch project' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'there is no comparison yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await page.getByRole('button', { name: 'Export as PyTorch project' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Cannot export this comparison as a PyTorch project' });
  await expect(alert).toContainText('analysis.every = 10 is not supported by the export');
  await expect(alert).toContainText('"Smoothness check every (steps)", smoothEvery in the URL');
  await expect(alert).not.toContainText('analysis.slice2d');
  expect(downloads).toBe(0);
});
