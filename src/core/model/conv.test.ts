import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { useCpu } from '../../test/tfCpu';
import * as tf from '../tf';
import { conv2dSame, convImplFor, subsample2 } from './conv';

beforeAll(useCpu);

function randomTensor(shape: number[], seed: number): tf.Tensor {
  const rng = createRng(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: size }, () => rng.normal()),
    shape,
  );
}

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);
}

describe('conv2dSame', () => {
  for (const [k, stride] of [
    [3, 1],
    [3, 2],
    [1, 1],
    [1, 2],
  ] as const) {
    it(`im2col equals tf.conv2d in value and gradients (k=${k}, stride=${stride})`, () => {
      tf.tidy(() => {
        const x = randomTensor([2, 6, 8, 3], 1) as tf.Tensor4D;
        const w = randomTensor([k, k, 3, 5], 2) as tf.Tensor4D;
        const dy = randomTensor([2, 6 / stride, 8 / stride, 5], 3);
        const f = (impl: 'native' | 'im2col') => (a: tf.Tensor, b: tf.Tensor) =>
          tf.sum(tf.mul(conv2dSame(a as tf.Tensor4D, b as tf.Tensor4D, stride, impl), dy));
        const native = conv2dSame(x, w, stride, 'native');
        const im2col = conv2dSame(x, w, stride, 'im2col');
        expect(im2col.shape).toEqual(native.shape);
        expect(maxAbsDiff(native, im2col)).toBeLessThan(1e-5);
        const [gxN, gwN] = tf.grads(f('native'))([x, w]) as [tf.Tensor, tf.Tensor];
        const [gxI, gwI] = tf.grads(f('im2col'))([x, w]) as [tf.Tensor, tf.Tensor];
        expect(maxAbsDiff(gxN, gxI)).toBeLessThan(1e-4);
        expect(maxAbsDiff(gwN, gwI)).toBeLessThan(1e-4);
      });
    });
  }

  it('rejects an odd side with stride 2, naming the sizes', () => {
    const x = tf.zeros([1, 5, 5, 1]) as tf.Tensor4D;
    const w = tf.zeros([3, 3, 1, 1]) as tf.Tensor4D;
    expect(() => conv2dSame(x, w, 2, 'im2col')).toThrow('input 5×5 is not divisible by stride 2');
    tf.dispose([x, w]);
  });

  it('subsample2 keeps even rows and columns', () => {
    const out = tf.tidy(() => subsample2(tf.reshape(tf.range(0, 16), [1, 4, 4, 1])).dataSync());
    expect(Array.from(out)).toEqual([0, 2, 8, 10]);
  });

  it('uses native kernels except on the cpu backend', () => {
    expect(convImplFor('webgpu')).toBe('native');
    expect(convImplFor('webgl')).toBe('native');
    expect(convImplFor('wasm')).toBe('native');
    expect(convImplFor('cpu')).toBe('im2col');
  });
});

describe('subsample2 offset', () => {
  it('offset 1 keeps odd rows and columns', () => {
    const out = tf.tidy(() => subsample2(tf.reshape(tf.range(0, 16), [1, 4, 4, 1]), 1).dataSync());
    expect(Array.from(out)).toEqual([5, 7, 13, 15]);
  });
});
