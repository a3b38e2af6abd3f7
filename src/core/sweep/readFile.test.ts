import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SweepFile } from '../../cli/sweepFiles';
import { sweepVersions, writeSweepFiles } from '../../cli/sweepFiles';
import { runLabel } from '../config';
import { PRESET_NAMES } from '../presets';
import { SWEEP_VERSION } from './file';
import { MAX_SWEEP_BYTES, parseSweepFile, sweepSizeProblem } from './readFile';
import type { SweepSpec } from './spec';
import { expandSweep } from './spec';
import type { SweepRun } from './summary';
import { summarizeCell } from './summary';

const spec: SweepSpec = {
  preset: 'smoke',
  set: [],
  axes: [{ path: 'masst.agentAlpha', values: ['shared', 'horizonMatched'] }],
  methods: 'sst,masst2',
  seeds: [1, 2, 3],
};
const plan = expandSweep(spec);

const run = (label: string, seed: number, accuracy: number | null, lipschitz: number | null): SweepRun => ({
  key: `run-${label}-${seed}`,
  label,
  seed,
  reused: seed === 1,
  accuracy,
  auc: accuracy,
  medianLipschitz: lipschitz,
  medianBeta: lipschitz === null ? null : 2 * lipschitz,
  seconds: 4.5,
  diverged: accuracy === null ? 'step 7: loss NaN' : null,
});
/** Cell 0: MASST − SST +0.10, +0.06, +0.02 (better, 3/3). Cell 1: MASST diverged on seed 3, so its pairs have 2 seeds and a null Lipschitz difference. */
const runs = [
  [
    run('SST', 1, 0.7, 5),
    run('SST', 2, 0.72, 4),
    run('SST', 3, 0.73, 5),
    run('MASST K=2', 1, 0.8, 3),
    run('MASST K=2', 2, 0.78, 4),
    run('MASST K=2', 3, 0.75, 2),
  ],
  [
    run('SST', 1, 0.7, 5),
    run('SST', 2, 0.72, 4),
    run('SST', 3, 0.73, 5),
    run('MASST K=2', 1, 0.69, 6),
    run('MASST K=2', 2, 0.73, 3),
    run('MASST K=2', 3, null, null),
  ],
];
const cells = plan.cells.map((c) => summarizeCell(c, plan.methods, runs[c.index] as SweepRun[]));
const file: SweepFile = {
  version: SWEEP_VERSION,
  complete: true,
  versions: sweepVersions(),
  spec,
  backend: 'cpu',
  methods: plan.methods.map(runLabel),
  notes: [],
  runs: { grid: 12, distinct: 9, trained: 6, reused: 3 },
  wallSeconds: 12.5,
  cells: cells.map((c) => ({ ...c, config: plan.cells[c.index]?.config as SweepFile['cells'][number]['config'] })),
};

// The tests corrupt arbitrary fields of the parsed JSON.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/** The writer's sweep.json, as a person would import it. */
async function written(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sweep-read-'));
  await writeSweepFiles(dir, file, plan);
  return readFile(join(dir, 'sweep.json'), 'utf8');
}

/** The written file with `edit` applied to its JSON. */
async function edited(edit: (json: Loose) => void): Promise<string> {
  const json = JSON.parse(await written()) as Loose;
  edit(json);
  return JSON.stringify(json);
}

const refusal = (text: string): string => {
  const r = parseSweepFile('sweep.json', text);
  if (r.ok) throw new Error('expected a refusal');
  return r.message;
};

describe('parseSweepFile', () => {
  it("reads the runner's sweep.json back as it was written, NaNs included", async () => {
    const text = await written();
    // JSON writes the NaN of the diverged seed's Lipschitz difference as null.
    expect((JSON.parse(text) as SweepFile).cells[1]?.pairs[0]?.lipschitz?.perSeed[2]).toBeNull();
    const r = parseSweepFile('sweep.json', text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.file).toEqual(file);
    const diverged = r.file.cells[1]?.pairs[0];
    expect(diverged?.seeds).toEqual([1, 2]);
    expect(diverged?.lipschitz?.perSeed[2]).toBeNaN();
    expect(r.file.cells[0]?.pairs[0]?.verdict).toBe('better');
  });

  it('refuses what is not a sweep file, naming what is expected', () => {
    expect(refusal('{"version": 1,')).toMatch(/^sweep\.json: it is not JSON \(.+\)\.$/);
    expect(refusal('[1, 2]')).toBe(
      'sweep.json: it is JSON but not a sweep file: expected an object with version, spec and cells (the sweep.json npm run sweep writes).',
    );
    expect(refusal('{"cells": []}')).toBe(
      'sweep.json: it has no version field: expected a sweep.json written by npm run sweep (version 1).',
    );
  });

  it('refuses another version, naming it and SWEEP_VERSION', async () => {
    expect(refusal(await edited((j) => (j.version = 2)))).toBe(
      "sweep.json: its version is 2: this page reads sweep files of version 1 (SWEEP_VERSION) only; run the sweep again with this build's npm run sweep, or load a build of its version.",
    );
    expect(refusal(await edited((j) => (j.version = '1')))).toMatch(
      /^sweep\.json: its version is "1" \(a string\): this page reads sweep files of version 1 /,
    );
  });

  it('refuses an unfinished sweep', async () => {
    expect(refusal(await edited((j) => (j.complete = false)))).toBe(
      'sweep.json: complete is false: it is the file a sweep writes when it starts (or keeps after Ctrl-C), without results; expected a finished sweep (complete: true): run npm run sweep -- --resume DIR to finish it.',
    );
  });

  it('names a bad spec, backend, methods or cell count with the value and what is allowed', async () => {
    expect(refusal(await edited((j) => (j.spec.preset = 'nope')))).toBe(
      `sweep.json: spec: "preset" = "nope" is not allowed: expected one of ${PRESET_NAMES.join(', ')}. Nothing of it was loaded.`,
    );
    expect(refusal(await edited((j) => (j.backend = 'gpu')))).toBe(
      'sweep.json: backend is "gpu" (a string): expected one of wasm, cpu, webgpu, webgl (or "pytorch" with source "pytorch"). Nothing of it was loaded.',
    );
    expect(refusal(await edited((j) => (j.methods = ['SST', 'SST'])))).toBe(
      'sweep.json: methods is ["SST","SST"]: expected the list of 1 to 10 distinct method labels, e.g. ["SST", "MASST K=4"]. Nothing of it was loaded.',
    );
    expect(refusal(await edited((j) => j.cells.pop()))).toBe(
      'sweep.json: cells has 1 cell: expected 2 cells, one per setting of spec.axes. Nothing of it was loaded.',
    );
  });

  it('reads a sweep trained by the exported PyTorch project only with both its source and its backend', async () => {
    const torch = parseSweepFile(
      'sweep.json',
      await edited((j) => Object.assign(j, { source: 'pytorch', backend: 'pytorch' })),
    );
    expect(torch.ok && torch.file.source).toBe('pytorch');
    expect(refusal(await edited((j) => (j.backend = 'pytorch')))).toMatch(
      /^sweep\.json: backend is "pytorch" \(a string\): expected one of wasm, cpu, webgpu, webgl \(or "pytorch" with source "pytorch"\)/,
    );
    expect(refusal(await edited((j) => (j.source = 'pytorch')))).toMatch(
      /^sweep\.json: backend is "cpu" \(a string\): expected "pytorch", as source is "pytorch"/,
    );
    expect(refusal(await edited((j) => Object.assign(j, { source: 'jax', backend: 'pytorch' })))).toMatch(
      /^sweep\.json: source is "jax" \(a string\): expected "pytorch"/,
    );
  });

  it("names a cell's numbers that disagree with each other, with the field path", async () => {
    expect(refusal(await edited((j) => (j.cells[0].pairs[0].accuracy.positive = 7)))).toBe(
      'sweep.json: cells[0].pairs[0].accuracy.positive is 7: expected 3, the positive values of cells[0].pairs[0].accuracy.perSeed. Nothing of it was loaded.',
    );
    expect(refusal(await edited((j) => (j.cells[0].pairs[0].accuracy.mean = 0.5)))).toBe(
      `sweep.json: cells[0].pairs[0].accuracy.mean is 0.5: expected ${cells[0]?.pairs[0]?.accuracy.mean}, the mean of cells[0].pairs[0].accuracy.perSeed. Nothing of it was loaded.`,
    );
    expect(refusal(await edited((j) => (j.cells[1].pairs[0].verdict = 'better')))).toBe(
      'sweep.json: cells[1].pairs[0].verdict is "better" (a string): expected "noise", the verdict rule\'s for cells[1].pairs[0].accuracy. Nothing of it was loaded.',
    );
    expect(refusal(await edited((j) => (j.cells[0].runs[2].accuracy = 1.5)))).toBe(
      'sweep.json: cells[0].runs[2].accuracy is 1.5: expected a number from 0 to 1, or null. Nothing of it was loaded.',
    );
    expect(refusal(await edited((j) => (j.cells[1].settings['masst.agentAlpha'] = 'shared')))).toBe(
      'sweep.json: cells[1].settings["masst.agentAlpha"] is "shared" (a string): expected "horizonMatched", its value of spec.axes at cell 1. Nothing of it was loaded.',
    );
    const overflowing = (await edited((j) => (j.cells[0].pairs[0].accuracy.perSeed[1] = 'OVERFLOW'))).replace(
      '"OVERFLOW"',
      '1e999',
    );
    expect(refusal(overflowing)).toBe(
      'sweep.json: cells[0].pairs[0].accuracy.perSeed[1] is Infinity (1e999 in the file): expected a number from -1 to 1, or null. Nothing of it was loaded.',
    );
  });

  it('names the first five problems and counts the rest', async () => {
    const m = refusal(
      await edited((j) => j.cells.forEach((c: Loose) => c.runs.forEach((r: Loose) => (r.seconds = -1)))),
    );
    expect(m.split('; ').slice(0, 2)).toEqual([
      'sweep.json: cells[0].runs[0].seconds is -1: expected seconds from 0 to 1000000000',
      'cells[0].runs[1].seconds is -1: expected seconds from 0 to 1000000000',
    ]);
    expect(m.endsWith('; and 7 more. Nothing of it was loaded.')).toBe(true);
  });

  it('refuses a file past the size cap, naming the cap', () => {
    expect(sweepSizeProblem('big.json', MAX_SWEEP_BYTES + 1)).toBe(
      'big.json: it is 16.0 MB; this page reads sweep files of up to 16.0 MB. Nothing of it was loaded.',
    );
    expect(sweepSizeProblem('ok.json', MAX_SWEEP_BYTES)).toBeNull();
  });
});
