/**
 * How `--resume DIR` decides where each run starts, and what it refuses, on folders written here
 * by hand (records with made-up numbers, checkpoints whose arrays are stand-ins: the plan reads
 * only their seed, step and labels; the restore itself is trainRuns.resume.test.ts's).
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../core/eval/report';
import { presetConfig } from '../core/presets';
import type { ComparisonCheckpoint } from '../core/train/checkpoint';
import { CHECKPOINT_VERSION } from '../core/train/checkpoint';
import { encodeCheckpoint } from '../core/train/checkpointCodec';
import { checkpointPaths } from './checkpointFiles';
import type { ResultsFile } from '../core/results/resultsFile';
import { collectResults } from '../core/results/resultsFile';
import { planResume } from './resume';
import type { RunResult } from '../core/results/resultsFile';

const smoke = presetConfig('smoke');
const config = {
  ...smoke,
  steps: 8,
  runs: [
    { method: 'sst' as const, agents: 1 },
    { method: 'masst' as const, agents: 2 },
  ],
  eval: { ...smoke.eval, every: 2 },
  analysis: { ...smoke.analysis, every: 0, landscapeEvery: 0 },
};
const report = { accuracy: 0.5, auc: 0.5 } as EvalReport;

/** A record of `steps` steps (evaluations every 2), finished when `steps` is the config's. */
function record(label: string, seed: number, steps: number): RunResult {
  const history = Array.from({ length: steps }, (_, i) => ({ step: i + 1, loss: 1 / (i + 1), lr: 0.1 }));
  const evals = history
    .filter((h) => h.step % 2 === 0 && h.step < config.steps)
    .map((h) => ({ step: h.step, ...report }));
  const done = steps === config.steps;
  return {
    method: label === 'SST' ? 'sst' : 'masst',
    agents: label === 'SST' ? 1 : 2,
    label,
    seed,
    history,
    evals,
    eval: done ? report : null,
    interrupted: !done,
    diverged: null,
    msPerStep: 1,
    msPerEval: 1,
    analysis: { lipschitz: [], landscape1d: null, landscape2d: null, landscape1dHistory: [], agents: [] },
  };
}

function checkpoint(seed: number, step: number, label: string): Uint8Array {
  const ck = {
    version: CHECKPOINT_VERSION,
    seed,
    step,
    runs: [
      {
        label,
        trainer: { kind: 'conventional', head: new Float32Array(2) },
        sampler: { order: Int32Array.of(1, 0) },
        stepMs: 3,
      },
    ],
  };
  return new Uint8Array(encodeCheckpoint(ck as unknown as ComparisonCheckpoint));
}

async function folder(runs: RunResult[], edit: (r: ResultsFile) => void = () => {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'masst-resume-'));
  await mkdir(join(dir, 'checkpoints'));
  const seeds = [1, 2]
    .map((seed) => ({ seed, runs: runs.filter((r) => r.seed === seed), untrained: report }))
    .filter((s) => s.runs.length > 0);
  const results = collectResults({ ...config, seed: 1 }, [1, 2], seeds, 'cpu', { workers: 1, wallSeconds: 5 }, false);
  edit(results);
  await writeFile(join(dir, 'results.json'), JSON.stringify(results));
  return dir;
}

async function put(dir: string, seed: number, label: string, step: number, beside: RunResult | null): Promise<void> {
  const paths = checkpointPaths(dir, seed, label);
  await writeFile(paths.checkpoint, checkpoint(seed, step, label));
  if (beside) await writeFile(paths.record, JSON.stringify(beside));
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The bytes in the format before checksums: "MSCK", the header length, then the rest as now. */
function unchecked(bytes: Uint8Array): Uint8Array {
  const old = new Uint8Array(bytes.length - 4);
  old.set(new TextEncoder().encode('MSCK'), 0);
  old.set(bytes.subarray(8), 4);
  return old;
}

describe('planResume', () => {
  it('keeps finished runs, continues interrupted ones from their checkpoint, starts the rest at step 0', async () => {
    const dir = await folder([record('SST', 1, 8), record('MASST K=2', 1, 3), record('SST', 2, 3)]);
    // killed after a periodic checkpoint: results.json reaches step 3, the record beside the checkpoint step 6
    await put(dir, 1, 'MASST K=2', 5, record('MASST K=2', 1, 6));
    // stopped at step 3 with its last checkpoint at step 2, no record beside it
    await put(dir, 2, 'SST', 2, null);
    const plan = await planResume(dir, null);
    expect(plan.backend).toBe('cpu');
    expect(plan.done).toBe(false);
    const [[sst1, masst1], [sst2, masst2]] = plan.starts as [[unknown, unknown], [unknown, unknown]];
    expect(sst1).toMatchObject({ kind: 'kept', run: { label: 'SST', seed: 1, interrupted: false }, untrained: report });
    expect(masst1).toMatchObject({ kind: 'resume', checkpoint: { step: 5 }, run: { interrupted: false, eval: null } });
    const resumed = masst1 as { run: RunResult };
    expect(resumed.run.history.map((h) => h.step)).toEqual([1, 2, 3, 4, 5]);
    expect(resumed.run.evals.map((e) => e.step)).toEqual([2, 4]);
    expect((sst2 as { run: RunResult }).run.history.map((h) => h.step)).toEqual([1, 2]);
    expect(masst2).toEqual({ kind: 'fresh' });
    expect(plan.summary).toBe(
      `resuming ${dir}: 1 of 4 runs kept as they are, 2 continued from their checkpoint (MASST K=2 on seed 1 at step 5, SST on seed 2 at step 2), 1 from step 0`,
    );
  });

  it('keeps a diverged run that a stop marked interrupted, and is done when everything finished', async () => {
    const diverged = { ...record('SST', 1, 3), diverged: { step: 4, what: 'loss NaN' } };
    const plan = await planResume(
      await folder([diverged, record('MASST K=2', 1, 8), record('SST', 2, 8), record('MASST K=2', 2, 8)]),
      null,
    );
    expect(plan.starts[0]?.[0]).toMatchObject({ kind: 'kept', run: { interrupted: false, diverged: { step: 4 } } });
    expect(plan.done).toBe(false);
    const all = [1, 2].flatMap((s) => [record('SST', s, 8), record('MASST K=2', s, 8)]);
    expect((await planResume(await folder(all, (r) => (r.complete = true)), null)).done).toBe(true);
  });

  it('uses a checkpoint of the format before checksums, with a note that it is unchecked', async () => {
    const dir = await folder([record('SST', 1, 3)]);
    await put(dir, 1, 'SST', 2, null);
    expect((await planResume(dir, null)).notes).toEqual([]);
    const path = checkpointPaths(dir, 1, 'SST').checkpoint;
    await writeFile(path, unchecked(checkpoint(1, 2, 'SST')));
    const plan = await planResume(dir, null);
    expect(plan.starts[0]?.[0]).toMatchObject({ kind: 'resume', checkpoint: { step: 2 } });
    expect(plan.notes).toEqual([
      `${path} has no checksum (written by a runner before checksums): used as it is, unchecked; its next save adds one`,
    ]);
  });

  it('names the folder or file and what is wrong with it', async () => {
    const dir = await folder([record('SST', 1, 3)]);
    const results = join(dir, 'results.json');
    await expect(planResume(join(dir, 'nope'), null)).rejects.toThrow(
      `--resume "${join(dir, 'nope')}" is not allowed: no such directory`,
    );
    await expect(planResume(results, null)).rejects.toThrow(`--resume "${results}" is not allowed: it is a file`);
    await expect(planResume(join(dir, 'checkpoints'), null)).rejects.toThrow(
      `${join(dir, 'checkpoints', 'results.json')} does not exist`,
    );
    await expect(planResume(dir, 'wasm')).rejects.toThrow(
      `--backend wasm is not allowed with --resume: ${results} was trained on cpu`,
    );

    await put(dir, 1, 'SST', 5, null);
    await expect(planResume(dir, null)).rejects.toThrow(
      `${checkpointPaths(dir, 1, 'SST').checkpoint} is at step 5, but the history of SST on seed 1 ends at step 3 in ${results}; remove the checkpoint`,
    );
    await put(dir, 1, 'SST', 2, record('MASST K=2', 1, 3));
    await expect(planResume(dir, null)).rejects.toThrow(
      `${checkpointPaths(dir, 1, 'SST').record} holds MASST K=2 on seed 1, expected SST on seed 1`,
    );
    await writeFile(checkpointPaths(dir, 1, 'SST').checkpoint, checkpoint(2, 2, 'SST'));
    await expect(planResume(dir, null)).rejects.toThrow(
      `${checkpointPaths(dir, 1, 'SST').checkpoint} does not belong to SST on seed 1: it is of seed 2`,
    );
    const bytes = checkpoint(1, 2, 'SST');
    await writeFile(checkpointPaths(dir, 1, 'SST').checkpoint, bytes.subarray(0, bytes.length - 4));
    await expect(planResume(dir, null)).rejects.toThrow(
      `${checkpointPaths(dir, 1, 'SST').checkpoint} is corrupt: it was written with CRC-32 `,
    );

    // Flipped bytes: refused, saying how to train the run again instead.
    const flipped = bytes.slice();
    for (let i = 12; i < flipped.length; i += 2) flipped[i] = (flipped[i] as number) ^ 0xff;
    await writeFile(checkpointPaths(dir, 1, 'SST').checkpoint, flipped);
    await expect(planResume(dir, null)).rejects.toThrow(
      new RegExp(
        `^${escapeRe(checkpointPaths(dir, 1, 'SST').checkpoint)} is corrupt: .*; --resume uses no part of it: remove it to train SST on seed 1 again from step 0$`,
      ),
    );

    const text = await readFile(results, 'utf8');
    await writeFile(results, text.slice(0, 100));
    await expect(planResume(dir, null)).rejects.toThrow(`${results} is not JSON`);
    await writeFile(results, JSON.stringify({ ...(JSON.parse(text) as ResultsFile), version: 3 }));
    await expect(planResume(dir, null)).rejects.toThrow(`${results} has version 3: --resume reads version 4`);
    await writeFile(results, JSON.stringify({ ...(JSON.parse(text) as ResultsFile), config: { ...config, steps: 0 } }));
    await expect(planResume(dir, null)).rejects.toThrow(`${results}: its config is not valid:\n  - steps`);
  });
});
