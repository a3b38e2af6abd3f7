import { afterAll, describe, expect, it } from 'vitest';
import { useNodeBackend } from '../../cli/backend-node';
import * as tf from '../tf';
import { oneHotFloat } from './margin';

describe('oneHotFloat on wasm', () => {
  afterAll(() => useNodeBackend('cpu'));
  it('reads back ones and zeros (tf.oneHot with dtype float32 does not on wasm)', async () => {
    await useNodeBackend('wasm');
    const t = tf.tensor1d([0, 2], 'int32');
    const oh = oneHotFloat(t, 3);
    expect(Array.from(await oh.data())).toEqual([1, 0, 0, 0, 0, 1]);
    tf.dispose([t, oh]);
  });
});
