/**
 * The SST loss as a pure function over given features (docs/method.md §4, step 2–3), so it can be
 * checked against a reference implementation. For view 1:
 *   logits1 = margin([p1·g2ᵀ (B×B) | p1·Q_restᵀ (B×(Q−B))]) with targets 0..B−1,
 * i.e. p1 scored against the queue whose B slots at the write pointer hold g2. Same for view 2
 * with g1. loss = (CE(logits1) + CE(logits2)) / 2.
 */
import type { LossConfig } from '../config';
import * as tf from '../tf';
import { crossEntropy, marginLogits } from './margin';

export interface SstLossInputs {
  /** Probe features of view 1 and 2, L2-normalised, [B, D]. */
  p1: tf.Tensor2D;
  p2: tf.Tensor2D;
  /** Gallery features (no gradient), L2-normalised, [B, D]. */
  g1: tf.Tensor2D;
  g2: tf.Tensor2D;
  /** The prototype queue, [Q, D], one row per slot. */
  queue: tf.Tensor2D;
  /** Write pointer: slots [pointer, pointer + B) are replaced by the batch's gallery features. */
  pointer: number;
}

export interface SstLossOutputs {
  loss: tf.Scalar;
  /** [B, Q] each: columns 0..B−1 are the batch's own IDs, the rest the other queue slots. */
  logits1: tf.Tensor2D;
  logits2: tf.Tensor2D;
}

/** The queue without the B rows at the pointer, [Q − B, D]. */
export function queueRest(queue: tf.Tensor2D, pointer: number, batch: number): tf.Tensor2D {
  const [q, d] = queue.shape;
  const parts: tf.Tensor2D[] = [];
  if (pointer > 0) parts.push(tf.slice(queue, [0, 0], [pointer, d]));
  if (pointer + batch < q) parts.push(tf.slice(queue, [pointer + batch, 0], [q - pointer - batch, d]));
  if (parts.length === 0) return tf.zeros([0, d]);
  return parts.length === 1 ? (parts[0] as tf.Tensor2D) : tf.concat(parts, 0);
}

function viewLogits(
  p: tf.Tensor2D,
  gOther: tf.Tensor2D,
  rest: tf.Tensor2D,
  targets: tf.Tensor1D,
  loss: LossConfig,
): tf.Tensor2D {
  const own: tf.Tensor2D = tf.matMul(p, gOther, false, true);
  const cos: tf.Tensor2D =
    rest.shape[0] > 0 ? (tf.concat([own, tf.matMul(p, rest, false, true)], 1) as tf.Tensor2D) : own;
  return marginLogits(cos, targets, loss);
}

export function sstLoss(inputs: SstLossInputs, loss: LossConfig): SstLossOutputs {
  const b = inputs.p1.shape[0];
  const g1 = tf.stopGradient(inputs.g1);
  const g2 = tf.stopGradient(inputs.g2);
  const rest = tf.stopGradient(queueRest(inputs.queue, inputs.pointer, b));
  const targets = tf.range(0, b, 1, 'int32') as tf.Tensor1D;
  const logits1 = viewLogits(inputs.p1, g2, rest, targets, loss);
  const logits2 = viewLogits(inputs.p2, g1, rest, targets, loss);
  const value = tf.div(tf.add(crossEntropy(logits1, targets), crossEntropy(logits2, targets)), 2);
  return { loss: value as tf.Scalar, logits1, logits2 };
}
