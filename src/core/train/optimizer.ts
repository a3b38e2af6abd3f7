/**
 * SGD with momentum and weight decay, as torch.optim.SGD does it (the SST reference trainer):
 *   d = g + λ·w;  buf ← μ·buf + d;  w ← w − lr·buf
 * The learning rate is an argument of every step (tfjs's own optimizers fix it at construction).
 */
import * as tf from '../tf';
import { assignAll, readVariables } from './checkpoint';

export class SgdMomentum {
  private readonly buffers: tf.Variable[];

  constructor(
    private readonly weights: readonly tf.Variable[],
    private readonly momentum: number,
    private readonly weightDecay: number,
  ) {
    this.buffers = weights.map((w) => tf.tidy(() => tf.variable(tf.zerosLike(w), false)));
  }

  /** grads[i] is the gradient of weights[i]. Call inside tf.tidy. */
  apply(grads: readonly tf.Tensor[], lr: number): void {
    if (grads.length !== this.weights.length) {
      throw new Error(`SgdMomentum.apply: ${grads.length} gradients for ${this.weights.length} weights`);
    }
    this.weights.forEach((w, i) => {
      const g = grads[i] as tf.Tensor;
      const buf = this.buffers[i] as tf.Variable;
      const d = this.weightDecay > 0 ? tf.add(g, tf.mul(w, this.weightDecay)) : g;
      const next = tf.add(tf.mul(buf, this.momentum), d);
      buf.assign(next);
      w.assign(tf.sub(w, tf.mul(next, lr)));
    });
  }

  /** The momentum buffers, in weight order (for snapshots). */
  get slots(): readonly tf.Variable[] {
    return this.buffers;
  }

  async save(): Promise<Float32Array[]> {
    return readVariables(this.buffers);
  }

  load(buffers: readonly Float32Array[]): void {
    assignAll(this.buffers, buffers, 'momentum buffers');
  }

  dispose(): void {
    tf.dispose(this.buffers);
  }
}
