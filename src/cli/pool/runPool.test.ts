/**
 * Pooled = alone: every run trained on the worker-thread pool (one run per job, 2 workers) gives
 * bit for bit the losses, evaluations and probes of the same run trained in one lock-step
 * comparison of all methods in this process, on the cpu backend. Needs the bundled worker
 * (`vite build -c vite.cli.config.ts`, done by `npm run test:unit`).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { presetConfig } from '../../core/presets';
import { useCpu } from '../../test/tfCpu';
import { summarySentence } from '../../core/stats/verdict';
import { loadOrGenerateDataset } from '../dataset-cache-node';
import type { ResultsFile } from '../results';
import { collectResults, RESULTS_VERSION, writeResults } from '../results';
import type { RunResult } from '../trainRuns';
import { trainRuns } from '../trainRuns';
import { runPooled } from './runPool';

const workerUrl = new URL('../../../dist-cli/run-worker.js', import.meta.url);

/** Smoke shrunk to what the cpu backend trains in seconds: 24 IDs, batch 4, 3 steps. */
function config() {
  const c = presetConfig('smoke');
  c.steps = 3;
  c.batchSize = 4;
  c.data = { ...c.data, trainIds: 24, testIds: 10, pairs: 60 };
  c.gallery = { ...c.gallery, queueSize: 8 };
  c.eval.every = 2;
  c.analysis = { ...c.analysis, every: 3, etaPoints: 2, landscapeEvery: 0, gridPoints: 3, slice2d: false };
  return c;
}

const withoutTiming = (r: RunResult) => ({ ...r, msPerStep: 0, msPerEval: 0 });

describe('runner pool', () => {
  beforeAll(async () => {
    if (!existsSync(workerUrl)) throw new Error(`${workerUrl.pathname} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`);
    await useCpu();
  });

  it('trains each run in its own job with the numbers of a lock-step comparison', async () => {
    const base = config();
    const seeds = [1, 2];
    const progress: number[] = [];
    const pooled = await runPooled(base, seeds, { backend: 'cpu', workers: 2, workerUrl, onProgress: (p) => progress.push(p.steps[0]) });
    expect(pooled.backend).toBe('cpu');
    expect(pooled.seeds.map((s) => s.seed)).toEqual(seeds);
    expect(progress[progress.length - 1]).toBe(seeds.length * base.runs.length * base.steps);
    for (const seedResult of pooled.seeds) {
      const c = { ...base, seed: seedResult.seed };
      const alone = await trainRuns(c, await loadOrGenerateDataset(c.data, c.seed), 'cpu');
      expect(seedResult.runs.map((r) => r.label)).toEqual(['Conventional', 'SST', 'MASST K=4']);
      expect(seedResult.runs.map(withoutTiming)).toEqual(alone.runs.map(withoutTiming));
      expect(seedResult.untrained).toEqual(alone.untrained);
      // the runs really trained and were evaluated during training
      expect(seedResult.runs[1]?.history).toHaveLength(3);
      expect(seedResult.runs[1]?.evals.map((e) => e.step)).toEqual([2]);
      expect(seedResult.runs[2]?.analysis.lipschitz).toHaveLength(1);
      expect(seedResult.runs[2]?.analysis.landscape1d?.losses).toHaveLength(3);
    }
    // results.json: the runner's schema plus the paired differences, computed by seed.
    const dir = await mkdtemp(join(tmpdir(), 'masst-results-'));
    await writeResults(dir, collectResults(base, pooled.seeds, pooled.backend, { workers: 2, wallSeconds: pooled.wallSeconds }));
    const written = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ResultsFile;
    expect(Object.keys(written).sort()).toEqual(['backend', 'config', 'pairedDifferences', 'pool', 'runs', 'seeds', 'summary', 'untrained', 'version']);
    expect(written.version).toBe(RESULTS_VERSION);
    expect(written.runs).toHaveLength(6);
    expect(written.pairedDifferences.map((r) => r.label)).toEqual(['SST − Conventional', 'MASST K=4 − SST', 'MASST K=4 − Conventional']);
    const accuracy = (label: string, seed: number) => written.runs.find((r) => r.label === label && r.seed === seed)?.eval.accuracy ?? NaN;
    expect(written.pairedDifferences[0]?.accuracy.perSeed).toEqual(seeds.map((s) => accuracy('SST', s) - accuracy('Conventional', s)));
    expect(written.summary).toBe(summarySentence(written.pairedDifferences));
    expect(await readFile(join(dir, 'sst-seed2.csv'), 'utf8')).toMatch(/^step,loss,lr\n1,/);
  }, 240_000);

  it('names the run that failed', async () => {
    const bad = config();
    bad.data = { ...bad.data, imageSize: 3 };
    await expect(runPooled(bad, [1], { backend: 'cpu', workers: 1, workerUrl })).rejects.toThrow(/seed 1 failed/);
  }, 60_000);
});
