import { describe, expect, it } from 'vitest';
import type { ResultsFile } from '../../core/results/resultsFile';
import { RESULTS_VERSION } from '../../core/results/resultsFile';
import type { EvalReport } from '../../core/eval/report';
import { presetConfig } from '../../core/presets';
import { learningRateAt } from '../../core/train/schedule';
import type { FromWorker } from '../../worker/protocol';
import type { UiState } from '../store/state';
import { reduce, startSession } from '../store/state';
import { CSV_HEADER, pageResults, seriesCsv } from './resultsJson';
import { VERSIONS } from './versions';
import { resultsCsv } from '../../core/results/runsCsv';

const config = {
  ...presetConfig('smoke'),
  steps: 4,
  optim: { ...presetConfig('smoke').optim, milestones: [0.5], gamma: 0.1, warmupSteps: 0 },
};
const report = (accuracy: number): EvalReport => ({
  accuracy,
  accuracyStdErr: 0.01,
  auc: accuracy + 0.1,
  rank1: 0.3,
  tarAtFar: { '0.1': 0.4 },
  lookalikeAccuracy: null,
  roc: { fpr: [0, 1], tpr: [0, 1] },
  pairs: 20,
});
const seeds = [7, 8];
const R = config.runs.length;
const units = Array.from({ length: R * seeds.length }, (_, u) => u);

function send(s: UiState, msg: FromWorker): UiState {
  return reduce(s, msg);
}

/** A 4-step comparison of the smoke preset's methods on seeds 7 and 8, evaluated at steps 2 and 4. */
function trained(): UiState {
  let s = startSession(1, config, seeds, 1);
  s = send(s, {
    type: 'backend',
    sessionId: 1,
    report: { backend: 'cpu', adapter: null, notice: null, measurement: null, threads: 1 },
  });
  s = send(s, {
    type: 'ready',
    sessionId: 1,
    worker: 0,
    untrained: seeds.map((seed) => ({ seed, report: report(0.5) })),
    smoothnessCost: { forward: 1, backward: 1, every: 0 },
  });
  for (const step of [1, 2, 3, 4]) {
    s = send(s, {
      type: 'stats',
      sessionId: 1,
      batch: {
        worker: 0,
        units,
        steps: Int32Array.from([step]),
        losses: units.map((u) => Float32Array.from([10 - step + u / 10])),
        msPerStep: units.map(() => 5),
        stepsPerSecond: 3,
      },
    });
    if (step % 2 === 0)
      s = send(s, {
        type: 'eval',
        sessionId: 1,
        result: { step, units, reports: units.map((u) => report(0.6 + step / 100 + u / 1000)) },
      });
  }
  return s;
}

/** The shape checks a runner's results.json passes. */
function expectRunnerShape(r: ResultsFile) {
  expect(r.version).toBe(RESULTS_VERSION);
  expect(typeof r.complete).toBe('boolean');
  expect(r.config.steps).toBeGreaterThan(0);
  expect(Array.isArray(r.seeds) && Array.isArray(r.plannedSeeds)).toBe(true);
  expect(typeof r.backend).toBe('string');
  expect(r.pool).toEqual({ workers: expect.any(Number), wallSeconds: expect.any(Number) });
  for (const run of r.runs) {
    expect(Object.keys(run).sort()).toEqual(
      [
        'agents',
        'analysis',
        'diverged',
        'eval',
        'evals',
        'history',
        'interrupted',
        'label',
        'method',
        'msPerEval',
        'msPerStep',
        'seed',
      ].sort(),
    );
    for (const h of run.history) expect(Object.keys(h)).toEqual(['step', 'loss', 'lr']);
    for (const e of run.evals)
      expect(e).toMatchObject({
        step: expect.any(Number),
        accuracy: expect.any(Number),
        auc: expect.any(Number),
        roc: { fpr: expect.any(Array), tpr: expect.any(Array) },
      });
    expect(run.eval === null || typeof run.eval.accuracy === 'number').toBe(true);
    expect(typeof run.interrupted).toBe('boolean');
    expect(Object.keys(run.analysis).sort()).toEqual([
      'agents',
      'landscape1d',
      'landscape1dHistory',
      'landscape2d',
      'lipschitz',
    ]);
  }
  expect(Array.isArray(r.pairedDifferences)).toBe(true);
  expect(typeof r.summary).toBe('string');
}

describe('the page as results.json', () => {
  it('has the runner schema, and its series round-trip through JSON', () => {
    const state = trained();
    const file = JSON.parse(JSON.stringify(pageResults(state, { config, seeds }, VERSIONS))) as ResultsFile & {
      versions: Record<string, string>;
      source: string;
    };
    expectRunnerShape(file);
    expect(file).toMatchObject({ complete: true, seeds, plannedSeeds: seeds, backend: 'cpu', source: 'page' });
    expect(file.versions['@tensorflow/tfjs-core']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(file.runs).toHaveLength(units.length);
    file.runs.forEach((run, u) => {
      const series = state.runs[u];
      expect([run.label, run.seed]).toEqual([series?.label, series?.seed]);
      expect(run.history.map((h) => h.step)).toEqual(series?.steps);
      expect(run.history.map((h) => h.loss)).toEqual(series?.loss);
      expect(run.history.map((h) => h.lr)).toEqual([1, 2, 3, 4].map((t) => learningRateAt(t - 1, 4, config.optim)));
      // Steps 2 during training; step 4 is the final evaluation, kept apart as the runner does.
      expect(run.evals.map((e) => [e.step, e.accuracy, e.rank1])).toEqual([[2, 0.62 + u / 1000, 0.3]]);
      expect(run.eval).toEqual(series?.latest);
      expect(run.interrupted).toBe(false);
    });
    expect(file.untrained.map((u) => u.seed)).toEqual(seeds);
    expect(file.pairedDifferences.length).toBe((R * (R - 1)) / 2);
    expect(file.pairedDifferences[0]?.seeds).toEqual(seeds);
  });

  it('writes a run stopped before its last step as interrupted, and only the seeds that began', () => {
    let s = startSession(1, config, seeds, 1);
    s = send(s, {
      type: 'stats',
      sessionId: 1,
      batch: {
        worker: 0,
        units: [0, 1],
        steps: Int32Array.from([1, 2]),
        losses: [Float32Array.from([3, 2]), Float32Array.from([3, 2])],
        msPerStep: [1, 1],
        stepsPerSecond: 1,
      },
    });
    const file = pageResults(s, { config, seeds }, {});
    expectRunnerShape(file);
    expect(file).toMatchObject({ complete: false, seeds: [7], plannedSeeds: seeds });
    expect(file.pairedDifferences.every((row) => row.seeds.length === 0)).toBe(true);
    expect(file.runs.map((r) => [r.seed, r.history.length, r.eval, r.interrupted])).toEqual(
      Array.from({ length: R }, (_, i) => [7, i < 2 ? 2 : 0, null, true]),
    );
  });

  it('writes every series as CSV: a row per run × step', () => {
    const csv = seriesCsv(trained(), config).trim().split('\n');
    expect(csv[0]).toBe(CSV_HEADER.join(','));
    expect(csv).toHaveLength(1 + units.length * 4);
    expect(csv[2]).toMatch(/^Conventional,7,2,8,\S+,0\.\d+,0\.62,0\.01,0\.72$/);
    expect(csv[1]).toBe(`Conventional,7,1,9,9,${learningRateAt(0, config.steps, config.optim)},,,`);
    // After the milestone at half the steps the rate is cut by gamma.
    expect(csv[4]).toMatch(new RegExp(`^Conventional,7,4,6,\\S+,${learningRateAt(3, config.steps, config.optim)},`));
  });

  it("writes the same CSV as the runner's runs.csv of the page's results.json", () => {
    const state = trained();
    const file = pageResults(state, { config, seeds }, VERSIONS);
    expect(file.runs.some((r) => r.eval !== null)).toBe(true);
    expect(resultsCsv(file)).toBe(seriesCsv(state, config));
  });
});
