import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../cli/backend-node';
import { createRng } from '../core/rng';
import * as tf from '../core/tf';

function values(n: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => rng.normal());
}

/** tf.gather(x, indices, axis) on `backend`, read back. */
async function gathered(
  backend: 'cpu' | 'wasm',
  shape: number[],
  dtype: 'float32' | 'int32',
  indices: number[],
  axis: number,
): Promise<{ shape: number[]; data: number[] }> {
  await useNodeBackend(backend);
  const size = shape.reduce((a, b) => a * b, 1);
  const raw = values(size, 1);
  const x =
    dtype === 'int32'
      ? tf.tensor(
          Int32Array.from(raw, (v) => Math.round(v * 100)),
          shape,
          'int32',
        )
      : tf.tensor(raw, shape);
  const y = tf.gather(x, tf.tensor1d(indices, 'int32'), axis);
  const out = { shape: y.shape, data: Array.from(await y.data()) };
  tf.dispose([x, y]);
  return out;
}

describe('wasm GatherV2', () => {
  afterAll(() => useNodeBackend('cpu'));
  const cases: Array<[string, number[], 'float32' | 'int32', number[], number]> = [
    ['images along axis 0, indices repeated and out of order', [6, 4, 4, 1], 'float32', [5, 0, 3, 3, 1], 0],
    ['int32 rows', [5, 3], 'int32', [4, 2], 0],
    ['a 1-D tensor', [7], 'float32', [6, 0, 6], 0],
    ['axis 1 (the backend kernel)', [3, 5, 2], 'float32', [4, 1], 1],
  ];
  for (const [what, shape, dtype, indices, axis] of cases) {
    it(`gives the cpu backend's values bit for bit: ${what}`, async () => {
      const cpu = await gathered('cpu', shape, dtype, indices, axis);
      const wasm = await gathered('wasm', shape, dtype, indices, axis);
      expect(wasm.shape).toEqual(cpu.shape);
      expect(wasm.data).toEqual(cpu.data);
    });
  }

  it('rejects an index outside the first axis, naming it and the range allowed', async () => {
    await useNodeBackend('wasm');
    const x = tf.zeros([4, 2]);
    const before = tf.memory().numTensors;
    expect(() => tf.gather(x, tf.tensor1d([1, 4], 'int32'))).toThrow(
      'GatherV2 (wasm): index 4 is not allowed; allowed: integers in [0, 3]',
    );
    // The indices tensor stays (no tidy); the output was freed.
    expect(tf.memory().numTensors).toBe(before + 1);
    x.dispose();
  });
});
