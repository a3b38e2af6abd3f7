/**
 * Pins ENGINE_VERSION to what the engine computes: three tiny runs on cpu (bit-exact). When this
 * fails, the numbers changed: bump ENGINE_VERSION (stored runs of the old engine are then never
 * reused) and record the new fingerprint here together with the new version. A change that moves
 * only another backend's rounding (version 2: the fused wasm kernels) bumps the version with the
 * same cpu fingerprint.
 */
import { beforeAll, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../test/tfCpu';
import { ENGINE_VERSION } from './engineVersion';
import * as tf from './tf';
import { Comparison } from './train/comparison';

beforeAll(useCpu);

it('ENGINE_VERSION matches the fingerprint of a few cpu steps', async () => {
  const config = tinyConfig({
    runs: [
      { method: 'conventional', agents: 1 },
      { method: 'sst', agents: 1 },
      { method: 'masst', agents: 2 },
    ],
  });
  const cmp = new Comparison(config, syntheticDataset(24, 6, 8), 'im2col');
  const losses: number[][] = [];
  for (let i = 0; i < 3; i++) {
    const ls = cmp.stepAll();
    losses.push(await Promise.all(ls.map(async (l) => (await l.data())[0] as number)));
    tf.dispose(ls);
  }
  cmp.dispose();
  expect({ engine: ENGINE_VERSION, losses }).toEqual({
    engine: 2,
    losses: [
      [33.190547943115234, 17.65243911743164, 17.65243911743164],
      [39.222774505615234, 13.431718826293945, 22.527084350585938],
      [36.05234909057617, 16.63282012939453, 32.52952194213867],
    ],
  });
});
