/**
 * A sweep back from PyTorch (issue 21): the built `dist-cli/export-torch.js --sweep` exports a
 * 2-cell smoke sweep (6 steps, SST and MASST K=2 on seed 1, over masst.agentAlpha), Debian's
 * python3-torch trains it with `run_sweep.py --parallel 2`, and the page's Import sweep reads the
 * merged sweep.json: the heatmap has its two cells and the section says the sweep was trained in
 * PyTorch. Skipped, saying so, without a python3 with PyTorch (src/cli/torchPython.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { torchPython } from '../src/cli/torchPython';

const python = torchPython();
const exporter = fileURLToPath(new URL('../dist-cli/export-torch.js', import.meta.url));
const SPEC = {
  preset: 'smoke',
  set: ['steps=6', 'eval.every=3'],
  axes: [{ path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] }],
  methods: 'sst,masst2',
  seeds: [1],
};

test('a sweep trained in PyTorch imports into the Sweep heatmap, marked as PyTorch', async ({ page }) => {
  test.skip(python === null, 'no python3 with PyTorch (apt-get install python3-torch, or set MASST_PYTHON)');
  const base = await mkdtemp(join(tmpdir(), 'masst-torch-sweep-e2e-'));
  await writeFile(join(base, 'spec.json'), JSON.stringify(SPEC));
  const dir = join(base, 'project');
  const exported = spawnSync(process.execPath, [exporter, '--sweep', join(base, 'spec.json'), '--out', dir], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(exported.status, exported.stderr).toBe(0);
  const trained = spawnSync(python as string, ['run_sweep.py', '--parallel', '2', '--threads', '1'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(trained.status, trained.stderr).toBe(0);

  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/?preset=smoke');
  const section = page.getByRole('region', { name: 'Sweep', exact: true });
  await section.getByLabel('Import sweep').setInputFiles(join(dir, 'sweep.json'));
  await expect(page.getByRole('figure', { name: 'Sweep', exact: true }).getByRole('button')).toHaveCount(2);
  await expect(section).toContainText('sweep.json: 2 cells × 2 methods × 1 seeds (1), preset smoke, pytorch;');
  await expect(section).toContainText('Note: trained in PyTorch (torch ');
  expect(errors).toEqual([]);
});
