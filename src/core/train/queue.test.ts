import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { useCpu } from '../../test/tfCpu';
import * as tf from '../tf';
import { EMPTY_SLOT, PrototypeQueue } from './queue';

beforeAll(useCpu);

const rowsOf = (q: PrototypeQueue): number[][] => q.features.arraySync();

describe('PrototypeQueue', () => {
  it('starts with random unit vectors and empty slots', () => {
    const q = new PrototypeQueue(6, 4, createRng(1));
    for (const row of rowsOf(q)) expect(Math.hypot(...row)).toBeCloseTo(1, 5);
    expect(Array.from(q.slotIds)).toEqual(Array(6).fill(EMPTY_SLOT));
    expect(q.pointer).toBe(0);
    q.dispose();
  });

  it('writes B rows at the pointer in FIFO order and wraps modulo Q', () => {
    const q = new PrototypeQueue(6, 2, createRng(2));
    const batch = (v: number) =>
      tf.tensor2d([
        [v, 0],
        [0, v],
      ]);
    const writes = [1, 2, 3, 4];
    writes.forEach((v, i) => {
      const g = batch(v);
      q.enqueue(g, Int32Array.from([10 * v, 10 * v + 1]));
      g.dispose();
      expect(q.pointer).toBe(((i + 1) * 2) % 6);
    });
    // Writes 1, 2, 3 filled slots 0–5; write 4 overwrote the oldest (slots 0–1).
    expect(rowsOf(q)).toEqual([
      [4, 0],
      [0, 4],
      [2, 0],
      [0, 2],
      [3, 0],
      [0, 3],
    ]);
    expect(Array.from(q.slotIds)).toEqual([40, 41, 20, 21, 30, 31]);
    expect([...q.idsInQueue()].sort()).toEqual([20, 21, 30, 31, 40, 41]);
    q.dispose();
  });

  it('rejects a batch that does not divide Q or mismatched ids', () => {
    const q = new PrototypeQueue(6, 2, createRng(3));
    const g = tf.zeros([4, 2]) as tf.Tensor2D;
    expect(() => q.enqueue(g, new Int32Array(4))).toThrow('batch 4 does not divide queue size 6');
    expect(() => q.enqueue(g, new Int32Array(3))).toThrow('3 ids for 4 features');
    g.dispose();
    q.dispose();
  });

  it('keeps the tensor count across enqueues', () => {
    const q = new PrototypeQueue(4, 2, createRng(4));
    const g = tf.ones([2, 2]) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    q.enqueue(g, Int32Array.from([1, 2]));
    q.enqueue(g, Int32Array.from([3, 4]));
    expect(tf.memory().numTensors).toBe(before);
    g.dispose();
    q.dispose();
  });
});
