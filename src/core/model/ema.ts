/**
 * Exponential moving average of weights: θ_G ← α·θ_G + (1 − α)·θ_P over the trainable weights
 * (conv, dense, BN γ/β, PReLU slopes); BN running statistics are not averaged (docs/method.md §4).
 */
import * as tf from '../tf';
import type { Net } from './net';

export function emaUpdate(target: Net, source: Net, alpha: number): void {
  tf.tidy(() => {
    target.weights.forEach((t, i) => {
      const s = source.weights[i] as tf.Variable;
      t.assign(tf.add(tf.mul(t, alpha), tf.mul(s, 1 - alpha)));
    });
  });
}
