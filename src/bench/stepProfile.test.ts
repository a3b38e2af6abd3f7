import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/backend-node';
import * as tf from '../core/tf';
import { profileStep } from './stepProfile';

describe('profileStep', () => {
  beforeAll(() => useNodeBackend('cpu'));
  afterAll(() => useNodeBackend('cpu'));

  it('counts the kernels, their outputs and what is kept, times each kernel, and puts the kernels back', async () => {
    const a = tf.tensor2d([1, 2, 3, 4], [2, 2]);
    const b = tf.tensor2d([5, 6, 7, 8], [2, 2]);
    // Multiply [2, 2] and Sum → a scalar: 2 kernels, 2 outputs of 4 + 1 values.
    const step = (): tf.Scalar => tf.tidy(() => tf.sum(tf.mul(a, b))) as tf.Scalar;
    const multiply = tf.getKernel('Multiply', 'cpu')?.kernelFunc;
    let ticks = 0;
    // A clock that advances 1 ms a reading: each timed step spans exactly one tick of it.
    const p = await profileStep(step, 1, 2, 3, () => ticks++);
    expect(p.stepMs).toBe(1);
    expect(p.kernels).toBe(2);
    expect(p.allocTensors).toBe(2);
    expect(p.allocBytes).toBe((4 + 1) * 4);
    expect(p.keptTensors).toBe(0);
    expect(p.byKernel.map((k) => [k.name, k.calls]).sort()).toEqual([
      ['Multiply', 1],
      ['Sum', 1],
    ]);
    // Wall time: each kernel took some, and the step more than its kernels.
    for (const k of p.byKernel) expect(k.ms).toBeGreaterThan(0);
    expect(p.kernelMs).toBeGreaterThan(0);
    expect(p.otherMs).toBeGreaterThan(0);
    expect(tf.getKernel('Multiply', 'cpu')?.kernelFunc).toBe(multiply);
    tf.dispose([a, b]);
  });
});
