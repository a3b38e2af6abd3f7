/**
 * Exponential moving average of weights: θ_G ← α·θ_G + (1 − α)·θ_P over the trainable weights
 * (conv, dense, BN γ/β, PReLU slopes); BN running statistics are not averaged (docs/method.md §4).
 */
import type { WeightEmaAttrs } from '../fused/names';
import { fused, WEIGHT_EMA } from '../fused/names';
import * as tf from '../tf';
import type { Net } from './net';

export function emaUpdate(target: Net, source: Net, alpha: number): void {
  tf.tidy(() => {
    if (fused(WEIGHT_EMA)) {
      // One kernel over every weight instead of three per weight.
      const inputs: tf.NamedTensorMap = {};
      target.weights.forEach((t, i) => {
        inputs[`t${i}`] = t;
        inputs[`s${i}`] = source.weights[i] as tf.Variable;
      });
      const attrs: WeightEmaAttrs = { count: target.weights.length, alpha };
      const out = tf.engine().runKernel(WEIGHT_EMA, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
      target.weights.forEach((t, i) => t.assign(out[i] as tf.Tensor));
      return;
    }
    target.weights.forEach((t, i) => {
      const s = source.weights[i] as tf.Variable;
      t.assign(tf.add(tf.mul(t, alpha), tf.mul(s, 1 - alpha)));
    });
  });
}
