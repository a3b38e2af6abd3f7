import { afterAll, describe, expect, it } from 'vitest';
import { batchMatMulConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/BatchMatMul';
import type { KernelFunc } from '@tensorflow/tfjs-core';
import { useNodeBackend } from '../cli/backend-node';
import { createRng } from '../core/rng';
import * as tf from '../core/tf';
import { MAX_INNER } from './wasmMatMulT';

function values(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => 2 * rng.normal() + 0.3);
}

/** Aᵀ·B by this kernel (tf.matMul) and by the backend's own kernel, read back. */
async function both(aShape: number[], bShape: number[], seed: number) {
  await useNodeBackend('wasm');
  const a = tf.tensor(
    values(
      aShape.reduce((x, y) => x * y, 1),
      seed,
    ),
    aShape,
  );
  const b = tf.tensor(
    values(
      bShape.reduce((x, y) => x * y, 1),
      seed + 1,
    ),
    bShape,
  );
  const ours = tf.matMul(a, b, true, false);
  const backend = tf.engine().backend;
  const info = (batchMatMulConfig.kernelFunc as KernelFunc)({
    inputs: { a, b },
    backend,
    attrs: { transposeA: true, transposeB: false },
  }) as tf.TensorInfo;
  const theirs = tf.engine().makeTensorFromTensorInfo(info);
  const out = { shape: ours.shape, ours: Array.from(await ours.data()), theirs: Array.from(await theirs.data()) };
  tf.dispose([a, b, ours, theirs]);
  return out;
}

describe('wasm BatchMatMul with transposeA', () => {
  afterAll(() => useNodeBackend('cpu'));
  for (const k of [1, 7, 16, 32, MAX_INNER]) {
    it(`gives the backend kernel's values bit for bit (k ${k}, the demo's 16 and 32 among them)`, async () => {
      const r = await both([k, 32], [k, 256], k);
      expect(r.shape).toEqual([32, 256]);
      expect(r.ours).toEqual(r.theirs);
    });
  }
  it('bit for bit with batch dimensions', async () => {
    const r = await both([3, 16, 5], [3, 16, 9], 4);
    expect(r.shape).toEqual([3, 5, 9]);
    expect(r.ours).toEqual(r.theirs);
  });
  it('leaves k > 48 to the backend kernel, whose blocked sums differ from one pass', async () => {
    const r = await both([64, 32], [64, 16], 9);
    expect(r.ours).toEqual(r.theirs);
  });
  it('matches the cpu backend within float tolerance', async () => {
    const wasm = await both([16, 32], [16, 24], 11);
    await useNodeBackend('cpu');
    const a = tf.tensor(values(16 * 32, 11), [16, 32]);
    const b = tf.tensor(values(16 * 24, 12), [16, 24]);
    const cpu = Array.from(await tf.matMul(a, b, true, false).data());
    tf.dispose([a, b]);
    const err = Math.max(...cpu.map((v, i) => Math.abs(v - (wasm.ours[i] as number))));
    expect(err).toBeLessThan(1e-4);
  });
});
