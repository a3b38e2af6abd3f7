/**
 * √Σ‖a_i − b_i‖² over two lists of tensors of matching shapes (b omitted: the global norm of a),
 * as one scalar. The per-tensor sums are stacked and summed rather than added with tf.addN: the
 * WebGPU AddN kernel binds every input as a storage buffer, and beyond the adapter's limit (8 by
 * default, so any net with more than 7 weight tensors) its pipeline is invalid and the result
 * garbage; the stack's concat kernel splits its inputs to fit the limit.
 */
import * as tf from '../tf';

export function globalNorm(a: readonly tf.Tensor[], b?: readonly tf.Tensor[]): tf.Scalar {
  return tf.tidy(() => {
    const squares = a.map((t, i) => tf.sum(tf.square(b ? tf.sub(t, b[i] as tf.Tensor) : t)));
    return tf.sqrt(tf.sum(tf.stack(squares)));
  }) as tf.Scalar;
}
