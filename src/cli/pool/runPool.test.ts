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
import type { ResultsFile } from '../../core/results/resultsFile';
import { writeResults } from '../results';
import { collectResults, interruptedRuns, RESULTS_VERSION } from '../../core/results/resultsFile';
import type { RunResult } from '../../core/results/resultsFile';
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
    if (!existsSync(workerUrl))
      throw new Error(
        `${workerUrl.pathname} is missing: run "vite build -c vite.cli.config.ts" first (npm run test:unit does)`,
      );
    await useCpu();
  });

  it('trains each run in its own job with the numbers of a lock-step comparison', async () => {
    const base = config();
    const seeds = [1, 2];
    const progress: number[] = [];
    const pooled = await runPooled(base, seeds, {
      backend: 'cpu',
      workers: 2,
      workerUrl,
      onProgress: (p) => progress.push(p.steps[0]),
    });
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
    expect(pooled.complete).toBe(true);
    await writeResults(
      dir,
      collectResults(
        base,
        [1, 2],
        pooled.seeds,
        pooled.backend,
        { workers: 2, wallSeconds: pooled.wallSeconds },
        pooled.complete,
      ),
    );
    const written = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as ResultsFile;
    expect(Object.keys(written).sort()).toEqual([
      'backend',
      'complete',
      'config',
      'pairedDifferences',
      'plannedSeeds',
      'pool',
      'runs',
      'seeds',
      'summary',
      'untrained',
      'version',
    ]);
    expect(written.version).toBe(RESULTS_VERSION);
    expect(written.complete).toBe(true);
    expect(written.runs.every((r) => !r.interrupted)).toBe(true);
    expect(written.runs).toHaveLength(6);
    expect(written.pairedDifferences.map((r) => r.label)).toEqual([
      'SST − Conventional',
      'MASST K=4 − SST',
      'MASST K=4 − Conventional',
    ]);
    const accuracy = (label: string, seed: number) =>
      written.runs.find((r) => r.label === label && r.seed === seed)?.eval?.accuracy ?? NaN;
    expect(written.pairedDifferences[0]?.accuracy.perSeed).toEqual(
      seeds.map((s) => accuracy('SST', s) - accuracy('Conventional', s)),
    );
    expect(written.summary).toBe(summarySentence(written.pairedDifferences));
    expect(await readFile(join(dir, 'runs.csv'), 'utf8')).toMatch(
      /^method,seed,step,loss,smoothed_loss,lr,accuracy,accuracy_std_err,auc\nConventional,1,1,/,
    );
  }, 240_000);

  it('reports each finished seed, and on a stop hands back the finished and the interrupted runs', async () => {
    const base = { ...config(), steps: 4 };
    const perSeed = 3 * base.steps;
    const controller = new AbortController();
    const finishedSeeds: Array<{ seed: number; seeds: number[]; complete: boolean }> = [];
    // One worker trains the jobs in order: all of seed 1, then Conventional on seed 2, stopped
    // at its first progress message (sent after step 1).
    const pooled = await runPooled(base, [1, 2], {
      backend: 'cpu',
      workers: 1,
      workerUrl,
      signal: controller.signal,
      onSeed: (seed, sofar) =>
        finishedSeeds.push({ seed, seeds: sofar.seeds.map((s) => s.seed), complete: sofar.complete }),
      onProgress: (p) => {
        if (p.steps[0] > perSeed) controller.abort();
      },
    });
    expect(finishedSeeds).toEqual([{ seed: 1, seeds: [1], complete: false }]);
    expect(pooled.complete).toBe(false);
    expect(pooled.seeds.map((s) => s.seed)).toEqual([1, 2]);
    expect(pooled.seeds[0]?.runs.map((r) => [r.label, r.interrupted])).toEqual([
      ['Conventional', false],
      ['SST', false],
      ['MASST K=4', false],
    ]);
    const cut = pooled.seeds[1]?.runs ?? [];
    expect(cut.map((r) => [r.label, r.interrupted, r.eval])).toEqual([['Conventional', true, null]]);
    expect(cut[0]?.history.length).toBeGreaterThan(0);
    expect(cut[0]?.history.length).toBeLessThanOrEqual(base.steps);

    // results.json: marked incomplete, the interrupted run kept but out of the pairing.
    const results = collectResults(
      base,
      [1, 2],
      pooled.seeds,
      pooled.backend,
      { workers: 1, wallSeconds: pooled.wallSeconds },
      pooled.complete,
    );
    expect(results.complete).toBe(false);
    expect(results.runs).toHaveLength(4);
    expect(results.pairedDifferences.map((r) => [r.label, r.seeds])).toEqual([
      ['SST − Conventional', [1]],
      ['MASST K=4 − SST', [1]],
      ['MASST K=4 − Conventional', [1]],
    ]);
    expect(interruptedRuns(results)).toEqual([`Conventional on seed 2 after ${cut[0]?.history.length} of 4 steps`]);
  }, 240_000);

  it('settles at once, with nothing, when stopped before it starts', async () => {
    const pooled = await runPooled(config(), [1], {
      backend: 'cpu',
      workers: 1,
      workerUrl,
      signal: AbortSignal.abort(),
    });
    expect(pooled).toMatchObject({ seeds: [], complete: false });
  });

  it('names the run that failed', async () => {
    const bad = config();
    bad.data = { ...bad.data, imageSize: 3 };
    await expect(runPooled(bad, [1], { backend: 'cpu', workers: 1, workerUrl })).rejects.toThrow(/seed 1 failed/);
  }, 60_000);
});
