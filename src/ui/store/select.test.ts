import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../../core/eval/report';
import { presetConfig } from '../../core/presets';
import type { FromWorker } from '../../worker/protocol';
import { cachedSelector, sameSelection } from './select';
import {
  selectAnalysis,
  selectControls,
  selectData,
  selectEval,
  selectLoss,
  selectPage,
  selectStatus,
} from './selectors';
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
  tarAtFar: { '0.1': 0.5, '0.01': 0.2 },
  lookalikeAccuracy: null,
  roc: { fpr: [], tpr: [] },
  pairs: 20,
});
const smoothnessCost = { forward: 8, backward: 8, every: 10 };

const stats = (worker: number, units: number[], step: number): FromWorker => ({
  type: 'stats',
  sessionId: 3,
  batch: {
    worker,
    units,
    steps: Int32Array.of(step),
    losses: units.map(() => Float32Array.of(2 / step)),
    msPerStep: units.map(() => 12),
    stepsPerSecond: 4,
  },
});

const ready = [0, 1].reduce<UiState>(
  (s, worker) =>
    reduce(s, {
      type: 'ready',
      sessionId: 3,
      worker,
      untrained: [{ seed: 7 + worker, report: report(0.6) }],
      smoothnessCost,
    }),
  startSession(3, config, [7, 8], 2),
);
const training = reduce(reduce(ready, { type: 'state', sessionId: 3, worker: 0, phase: 'training', step: 0 }), {
  type: 'state',
  sessionId: 3,
  worker: 1,
  phase: 'training',
  step: 0,
});

describe('slices of the state', () => {
  it("compares field by field, three levels down, and the state's own arrays by identity", () => {
    const evals = [{ step: 1, accuracy: 0.5, stdErr: 0, auc: 0.5 }];
    expect(sameSelection({ runs: [{ a: 1, evals }], n: 2 }, { runs: [{ a: 1, evals }], n: 2 })).toBe(true);
    expect(sameSelection({ runs: [{ a: 1, evals }] }, { runs: [{ a: 1, evals: [...evals] }] })).toBe(false);
    expect(sameSelection({ runs: [{ a: 1 }] }, { runs: [{ a: 1 }, { a: 2 }] })).toBe(false);
    expect(sameSelection({ a: 1 }, { b: 1 })).toBe(false);
    expect(sameSelection({ a: NaN }, { a: NaN })).toBe(true);
  });

  it('a cached selector returns the previous slice while nothing in it changed', () => {
    let calls = 0;
    const select = cachedSelector((s: UiState) => {
      calls += 1;
      return selectEval(s);
    });
    const first = select(training);
    expect(select(training)).toBe(first);
    expect(calls).toBe(1);
    const batch = reduce(reduce(training, stats(0, [0, 3], 1)), stats(1, [1, 2], 1));
    expect(select(batch)).toBe(first);
    const evaluated = reduce(batch, {
      type: 'eval',
      sessionId: 3,
      result: { step: 1, units: [0, 1, 2, 3], reports: [0.6, 0.7, 0.6, 0.7].map(report) },
    });
    expect(select(evaluated)).not.toBe(first);
    expect(select(evaluated).runs[1]?.latest?.accuracy).toBe(0.7);
  });

  it('a batch of losses changes the loss chart, the list of runs and the speed, and nothing else', () => {
    const batch = reduce(reduce(training, stats(0, [0, 3], 1)), stats(1, [1, 2], 1));
    const changed = (select: (s: UiState) => unknown) => !sameSelection(select(training), select(batch));
    expect({
      loss: changed(selectLoss),
      status: changed(selectStatus),
      controls: changed(selectControls),
      eval: changed(selectEval),
      analysis: changed(selectAnalysis),
      data: changed(selectData),
      page: changed(selectPage),
    }).toEqual({ loss: true, status: true, controls: true, eval: false, analysis: false, data: false, page: false });
    const next = reduce(batch, stats(0, [0, 3], 2));
    expect(sameSelection(selectControls(batch), selectControls(next))).toBe(true);
    expect(selectStatus(next).runs.map((r) => [r.step, r.loss])).toEqual([
      [2, 1],
      [1, 2],
      [1, 2],
      [2, 1],
    ]);
  });
});
