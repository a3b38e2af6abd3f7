import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backend_util } from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/backend-node';
import { createRng } from '../core/rng';
import * as tf from '../core/tf';
import { phases, scatterPhase } from './convLayouts';
import { scatterPhaseSimd } from './scatterSimd';

type Shape4 = [number, number, number, number];

/** Every stride phase of the input gradient for x `xs`, filter `fs`: the SIMD copy against scatterPhase's, value for value. */
function compare(
  xs: Shape4,
  fs: Shape4,
  strides: [number, number],
  pad: 'same' | 'valid',
): { phases: number; differing: number } {
  const wasm = tf.backend() as BackendWasm;
  const info = backend_util.computeConv2DInfo(xs, fs, strides, 1, pad);
  const rows = phases(info.inHeight, info.filterHeight, info.strideHeight, info.padInfo.top, info.outHeight);
  const cols = phases(info.inWidth, info.filterWidth, info.strideWidth, info.padInfo.left, info.outWidth);
  const rng = createRng(7);
  let count = 0;
  let differing = 0;
  for (const r of rows) {
    for (const c of cols) {
      if (r.taps === 0 || c.taps === 0 || r.outSize <= 0 || c.outSize <= 0) continue;
      const outShape: Shape4 = [info.batchSize, r.outSize, c.outSize, info.inChannels];
      const out = tf.tensor4d(
        Float32Array.from({ length: outShape.reduce((a, b) => a * b) }, () => rng.normal()),
        outShape,
      );
      const js = tf.zeros(xs);
      const simd = tf.fill(xs, 0);
      const at = (t: tf.Tensor): number => wasm.getMemoryOffset(t.dataId);
      scatterPhase(
        wasm.typedArrayFromHeap(out) as Float32Array,
        outShape,
        wasm.typedArrayFromHeap(js) as Float32Array,
        info,
        r,
        c,
      );
      expect(scatterPhaseSimd(wasm, at(out), outShape, at(simd), info, r, c)).toBe(true);
      const [a, b] = [wasm.typedArrayFromHeap(js), wasm.typedArrayFromHeap(simd)];
      for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) differing++;
      tf.dispose([out, js, simd]);
      count++;
    }
  }
  return { phases: count, differing };
}

describe('the SIMD scatter of the input gradient (wasm)', () => {
  beforeAll(() => useNodeBackend('wasm'));
  afterAll(() => useNodeBackend('cpu'));

  const cases: Array<[string, Shape4, Shape4, [number, number], 'same' | 'valid']> = [
    ['the demo’s stride-2 layer', [2, 24, 24, 8], [3, 3, 8, 16], [2, 2], 'same'],
    ['a 1×1 stride-2 projection', [2, 12, 12, 16], [1, 1, 16, 32], [2, 2], 'same'],
    ['odd sizes', [2, 9, 7, 4], [3, 3, 4, 8], [2, 2], 'same'],
    ['valid padding', [1, 11, 10, 8], [3, 3, 8, 4], [2, 2], 'valid'],
    ['stride 3, 5×5', [1, 13, 11, 4], [5, 5, 4, 4], [3, 3], 'same'],
    ['unequal strides', [2, 10, 9, 4], [3, 2, 4, 8], [2, 1], 'same'],
  ];
  for (const [name, xs, fs, strides, pad] of cases) {
    it(`writes what scatterPhase writes, where it writes it: ${name}`, () => {
      const { phases: n, differing } = compare(xs, fs, strides, pad);
      expect(n).toBeGreaterThan(0);
      expect(differing).toBe(0);
    });
  }

  it('leaves channel counts that are not a multiple of 4 to the JS copy', () => {
    const wasm = tf.backend() as BackendWasm;
    const info = backend_util.computeConv2DInfo([1, 6, 6, 3], [3, 3, 3, 4], 2, 1, 'same');
    const [rows] = phases(6, 3, 2, info.padInfo.top, info.outHeight);
    const [cols] = phases(6, 3, 2, info.padInfo.left, info.outWidth);
    expect(scatterPhaseSimd(wasm, 0, [1, 3, 3, 3], 0, info, rows!, cols!)).toBe(false);
  });
});
