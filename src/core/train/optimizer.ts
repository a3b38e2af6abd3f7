/**
 * SGD with momentum and weight decay, as torch.optim.SGD does it (the SST reference trainer):
 *   d = g + λ·w;  buf ← μ·buf + d;  w ← w − lr·buf
 * The learning rate is an argument of every step (tfjs's own optimizers fix it at construction).
 */
import * as tf from '../tf';
import type { SgdMomentumAttrs } from '../fused/names';
import { fused, SGD_MOMENTUM } from '../fused/names';
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
    if (fused(SGD_MOMENTUM)) {
      this.applyFused(grads, lr);
      return;
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

  /** The same update as one kernel over every weight (names.ts), ~6 kernels per weight fewer. */
  private applyFused(grads: readonly tf.Tensor[], lr: number): void {
    const n = this.weights.length;
    const inputs: tf.NamedTensorMap = {};
    this.weights.forEach((w, i) => {
      inputs[`w${i}`] = w;
      inputs[`g${i}`] = grads[i] as tf.Tensor;
      inputs[`m${i}`] = this.buffers[i] as tf.Variable;
    });
    const attrs: SgdMomentumAttrs = { count: n, lr, momentum: this.momentum, weightDecay: this.weightDecay };
    const out = tf.engine().runKernel(SGD_MOMENTUM, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
    this.weights.forEach((w, i) => {
      w.assign(out[i] as tf.Tensor);
      (this.buffers[i] as tf.Variable).assign(out[n + i] as tf.Tensor);
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
