/**
 * Pooled = alone: every run trained on the worker-thread pool (one run per job, 2 workers) gives
 * bit for bit the losses, evaluations and probes of the same run trained in one lock-step
 * comparison of all methods in this process, on the cpu backend. Needs the bundled worker
 * (`vite build -c vite.cli.config.ts`, done by `npm run test:unit`).
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { presetConfig } from '../../core/presets';
import { useCpu } from '../../test/tfCpu';
import { loadOrGenerateDataset } from '../dataset-cache-node';
import type { RunResult } from '../trainRuns';
import { trainRuns } from '../trainRuns';
import { runPooled } from './runPool';

const workerUrl = new URL('../../../dist-cli/run-worker.js', import.meta.url);

function config() {
  const c = presetConfig('smoke');
  c.steps = 4;
  c.eval.every = 2;
  c.analysis = { ...c.analysis, every: 2, landscapeEvery: 0, gridPoints: 5, slice2d: false };
  return c;
}

const withoutTiming = (r: RunResult) => ({ ...r, msPerStep: 0 });

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
      expect(seedResult.runs[1]?.history).toHaveLength(4);
      expect(seedResult.runs[1]?.evals.map((e) => e.step)).toEqual([2]);
      expect(seedResult.runs[2]?.analysis.lipschitz).toHaveLength(2);
    }
  }, 240_000);

  it('names the run that failed', async () => {
    const bad = config();
    bad.data = { ...bad.data, imageSize: 3 };
    await expect(runPooled(bad, [1], { backend: 'cpu', workers: 1, workerUrl })).rejects.toThrow(/seed 1 failed/);
  }, 60_000);
});
