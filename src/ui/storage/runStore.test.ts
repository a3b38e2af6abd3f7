import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../core/engineVersion';
import { MemoryRuns, report } from '../sweep/fakeSweepPool';
import { PageRunStore, recordBytes } from './runStore';
import type { StoredRun } from './storedRun';
import { checkStoredRun, PAGE_RUN_STORE_VERSION, recordView } from './storedRun';

const record = (key: string, points = 4): StoredRun => ({
  version: PAGE_RUN_STORE_VERSION,
  key,
  input: { engine: ENGINE_VERSION, backend: 'cpu', method: 'sst', agents: 1, fields: { seed: 1 } },
  seconds: 1.5,
  savedAt: 0,
  untrained: report(0.5),
  data: {
    seed: 1,
    spec: { method: 'sst', agents: 1 },
    label: 'SST',
    msPerStep: 2,
    steps: Array.from({ length: points }, (_, i) => i + 1),
    loss: Array(points).fill(1),
    smooth: Array(points).fill(1),
    evals: [{ step: points, accuracy: 0.7, stdErr: 0, auc: 0.75 }],
    latest: report(0.7),
    smoothness: [{ step: points, lossMin: 0, lossMax: 1, gradPredMin: 0, gradPredMax: 1, beta: 2, lipschitz: 4 }],
    agents: [],
    diverged: null,
  },
});

describe('the page run store', () => {
  it('gives back what it stored, marked as used, and reports its size', async () => {
    let now = 100;
    const runs = new MemoryRuns();
    const store = new PageRunStore(runs, { maxBytes: 1e9, maxEntries: 10 }, () => now);
    await store.put(record('run-a'));
    now = 200;
    const taken = await store.take('run-a');
    expect(taken).toEqual({ kind: 'hit', run: record('run-a') });
    expect(runs.meta.get('run-a')?.usedAt).toBe(200);
    expect(await store.usage()).toEqual({ runs: 1, bytes: recordBytes(record('run-a')) });
    expect(await store.take('run-b')).toEqual({ kind: 'miss' });
  });

  it('drops the least recently used runs beyond its bounds, never the one just written', async () => {
    let now = 0;
    const runs = new MemoryRuns();
    const one = recordBytes(record('run-a'));
    const store = new PageRunStore(runs, { maxBytes: 2 * one, maxEntries: 10 }, () => ++now);
    await store.put(record('run-a'));
    await store.put(record('run-b'));
    await store.take('run-a');
    await store.put(record('run-c'));
    expect([...runs.records.keys()].sort()).toEqual(['run-a', 'run-c']);
    const few = new PageRunStore(new MemoryRuns(), { maxBytes: 1, maxEntries: 1 }, () => ++now);
    await few.put(record('run-x'));
    expect((await few.usage()).runs).toBe(1);
  });

  it('drops a corrupt record with a note naming the field, the value and what is allowed', async () => {
    const runs = new MemoryRuns();
    const store = new PageRunStore(runs);
    await store.put(record('run-a'));
    (runs.records.get('run-a') as { data: { evals: unknown } }).data.evals = [{ step: 1 }];
    const taken = await store.take('run-a');
    expect(taken).toEqual({
      kind: 'corrupt',
      note: 'stored run run-a was corrupt (data.evals is an array of 1: expected a list of {step, accuracy, auc}): dropped, it is trained again',
    });
    expect(runs.records.has('run-a')).toBe(false);
    expect(await store.take('run-a')).toEqual({ kind: 'miss' });
  });

  it('checks version, key and the series', () => {
    expect(checkStoredRun(record('run-a'), 'run-a')).toEqual([]);
    expect(checkStoredRun({ ...record('run-a'), version: 0 }, 'run-a')).toEqual([
      `version is 0: expected ${PAGE_RUN_STORE_VERSION}`,
    ]);
    expect(checkStoredRun(record('run-a'), 'run-b')).toEqual([
      'key is "run-a": expected "run-b", the key it is stored under',
    ]);
    const short = record('run-a');
    short.data.loss = [1];
    expect(checkStoredRun(short, 'run-a')).toEqual([
      'data.loss has 1 and data.smooth 4 points: expected 4, one per step of data.steps',
    ]);
    expect(checkStoredRun('x', 'run-a')).toEqual(['the record is "x": expected an object']);
  });

  it("reads a run's final evaluation only at its last step, none after a divergence", () => {
    expect(recordView(record('run-a').data, 4).eval).toEqual({ accuracy: 0.7, auc: 0.75 });
    expect(recordView(record('run-a').data, 8).eval).toBeNull();
    const diverged = { ...record('run-a').data, diverged: { step: 3, message: 'loss NaN' } };
    expect(recordView(diverged, 4)).toMatchObject({ eval: null, diverged: { step: 3, what: 'loss NaN' } });
  });
});
