import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { useCpu } from '../../test/tfCpu';
import * as tf from '../tf';
import type { LossConfig } from '../config';
import { queueRest, sstLoss } from './sstLoss';

beforeAll(useCpu);

function unitRows(rows: number, dim: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => {
    const v = Array.from({ length: dim }, () => rng.normal());
    const n = Math.hypot(...v);
    return v.map((x) => x / n);
  });
}

const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * (b[i] as number), 0);

/**
 * Reference in plain numbers, the way the SST code states it: the queue with the B slots at the
 * pointer replaced by the other view's gallery features; row i's label is slot pointer + i.
 */
function referenceLoss(
  p1: number[][],
  p2: number[][],
  g1: number[][],
  g2: number[][],
  queue: number[][],
  ptr: number,
  loss: LossConfig,
): number {
  const view = (p: number[][], g: number[][]): number => {
    const q = queue.map((row, j) => (j >= ptr && j < ptr + g.length ? (g[j - ptr] as number[]) : row));
    let total = 0;
    p.forEach((pi, i) => {
      const logits = q.map((qj, j) => {
        const c = Math.max(-1, Math.min(1, dot(pi, qj)));
        if (j !== ptr + i) return loss.scale * c;
        if (loss.type === 'am') return loss.scale * (c - loss.margin);
        if (loss.type === 'arc') return loss.scale * Math.cos(Math.acos(c) + loss.margin);
        return loss.scale * c;
      });
      const max = Math.max(...logits);
      const lse = max + Math.log(logits.reduce((s, l) => s + Math.exp(l - max), 0));
      total += lse - (logits[ptr + i] as number);
    });
    return total / p.length;
  };
  return (view(p1, g2) + view(p2, g1)) / 2;
}

describe('sstLoss', () => {
  const B = 3;
  const D = 5;
  const Q = 9;
  const p1 = unitRows(B, D, 1);
  const p2 = unitRows(B, D, 2);
  const g1 = unitRows(B, D, 3);
  const g2 = unitRows(B, D, 4);
  const queue = unitRows(Q, D, 5);

  for (const type of ['softmax', 'am', 'arc'] as const) {
    for (const ptr of [0, 3, 6]) {
      it(`matches the queue-replacement reference (${type}, pointer ${ptr})`, () => {
        const loss: LossConfig = { type, scale: 16, margin: type === 'arc' ? 0.5 : 0.35 };
        const value = tf.tidy(
          () =>
            sstLoss(
              {
                p1: tf.tensor2d(p1),
                p2: tf.tensor2d(p2),
                g1: tf.tensor2d(g1),
                g2: tf.tensor2d(g2),
                queue: tf.tensor2d(queue),
                pointer: ptr,
              },
              loss,
            ).loss.dataSync()[0],
        );
        expect(value).toBeCloseTo(referenceLoss(p1, p2, g1, g2, queue, ptr, loss), 4);
      });
    }
  }

  it('gives B×Q logits with the own-ID cosines first', () => {
    const out = tf.tidy(() => {
      const r = sstLoss(
        {
          p1: tf.tensor2d(p1),
          p2: tf.tensor2d(p2),
          g1: tf.tensor2d(g1),
          g2: tf.tensor2d(g2),
          queue: tf.tensor2d(queue),
          pointer: 3,
        },
        { type: 'softmax', scale: 1, margin: 0 },
      );
      return { shape: r.logits1.shape, l: r.logits1.arraySync() };
    });
    expect(out.shape).toEqual([B, Q]);
    expect(out.l[1]?.[2]).toBeCloseTo(dot(p1[1] as number[], g2[2] as number[]), 5);
    expect(out.l[0]?.[3]).toBeCloseTo(dot(p1[0] as number[], queue[0] as number[]), 5);
    expect(out.l[0]?.[B + 3]).toBeCloseTo(dot(p1[0] as number[], queue[6] as number[]), 5);
  });

  it('passes no gradient to gallery features or the queue', () => {
    const grads = tf.tidy(() => {
      const g = tf.grads(
        (a: tf.Tensor, q: tf.Tensor) =>
          sstLoss(
            {
              p1: tf.tensor2d(p1),
              p2: tf.tensor2d(p2),
              g1: a as tf.Tensor2D,
              g2: tf.tensor2d(g2),
              queue: q as tf.Tensor2D,
              pointer: 0,
            },
            { type: 'am', scale: 16, margin: 0.35 },
          ).loss,
      );
      return g([tf.tensor2d(g1), tf.tensor2d(queue)]).map((t) => tf.max(tf.abs(t)).dataSync()[0]);
    });
    expect(grads).toEqual([0, 0]);
  });

  it('queueRest drops the B rows at the pointer', () => {
    const rest = tf.tidy(() => queueRest(tf.tensor2d(queue), 6, 3).arraySync());
    expect(rest).toHaveLength(6);
    expect(rest[5]?.[0]).toBeCloseTo(queue[5]?.[0] as number, 6);
  });
});
