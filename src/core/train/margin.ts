/**
 * Margin logits shared by every method (docs/method.md §3): only the target column changes, then
 * everything is multiplied by s.
 *   softmax: s·cos          AM (CosFace): s·(cos − m)          Arc: s·cos(θ + m)
 */
import type { LossConfig } from '../config';
import * as tf from '../tf';

/**
 * cos [N, C] (cosines), targets [N] int32 (target column per row) → logits [N, C].
 * Gradients flow through `cos`.
 */
export function marginLogits(cos: tf.Tensor2D, targets: tf.Tensor1D, loss: LossConfig): tf.Tensor2D {
  const c = tf.clipByValue(cos, -1, 1);
  const numClasses = c.shape[1];
  const mask = oneHotFloat(targets, numClasses);
  const modified = targetLogit(c, loss);
  // Replace the target column only: c + mask·(modified − c).
  const mixed = tf.add(c, tf.mul(mask, tf.sub(modified, c)));
  return tf.mul(mixed, loss.scale);
}

/** The target column's modified cosine, computed for every column (masked afterwards). */
function targetLogit(c: tf.Tensor2D, loss: LossConfig): tf.Tensor2D {
  switch (loss.type) {
    case 'softmax':
      return c;
    case 'am':
      return tf.sub(c, loss.margin);
    case 'arc': {
      const sin = tf.sqrt(tf.maximum(tf.sub(1, tf.square(c)), 1e-7));
      return tf.sub(tf.mul(c, Math.cos(loss.margin)), tf.mul(sin, Math.sin(loss.margin)));
    }
  }
}

/**
 * One-hot rows as float32, [N, C]. Built as int32 and cast: the wasm backend's OneHot kernel
 * ignores dtype 'float32' and writes int32 bits (1 reads back as 1.4e-45; tfjs 4.22).
 */
export function oneHotFloat(targets: tf.Tensor1D, classes: number): tf.Tensor2D {
  return tf.cast(tf.oneHot(targets, classes), 'float32') as tf.Tensor2D;
}

/** Mean softmax cross-entropy of logits [N, C] against int32 targets [N]. */
export function crossEntropy(logits: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
  const mask = oneHotFloat(targets, logits.shape[1]);
  const logp = tf.logSoftmax(logits);
  return tf.neg(tf.mean(tf.sum(tf.mul(mask, logp), 1))) as tf.Scalar;
}
