import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../worker/protocol';
import { formFromUrl } from './form';
import { SMOOTHING } from './series';
import { initialState, reduce, startSession } from './state';

const runs = [{ method: 'sst' as const, agents: 1 }, { method: 'masst' as const, agents: 4 }, { method: 'masst' as const, agents: 2 }];
const untrained = { accuracy: 0.6, accuracyStdErr: 0.01, auc: 0.6, rank1: 0.1, tarAtFar: {}, lookalikeAccuracy: null, roc: { fpr: [], tpr: [] }, pairs: 20 };

function stats(runId: number, steps: number[], ...losses: number[][]): FromWorker {
  return { type: 'stats', runId, batch: { steps: Int32Array.from(steps), losses: losses.map((l) => Float32Array.from(l)), msPerStep: [10, 12, 14], stepsPerSecond: 5 } };
}

describe('UI state reducer', () => {
  const idle = initialState(formFromUrl('?preset=smoke&seed=5'));
  const started = startSession(idle, 3, 'key');
  const ready = reduce(started, { type: 'ready', runId: 3, runs, untrained, probeCost: { forward: 8, backward: 8, every: 10 } });

  it('creates one labelled, coloured series per run; MASST runs get different shades', () => {
    expect(ready.runs.map((r) => r.label)).toEqual(['SST', 'MASST K=4', 'MASST K=2']);
    expect(ready.runs[0]?.color).toBe('#1c7ed6');
    expect(ready.runs[1]?.color).not.toBe(ready.runs[2]?.color);
    expect(ready.phase).toBe('ready');
  });

  it('appends new points, smooths with an EMA and keeps the step and speed', () => {
    const s = reduce(ready, stats(3, [1, 2], [4, 2], [5, 5], [6, 6]));
    expect(s.runs[0]?.loss.raw).toEqual([4, 2]);
    expect(s.runs[0]?.loss.smooth).toEqual([4, SMOOTHING * 4 + (1 - SMOOTHING) * 2]);
    expect(s.step).toBe(2);
    expect(s.runs[1]?.msPerStep).toBe(12);
    expect(s.stepsPerSecond).toBe(5);
  });

  it('ignores messages of another session', () => {
    expect(reduce(ready, stats(2, [1], [1], [1], [1]))).toBe(ready);
    expect(reduce(ready, { type: 'error', runId: 2, message: 'old', recoverable: true })).toBe(ready);
  });

  it('records evaluations per run and keeps every series on an error', () => {
    const withLoss = reduce(ready, stats(3, [1], [4], [5], [6]));
    const evaluated = reduce(withLoss, { type: 'eval', runId: 3, result: { step: 1, reports: [untrained, { ...untrained, accuracy: 0.7 }, untrained] } });
    expect(evaluated.runs[1]?.evals).toEqual([{ step: 1, accuracy: 0.7, stdErr: 0.01 }]);
    expect(evaluated.runs[1]?.latest?.accuracy).toBe(0.7);
    const failed = reduce({ ...evaluated, playing: true }, { type: 'error', runId: 3, message: 'device lost', recoverable: true });
    expect(failed.errors).toEqual(['device lost']);
    expect(failed.runs).toBe(evaluated.runs);
    expect(failed.untrained).toBe(untrained);
    expect(failed.playing).toBe(false);
  });

  it('a new session (Reset) clears every series, the step and errors, and keeps the form', () => {
    const trained = reduce(reduce(ready, stats(3, [1, 2], [4, 2], [5, 5], [6, 6])), { type: 'state', runId: 3, playing: true, step: 2 });
    const failed = reduce(trained, { type: 'error', runId: 3, message: 'x', recoverable: true });
    const reset = startSession(failed, 4, 'key');
    expect(reset.runs).toEqual([]);
    expect(reset.step).toBe(0);
    expect(reset.errors).toEqual([]);
    expect(reset.untrained).toBeNull();
    expect(reset.playing).toBe(false);
    expect(reset.runId).toBe(4);
    expect(reset.form).toBe(idle.form);
    expect(reduce(reset, stats(3, [3], [1], [1], [1]))).toBe(reset);
  });

  it('an error while starting returns to idle, so Train starts afresh', () => {
    const failed = reduce(started, { type: 'error', runId: 3, message: 'no backend', recoverable: true });
    expect(failed.phase).toBe('idle');
  });
});
