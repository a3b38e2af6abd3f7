import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { presetConfig } from '../core/presets';
import type { FromWorker, WorkerCheckpoint } from '../worker/protocol';
import type { SavedSetup } from './storage/comparisonStore';
import { saveComparison } from './storage/comparisonStore';
import { Persister } from './persist';
import { Store } from './store/store';

vi.mock('./storage/comparisonStore', () => ({
  saveComparison: vi.fn(() => Promise.resolve()),
  removeComparison: vi.fn(() => Promise.resolve()),
  pruneComparisons: vi.fn(() => Promise.resolve()),
  adoptComparison: vi.fn(() => Promise.resolve()),
}));
vi.mock('./comparisonKey', () => ({
  newComparisonKey: () => 'comparison:test',
  holdComparison: () => () => undefined,
  rememberTabComparison: () => undefined,
}));

// smoke on seeds 1 and 2 with two workers: worker 0 trains units 0–2, worker 1 units 3–5.
const config = presetConfig('smoke');
const setup: SavedSetup = { preset: 'smoke', config, seeds: [1, 2], backend: 'wasm', workers: 2, folder: null };
const ck = (worker: number, step: number): WorkerCheckpoint => ({
  worker,
  step,
  groups: [
    { seed: worker + 1, units: [0, 1, 2].map((u) => u + 3 * worker), active: [true, true, true], bytes: new Blob([]) },
  ],
});
const message = (checkpoint: WorkerCheckpoint): FromWorker => ({ type: 'checkpoint', sessionId: 1, checkpoint });
const save = vi.mocked(saveComparison);
const savedSteps = (call: number) => (save.mock.calls[call]?.[3] ?? []).map((c) => `worker ${c.worker} at ${c.step}`);

describe('the persister', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    save.mockClear();
  });
  afterEach(() => vi.useRealTimers());

  it("saves each worker's latest checkpoint with every state, without reading the record back", async () => {
    const store = new Store();
    const persister = new Persister(store, () => undefined);
    store.start(1, config, setup.seeds, 2);
    persister.begin(setup, 1, null);
    store.receive(message(ck(0, 5)));
    await vi.runAllTimersAsync();
    store.receive(message(ck(1, 5)));
    await vi.runAllTimersAsync();
    store.receive(message(ck(0, 10)));
    await vi.runAllTimersAsync();
    await persister.settled();
    expect(save.mock.calls.map((_, i) => savedSteps(i))).toEqual([
      ['worker 0 at 5'],
      ['worker 0 at 5', 'worker 1 at 5'],
      ['worker 0 at 10', 'worker 1 at 5'],
    ]);
    persister.dispose();
  });

  it("starts from a restored comparison's checkpoints, and a new comparison from none", async () => {
    const store = new Store();
    const persister = new Persister(store, () => undefined);
    store.start(1, config, setup.seeds, 2);
    const saved = { savedAt: 1, setup, state: store.get(), checkpoints: [ck(0, 4), ck(1, 4)] };
    persister.begin(setup, 1, { key: 'comparison:old', saved });
    store.receive(message(ck(1, 8)));
    await vi.runAllTimersAsync();
    persister.begin(setup, 1, null);
    store.receive(message(ck(0, 2)));
    await vi.runAllTimersAsync();
    await persister.settled();
    expect([savedSteps(0), savedSteps(1)]).toEqual([['worker 0 at 4', 'worker 1 at 8'], ['worker 0 at 2']]);
    persister.dispose();
  });
});
