/** The field table's `methods` (table.ts) against the trainers themselves. */
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../../test/tfCpu';
import type { ExperimentConfig, Method, RunSpec } from '../config';
import * as tf from '../tf';
import { Comparison } from '../train/comparison';

/** The table against the trainers: a field a method does not read leaves its losses unchanged. */
describe("the field table's methods match what the trainers read (cpu)", () => {
  beforeAll(useCpu);
  const dataset = syntheticDataset(24, 6, 8);

  async function losses(config: ExperimentConfig, run: RunSpec): Promise<number[]> {
    const cmp = new Comparison({ ...config, runs: [run] }, dataset, 'im2col');
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [l] = cmp.stepAll();
      out.push((await (l as tf.Scalar).data())[0] as number);
      tf.dispose(l);
    }
    cmp.dispose();
    return out;
  }

  const base = tinyConfig();
  /** Every masst.* field away from the default (perAgent α gave SST agentAlphas[0] before). */
  const otherMasst: ExperimentConfig = {
    ...base,
    masst: {
      agentUpdate: 'all',
      agentAlpha: 'perAgent',
      agentAlphas: [0.5, 0.6],
      agentInit: 'staggered',
      queueMode: 'perAgent',
    },
  };
  const run = (method: Method, agents = 1): RunSpec => ({ method, agents });

  it('SST does not read masst.*; Conventional reads neither masst.* nor gallery.alpha', async () => {
    expect(await losses(otherMasst, run('sst'))).toEqual(await losses(base, run('sst')));
    const conv = await losses(base, run('conventional'));
    expect(await losses({ ...otherMasst, gallery: { ...base.gallery, alpha: 0.5 } }, run('conventional'))).toEqual(
      conv,
    );
  });

  it('a field a method reads changes its losses', async () => {
    const changedAlpha = { ...base, gallery: { ...base.gallery, alpha: 0.5 } };
    expect(await losses(changedAlpha, run('sst'))).not.toEqual(await losses(base, run('sst')));
    expect(await losses(otherMasst, run('masst', 2))).not.toEqual(await losses(base, run('masst', 2)));
  });
});
