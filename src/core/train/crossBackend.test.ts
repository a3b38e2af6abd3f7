import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NodeBackend } from '../../cli/backend-node';
import { useNodeBackend } from '../../cli/backend-node';
import { syntheticDataset, tinyConfig } from '../../test/tfCpu';
import { convImplFor } from '../model/conv';
import * as tf from '../tf';
import { Comparison } from './comparison';

/** Losses of three lock-steps of Conventional, SST and MASST K=4 on one backend. */
async function lossesOn(backend: NodeBackend): Promise<number[]> {
  await useNodeBackend(backend);
  const cmp = new Comparison(tinyConfig(), syntheticDataset(24, 6, 8), convImplFor(backend));
  const out: number[] = [];
  for (let i = 0; i < 3; i++) {
    const losses = cmp.stepAll();
    for (const l of losses) out.push((await l.data())[0] as number);
    tf.dispose(losses);
  }
  cmp.dispose();
  return out;
}

describe('backends agree', () => {
  let cpu: number[] = [];
  beforeAll(async () => {
    cpu = await lossesOn('cpu');
  });
  afterAll(() => useNodeBackend('cpu'));
  const agree = (other: number[]) => {
    expect(other).toHaveLength(9);
    other.forEach((l, i) =>
      expect(Math.abs(l - (cpu[i] as number))).toBeLessThan(1e-3 * Math.max(1, Math.abs(cpu[i] as number))),
    );
  };
  it('wasm (native conv + registered gradients) trains like cpu (im2col) within float tolerance', async () => {
    agree(await lossesOn('wasm'));
  });
  it('keeps the tensor count across a wasm step (fused kernels, shared copies) and frees everything on dispose', async () => {
    await useNodeBackend('wasm');
    const baseline = tf.memory().numTensors;
    const cmp = new Comparison(tinyConfig(), syntheticDataset(24, 6, 8), convImplFor('wasm'));
    tf.dispose(cmp.stepAll());
    const afterBurnIn = tf.memory().numTensors;
    for (let i = 0; i < 2; i++) {
      tf.dispose(cmp.stepAll());
      expect(tf.memory().numTensors).toBe(afterBurnIn);
    }
    cmp.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
  // WebGPU through Dawn in Node (SwiftShader here): the browser's WGSL kernels, no browser.
  it('webgpu in Node (Dawn) trains like cpu within float tolerance', async () => {
    agree(await lossesOn('webgpu'));
  }, 300_000);
});
