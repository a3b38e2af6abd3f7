import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../core/presets';
import type { ComparisonCheckpoint } from '../../core/train/checkpoint';
import { encodeCheckpoint } from '../../core/train/checkpointCodec';
import { reduce, startSession } from '../store/state';
import type { FromWorker, WorkerCheckpoint } from '../../worker/protocol';
import { checkSaved } from './savedComparison';
import type { SavedComparison } from './savedComparison';

// smoke: 3 methods on seed 5, one worker holding units 0, 1, 2.
const config = presetConfig('smoke');
const units = [0, 1, 2];
const stats: FromWorker = {
  type: 'stats',
  sessionId: 1,
  batch: {
    worker: 0,
    units,
    steps: Int32Array.from([1, 2, 3]),
    losses: units.map(() => Float32Array.from([3, 2, 1])),
    msPerStep: [5, 5, 5],
    stepsPerSecond: 4,
  },
};
const state = reduce(startSession(1, config, [5], 1), stats);
const bytes = (step: number, runs = 3) =>
  encodeCheckpoint({
    version: 1,
    seed: 5,
    step,
    runs: Array.from({ length: runs }, () => ({})),
  } as unknown as ComparisonCheckpoint);
const checkpoint = (step = 3): WorkerCheckpoint => ({
  worker: 0,
  step,
  groups: [{ seed: 5, units, active: [true, true, true], bytes: new Blob([bytes(step)]) }],
});
const good = (): SavedComparison => ({
  savedAt: 1_700_000_000_000,
  setup: { preset: 'smoke', config: structuredClone(config), seeds: [5], backend: 'wasm', workers: 1, folder: null },
  state: structuredClone(state),
  checkpoints: [checkpoint()],
});
const problemsOf = async (raw: unknown): Promise<string[]> => {
  const checked = await checkSaved(raw);
  return checked.ok ? [] : checked.problems;
};

describe('a stored comparison read back', () => {
  it('is usable when every part has its shape, and every run with history has a checkpoint', async () => {
    const checked = await checkSaved(good());
    expect(checked.ok).toBe(true);
    expect(checked.ok && checked.unresumable).toEqual([]);
  });

  it('names what is wrong with a record that is not a comparison at all', async () => {
    expect(await problemsOf('garbage')).toEqual([
      'the stored comparison = "garbage" is not allowed: expected an object with savedAt, setup, state and checkpoints',
    ]);
    expect(await problemsOf(null)).toEqual([
      'the stored comparison = null is not allowed: expected an object with savedAt, setup, state and checkpoints',
    ]);
    expect(await problemsOf({})).toEqual([
      'savedAt = missing is not allowed: expected a time (ms since 1970)',
      'setup = missing is not allowed: expected the comparison’s setup (preset, config, seeds, backend, workers)',
    ]);
  });

  it('checks the setup: an empty config, no seeds, an unknown backend', async () => {
    expect((await problemsOf({ ...good(), setup: { ...good().setup, config: {} } }))[0]).toBe(
      'setup.config.data = missing is not allowed: expected an object',
    );
    expect(await problemsOf({ ...good(), setup: { ...good().setup, seeds: [] } })).toEqual([
      'setup.seeds = an array of 0 is not allowed: expected a list of 1 to 16 distinct integers from 0 to 4294967295',
    ]);
    expect(await problemsOf({ ...good(), setup: { ...good().setup, backend: 'gpu', workers: 0 } })).toEqual([
      'setup.backend = "gpu" is not allowed: expected one of auto, webgpu, webgl, wasm, cpu',
      'setup.workers = 0 is not allowed: expected an integer from 1 to 16',
    ]);
  });

  it("checks the config with the form's own validation", async () => {
    const saved = good();
    saved.setup.config.batchSize = 1;
    expect(await problemsOf(saved)).toEqual([
      'setup.config.batchSize = 1 is not allowed: expected an integer from 2 to 4096',
    ]);
  });

  it("checks the state's runs against the setup", async () => {
    expect(await problemsOf({ ...good(), state: { ...state, runs: state.runs.slice(1) } })).toEqual([
      'state.runs = an array of 2 is not allowed: expected 3 runs (methods × seeds of setup)',
    ]);
    const saved = good();
    (saved.state.runs[1] as unknown as { loss: number[] }).loss = [1];
    expect(await problemsOf(saved)).toEqual([
      'state.runs[1].loss = an array of 1 is not allowed: expected 3 values, one per step',
    ]);
  });

  it('refuses a checkpoint that is a string, empty, or bytes this build cannot decode', async () => {
    expect(await problemsOf({ ...good(), checkpoints: ['abc'] })).toEqual([
      'checkpoints[0] = "abc" is not allowed: expected a worker’s checkpoint (an object)',
    ]);
    expect(await problemsOf({ ...good(), checkpoints: [{ ...checkpoint(), groups: [] }] })).toEqual([
      'checkpoints[0].groups = an array of 0 is not allowed: expected a list of at least one seed’s runs',
    ]);
    const empty = checkpoint();
    (empty.groups[0] as { bytes: Blob }).bytes = new Blob([]);
    expect(await problemsOf({ ...good(), checkpoints: [empty] })).toEqual([
      'checkpoints[0].groups[0].bytes is not a checkpoint this build can read: 0 bytes',
    ]);
    const elsewhere = checkpoint();
    (elsewhere.groups[0] as { bytes: Blob }).bytes = new Blob([bytes(2)]);
    const n = bytes(2).byteLength;
    expect(await problemsOf({ ...good(), checkpoints: [elsewhere] })).toEqual([
      `checkpoints[0].groups[0].bytes = ${n} bytes is not allowed: expected a checkpoint at step 3, its worker’s step (it is at step 2)`,
    ]);
  });

  it('refuses checkpoints of units the setup does not plan for their worker', async () => {
    const wrong = checkpoint();
    wrong.groups[0] = { ...(wrong.groups[0] as WorkerCheckpoint['groups'][number]), units: [2, 1, 0] };
    expect(await problemsOf({ ...good(), checkpoints: [wrong] })).toEqual([
      'checkpoints[0] (worker 1) units = "2,1,0" is not allowed: expected the units this setup plans for that worker, 0,1,2',
    ]);
  });

  it('reads the inline ArrayBuffer of records from builds before Blobs, and hands the checkpoint on as a Blob', async () => {
    const old = {
      ...good(),
      checkpoints: [{ ...checkpoint(), groups: [{ ...checkpoint().groups[0], bytes: bytes(3) }] }],
    };
    const checked = await checkSaved(old);
    expect(checked.ok).toBe(true);
    const stored = checked.ok ? checked.saved.checkpoints[0]?.groups[0]?.bytes : undefined;
    expect(stored).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (stored as Blob).arrayBuffer())).toEqual(new Uint8Array(bytes(3)));
    const broken = {
      ...good(),
      checkpoints: [{ ...checkpoint(), groups: [{ ...checkpoint().groups[0], bytes: new ArrayBuffer(0) }] }],
    };
    expect(await problemsOf(broken)).toEqual([
      'checkpoints[0].groups[0].bytes is not a checkpoint this build can read: 0 bytes',
    ]);
  });

  it('is usable without a checkpoint, naming the runs that restart from step 0', async () => {
    const checked = await checkSaved({ ...good(), checkpoints: [] });
    expect(checked.ok && checked.unresumable).toEqual(['Conventional · seed 5', 'SST · seed 5', 'MASST K=4 · seed 5']);
  });
});
