import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/backend-node';
import { createRng } from '../core/rng';
import * as tf from '../core/tf';

function values(shape: number[], seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => rng.normal());
}

/** Gradients of Σ conv2d(x, w)·dy with respect to x and w, read back to the host. */
async function convGrads(backend: 'cpu' | 'wasm', xs: number[], ws: number[], stride: number, pad: 'same' | 'valid') {
  await useNodeBackend(backend);
  const x = tf.tensor4d(values(xs, 1), xs as [number, number, number, number]);
  const w = tf.tensor4d(values(ws, 2), ws as [number, number, number, number]);
  const y = tf.conv2d(x, w, stride, pad);
  const dy = tf.tensor(values(y.shape, 3), y.shape);
  const [gx, gw] = tf.grads((a: tf.Tensor, b: tf.Tensor) =>
    tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, pad), dy)),
  )([x, w]);
  const out = { gx: await (gx as tf.Tensor).data(), gw: await (gw as tf.Tensor).data() };
  tf.dispose([x, w, y, dy, gx, gw] as tf.Tensor[]);
  return out;
}

const close = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] as number) - (b[i] as number)));
  return max;
};

describe('wasm conv gradient kernels', () => {
  afterAll(() => useNodeBackend('cpu'));
  const cases: Array<[number[], number[], number, 'same' | 'valid']> = [
    [[2, 8, 8, 3], [3, 3, 3, 4], 1, 'same'],
    [[2, 8, 8, 3], [3, 3, 3, 4], 2, 'same'],
    [[3, 7, 9, 2], [3, 3, 2, 5], 2, 'same'],
    [[2, 8, 8, 4], [1, 1, 4, 6], 2, 'same'],
    [[2, 9, 9, 2], [3, 3, 2, 3], 1, 'valid'],
    [[2, 9, 9, 2], [3, 3, 2, 3], 2, 'valid'],
    [[1, 7, 7, 1], [3, 3, 1, 2], 2, 'same'],
    // batch 1, non-square inputs and kernels, odd sizes
    [[1, 6, 10, 3], [3, 3, 3, 4], 1, 'same'],
    [[1, 5, 11, 3], [3, 2, 3, 4], 2, 'same'],
    [[2, 7, 5, 2], [2, 3, 2, 3], 1, 'valid'],
    [[2, 11, 8, 3], [5, 3, 3, 2], 2, 'valid'],
    // k = 1 (stride 2 leaves phases without taps) and k = 5
    [[2, 7, 6, 3], [1, 1, 3, 5], 1, 'valid'],
    [[2, 7, 9, 3], [1, 1, 3, 5], 2, 'valid'],
    [[2, 9, 9, 2], [5, 5, 2, 3], 1, 'same'],
    [[2, 10, 9, 2], [5, 5, 2, 3], 2, 'same'],
    [[1, 13, 13, 2], [5, 5, 2, 3], 3, 'same'],
    // kernel as large as the input; larger channel counts
    [[2, 5, 5, 3], [5, 5, 3, 4], 1, 'valid'],
    [[2, 8, 8, 32], [3, 3, 32, 64], 2, 'same'],
    [[1, 6, 6, 64], [3, 3, 64, 48], 1, 'same'],
  ];
  for (const [xs, ws, stride, pad] of cases) {
    it(`matches the cpu backend's gradients (x ${xs.join('×')}, w ${ws.join('×')}, stride ${stride}, ${pad})`, async () => {
      const cpu = await convGrads('cpu', xs, ws, stride, pad);
      const wasm = await convGrads('wasm', xs, ws, stride, pad);
      expect(wasm.gw.length).toBe(cpu.gw.length);
      expect(close(wasm.gw, cpu.gw)).toBeLessThan(1e-4);
      expect(close(wasm.gx, cpu.gx)).toBeLessThan(1e-4);
    });
  }
});
