import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../core/presets';
import type { EvalReport } from '../../core/eval/report';
import type { FromWorker } from '../../worker/protocol';
import { defaultWorkers, planPool } from '../pool/plan';
import { decimate, MAX_POINTS, reduce, SMOOTHING, startSession } from './state';
import type { UiState } from './state';
import { commonEvalStep, isFinished, methodGroups, pairedAtCommonStep } from './views';

const config = {
  ...presetConfig('smoke'),
  runs: [
    { method: 'sst' as const, agents: 1 },
    { method: 'masst' as const, agents: 4 },
  ],
};
const report = (accuracy: number, auc = 0.6): EvalReport => ({
  accuracy,
  accuracyStdErr: 0.01,
  auc,
  rank1: 0.1,
  tarAtFar: {},
  lookalikeAccuracy: null,
  roc: { fpr: [], tpr: [] },
  pairs: 20,
});
const smoothnessCost = { forward: 8, backward: 8, every: 10 };

function stats(sessionId: number, worker: number, units: number[], steps: number[], ...losses: number[][]): FromWorker {
  return {
    type: 'stats',
    sessionId,
    batch: {
      worker,
      units,
      steps: Int32Array.from(steps),
      losses: losses.map((l) => Float32Array.from(l)),
      msPerStep: units.map((u) => 10 + u),
      stepsPerSecond: 5,
    },
  };
}

const ready = (s: UiState, worker: number, seed: number): UiState =>
  reduce(s, {
    type: 'ready',
    sessionId: s.sessionId,
    worker,
    untrained: [{ seed, report: report(0.6) }],
    smoothnessCost,
  });

describe('UI state reducer', () => {
  // 2 methods × seeds 7, 8 = units 0..3 on 2 workers, dealt diagonally: worker 0 trains units 0
  // (SST, seed 7) and 3 (MASST, seed 8), worker 1 units 1 and 2.
  const started = startSession(3, config, [7, 8], 2);
  const both = ready(ready(started, 0, 7), 1, 8);

  it('creates one series per method × seed, seed-major, before any worker is ready', () => {
    expect(started.runs.map((r) => [r.unit, r.label, r.seed])).toEqual([
      [0, 'SST', 7],
      [1, 'MASST K=4', 7],
      [2, 'SST', 8],
      [3, 'MASST K=4', 8],
    ]);
    expect(started.phase).toBe('starting');
    expect(ready(started, 0, 7).phase).toBe('starting');
    expect(both.phase).toBe('ready');
    expect(both.untrained.map((u) => u.seed)).toEqual([7, 8]);
  });

  it('deals units diagonally so each worker mixes methods and makes the faces of its seeds', () => {
    const plans = planPool(config, [7, 8], 2);
    expect(plans.map((p) => p.units.map((u) => u.unit))).toEqual([
      [0, 3],
      [1, 2],
    ]);
    expect(plans.map((p) => p.makes)).toEqual([[7], [8]]);
    expect(planPool(config, [7], 8)).toHaveLength(2);
    // 3 methods × 3 seeds on 3 workers: every worker trains each method once, and makes one seed.
    const three = planPool({ ...config, runs: [...config.runs, { method: 'conventional', agents: 1 }] }, [1, 2, 3], 3);
    expect(three.map((p) => p.units.map((u) => u.run).sort())).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(three.map((p) => p.makes)).toEqual([[1], [2], [3]]);
    expect(defaultWorkers(64, 'wasm')).toBe(16);
    expect(defaultWorkers(2, 'webgpu')).toBe(1);
  });

  it('appends new points to the units named, smooths with an EMA and tracks the slowest worker', () => {
    let s = reduce(both, stats(3, 0, [0, 3], [1, 2], [4, 2], [5, 5]));
    expect(s.runs[0]?.loss).toEqual([4, 2]);
    expect(s.runs[0]?.smooth).toEqual([4, SMOOTHING * 4 + (1 - SMOOTHING) * 2]);
    expect(s.runs[3]?.loss).toEqual([5, 5]);
    expect(s.runs[3]?.msPerStep).toBe(13);
    expect(s.runs[1]?.loss).toEqual([]);
    expect(s.step).toBe(0);
    s = reduce(s, stats(3, 1, [1, 2], [1], [3], [3]));
    expect(s.step).toBe(1);
    expect(s.workers.map((w) => w.step)).toEqual([2, 1]);
  });

  it('ignores messages of another session', () => {
    expect(reduce(both, stats(2, 0, [0], [1], [1]))).toBe(both);
  });

  it('bounds a series by keeping every other point past the limit', () => {
    const xs = Array.from({ length: MAX_POINTS + 2 }, (_, i) => i);
    const d = decimate(xs);
    expect(d.length).toBeLessThanOrEqual(MAX_POINTS / 2 + 2);
    expect(d[d.length - 1]).toBe(MAX_POINTS + 1);
    expect(decimate([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('records evaluations per unit and keeps series on an error', () => {
    const withLoss = reduce(both, stats(3, 0, [0, 3], [1], [4], [5]));
    const evaluated = reduce(withLoss, {
      type: 'eval',
      sessionId: 3,
      result: { step: 1, units: [0, 2], reports: [report(0.65), report(0.7, 0.8)] },
    });
    expect(evaluated.runs[2]?.evals).toEqual([
      {
        step: 1,
        accuracy: 0.7,
        stdErr: 0.01,
        auc: 0.8,
        more: { rank1: 0.1, tarAtFar: {}, lookalikeAccuracy: null, pairs: 20 },
      },
    ]);
    const playing = reduce(evaluated, { type: 'state', sessionId: 3, worker: 1, phase: 'training', step: 1 });
    expect(playing.playing).toBe(true);
    const failed = reduce(playing, { type: 'error', sessionId: 3, message: 'device lost' });
    expect(failed.errors).toEqual(['device lost']);
    expect(failed.runs[0]?.loss).toEqual([4]);
    expect(failed.playing).toBe(false);
  });

  it('pairs the methods by seed at the latest evaluation every unit has, and knows when it has finished', () => {
    const evalAt = (s: UiState, step: number, accs: number[]): UiState =>
      reduce(s, {
        type: 'eval',
        sessionId: 3,
        result: { step, units: [0, 1, 2, 3], reports: accs.map((a) => report(a)) },
      });
    let s = evalAt(both, 10, [0.6, 0.62, 0.6, 0.61]);
    s = reduce(s, {
      type: 'eval',
      sessionId: 3,
      result: { step: 30, units: [0, 2], reports: [report(0.7), report(0.7)] },
    });
    expect(commonEvalStep(s.runs)).toBe(10);
    const paired = pairedAtCommonStep(s);
    expect(paired?.step).toBe(10);
    expect(paired?.rows.map((r) => r.label)).toEqual(['MASST K=4 − SST']);
    expect(paired?.rows[0]?.accuracy.perSeed.map((d) => Number(d.toFixed(6)))).toEqual([0.02, 0.01]);
    expect(isFinished(s)).toBe(false);
    s = reduce(s, {
      type: 'eval',
      sessionId: 3,
      result: { step: 30, units: [1, 3], reports: [report(0.7), report(0.72)] },
    });
    expect(isFinished(s)).toBe(true);
    expect(methodGroups(s.runs).map((g) => [g.label, g.series.map((r) => r.seed)])).toEqual([
      ['SST', [7, 8]],
      ['MASST K=4', [7, 8]],
    ]);
  });

  it('a diverged run keeps its points and last evaluation, leaves the pairing and marks the run', () => {
    let s = reduce(both, stats(3, 0, [0, 3], [1, 2], [4, 2], [5, NaN]));
    expect(s.runs[3]?.loss).toEqual([5]);
    s = reduce(s, {
      type: 'eval',
      sessionId: 3,
      result: { step: 1, units: [0, 1, 2, 3], reports: [report(0.6), report(0.7), report(0.6), report(0.65)] },
    });
    s = reduce(s, {
      type: 'diverged',
      sessionId: 3,
      unit: 3,
      step: 2,
      message: 'MASST K=4 · seed 8 diverged at step 2',
    });
    expect(s.runs[3]?.diverged).toEqual({ step: 2, message: 'MASST K=4 · seed 8 diverged at step 2' });
    expect(s.errors).toContain('MASST K=4 · seed 8 diverged at step 2');
    expect(s.runs[3]?.latest?.accuracy).toBe(0.65);
    // later evaluations reach the healthy runs only; the pairing uses seed 7 alone
    s = reduce(s, {
      type: 'eval',
      sessionId: 3,
      result: { step: 30, units: [0, 1, 2], reports: [report(0.6), report(0.7), report(0.6)] },
    });
    const paired = pairedAtCommonStep(s);
    expect(paired?.step).toBe(30);
    expect(paired?.rows[0]?.seeds).toEqual([7]);
    expect(isFinished(s)).toBe(true);
    s = reduce(s, stats(3, 0, [0, 3], [3], [1], [NaN]));
    expect(s.runs[3]?.loss).toEqual([5]);
  });
});
