/**
 * A full disk without filling one: the runner's file writes take their file operations (or their
 * writer) as a parameter, and here those throw ENOSPC like a full disk does, after writing half
 * the bytes. What was written stays, no temporary file is left, the error names the file, the disk
 * and the code, a checkpoint that cannot be saved does not stop training, and the table is printed.
 */
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../core/eval/report';
import { presetConfig } from '../core/presets';
import type { WriteFn, WriteOps } from './atomicWrite';
import { writeAtomically } from './atomicWrite';
import { savingWhilePossible } from './checkpointFiles';
import { finishExperiment } from './finish';
import type { ResultsFile } from '../core/results/resultsFile';
import { writeResults } from './results';
import { collectResults } from '../core/results/resultsFile';
import type { RunResult } from '../core/results/resultsFile';

const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Node's file operations, except that a write to a matching path stores half its bytes, then fails. */
function fullDiskOps(fails: (path: string) => boolean): WriteOps {
  return {
    writeFile: async (path, data) => {
      if (!fails(path)) return writeFile(path, data);
      await writeFile(path, data.slice(0, Math.floor(data.length / 2)));
      throw enospc();
    },
    rename,
    rm,
  };
}

const report = {
  accuracy: 0.75,
  accuracyStdErr: 0.01,
  auc: 0.8,
  rank1: 0.5,
  tarAtFar: { '0.1': 0.4, '0.01': null },
  lookalikeAccuracy: null,
  pairs: 20,
} as unknown as EvalReport;
const smoke = presetConfig('smoke');
const config = {
  ...smoke,
  steps: 4,
  runs: [{ method: 'sst' as const, agents: 1 }],
  analysis: { ...smoke.analysis, every: 0 },
};

function finishedRun(seed: number): RunResult {
  return {
    method: 'sst',
    agents: 1,
    label: 'SST',
    seed,
    history: [1, 2, 3, 4].map((step) => ({ step, loss: 1 / step, lr: 0.1 })),
    evals: [],
    eval: report,
    interrupted: false,
    diverged: null,
    msPerStep: 1,
    msPerEval: 1,
    analysis: { lipschitz: [], landscape1d: null, landscape2d: null, landscape1dHistory: [], agents: [] },
  };
}

const results = (): ResultsFile =>
  collectResults(
    { ...config, seed: 1 },
    [1, 2],
    [1, 2].map((seed) => ({ seed, runs: [finishedRun(seed)], untrained: report })),
    'cpu',
    { workers: 1, wallSeconds: 1 },
    true,
  );

describe('writes on a full disk', () => {
  it('writeAtomically removes its temporary file, keeps the old file and names the file, the disk and ENOSPC', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'masst-full-'));
    const path = join(dir, 'results.json');
    await writeFile(path, 'the earlier results\n');
    await expect(
      writeAtomically(
        path,
        'x'.repeat(1000),
        fullDiskOps(() => true),
      ),
    ).rejects.toThrow(`${path} could not be written: no space left on the device that holds ${dir} (ENOSPC)`);
    expect(await readdir(dir)).toEqual(['results.json']);
    expect(await readFile(path, 'utf8')).toBe('the earlier results\n');
  });

  it('writeResults keeps results.json when runs.csv after it does not fit, and leaves no .tmp', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'masst-full-'));
    const ops = fullDiskOps((p) => p.includes('runs.csv'));
    const write: WriteFn = (p, d) => writeAtomically(p, d, ops);
    await expect(writeResults(dir, results(), write)).rejects.toThrow(
      `${join(dir, 'runs.csv')} could not be written: no space left on the device that holds ${dir} (ENOSPC)`,
    );
    expect((await readdir(dir)).sort()).toEqual(['results.json']);
    expect((JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ResultsFile).runs).toHaveLength(2);
  });

  it('prints the table when results.json cannot be written, names the error and exits 1', async () => {
    const [out, err]: [string[], string[]] = [[], []];
    const code = await finishExperiment(results(), '/data/exp', '3.0 s wall on 1 workers', {
      write: () =>
        Promise.reject(
          new Error(
            '/data/exp/results.json could not be written: no space left on the device that holds /data/exp (ENOSPC)',
          ),
        ),
      after: () => Promise.reject(new Error('probes must not be written after a failed write')),
      stdout: (t) => out.push(t),
      stderr: (t) => err.push(t),
    });
    expect(code).toBe(1);
    expect(out.join('')).toMatch(/^method +accuracy[^\n]*\n[- ]+\nUntrained probe[^\n]*\nSST +0\.750 /m);
    expect(err.join('')).toBe(
      '3.0 s wall on 1 workers; the results above are not all on disk: /data/exp/results.json could not be written: no space left on the device that holds /data/exp (ENOSPC). The files written before it are kept and no temporary file is left; once there is space, --resume /data/exp continues from the checkpoints on disk and writes them again.\n',
    );
  });

  it('a checkpoint that cannot be saved is told once and training goes on', async () => {
    const warnings: string[] = [];
    let tries = 0;
    const save = savingWhilePossible(
      async (step: number) => {
        tries += 1;
        throw new Error(
          `/data/exp/checkpoints/1-sst.ckpt could not be written at step ${step}: no space left on the device that holds /data/exp/checkpoints (ENOSPC)`,
        );
      },
      (m) => warnings.push(m),
    );
    await save(5);
    await save(10);
    expect(tries).toBe(2);
    expect(warnings).toEqual([
      '/data/exp/checkpoints/1-sst.ckpt could not be written at step 5: no space left on the device that holds /data/exp/checkpoints (ENOSPC); training goes on without checkpoints, its results stay in memory until results.json is written',
    ]);
  });
});
