/**
 * A sweep taken to PyTorch and back: `export-torch --sweep` of a 2-cell smoke sweep (6 steps,
 * SST and MASST K=2 on seeds 1 and 2, over masst.agentAlpha), `run_sweep.py --parallel 2`, and
 * the merged sweep.json read by the page's parser (core/sweep/readFile.ts) with its numbers equal
 * to the cells' own results and to the playground's summarizeCell on them; a second run_sweep.py
 * trains nothing; a cell retrained under torchrun with 2 processes says so. Needs a python3 with
 * PyTorch (exportTorch.test.ts); skipped, saying so, without.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../core/config';
import type { ResultsFile } from '../core/results/resultsFile';
import { runKey } from '../core/sweep/runKey';
import { parseSweepFile } from '../core/sweep/readFile';
import type { SweepSpec } from '../core/sweep/spec';
import { expandSweep } from '../core/sweep/spec';
import { summarizeCell } from '../core/sweep/summary';
import { parseRunFile } from '../ui/import/runFile';
import { parseExportTorchCommand } from './exportTorchArgs';
import { exportTorchSweep } from './exportTorchSweep';
import { torchPython } from './torchPython';

const python = torchPython();
if (python === null)
  process.stderr.write(
    'torchSweep.test.ts: SKIPPED, no python3 with PyTorch (apt-get install python3-torch, or set MASST_PYTHON)\n',
  );

const SPEC: SweepSpec = {
  preset: 'smoke',
  set: ['steps=6', 'eval.every=3'],
  axes: [{ path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] }],
  methods: 'sst,masst2',
  seeds: [1, 2],
};

function py(dir: string, args: string[], timeout = 90_000): { status: number | null; stderr: string } {
  const r = spawnSync(python as string, args, {
    cwd: dir,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, OMP_NUM_THREADS: '1', PYTHONDONTWRITEBYTECODE: '1' },
  });
  return { status: r.status, stderr: `${r.stderr}${r.error ? String(r.error) : ''}` };
}

async function exportSweep(file: string, out: string): Promise<string[]> {
  const parsed = parseExportTorchCommand(['--sweep', file, '--out', out]);
  if (parsed.kind !== 'sweep') throw new Error('expected the sweep mode');
  return exportTorchSweep(parsed.args, 'test sweep');
}

interface PlanFile {
  cells: Array<{
    index: number;
    config: ExperimentConfig;
    runs: Array<{ key: string; label: string; method: string; agents: number; seed: number; owner: number }>;
  }>;
}

describe.skipIf(python === null)('a sweep exported to PyTorch (run_sweep.py)', () => {
  let dir = '';
  let first = { status: null as number | null, stderr: '' };
  let sweepText = '';
  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), 'masst-torch-sweep-'));
    await writeFile(join(base, 'spec.json'), JSON.stringify(SPEC));
    dir = join(base, 'project');
    await exportSweep(join(base, 'spec.json'), dir);
    first = py(dir, ['run_sweep.py', '--parallel', '2', '--threads', '1']);
    sweepText = await readFile(join(dir, 'sweep.json'), 'utf8');
  }, 150_000);

  it("trains both cells side by side, with a progress line per change, and writes a sweep.json the page reads as PyTorch's", () => {
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('run_sweep: 2 cells, 0 finished earlier (skipped), 2 to train, 2 at a time');
    expect(first.stderr).toMatch(/run_sweep: cells 0\/2 finished \(0 earlier\) · running 0, 1 · failed none/);
    expect(first.stderr).toMatch(/run_sweep: cells 2\/2 finished \(0 earlier\) · running none · failed none/);
    const parsed = parseSweepFile('sweep.json', sweepText);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.file.source).toBe('pytorch');
    expect(parsed.file.backend).toBe('pytorch');
    expect(parsed.file.notes[0]).toMatch(
      /^trained in PyTorch \(torch .* cpu x1\) by the exported project's train\.py --cell N/,
    );
    expect(parsed.file.runs).toEqual({ grid: 8, distinct: 6, trained: 6, reused: 0 });
    // The preset's landscape measurements are switched off in the spec, before the sweep's own set.
    expect(parsed.file.spec.set).toEqual([
      'analysis.every=0',
      'analysis.landscapeEvery=0',
      'analysis.slice2d=false',
      ...SPEC.set,
    ]);
  });

  it("keeps the runner's run keys (backend pytorch), trains SST once for both cells and gives each cell its runs", async () => {
    const file = JSON.parse(sweepText) as {
      cells: Array<{ runs: Array<{ key: string; label: string; seed: number; accuracy: number }> }>;
    };
    const plan = JSON.parse(await readFile(join(dir, 'sweep-plan.json'), 'utf8')) as PlanFile;
    for (const cell of plan.cells) {
      for (const run of cell.runs)
        expect(run.key).toBe(
          runKey({ ...cell.config, seed: run.seed }, { method: run.method as 'sst', agents: run.agents }, 'pytorch'),
        );
    }
    const [a, b] = file.cells;
    const sst = (c: typeof a) => c?.runs.filter((r) => r.label === 'SST');
    expect(sst(a)).toEqual(sst(b));
    expect(a?.runs.find((r) => r.label === 'MASST K=2')?.key).not.toBe(
      b?.runs.find((r) => r.label === 'MASST K=2')?.key,
    );
    // Cell 1 owns only its MASST runs; SST's are in cell 0's folder.
    expect((await readdir(join(dir, 'cells/cell-1/runs'))).sort()).toEqual(
      plan.cells[1]?.runs
        .filter((r) => r.owner === 1)
        .map((r) => `${r.key}.json`)
        .sort(),
    );
    expect(plan.cells[1]?.runs.filter((r) => r.owner === 1).map((r) => r.label)).toEqual(['MASST K=2', 'MASST K=2']);
  });

  it("has each cell's numbers from the results.json of the cell that trained them, and the playground's summary of them", async () => {
    const file = JSON.parse(sweepText) as {
      cells: Array<{
        index: number;
        runs: Array<{ key: string; label: string; seed: number; accuracy: number; auc: number; seconds: number }>;
      }>;
    };
    const planFile = JSON.parse(await readFile(join(dir, 'sweep-plan.json'), 'utf8')) as PlanFile;
    const plan = expandSweep((JSON.parse(sweepText) as { spec: SweepSpec }).spec);
    const trained = new Map<string, { accuracy: number; auc: number }>();
    for (const c of [0, 1]) {
      const text = await readFile(join(dir, `cells/cell-${c}/results.json`), 'utf8');
      expect(parseRunFile('results.json', text).ok).toBe(true);
      for (const run of (JSON.parse(text) as ResultsFile).runs)
        trained.set(`${c} ${run.label} ${run.seed}`, run.eval as { accuracy: number; auc: number });
    }
    // Cell 0 trained SST and its MASST K=2, cell 1 only its MASST K=2, on both seeds.
    expect(trained.size).toBe(6);
    for (const cell of file.cells) {
      expect(cell.runs.map((r) => `${r.label} ${r.seed}`)).toEqual(['SST 1', 'SST 2', 'MASST K=2 1', 'MASST K=2 2']);
      for (const run of cell.runs) {
        const owner = planFile.cells[cell.index]?.runs.find((r) => r.key === run.key)?.owner;
        const own = trained.get(`${owner} ${run.label} ${run.seed}`);
        expect(own, `${run.label} seed ${run.seed} of cell ${cell.index}`).toBeDefined();
        expect([run.accuracy, run.auc]).toEqual([own?.accuracy, own?.auc]);
        expect(run.seconds).toBeGreaterThan(0);
      }
      const summary = summarizeCell(
        plan.cells[cell.index] as (typeof plan.cells)[number],
        plan.methods,
        cell.runs as Parameters<typeof summarizeCell>[2],
      );
      expect((JSON.parse(sweepText) as { cells: unknown[] }).cells[cell.index]).toEqual({
        ...JSON.parse(JSON.stringify(summary)),
        config: plan.cells[cell.index]?.config,
      });
    }
  });

  it('trains nothing when run again, and writes the same cells', async () => {
    const runs = join(dir, 'cells/cell-0/runs');
    const before = await Promise.all((await readdir(runs)).map(async (f) => (await stat(join(runs, f))).mtimeMs));
    const log = await readFile(join(dir, 'cells/cell-0/log.txt'), 'utf8');
    const again = py(dir, ['run_sweep.py', '--parallel', '2']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('run_sweep: 2 cells, 2 finished earlier (skipped), 0 to train');
    expect(await Promise.all((await readdir(runs)).map(async (f) => (await stat(join(runs, f))).mtimeMs))).toEqual(
      before,
    );
    expect(await readFile(join(dir, 'cells/cell-0/log.txt'), 'utf8')).toBe(log);
    const cells = (text: string) => (JSON.parse(text) as { cells: unknown }).cells;
    expect(cells(await readFile(join(dir, 'sweep.json'), 'utf8'))).toEqual(cells(sweepText));
  });

  it('retrains a removed cell under torchrun with 2 processes, and names a cell out of range', async () => {
    await rm(join(dir, 'cells/cell-1'), { recursive: true });
    const r = py(dir, ['run_sweep.py', '--torchrun', '2', '--threads', '1'], 120_000);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'run_sweep: 2 cells, 1 finished earlier (skipped), 1 to train, 1 at a time, each under torchrun with 2 processes',
    );
    const cell = JSON.parse(await readFile(join(dir, 'cells/cell-1/cell.json'), 'utf8')) as { torch: string };
    expect(cell.torch).toMatch(/cpu x2$/);
    expect(parseSweepFile('sweep.json', await readFile(join(dir, 'sweep.json'), 'utf8')).ok).toBe(true);
    const bad = py(dir, ['train.py', '--cell', '2']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('error: --cell 2 is not allowed: expected a cell from 0 to 1 (the sweep has 2 cells)');
    const whole = py(dir, ['train.py']);
    expect(whole.stderr).toContain(
      'error: this project is a sweep: train its cells with python3 run_sweep.py, or one with train.py --cell N',
    );
  }, 150_000);
});
