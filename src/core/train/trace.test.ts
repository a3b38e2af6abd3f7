/**
 * Stepping slowly is the same iteration: on cpu, a comparison whose step 3 is traced (for each
 * method in turn) gives exactly the losses of one that never stepped slowly, before and after, and
 * holds no more tensors; the trace's numbers agree with the loss and the rotation they describe.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticDataset, tinyConfig, useCpu } from '../../test/tfCpu';
import type { ExperimentConfig } from '../config';
import * as tf from '../tf';
import { Comparison } from './comparison';
import { logitRow, meanCrossEntropy, stagesOf } from './trace';
import type { SlowStepTrace } from './trace';

beforeAll(useCpu);

const dataset = syntheticDataset(24, 6, 8);
const config: ExperimentConfig = tinyConfig({
  steps: 6,
  runs: [
    { method: 'conventional', agents: 1 },
    { method: 'sst', agents: 1 },
    { method: 'masst', agents: 3 },
  ],
  masst: { ...tinyConfig().masst, agentUpdate: 'all', agentInit: 'staggered' },
});

async function read(ls: Array<tf.Scalar | null>): Promise<number[]> {
  const out = await Promise.all(ls.map(async (l) => (l === null ? NaN : ((await l.data())[0] as number))));
  tf.dispose(ls.filter((l): l is tf.Scalar => l !== null));
  return out;
}

describe('a slow step', () => {
  it('gives exactly the losses of a normal step, before and after, for every method', async () => {
    const straight = new Comparison(config, dataset, 'im2col');
    const expected: number[][] = [];
    for (let i = 0; i < 5; i++) expected.push(await read(straight.stepAll()));
    straight.dispose();
    const all = config.runs.map(() => true);
    for (let traced = 0; traced < config.runs.length; traced++) {
      const cmp = new Comparison(config, dataset, 'im2col');
      const got: number[][] = [];
      for (let i = 0; i < 2; i++) got.push(await read(cmp.stepAll()));
      const before = tf.memory().numTensors;
      const { losses, trace } = await cmp.stepActiveTraced(all, traced);
      got.push(await read(losses));
      expect(tf.memory().numTensors).toBe(before);
      for (let i = 0; i < 2; i++) got.push(await read(cmp.stepAll()));
      expect(got).toEqual(expected);
      checkTrace(trace, expected[2]?.[traced] as number, traced);
      cmp.dispose();
    }
  });
});

function checkTrace(t: SlowStepTrace, loss: number, run: number): void {
  expect(t.step).toBe(3);
  expect(t.loss.total).toBe(loss);
  // The two cross-entropy terms average to the loss (recomputed on the host in float64).
  expect((t.loss.view1 + t.loss.view2) / 2).toBeCloseTo(loss, 4);
  expect(t.ids).toHaveLength(4);
  for (const c of t.probe.viewCos) expect(Math.abs(c)).toBeLessThanOrEqual(1 + 1e-6);
  expect(t.gradient.gradNorm).toBeGreaterThan(0);
  expect(t.gradient.updateNorm).toBeGreaterThan(0);
  for (const r of t.logits.rows) expect(r.bestOther).toBeGreaterThanOrEqual(0);
  if (run === 0) {
    expect(t.method).toBe('conventional');
    expect(stagesOf(t.method)).toEqual(['probe', 'logits', 'loss', 'gradient']);
    expect([t.gallery, t.queue, t.ema, t.enqueue]).toEqual([null, null, null, null]);
    expect(t.logits.columns).toBe('classes');
    return;
  }
  const k = run === 1 ? 1 : 3;
  // Step 3 is t = 2: agent 2 mod K; the queue's pointer after two batches of 4 in 8 slots is 0.
  expect(t.gallery).toMatchObject({ agent: 2 % k, agents: k });
  expect(t.queue).toMatchObject({ size: 8, pointer: 0, batch: 4 });
  expect(t.enqueue).toMatchObject({ first: 0, count: 4 });
  expect(t.enqueue?.ids.slice(0, 4)).toEqual(t.ids);
  // 'all' updates: every started agent (staggered: agents 0, 1 and now 2) gets the EMA.
  expect(t.ema?.map((e) => e.agent)).toEqual(run === 1 ? [0] : [0, 1, 2]);
  for (const e of t.ema ?? []) expect(e.change).toBeGreaterThan(0);
}

describe('trace arithmetic', () => {
  it('cross-entropy and the best other column, by hand', () => {
    // Two rows of 3 logits; targets 0 and 2.
    const logits = Float32Array.from([2, 0, 0, 0, 1, 3]);
    const ce0 = -Math.log(Math.exp(2) / (Math.exp(2) + 2));
    const ce1 = -Math.log(Math.exp(3) / (1 + Math.exp(1) + Math.exp(3)));
    expect(meanCrossEntropy(logits, 2, 3, [0, 2])).toBeCloseTo((ce0 + ce1) / 2, 6);
    expect(logitRow(logits, 3, 1, 2, 7, 0.5, 2)).toEqual({
      id: 7,
      ownCos: 0.5,
      ownLogit: 3,
      bestOtherCos: 0.5,
      bestOther: 1,
    });
  });
});
