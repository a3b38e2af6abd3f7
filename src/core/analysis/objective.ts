/**
 * A frozen training objective for measurements (docs/method.md §6): the loss of one fixed batch as a
 * function of the probe weights alone. Gallery features, queue contents and pointer, the
 * conventional head and BN running statistics are held fixed (BN uses batch statistics without
 * recording them), so probing the loss never changes training.
 */
import type * as tf from '../tf';

export interface ProbeObjective {
  /** The probe weights the measurements perturb (and restore). */
  readonly weights: readonly tf.Variable[];
  /** The loss at the current weights; call inside a gradient scope or tf.tidy. */
  loss(): tf.Scalar;
  /** Frees the frozen tensors (gallery features, queue copy). */
  dispose(): void;
}

/** Runs fn and then puts every weight back to its value before fn, bit for bit. */
export async function withRestoredWeights<T>(
  weights: readonly tf.Variable[],
  saved: readonly tf.Tensor[],
  fn: () => Promise<T>,
): Promise<T> {
  try {
    return await fn();
  } finally {
    weights.forEach((w, i) => w.assign(saved[i] as tf.Tensor));
  }
}
