import { afterEach, describe, expect, it, vi } from 'vitest';
import { presetConfig } from '../../core/presets';
import type { EvalReport } from '../../core/eval/report';
import type { FromWorker } from '../../worker/protocol';
import { enqueue, MAX_QUEUED, MAX_QUEUED_LOSSES, mustApplyNow } from './queue';
import { MAX_POINTS, reduce, startSession } from './state';
import type { UiState } from './state';
import { Store } from './store';

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
const smoothnessCost = { forward: 8, backward: 8, every: 10 };

/** One step of a worker's two units; `ms` tells the batches apart. */
function stats(worker: number, units: number[], step: number, ms = 10): FromWorker {
  return {
    type: 'stats',
    sessionId: 3,
    batch: {
      worker,
      units,
      steps: Int32Array.of(step),
      losses: units.map((u) => Float32Array.of(1 / (step + u))),
      msPerStep: units.map(() => ms + step),
      stepsPerSecond: step,
    },
  };
}

// 2 methods × seeds 7, 8 on 2 workers: worker 0 trains units 0 and 3, worker 1 units 1 and 2.
const W0 = [0, 3];
const W1 = [1, 2];
const ready: UiState = [0, 1].reduce<UiState>(
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

/** What training sends: both workers' batches interleaved, an evaluation every 10 steps. */
function training(steps: number): FromWorker[] {
  return Array.from({ length: steps }, (_, i) => i + 1).flatMap((step) => [
    stats(0, W0, step),
    stats(1, W1, step),
    ...(step % 10 === 0
      ? [
          {
            type: 'eval' as const,
            sessionId: 3,
            result: { step, units: [0, 1, 2, 3], reports: [0, 1, 2, 3].map((u) => report(0.6 + u / 100)) },
          },
        ]
      : []),
  ]);
}

const queued = (messages: readonly FromWorker[]): FromWorker[] => {
  const queue: FromWorker[] = [];
  for (const m of messages) enqueue(queue, m);
  return queue;
};

describe('the store queue', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps one loss batch per worker across evaluations, and applies to the same state as every message in turn', () => {
    const messages = training(40);
    const queue = queued(messages);
    expect(queue.map((m) => m.type)).toEqual(['stats', 'stats', 'eval', 'eval', 'eval', 'eval']);
    expect(queue.filter((m) => m.type === 'stats').map((m) => m.batch.steps.length)).toEqual([40, 40]);
    expect(queue.reduce(reduce, ready)).toEqual(messages.reduce(reduce, ready));
  });

  it('does not move a loss batch past a message of its worker whose order matters', () => {
    const paused: FromWorker = { type: 'state', sessionId: 3, worker: 0, phase: 'ready', step: 1 };
    const messages = [stats(0, W0, 1), stats(1, W1, 1), paused, stats(0, W0, 2), stats(1, W1, 2)];
    const queue = queued(messages);
    expect(queue.map((m) => (m.type === 'stats' ? `stats ${m.batch.worker}` : m.type))).toEqual([
      'stats 0',
      'stats 1',
      'state',
      'stats 0',
    ]);
    expect(queue.reduce(reduce, ready)).toEqual(messages.reduce(reduce, ready));
    const diverged: FromWorker = { type: 'diverged', sessionId: 3, unit: 3, step: 1, message: 'diverged' };
    expect(queued([stats(0, W0, 1), diverged, stats(0, W0, 2)])).toHaveLength(3);
    expect(queued([stats(0, W0, 1), { ...diverged, unit: 1 }, stats(0, W0, 2)])).toHaveLength(2);
    expect(queued([stats(0, W0, 1), stats(0, [0], 2)])).toHaveLength(2);
  });

  it('stays bounded however long the timer waits: too many messages or loss values apply at once', () => {
    expect(mustApplyNow(queued(training(MAX_QUEUED_LOSSES / 4)))).toBe(false);
    expect(mustApplyNow(queued(training(MAX_QUEUED_LOSSES / 4 + 1)))).toBe(true);
    const rows: FromWorker[] = Array.from({ length: MAX_QUEUED + 1 }, (_, index) => ({
      type: 'landscape',
      sessionId: 3,
      row: { run: 0, dims: 2, step: 1, alphas: [], betas: [], index, losses: [] },
    }));
    expect(mustApplyNow(rows.slice(0, MAX_QUEUED))).toBe(false);
    expect(mustApplyNow(rows)).toBe(true);
  });

  it('in a tab whose timers never fire, the store applies on its own and loses nothing', () => {
    vi.useFakeTimers();
    const store = new Store();
    store.start(3, config, [7, 8], 2);
    for (const m of training(6000)) store.receive(m);
    // 6,000 steps of 4 units: applied every 2,500 steps without a timer; the rest waits for it.
    for (const r of store.get().runs) expect(r.steps[r.steps.length - 1]).toBeGreaterThan(2500);
    vi.runAllTimers();
    for (const r of store.get().runs) {
      expect(r.steps[r.steps.length - 1]).toBe(6000);
      expect(r.steps.length).toBeLessThanOrEqual(MAX_POINTS);
      expect(r.evals).toHaveLength(600);
    }
  });
});
