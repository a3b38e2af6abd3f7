import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../core/presets';
import type { EvalReport } from '../../core/eval/report';
import type { FromWorker, WorkerCheckpoint } from '../../worker/protocol';
import { checkpointSteps, restoredState } from './restore';
import { reduce, startSession } from './state';
import type { UiState } from './state';

const config = {
  ...presetConfig('smoke'),
  runs: [
    { method: 'sst' as const, agents: 1 },
    { method: 'masst' as const, agents: 4 },
  ],
};
const report = (accuracy: number): EvalReport => ({
  accuracy,
  accuracyStdErr: 0.01,
  auc: 0.6,
  rank1: 0.1,
  tarAtFar: {},
  lookalikeAccuracy: null,
  roc: { fpr: [], tpr: [] },
  pairs: 20,
});
const stats = (worker: number, units: number[], steps: number[], losses: number[][]): FromWorker => ({
  type: 'stats',
  sessionId: 1,
  batch: {
    worker,
    units,
    steps: Int32Array.from(steps),
    losses: losses.map((l) => Float32Array.from(l)),
    msPerStep: units.map(() => 5),
    stepsPerSecond: 4,
  },
});
const ck = (worker: number, step: number, units: number[]): WorkerCheckpoint => ({
  worker,
  step,
  groups: [{ seed: 7, units, active: units.map(() => true), bytes: new Blob([new ArrayBuffer(4)]) }],
});

describe('a restored comparison', () => {
  // Units 0..3 (2 methods × seeds 7, 8) on 2 workers: worker 0 trains 0 and 3, worker 1 trains 1 and 2.
  let saved: UiState = startSession(1, config, [7, 8], 2);
  saved = reduce(
    saved,
    stats(
      0,
      [0, 3],
      [1, 2, 3, 4],
      [
        [4, 3, 2, 1],
        [5, 4, 3, 2],
      ],
    ),
  );
  saved = reduce(
    saved,
    stats(
      1,
      [1, 2],
      [1, 2],
      [
        [6, 5],
        [7, 6],
      ],
    ),
  );
  saved = reduce(saved, {
    type: 'eval',
    sessionId: 1,
    result: { step: 2, units: [0, 3], reports: [report(0.6), report(0.61)] },
  });
  saved = reduce(saved, {
    type: 'eval',
    sessionId: 1,
    result: { step: 4, units: [0, 3], reports: [report(0.7), report(0.71)] },
  });
  saved = reduce(saved, {
    type: 'diverged',
    sessionId: 1,
    unit: 3,
    step: 4,
    message: 'MASST K=4 · seed 8 diverged at step 4',
  });
  saved = reduce(saved, {
    type: 'smoothness',
    sessionId: 1,
    run: 0,
    point: { step: 4, lossMin: 1, lossMax: 2, gradPredMin: 0, gradPredMax: 1, beta: 1, lipschitz: 1 },
  });

  it("is cut back to each worker's checkpoint step; units without one start at 0", () => {
    // Worker 0 checkpointed at step 3, worker 1 never.
    const r = restoredState(saved, 9, 2, [ck(0, 3, [0, 3])]);
    expect(checkpointSteps(4, [ck(0, 3, [0, 3])])).toEqual([3, 0, 0, 3]);
    expect(r.sessionId).toBe(9);
    expect(r.phase).toBe('starting');
    expect(r.playing).toBe(false);
    expect(r.errors).toEqual([]);
    expect(r.workers.map((w) => [w.ready, w.step])).toEqual([
      [false, 3],
      [false, 0],
    ]);
    expect(r.step).toBe(0);
    expect(r.runs.map((x) => x.steps)).toEqual([[1, 2, 3], [], [], [1, 2, 3]]);
    expect(r.runs[0]?.loss).toEqual([4, 3, 2]);
    expect(r.runs[0]?.smooth).toEqual(saved.runs[0]?.smooth.slice(0, 3));
    // The step-4 evaluation, probe and divergence come after the checkpoint: computed again on resume.
    expect(r.runs[0]?.evals.map((e) => e.step)).toEqual([2]);
    expect(r.runs[0]?.latest).toBeNull();
    expect(r.runs[0]?.smoothness).toEqual([]);
    expect(r.runs[3]?.diverged).toBeNull();
    expect(r.untrained).toEqual(saved.untrained);
  });

  it('keeps everything up to a checkpoint at the last step, the last report included', () => {
    const r = restoredState(saved, 2, 2, [ck(0, 4, [0, 3]), ck(1, 2, [1, 2])]);
    expect(r.runs.map((x) => x.steps.length)).toEqual([4, 2, 2, 4]);
    expect(r.runs[0]?.latest?.accuracy).toBe(0.7);
    expect(r.runs[3]?.diverged?.step).toBe(4);
    expect(r.runs[0]?.smoothness).toHaveLength(1);
    expect(r.step).toBe(2);
  });
});
