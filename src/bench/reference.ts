/**
 * The reference training step of the performance notes (issue 5, docs/decisions.md): batch 64,
 * 32×32×3, conv16 → conv32/2 → conv64/2 (3×3, ReLU) → global average pool → dense 64, cosine
 * logits against 256 fixed unit prototypes (s = 16), cross-entropy, one SGD step.
 * bench/reference_step.py is the same step in PyTorch.
 */
import type { ConvImpl } from '../core/model/conv';
import { conv2dSame } from '../core/model/conv';
import { l2Normalize } from '../core/model/forward';
import { crossEntropy } from '../core/train/margin';
import { createRng } from '../core/rng';
import * as tf from '../core/tf';

export interface ReferenceStep {
  step(): tf.Scalar;
  dispose(): void;
}

function normal(shape: number[], std: number, seed: number): tf.Tensor {
  const rng = createRng(seed);
  const n = shape.reduce((a, b) => a * b, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => rng.normal() * std),
    shape,
  );
}

export function referenceStep(impl: ConvImpl): ReferenceStep {
  const x = tf.tidy(() => tf.sigmoid(normal([64, 32, 32, 3], 1, 1))) as tf.Tensor4D;
  const labels = tf.tensor1d(
    Array.from({ length: 64 }, (_, i) => (i * 37) % 256),
    'int32',
  );
  const protos = tf.tidy(() => l2Normalize(normal([256, 64], 1, 2) as tf.Tensor2D));
  const shapes: Array<[number, number, number, number]> = [
    [3, 3, 3, 16],
    [3, 3, 16, 32],
    [3, 3, 32, 64],
  ];
  const convs = shapes.map((s, i) => tf.variable(normal(s, Math.sqrt(2 / (9 * s[2])), 10 + i)));
  const dense = tf.variable(normal([64, 64], Math.sqrt(1 / 64), 20));
  const weights = [...convs, dense];
  const strides: Array<1 | 2> = [1, 2, 2];
  const loss = (): tf.Scalar => {
    let h: tf.Tensor4D = x;
    convs.forEach((w, i) => (h = tf.relu(conv2dSame(h, w as unknown as tf.Tensor4D, strides[i] as 1 | 2, impl))));
    const f = l2Normalize(tf.matMul(tf.mean(h, [1, 2]) as tf.Tensor2D, dense as unknown as tf.Tensor2D));
    return crossEntropy(tf.mul(tf.matMul(f, protos, false, true), 16), labels);
  };
  return {
    step: () =>
      tf.tidy(() => {
        const { value, grads } = tf.variableGrads(loss, weights);
        for (const w of weights) w.assign(tf.sub(w, tf.mul(grads[w.name] as tf.Tensor, 0.1)));
        return value;
      }),
    dispose: () => tf.dispose([x, labels, protos, ...weights]),
  };
}
