import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { backend_util } from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/backend-node';
import { createRng } from '../core/rng';
import * as tf from '../core/tf';
import { supportsSimd } from './filterGradSimd';
import { simdKernelStatus } from './simdStatus';
import { im2colTransposed } from './im2col';

type Shape4 = [number, number, number, number];

function values(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

/**
 * The SIMD filter gradient (the registered kernel) against the product it replaces, on the same
 * backend: patchesᵀ [K, N] (im2col) · dy [N, Cout] by XNNPACK. Every value must be the same float.
 */
async function bothWays(xs: Shape4, fs: Shape4, stride: number | [number, number], pad: 'same' | 'valid') {
  const strides: [number, number] = typeof stride === 'number' ? [stride, stride] : stride;
  const info = backend_util.computeConv2DInfo(xs, fs, strides, 1, pad);
  const x = tf.tensor4d(
    values(
      xs.reduce((a, b) => a * b),
      1,
    ),
    xs,
  );
  const dyShape: Shape4 = [info.batchSize, info.outHeight, info.outWidth, info.outChannels];
  const dy = tf.tensor4d(
    values(
      dyShape.reduce((a, b) => a * b),
      2,
    ),
    dyShape,
  );
  const kernel = tf.engine().runKernel('Conv2DBackpropFilter', { x, dy }, {
    strides,
    pad,
    dataFormat: 'NHWC',
    dimRoundingMode: undefined,
    filterShape: fs,
  } as never) as tf.Tensor;
  const n = info.batchSize * info.outHeight * info.outWidth;
  const k = fs[0] * fs[1] * fs[2];
  const patches = new Float32Array(k * n);
  im2colTransposed((await x.data()) as Float32Array, patches, info);
  const product = tf.matMul(tf.tensor2d(patches, [k, n]), tf.reshape(dy, [n, info.outChannels]));
  const out = {
    simd: supportsSimd(tf.backend() as BackendWasm, info),
    kernel: await kernel.data(),
    product: await product.data(),
  };
  tf.dispose([x, dy, kernel, product]);
  return out;
}

describe('the SIMD filter gradient (wasm)', () => {
  beforeAll(() => useNodeBackend('wasm'));
  afterAll(() => useNodeBackend('cpu'));

  it('runs on the Node wasm backend, with the BN loops and the scatter', () => {
    expect(simdKernelStatus(tf.backend() as BackendWasm)).toEqual({ filterGrad: true, batchNorm: true, scatter: true });
  });

  const cases: Array<[string, Shape4, Shape4, number | [number, number], 'same' | 'valid']> = [
    // the demo's seven layers (batch 32: both views)
    ['stem, grey', [32, 24, 24, 1], [3, 3, 1, 8], 1, 'same'],
    ['stage 1, stride 2', [32, 24, 24, 8], [3, 3, 8, 16], 2, 'same'],
    ['stage 1', [32, 12, 12, 16], [3, 3, 16, 16], 1, 'same'],
    ['stage 1 projection', [32, 24, 24, 8], [1, 1, 8, 16], 2, 'same'],
    ['stage 2, stride 2', [32, 12, 12, 16], [3, 3, 16, 32], 2, 'same'],
    ['stage 2', [32, 6, 6, 32], [3, 3, 32, 32], 1, 'same'],
    ['stage 2 projection', [32, 12, 12, 16], [1, 1, 16, 32], 2, 'same'],
    // RGB stem (1-channel tiles), 4-wide output tiles, odd sizes, 'valid', stride 3, 5×5
    ['RGB stem', [2, 9, 7, 3], [3, 3, 3, 8], 1, 'same'],
    ['RGB stem, 16 outputs (1×16 tiles)', [2, 9, 7, 3], [3, 3, 3, 16], 1, 'same'],
    ['the reference step’s first layer', [4, 32, 32, 3], [3, 3, 3, 16], 1, 'same'],
    ['Cout 12', [2, 8, 8, 4], [3, 3, 4, 12], 2, 'same'],
    ['Cin 6, Cout 4', [3, 7, 5, 6], [2, 3, 6, 4], 1, 'valid'],
    ['5×5, stride 3', [1, 13, 11, 8], [5, 5, 8, 8], 3, 'same'],
    ['5×5 valid, stride 2', [2, 11, 8, 4], [5, 3, 4, 16], 2, 'valid'],
    // unequal strides and padding on a non-square input (rows and columns not swapped)
    ['strides 2 × 1', [2, 9, 6, 4], [3, 3, 4, 8], [2, 1], 'same'],
    ['strides 1 × 3, valid', [2, 7, 11, 8], [2, 3, 8, 8], [1, 3], 'valid'],
    // taps that never land inside a 2×2 image read nothing and give zeros
    ['kernel larger than the image', [2, 2, 2, 4], [5, 5, 4, 8], 1, 'same'],
  ];
  for (const [name, xs, fs, stride, pad] of cases) {
    it(`equals the im2col product bit for bit: ${name} (x ${xs.join('×')}, w ${fs.join('×')}, stride ${String(stride)}, ${pad})`, async () => {
      const { simd, kernel, product } = await bothWays(xs, fs, stride, pad);
      expect(simd).toBe(true);
      expect(kernel.length).toBe(product.length);
      let differing = 0;
      for (let i = 0; i < kernel.length; i++) if (!Object.is(kernel[i], product[i])) differing++;
      expect(differing).toBe(0);
    });
  }

  it('leaves output channels that are not a multiple of 4 to the im2col path', () => {
    const info = backend_util.computeConv2DInfo([1, 5, 5, 4], [3, 3, 4, 6], 1, 1, 'same');
    expect(supportsSimd(tf.backend() as BackendWasm, info)).toBe(false);
  });
});
