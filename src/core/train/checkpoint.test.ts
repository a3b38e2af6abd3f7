/**
 * Checkpoint and restore on the cpu backend: a comparison restored from a checkpoint taken at
 * step s (through the byte codec) continues with the same losses, weights and queues, bit for
 * bit, as the one that was never stopped; bad checkpoints are refused with a message naming why.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../../test/tfCpu';
import type { ExperimentConfig } from '../config';
import { createRng, restoreRng } from '../rng';
import * as tf from '../tf';
import { CHECKPOINT_VERSION } from './checkpoint';
import { decodeCheckpoint, encodeCheckpoint } from './checkpointCodec';
import { Comparison } from './comparison';
import type { SemiSiameseTrainer } from './semiSiamese';

beforeAll(useCpu);

const dataset = syntheticDataset(24, 6, 8);
const config: ExperimentConfig = {
  ...tinyConfig({
    steps: 12,
    runs: [
      { method: 'conventional', agents: 1 },
      { method: 'sst', agents: 1 },
      { method: 'masst', agents: 3 },
    ],
  }),
};
// Staggered agents, per-agent queues, active updates: every piece of state a restore must carry.
const masst = {
  ...config,
  gallery: { ...config.gallery, queueSize: 4 },
  masst: {
    ...config.masst,
    agentInit: 'staggered' as const,
    queueMode: 'perAgent' as const,
    agentUpdate: 'active' as const,
  },
};

async function stepLosses(cmp: Comparison, n: number): Promise<number[][]> {
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const ls = cmp.stepAll();
    out.push(await Promise.all(ls.map(async (l) => (await l.data())[0] as number)));
    tf.dispose(ls);
  }
  return out;
}

describe('comparison checkpoints', () => {
  it('restored at step 5 (through bytes), every run continues bit for bit', async () => {
    for (const c of [config, masst]) {
      const straight = new Comparison(c, dataset, 'im2col');
      const expected = await stepLosses(straight, 12);
      const weights = await Promise.all(straight.runs.map((r) => r.trainer.probe.snapshot()));
      const queue = await (straight.runs[2]?.trainer as SemiSiameseTrainer).queues[1]?.state();
      straight.dispose();

      const first = new Comparison(c, dataset, 'im2col');
      const head = await stepLosses(first, 5);
      const bytes = encodeCheckpoint(await first.checkpoint());
      first.dispose();

      const before = tf.memory().numTensors;
      const resumed = new Comparison(c, dataset, 'im2col');
      resumed.restore(decodeCheckpoint(bytes, 'the test checkpoint'));
      expect(resumed.steps).toBe(5);
      const tail = await stepLosses(resumed, 7);
      expect([...head, ...tail]).toEqual(expected);
      expect(await Promise.all(resumed.runs.map((r) => r.trainer.probe.snapshot()))).toEqual(weights);
      expect(await (resumed.runs[2]?.trainer as SemiSiameseTrainer).queues[1]?.state()).toEqual(queue);
      resumed.dispose();
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('a one-run comparison resumes from the checkpoint of several (matched by label)', async () => {
    const full = new Comparison(config, dataset, 'im2col');
    const expected = (await stepLosses(full, 6)).map((row) => row[1]);
    full.dispose();
    const first = new Comparison(config, dataset, 'im2col');
    await stepLosses(first, 3);
    const ck = await first.checkpoint();
    first.dispose();
    const alone = new Comparison({ ...config, runs: [{ method: 'sst', agents: 1 }] }, dataset, 'im2col');
    alone.restore(ck);
    expect((await stepLosses(alone, 3)).map((row) => row[0])).toEqual(expected.slice(3));
    alone.dispose();
  });

  it('refuses a checkpoint of another seed, run, step or version, and bytes that are not one', async () => {
    const cmp = new Comparison(config, dataset, 'im2col');
    await stepLosses(cmp, 1);
    const ck = await cmp.checkpoint();
    cmp.dispose();
    const fresh = () => new Comparison(config, dataset, 'im2col');
    const tries: Array<[unknown, RegExp]> = [
      [{ ...ck, seed: 99 }, /checkpoint of seed 99, the comparison has seed 1/],
      [{ ...ck, step: 13 }, /checkpoint at step 13: allowed 0 to the config's 12 steps/],
      [{ ...ck, version: CHECKPOINT_VERSION + 1 }, /checkpoint version 2: this build reads version 1/],
      [{ ...ck, runs: ck.runs.slice(0, 1) }, /checkpoint has no run "SST" \(it has "Conventional"\)/],
    ];
    for (const [bad, message] of tries) {
      const target = fresh();
      expect(() => target.restore(bad as typeof ck)).toThrow(message);
      target.dispose();
    }
    const small = new Comparison({ ...config, model: { ...config.model, embedDim: 4 } }, dataset, 'im2col');
    expect(() => small.restore(ck)).toThrow(/checkpoint: probe weights \d+ has \d+ values, the model needs \d+/);
    small.dispose();

    const bytes = encodeCheckpoint(ck);
    expect(() => decodeCheckpoint(new ArrayBuffer(3), 'run.ckpt')).toThrow(
      'run.ckpt is not a checkpoint this build can read: 3 bytes',
    );
    expect(() => decodeCheckpoint(new TextEncoder().encode('{"results": 1}').buffer, 'results.json')).toThrow(
      /does not start with "MSC2"/,
    );
    expect(() => decodeCheckpoint(bytes.slice(0, bytes.byteLength - 8), 'cut.ckpt')).toThrow(/cut.ckpt is corrupt: /);
  });

  it('a restored random stream draws what the saved one would have', () => {
    const a = createRng(7);
    a.normal();
    const saved = a.save();
    const b = restoreRng(saved);
    expect([a.normal(), a.next(), a.int(1000)]).toEqual([b.normal(), b.next(), b.int(1000)]);
    expect(() => restoreRng({ words: [1, 2, 3, -1], spare: null })).toThrow(/not a generator state/);
  });
});
