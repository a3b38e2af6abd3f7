import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../../test/tfCpu';
import type { ExperimentConfig, RunSpec } from '../config';
import * as tf from '../tf';
import { Comparison } from './comparison';
import type { SemiSiameseTrainer } from './semiSiamese';

beforeAll(useCpu);

const dataset = syntheticDataset(24, 6, 8);

async function losses(config: ExperimentConfig, steps: number): Promise<number[][]> {
  const cmp = new Comparison(config, dataset, 'im2col');
  const out: number[][] = [];
  for (let i = 0; i < steps; i++) {
    const ls = cmp.stepAll();
    out.push(await Promise.all(ls.map(async (l) => (await l.data())[0] as number)));
    tf.dispose(ls);
  }
  cmp.dispose();
  return out;
}

const run = (method: RunSpec['method'], agents = 1): RunSpec => ({ method, agents });

describe('Comparison', () => {
  it('MASST with K = 1 reproduces SST exactly (losses and weights)', async () => {
    const config = tinyConfig({ runs: [run('sst'), run('masst', 1)] });
    const cmp = new Comparison(config, dataset, 'im2col');
    for (let i = 0; i < 4; i++) {
      const [a, b] = await Promise.all(
        cmp.stepAll().map(async (l) => {
          const v = (await l.data())[0];
          l.dispose();
          return v;
        }),
      );
      expect(b).toBe(a);
    }
    const [w0, w1] = await Promise.all(cmp.runs.map((r) => r.trainer.probe.snapshot()));
    expect(w1).toEqual(w0);
    cmp.dispose();
  });

  it('same seed gives the same losses bit for bit; another seed does not', async () => {
    const config = tinyConfig();
    const a = await losses(config, 3);
    const b = await losses(config, 3);
    expect(b).toEqual(a);
    const c = await losses({ ...config, seed: config.seed + 1 }, 3);
    expect(c).not.toEqual(a);
    expect(a.flat().every(Number.isFinite)).toBe(true);
  });

  it('all runs start from the same probe weights and see the same batches', async () => {
    const cmp = new Comparison(tinyConfig(), dataset, 'im2col');
    const snaps = await Promise.all(cmp.runs.map((r) => r.trainer.probe.snapshot()));
    for (const s of snaps) expect(s.weights).toEqual(snaps[0]?.weights);
    const batches = cmp.runs.map((r) => r.sampler.next());
    for (const b of batches) expect(b.ids).toEqual(batches[0]?.ids);
    cmp.dispose();
  });

  it('with K > 1 the agents differ from each other and rotate k = t mod K', async () => {
    const config = tinyConfig({ runs: [run('masst', 3)] });
    const cmp = new Comparison(config, dataset, 'im2col');
    const trainer = cmp.runs[0]?.trainer as SemiSiameseTrainer;
    const active: number[] = [];
    for (let i = 0; i < 5; i++) {
      tf.dispose(cmp.stepAll());
      active.push(trainer.lastActive);
    }
    expect(active).toEqual([0, 1, 2, 0, 1]);
    const agents = await Promise.all(trainer.agents.agents.map((a) => a.snapshot()));
    const first = (s: (typeof agents)[number]) => Array.from(s.weights[0] as Float32Array);
    expect(first(agents[0] as (typeof agents)[number])).not.toEqual(first(agents[1] as (typeof agents)[number]));
    expect(first(agents[1] as (typeof agents)[number])).not.toEqual(first(agents[2] as (typeof agents)[number]));
    cmp.dispose();
  });

  it('keeps the tensor count across a step and an evaluation, and frees everything on dispose', async () => {
    const baseline = tf.memory().numTensors;
    const cmp = new Comparison(
      tinyConfig({ runs: [run('conventional'), run('sst'), run('masst', 2)] }),
      dataset,
      'im2col',
    );
    tf.dispose(cmp.stepAll());
    const afterBurnIn = tf.memory().numTensors;
    tf.dispose(cmp.stepAll());
    expect(tf.memory().numTensors).toBe(afterBurnIn);
    await cmp.embedTest(0);
    await cmp.embedTestUntrained();
    expect(tf.memory().numTensors).toBe(afterBurnIn);
    cmp.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('a run left out (diverged) changes nothing for the others', async () => {
    const config = tinyConfig({ runs: [run('sst'), run('masst', 2)] });
    const full = await losses(config, 3);
    const cmp = new Comparison(config, dataset, 'im2col');
    const partial: Array<Array<number | null>> = [];
    for (let i = 0; i < 3; i++) {
      const ls = cmp.stepActive([i === 0, true]);
      partial.push(await Promise.all(ls.map(async (l) => (l ? ((await l.data())[0] as number) : null))));
      tf.dispose(ls.filter((l): l is tf.Scalar => l !== null));
    }
    expect(partial.map((r) => r[1])).toEqual(full.map((r) => r[1]));
    expect(partial.map((r) => r[0])).toEqual([full[0]?.[0], null, null]);
    expect(cmp.steps).toBe(3);
    cmp.dispose();
  });

  it('conventional training lowers its loss on separable data', async () => {
    const config = tinyConfig({
      steps: 30,
      runs: [run('conventional')],
      loss: { type: 'softmax', scale: 8, margin: 0 },
    });
    const l = (await losses(config, 30)).map((x) => x[0] as number);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(l.slice(-5))).toBeLessThan(mean(l.slice(0, 5)));
  });
});
