import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../test/tfCpu';
import * as tf from '../tf';
import { crossEntropy, marginLogits } from './margin';

beforeAll(useCpu);

const cos = [
  [0.5, -0.2, 0.9],
  [0.1, 0.8, -1.0],
];
const targets = [2, 1];

function logits(type: 'softmax' | 'am' | 'arc', scale: number, margin: number): number[][] {
  return tf.tidy(() =>
    marginLogits(tf.tensor2d(cos), tf.tensor1d(targets, 'int32'), { type, scale, margin }).arraySync(),
  );
}

describe('marginLogits', () => {
  it('softmax multiplies every cosine by s', () => {
    const out = logits('softmax', 10, 0.35);
    out.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(10 * (cos[i]?.[j] ?? NaN), 5)));
  });

  it('AM-softmax subtracts m from the target column only', () => {
    const out = logits('am', 32, 0.35);
    expect(out[0]).toEqual([32 * 0.5, 32 * -0.2, 32 * (0.9 - 0.35)].map((v) => expect.closeTo(v, 4)));
    expect(out[1]).toEqual([32 * 0.1, 32 * (0.8 - 0.35), 32 * -1.0].map((v) => expect.closeTo(v, 4)));
  });

  it('ArcFace gives s·cos(θ + m) at the target', () => {
    const m = 0.5;
    const out = logits('arc', 64, m);
    expect(out[0]?.[2]).toBeCloseTo(64 * Math.cos(Math.acos(0.9) + m), 3);
    expect(out[1]?.[1]).toBeCloseTo(64 * Math.cos(Math.acos(0.8) + m), 3);
    expect(out[0]?.[0]).toBeCloseTo(64 * 0.5, 4);
  });

  it('clamps cosines outside [−1, 1]', () => {
    const out = tf.tidy(() =>
      marginLogits(tf.tensor2d([[1.5, -3]]), tf.tensor1d([1], 'int32'), {
        type: 'softmax',
        scale: 2,
        margin: 0,
      }).arraySync(),
    );
    expect(out[0]).toEqual([2, -2]);
  });
});

describe('crossEntropy', () => {
  it('equals −log softmax of the target, averaged over rows', () => {
    const l = [
      [1, 2, 3],
      [0, 0, 0],
    ];
    const expected = (-Math.log(Math.exp(3) / (Math.exp(1) + Math.exp(2) + Math.exp(3))) - Math.log(1 / 3)) / 2;
    const value = tf.tidy(() => crossEntropy(tf.tensor2d(l), tf.tensor1d([2, 0], 'int32')).dataSync()[0]);
    expect(value).toBeCloseTo(expected, 5);
  });
});
