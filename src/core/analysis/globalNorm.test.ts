import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../cli/backend-node';
import * as tf from '../tf';
import { globalNorm } from './globalNorm';

/** Twelve tensors (more than WebGPU's 8 storage buffers per stage): tensor i is (i+1)·scale·[1, 2, 3, 4]. */
function tensors(scale: number): tf.Tensor[] {
  return Array.from({ length: 12 }, (_, i) => tf.mul(tf.tensor1d([1, 2, 3, 4]), scale * (i + 1)));
}

describe('globalNorm', () => {
  afterAll(() => useNodeBackend('cpu'));

  it('is √Σ‖a_i‖² and √Σ‖a_i − b_i‖² (closed form)', async () => {
    await useNodeBackend('cpu');
    const a = tensors(1);
    const b = tensors(0.5);
    // Σ_i (i+1)²·30 over i < 12 = 30·650; the difference halves every entry.
    expect((await globalNorm(a).data())[0]).toBeCloseTo(Math.sqrt(30 * 650), 3);
    expect((await globalNorm(a, b).data())[0]).toBeCloseTo(Math.sqrt(30 * 650) / 2, 3);
    tf.dispose([...a, ...b]);
  });

  // tf.addN of more than 7 inputs builds an invalid pipeline on WebGPU (storage buffer limit).
  it('gives the same value on webgpu (Dawn) with more inputs than storage buffers', async () => {
    await useNodeBackend('webgpu');
    const a = tensors(1);
    expect((await globalNorm(a).data())[0]).toBeCloseTo(Math.sqrt(30 * 650), 2);
    tf.dispose(a);
  });
});
