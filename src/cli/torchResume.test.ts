/**
 * `train.py --resume` of the exported PyTorch project: a run stopped after step 3 (`--stop-after
 * 3`, its whole training state written) and resumed ends on the very numbers of the run never
 * stopped (every loss, evaluation and the final report; on the CPU, bit for bit), for SST and
 * MASST K=2 with per-agent queues and staggered agents (queues, agents and generators restored);
 * a second --resume trains nothing. Needs a python3 with PyTorch (exportTorch.test.ts); skipped,
 * saying so, without.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultsFile, RunResult } from '../core/results/resultsFile';
import { exportTorchProject } from './exportTorch';
import { parseExportTorchArgs } from './exportTorchArgs';
import { torchPython } from './torchPython';

const python = torchPython();
if (python === null)
  process.stderr.write(
    'torchResume.test.ts: SKIPPED, no python3 with PyTorch (apt-get install python3-torch, or set MASST_PYTHON)\n',
  );

function py(dir: string, args: string[]): { status: number | null; stderr: string } {
  const r = spawnSync(python as string, ['train.py', '--threads', '1', '--checkpoint-every', '2', ...args], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 90_000,
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { status: r.status, stderr: `${r.stderr}${r.error ? String(r.error) : ''}` };
}

/** A run without its timings (they differ between any two runs). */
const numbers = (run: RunResult): unknown => ({ ...run, msPerStep: 0, msPerEval: 0 });

describe.skipIf(python === null)('train.py --resume', () => {
  let dir = '';
  let whole: ResultsFile;
  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'masst-torch-resume-')), 'project');
    const flags = [
      '--out',
      dir,
      '--preset',
      'smoke',
      '--steps',
      '6',
      '--eval-every',
      '2',
      '--methods',
      'sst,masst2',
      '--seeds',
      '1',
      '--no-reference',
      '--set',
      'masst.queueMode=perAgent',
      '--set',
      'masst.agentInit=staggered',
      '--set',
      'gallery.queueSize=16',
    ];
    await exportTorchProject(parseExportTorchArgs(flags), 'test resume', 'im2col');
    const r = py(dir, ['--out', 'whole.json']);
    if (r.status !== 0) throw new Error(`train.py exited ${r.status}: ${r.stderr}`);
    whole = JSON.parse(await readFile(join(dir, 'whole.json'), 'utf8')) as ResultsFile;
  }, 120_000);

  it('continues a run stopped after step 3 to the numbers of the run never stopped', async () => {
    const stopped = py(dir, ['--out', 'resumed.json', '--stop-after', '3']);
    expect(stopped.status, stopped.stderr).toBe(3);
    expect(stopped.stderr).toContain('stopped SST seed 1 after step 3 (--stop-after); its checkpoint is ');
    const resumed = py(dir, ['--out', 'resumed.json', '--resume']);
    expect(resumed.status, resumed.stderr).toBe(0);
    const file = JSON.parse(await readFile(join(dir, 'resumed.json'), 'utf8')) as ResultsFile;
    expect(file.runs.map((r) => r.label)).toEqual(['SST', 'MASST K=2']);
    expect(file.runs[0]?.history.map((h) => h.step)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(file.runs[0]?.evals.map((e) => e.step)).toEqual([2, 4]);
    // The probe file differs only in its folder (resumed-weights/, whole-weights/).
    const same = (runs: RunResult[]) =>
      runs.map((r) =>
        numbers({
          ...r,
          probeFile: (r as RunResult & { probeFile: string }).probeFile.replace(/^\w+-weights/, ''),
        } as RunResult),
      );
    expect(same(file.runs)).toEqual(same(whole.runs));
  });

  it('takes finished runs as they are when resumed again, and refuses a checkpoint of another config', async () => {
    const before = await readFile(join(dir, 'resumed.json'), 'utf8');
    const again = py(dir, ['--out', 'resumed.json', '--resume']);
    expect(again.status, again.stderr).toBe(0);
    const runs = (text: string) => (JSON.parse(text) as ResultsFile).runs;
    expect(runs(await readFile(join(dir, 'resumed.json'), 'utf8'))).toEqual(runs(before));
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as { optim: { lr: number } };
    await writeFile(join(dir, 'config.json'), JSON.stringify({ ...config, optim: { ...config.optim, lr: 0.05 } }));
    const other = py(dir, ['--out', 'resumed.json', '--resume']);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(
      /sst-seed1\.state\.pt: the checkpoint of another config or run \(config\.json, or the run, changed since\); delete it/,
    );
  });
});
