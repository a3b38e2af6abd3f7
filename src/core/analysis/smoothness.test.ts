import { beforeAll, describe, expect, it } from 'vitest';
import { useCpu } from '../../test/tfCpu';
import * as tf from '../tf';
import type { ProbeObjective } from './objective';
import { geometricGrid, smoothnessProbe } from './smoothness';

beforeAll(useCpu);

/** ½ wᵀAw over one weight vector, A symmetric positive definite. */
function quadratic(a: number[][], w0: number[]): ProbeObjective & { w: tf.Variable } {
  const w = tf.variable(tf.tensor1d(w0));
  const A = tf.tensor2d(a);
  return {
    w,
    weights: [w],
    loss: () => tf.mul(0.5, tf.sum(tf.mul(w, tf.squeeze(tf.matMul(A, tf.reshape(w, [-1, 1])))))) as tf.Scalar,
    dispose: () => tf.dispose([w, A]),
  };
}

const norm = (v: number[]) => Math.hypot(...v);
const matVec = (a: number[][], v: number[]) => a.map((row) => row.reduce((s, x, j) => s + x * (v[j] as number), 0));

describe('smoothnessProbe', () => {
  const A = [
    [3, 1],
    [1, 2],
  ];
  const w0 = [1, -2];
  const etas = geometricGrid(0.05, 0.4, 5);

  it('on ½wᵀAw: β = ‖Ag‖/‖g‖, predictiveness = η‖Ag‖, losses exact', async () => {
    const obj = quadratic(A, w0);
    const r = await smoothnessProbe(obj, etas);
    const g = matVec(A, w0);
    const Ag = matVec(A, g);
    expect(r.gradNorm).toBeCloseTo(norm(g), 4);
    expect(r.beta).toBeCloseTo(norm(Ag) / norm(g), 4);
    etas.forEach((eta, k) => {
      expect(r.gradPred[k]).toBeCloseTo(eta * norm(Ag), 4);
      const w = w0.map((x, i) => x - eta * (g[i] as number));
      const expected = 0.5 * w.reduce((s, x, i) => s + x * (matVec(A, w)[i] as number), 0);
      expect(r.losses[k]).toBeCloseTo(expected, 4);
    });
    obj.dispose();
  });

  it('on a linear loss c·w the Lipschitz estimate is ‖c‖ and β is 0', async () => {
    const w = tf.variable(tf.tensor1d([0.3, 0.1, -0.2]));
    const c = tf.tensor1d([3, -4, 12]);
    const r = await smoothnessProbe(
      { weights: [w], loss: () => tf.sum(tf.mul(c, w)) as tf.Scalar, dispose: () => {} },
      etas,
    );
    expect(r.lipschitz).toBeCloseTo(13, 3);
    expect(r.beta).toBeCloseTo(0, 5);
    tf.dispose([w, c]);
  });

  it('restores the weights bit for bit and leaks no tensor', async () => {
    const obj = quadratic(A, w0);
    const before = Array.from(await obj.w.data());
    const count = tf.memory().numTensors;
    await smoothnessProbe(obj, etas);
    expect(tf.memory().numTensors).toBe(count);
    expect(Array.from(await obj.w.data())).toEqual(before);
    obj.dispose();
  });

  it('builds a geometric grid', () => {
    const g = geometricGrid(0.5, 4, 4);
    expect(g.map((x) => +x.toFixed(10))).toEqual([0.5, 1, 2, 4]);
  });
});
