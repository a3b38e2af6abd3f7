/**
 * A results.json that the exported PyTorch project really wrote (export smoke, train 6 steps with
 * PyTorch) read back two ways: the page imports it as ghost runs labelled "PyTorch", and the
 * built runner's `--resume` refuses it, naming the source, rather than mixing it with runner
 * checkpoints. Needs a python3 with PyTorch (exportTorch.test.ts) and the built runner
 * (`npx vite build -c vite.cli.config.ts`); skipped, saying so, without.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRunFile } from '../ui/import/runFile';
import { ghostRuns } from '../ui/import/ghosts';
import { exportTorchProject } from './exportTorch';
import { parseExportTorchArgs } from './exportTorchArgs';
import { torchPython } from './torchPython';

const python = torchPython();
if (python === null)
  process.stderr.write(
    'torchResults.test.ts: SKIPPED, no python3 with PyTorch (apt-get install python3-torch, or set MASST_PYTHON)\n',
  );
const runner = fileURLToPath(new URL('../../dist-cli/experiment.js', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

describe.skipIf(python === null)('a results.json written by the exported PyTorch project', () => {
  let dir = '';
  let text = '';
  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'masst-torch-results-')), 'project');
    const flags = [
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
      '--seeds',
      '1,2',
      '--no-reference',
    ];
    await exportTorchProject(parseExportTorchArgs(flags), 'test results', 'im2col');
    const r = spawnSync(python as string, ['train.py', '--threads', '1'], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, OMP_NUM_THREADS: '1' },
    });
    if (r.status !== 0) throw new Error(`train.py exited ${r.status}: ${r.stderr}`);
    text = await readFile(join(dir, 'results.json'), 'utf8');
  }, 120_000);

  it('says it comes from PyTorch', () => {
    expect((JSON.parse(text) as { source: unknown }).source).toBe('pytorch');
  });

  it('imports in the page as ghost runs of each method and seed, labelled PyTorch', () => {
    const parsed = parseRunFile('results.json', text);
    if (!parsed.ok) throw new Error(parsed.message);
    const runs = ghostRuns({ id: 7, fileName: 'results.json', file: parsed.file });
    expect(runs.map((g) => g.name)).toEqual([
      'results.json (PyTorch): SST seed 1',
      'results.json (PyTorch): MASST K=2 seed 1',
      'results.json (PyTorch): SST seed 2',
      'results.json (PyTorch): MASST K=2 seed 2',
    ]);
    for (const g of runs) {
      expect(g.steps).toEqual([1, 2, 3, 4, 5, 6]);
      expect(g.loss.every(Number.isFinite)).toBe(true);
      expect(g.evals.map((e) => e.step)).toEqual([3, 6]);
      expect(g.latest?.accuracy).toBeGreaterThan(0);
    }
  });

  it.skipIf(!existsSync(runner))("is refused by the runner's --resume, naming its source", () => {
    const r = spawnSync(process.execPath, [runner, '--resume', dir], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `${join(dir, 'results.json')} was written by the exported PyTorch project (source: "pytorch"); --resume continues only runner experiments`,
    );
  });
});
