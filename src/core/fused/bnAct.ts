/**
 * Batch-statistics BN, optionally followed by a residual add and a PReLU, as one fused kernel
 * forward and one backward (names.ts) where the backend registers them; the op-by-op graph of
 * forward.ts otherwise. Shapes: x [..., C] (BN over every axis but the last), gamma, beta,
 * alpha [C], residual like x. Outputs y like x and the batch moments mean, variance [C] (biased
 * variance, as forward.ts's graph computes it).
 *
 * The moments carry no gradient: the trainers only fold them into the running statistics, off
 * the loss's path. The gradient of y is the full one through the batch statistics:
 *   g = dy·PReLU'(z),  x̂ = (x − μ)/σ,  dβ = Σg,  dγ = Σg·x̂,  dα = Σ_{z≤0} dy·z,  dresidual = g,
 *   dx = γ/(σ·N)·(N·g − Σg − x̂·Σg·x̂),  N values per channel, σ = √(var + ε).
 */
import * as tf from '../tf';
import type { BnActGradAttrs, BnTrainAttrs } from './names';
import { BN_ACT_GRAD, BN_ADD_PRELU_TRAIN, BN_PRELU_TRAIN, BN_TRAIN, fused } from './names';

export interface BnActResult {
  y: tf.Tensor;
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
}

/** The kernel for this combination: plain BN, BN + PReLU, BN + residual + PReLU. */
function kernelFor(alpha: tf.Tensor | null, residual: tf.Tensor | null): string {
  if (residual !== null && alpha === null)
    throw new Error('bnAct: a residual is only fused before a PReLU; pass alpha too');
  return alpha === null ? BN_TRAIN : residual === null ? BN_PRELU_TRAIN : BN_ADD_PRELU_TRAIN;
}

/** True when the active backend runs this combination fused (forward and gradient kernels). */
export function bnActFused(alpha: tf.Tensor | null, residual: tf.Tensor | null): boolean {
  return fused(kernelFor(alpha, residual)) && fused(BN_ACT_GRAD);
}

/** True when the active backend runs every BN combination fused. */
export function bnFused(): boolean {
  return [BN_TRAIN, BN_PRELU_TRAIN, BN_ADD_PRELU_TRAIN, BN_ACT_GRAD].every(fused);
}

/**
 * Runs the fused kernel; call only where bnActFused says so. `groups` (names.ts, BnTrainAttrs)
 * gives each of that many equal blocks of the batch its own statistics; mean and variance are
 * then [groups·C], group after group.
 */
export function bnActTrain(
  x: tf.Tensor,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  alpha: tf.Tensor | null,
  residual: tf.Tensor | null,
  epsilon: number,
  groups = 1,
): BnActResult {
  const batch = x.shape[0] ?? 0;
  if (!Number.isInteger(groups) || groups < 1 || batch % groups !== 0) {
    throw new Error(
      `bnActTrain: groups ${groups} is not allowed for a batch of ${batch}; allowed: an integer ≥ 1 that divides the batch`,
    );
  }
  const inputs: tf.NamedTensorMap = { x, gamma, beta };
  if (residual !== null) inputs.residual = residual;
  if (alpha !== null) inputs.alpha = alpha;
  const attrs: BnTrainAttrs = { epsilon, groups };
  const [y, mean, variance] = tf
    .engine()
    .runKernel(kernelFor(alpha, residual), inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
  return { y: y as tf.Tensor, mean: mean as tf.Tensor1D, variance: variance as tf.Tensor1D };
}

function registerBnGradient(kernelName: string, inputNames: string[]): void {
  const prelu = inputNames.includes('alpha');
  const residual = inputNames.includes('residual');
  tf.registerGradient({
    kernelName,
    inputsToSave: inputNames,
    outputsToSave: [false, true, true],
    gradFunc: (dys, saved, attrs) => {
      const dy = (Array.isArray(dys) ? dys[0] : dys) as tf.Tensor;
      const inputs: tf.NamedTensorMap = { dy };
      inputNames.forEach((name, i) => (inputs[name] = saved[i] as tf.Tensor));
      inputs.mean = saved[inputNames.length] as tf.Tensor;
      inputs.variance = saved[inputNames.length + 1] as tf.Tensor;
      const { epsilon, groups } = attrs as unknown as BnTrainAttrs;
      const gradAttrs: BnActGradAttrs = { epsilon, groups, prelu, residual };
      // One kernel computes every gradient; each input's closure hands out its own output.
      const out = tf.engine().runKernel(BN_ACT_GRAD, inputs, gradAttrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
      const grads: Record<string, () => tf.Tensor> = {
        x: () => out[0] as tf.Tensor,
        gamma: () => out[1] as tf.Tensor,
        beta: () => out[2] as tf.Tensor,
      };
      if (residual) grads.residual = () => out[3] as tf.Tensor;
      if (prelu) grads.alpha = () => out[residual ? 4 : 3] as tf.Tensor;
      return grads;
    },
  });
}

registerBnGradient(BN_TRAIN, ['x', 'gamma', 'beta']);
registerBnGradient(BN_PRELU_TRAIN, ['x', 'gamma', 'beta', 'alpha']);
registerBnGradient(BN_ADD_PRELU_TRAIN, ['x', 'gamma', 'beta', 'residual', 'alpha']);
