/**
 * `export-torch --sweep FILE`: what it takes (a sweep spec, or the sweep.json of npm run sweep),
 * what it refuses by name (a flag of one experiment, an unreadable or foreign file, a spec the
 * core's checks refuse, a landscape measurement the export cannot carry), and the project it
 * writes. Training it is torchSweep.test.ts's (needs PyTorch); this needs no Python.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../core/engineVersion';
import type { TorchSweepPlanFile } from '../core/export/torchSweep';
import { torchSweep, torchSweepPlanFile } from '../core/export/torchSweep';
import { SWEEP_VERSION } from '../core/sweep/file';
import type { SweepSpec } from '../core/sweep/spec';
import { parseExportTorchCommand } from './exportTorchArgs';
import { exportTorchSweep, readSweepFileSpec } from './exportTorchSweep';
import { readSweepSpec } from './sweepFiles';
import { usage } from './flags/help';
import { EXPORT_TORCH_COMMAND } from './exportTorchArgs';

const SPEC: SweepSpec = {
  preset: 'smoke',
  set: ['steps=4', 'eval.every=2'],
  axes: [{ path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] }],
  methods: 'sst,masst2',
  seeds: [3],
};

async function file(name: string, text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'masst-sweep-file-')), name);
  await writeFile(path, text);
  return path;
}

describe('export-torch --sweep', () => {
  it('takes only --out beside it, and says so with the flag table', () => {
    expect(parseExportTorchCommand(['--sweep', 's.json', '--out', 'x'])).toEqual({
      kind: 'sweep',
      args: { sweep: 's.json', out: 'x' },
    });
    expect(() => parseExportTorchCommand(['--sweep', 's.json', '--out', 'x', '--steps', '6'])).toThrow(
      `--steps is not allowed with --sweep s.json: the file holds the whole sweep (preset, set, axes, methods, seeds); expected only --out.\n${usage(EXPORT_TORCH_COMMAND)}`,
    );
    expect(() => parseExportTorchCommand(['--sweep', '--out', 'x'])).toThrow(
      /^--sweep "--out" is not allowed: expected a sweep spec \(JSON: preset, set, axes, methods, seeds\) or the sweep\.json npm run sweep wrote\./,
    );
    expect(parseExportTorchCommand(['--out', 'x', '--steps', '6']).kind).toBe('one');
  });

  it('names a file it cannot read, or one that is not a sweep, with what it takes', async () => {
    await expect(readSweepFileSpec('/nonexistent/sweep.json')).rejects.toThrow(
      '--sweep "/nonexistent/sweep.json" is not allowed: no such file; expected a sweep spec (JSON: preset, set, axes, methods, seeds) or the sweep.json npm run sweep wrote',
    );
    const notJson = await file('s.json', '{"preset":');
    await expect(readSweepFileSpec(notJson)).rejects.toThrow(
      new RegExp(`^--sweep "${notJson}" is not allowed: it is not JSON \\(`),
    );
    const old = await file('sweep.json', JSON.stringify({ version: SWEEP_VERSION + 1, spec: SPEC }));
    await expect(readSweepFileSpec(old)).rejects.toThrow(
      `--sweep "${old}" is not allowed: it is a sweep.json of version ${SWEEP_VERSION + 1}; this build reads version ${SWEEP_VERSION} (or a sweep spec)`,
    );
    const bad = await file('spec.json', JSON.stringify({ ...SPEC, preset: 'huge' }));
    await expect(readSweepFileSpec(bad)).rejects.toThrow(
      `${bad}: "preset" = "huge" is not allowed: expected one of demo, smoke, shallow, longtail, deep`,
    );
  });

  it("takes a spec, or a runner sweep.json's spec", async () => {
    expect(await readSweepFileSpec(await file('spec.json', JSON.stringify(SPEC)))).toEqual(SPEC);
    expect(
      await readSweepFileSpec(
        await file('sweep.json', JSON.stringify({ version: SWEEP_VERSION, complete: false, spec: SPEC, cells: [] })),
      ),
    ).toEqual(SPEC);
  });

  it("refuses, before writing anything, a spec the core's checks refuse and a measurement the export cannot carry", async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'masst-sweep-out-')), 'project');
    const run = async (spec: object): Promise<string> => {
      const parsed = parseExportTorchCommand(['--sweep', await file('spec.json', JSON.stringify(spec)), '--out', out]);
      if (parsed.kind !== 'sweep') throw new Error('expected the sweep mode');
      return exportTorchSweep(parsed.args, 'test').then(
        () => 'exported',
        (e: unknown) => (e instanceof Error ? e.message : String(e)),
      );
    };
    expect(await run({ ...SPEC, axes: [{ path: 'masst.agentAlpha', values: ['shared', 'sometimes'] }] })).toMatch(
      /^Invalid sweep:\n.*masst\.agentAlpha = "sometimes" is not allowed: expected one of "shared", "perAgent", "horizonMatched"/s,
    );
    expect(await run({ ...SPEC, axes: [{ path: 'analysis.every', values: [0, 2] }] })).toBe(
      'Cannot export this sweep:\n  - cell analysis.every=2: analysis.every = 2 is not supported by the export (the PyTorch export trains and evaluates but does not measure the loss landscape yet); allowed: 0',
    );
    expect(await run({ ...SPEC, set: ['analysis.landscapeEvery=2'] })).toMatch(
      /^Cannot export this sweep:\n {2}- set: analysis\.landscapeEvery = 2 is not supported by the export/,
    );
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('writes one project: the sweep files, one dataset per seed, the plan with each run once under its owner', async () => {
    const out = join(await mkdtemp(join(tmpdir(), 'masst-sweep-out-')), 'project');
    const parsed = parseExportTorchCommand(['--sweep', await file('spec.json', JSON.stringify(SPEC)), '--out', out]);
    if (parsed.kind !== 'sweep') throw new Error('expected the sweep mode');
    await exportTorchSweep(parsed.args, 'npm run export-torch -- --sweep spec.json --out project');
    const files = await readdir(out);
    for (const f of [
      'train.py',
      'run_sweep.py',
      'masst_sweep.py',
      'masst_cell.py',
      'sweep-plan.json',
      'export.json',
      'README.md',
      'requirements.txt',
    ])
      expect(files).toContain(f);
    expect(files).not.toContain('config.json');
    expect(files).not.toContain('reference');
    expect(await readdir(join(out, 'data'))).toEqual(['seed-3']);
    const plan = JSON.parse(await readFile(join(out, 'sweep-plan.json'), 'utf8')) as TorchSweepPlanFile;
    expect(plan).toMatchObject({
      source: 'pytorch',
      backend: 'pytorch',
      methods: ['SST', 'MASST K=2'],
      runs: { grid: 4, distinct: 3 },
    });
    expect(plan.cells.map((c) => c.runs.map((r) => `${r.label}@${r.owner}`))).toEqual([
      ['SST@0', 'MASST K=2@0'],
      ['SST@0', 'MASST K=2@1'],
    ]);
    expect(plan.cells[0]?.runs[0]?.key).toBe(plan.cells[1]?.runs[0]?.key);
    expect(plan.cells.map((c) => c.data)).toEqual([{ 3: 'data/seed-3/index.json' }, { 3: 'data/seed-3/index.json' }]);
    expect(plan.cells[1]?.config.masst.agentAlpha).toBe('horizonMatched');
    const readme = await readFile(join(out, 'README.md'), 'utf8');
    expect(readme).toContain(
      '2 cells (masst.agentAlpha ∈ {shared, horizonMatched}) × SST, MASST K=2 × seeds 3: 4 runs, 3 distinct by run key',
    );
    expect(readme).toContain('No Slurm job-array script is included');
  });

  it("is not resumed by npm run sweep: --resume refuses PyTorch's sweep.json by its source", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'masst-sweep-torch-'));
    await writeFile(
      join(dir, 'sweep.json'),
      JSON.stringify({ version: SWEEP_VERSION, complete: true, source: 'pytorch', backend: 'pytorch', spec: SPEC }),
    );
    await expect(readSweepSpec(dir)).rejects.toThrow(
      `--resume ${dir} is not allowed: ${join(dir, 'sweep.json')} was trained by the exported PyTorch project (source: "pytorch"); --resume continues only sweeps of npm run sweep.`,
    );
  });

  it('gives each data setting its own data folders when an axis changes data.*', () => {
    const sweep = torchSweep({ ...SPEC, axes: [{ path: 'data.imageSize', values: ['16', '24'] }], seeds: [3, 4] });
    expect(sweep.dataGroups.map((g) => [g.data.imageSize, g.cells])).toEqual([
      [16, [0]],
      [24, [1]],
    ]);
    const plan = torchSweepPlanFile(sweep, { sweep: 1, engine: ENGINE_VERSION, runStore: 1 });
    expect(plan.cells.map((c) => c.data)).toEqual([
      { 3: 'data/set-0/seed-3/index.json', 4: 'data/set-0/seed-4/index.json' },
      { 3: 'data/set-1/seed-3/index.json', 4: 'data/set-1/seed-4/index.json' },
    ]);
    // Every method reads data.*: no run is shared between the cells.
    expect(plan.runs).toEqual({ grid: 8, distinct: 8 });
    expect(plan.cells[1]?.runs.every((r) => r.owner === 1)).toBe(true);
  });
});
