import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../../worker/protocol';
import { decimate, MAX_POINTS, reduce, SMOOTHING, startSession } from './state';

const runs = [{ method: 'sst' as const, agents: 1 }, { method: 'masst' as const, agents: 4 }];
const untrained = { accuracy: 0.6, accuracyStdErr: 0.01, auc: 0.6, rank1: 0.1, tarAtFar: {}, lookalikeAccuracy: null, roc: { fpr: [], tpr: [] }, pairs: 20 };

function stats(runId: number, steps: number[], a: number[], b: number[]): FromWorker {
  return { type: 'stats', runId, batch: { steps: Int32Array.from(steps), losses: [Float32Array.from(a), Float32Array.from(b)], msPerStep: [10, 12], stepsPerSecond: 5 } };
}

describe('UI state reducer', () => {
  const ready = reduce(startSession(3), { type: 'ready', runId: 3, runs, untrained, probeCost: { forward: 8, backward: 8, every: 10 } });

  it('creates one series per run, labelled', () => {
    expect(ready.runs.map((r) => r.label)).toEqual(['SST', 'MASST K=4']);
    expect(ready.phase).toBe('ready');
  });

  it('appends new points, smooths with an EMA and keeps the step', () => {
    const s = reduce(ready, stats(3, [1, 2], [4, 2], [5, 5]));
    expect(s.runs[0]?.loss).toEqual([4, 2]);
    expect(s.runs[0]?.smooth).toEqual([4, SMOOTHING * 4 + (1 - SMOOTHING) * 2]);
    expect(s.step).toBe(2);
    expect(s.runs[1]?.msPerStep).toBe(12);
  });

  it('ignores messages of another session', () => {
    expect(reduce(ready, stats(2, [1], [1], [1]))).toBe(ready);
  });

  it('bounds a series by keeping every other point past the limit', () => {
    const xs = Array.from({ length: MAX_POINTS + 2 }, (_, i) => i);
    const d = decimate(xs);
    expect(d.length).toBeLessThanOrEqual(MAX_POINTS / 2 + 2);
    expect(d[d.length - 1]).toBe(MAX_POINTS + 1);
    expect(decimate([1, 2, 3])).toEqual([1, 2, 3]);
  });

  it('records evaluations per run and keeps series on an error', () => {
    const withLoss = reduce(ready, stats(3, [1], [4], [5]));
    const evaluated = reduce(withLoss, { type: 'eval', runId: 3, result: { step: 1, reports: [untrained, { ...untrained, accuracy: 0.7 }] } });
    expect(evaluated.runs[1]?.evals).toEqual([{ step: 1, accuracy: 0.7, stdErr: 0.01 }]);
    const failed = reduce(evaluated, { type: 'error', runId: 3, message: 'device lost', recoverable: true });
    expect(failed.errors).toEqual(['device lost']);
    expect(failed.runs[0]?.loss).toEqual([4]);
    expect(failed.playing).toBe(false);
  });

  it('a new session starts empty', () => {
    const s = startSession(4);
    expect(s.runs).toEqual([]);
    expect(s.runId).toBe(4);
  });
});
