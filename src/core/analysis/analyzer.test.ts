import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../../test/tfCpu';
import { architectureFor, paramSpecsFor } from '../model/architecture';
import { createRng } from '../rng';
import * as tf from '../tf';
import { Comparison } from '../train/comparison';
import { SemiSiameseTrainer } from '../train/semiSiamese';
import { Analyzer } from './analyzer';
import { filterNormalizedDirection } from './landscape';

beforeAll(useCpu);

const dataset = syntheticDataset(24, 6, 8);
const config = tinyConfig({
  runs: [
    { method: 'conventional', agents: 1 },
    { method: 'masst', agents: 2 },
  ],
});
config.analysis = { ...config.analysis, gridPoints: 5, etaPoints: 3 };

/** Everything training reads or writes, read back: weights, BN statistics, slots, queues. */
async function trainingState(cmp: Comparison): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const run of cmp.runs) {
    out.push(await run.trainer.probe.snapshot());
    const t = run.trainer;
    const slots = (t as unknown as { optimizer: { slots: readonly tf.Variable[] } }).optimizer.slots;
    out.push(await Promise.all(slots.map((s) => s.data())));
    if (t instanceof SemiSiameseTrainer) {
      out.push(await Promise.all(t.queues.map((q) => q.state())));
      out.push(await Promise.all(t.agents.agents.map((a) => a.snapshot())));
    }
  }
  return out;
}

describe('Analyzer', () => {
  it('a cancelled probe or slice stops at its next forward pass, restores everything and leaks nothing', async () => {
    const cmp = new Comparison(config, dataset, 'im2col');
    tf.dispose(cmp.stepAll());
    const analyzer = new Analyzer(cmp);
    const before = await trainingState(cmp);
    const tensors = tf.memory().numTensors;
    const rows: number[] = [];
    const stop = new AbortController();
    const slice = analyzer.landscape2d(
      1,
      (index) => {
        rows.push(index);
        if (index === 1) stop.abort();
      },
      stop.signal,
    );
    await expect(slice).rejects.toMatchObject({ name: 'AbortError' });
    expect(rows).toEqual([0, 1]);
    const stopped = new AbortController();
    stopped.abort();
    await expect(analyzer.smoothness(0, stopped.signal)).rejects.toMatchObject({ name: 'AbortError' });
    await expect(analyzer.landscape1d(0, stopped.signal)).rejects.toMatchObject({ name: 'AbortError' });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(await trainingState(cmp)).toEqual(before);
    cmp.dispose();
  });

  it('leaves weights, BN statistics, optimizer slots and queues bit-identical, and leaks nothing', async () => {
    const cmp = new Comparison(config, dataset, 'im2col');
    tf.dispose(cmp.stepAll());
    tf.dispose(cmp.stepAll());
    const analyzer = new Analyzer(cmp);
    const before = await trainingState(cmp);
    const tensors = tf.memory().numTensors;
    for (let r = 0; r < cmp.runs.length; r++) {
      await analyzer.smoothness(r);
      await analyzer.landscape1d(r);
      await analyzer.landscape2d(r);
      await analyzer.agents(r);
    }
    expect(tf.memory().numTensors).toBe(tensors);
    expect(await trainingState(cmp)).toEqual(before);
    cmp.dispose();
  });

  it('training goes on bit for bit as if no probe had run', async () => {
    const losses = async (probe: boolean) => {
      const cmp = new Comparison(config, dataset, 'im2col');
      const analyzer = new Analyzer(cmp);
      const out: number[] = [];
      for (let i = 0; i < 3; i++) {
        if (probe) for (let r = 0; r < 2; r++) await analyzer.smoothness(r);
        const ls = cmp.stepAll();
        for (const l of ls) out.push((await l.data())[0] as number);
        tf.dispose(ls);
      }
      cmp.dispose();
      return out;
    };
    expect(await losses(true)).toEqual(await losses(false));
  });

  it('the landscape at the origin is the current frozen loss', async () => {
    const cmp = new Comparison(config, dataset, 'im2col');
    tf.dispose(cmp.stepAll());
    const analyzer = new Analyzer(cmp);
    for (let r = 0; r < 2; r++) {
      const obj = cmp.runs[r]?.trainer.objective(analyzer.batch);
      const loss = tf.tidy(() => obj?.loss().dataSync()[0]);
      obj?.dispose();
      const slice = await analyzer.landscape1d(r);
      expect(slice.alphas[2]).toBe(0);
      expect(slice.losses[2]).toBeCloseTo(loss as number, 5);
      const s = await analyzer.smoothness(r);
      expect(s.beta).toBeGreaterThan(0);
      expect(s.lossMax).toBeGreaterThanOrEqual(s.lossMin);
    }
    const agents = await analyzer.agents(1);
    expect(agents?.distance).toHaveLength(2);
    expect(await analyzer.agents(0)).toBeNull();
    cmp.dispose();
  });
});

describe('filterNormalizedDirection', () => {
  const specs = paramSpecsFor(architectureFor('tiny', 4), 1);
  const weights = specs.map((s, p) =>
    Float32Array.from({ length: s.shape.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i + p)),
  );

  it('gives every output filter the norm of the weights’ filter; BN and PReLU get 0', () => {
    const d = filterNormalizedDirection(specs, weights, createRng(3));
    specs.forEach((spec, p) => {
      const dir = d[p] as Float32Array;
      if (spec.kind !== 'conv' && spec.kind !== 'dense') {
        expect(dir.every((v) => v === 0)).toBe(true);
        return;
      }
      const filters = spec.shape[spec.shape.length - 1] as number;
      for (let f = 0; f < filters; f++) {
        let dn = 0;
        let tn = 0;
        for (let i = f; i < dir.length; i += filters) {
          dn += (dir[i] as number) ** 2;
          tn += (weights[p]?.[i] as number) ** 2;
        }
        expect(Math.sqrt(dn)).toBeCloseTo(Math.sqrt(tn), 4);
      }
    });
  });

  it('same seed, same direction; another seed, another', () => {
    const a = filterNormalizedDirection(specs, weights, createRng(9));
    expect(filterNormalizedDirection(specs, weights, createRng(9))).toEqual(a);
    expect(filterNormalizedDirection(specs, weights, createRng(10))).not.toEqual(a);
  });
});
