/**
 * Fused training kernels (issue 23): one kernel call where the op-by-op graph runs dozens, for
 * backends whose per-op cost dominates a small net's step (wasm). Core owns their names, their
 * contracts and their gradients; a backend provides them by registering kernels of these names
 * (src/backends/wasmFused*.ts). Where a kernel is not registered for the active backend, core
 * runs the op-by-op graph, so the cpu backend, the bit-exact reference, never takes these paths.
 */
import * as tf from '../tf';

/** SGD with momentum over every weight at once (optimizer.ts's formula, rounded as its ops round). */
export const SGD_MOMENTUM = 'MasstSgdMomentum';
/** Weight EMA over every weight at once (ema.ts's formula, rounded as its ops round). */
export const WEIGHT_EMA = 'MasstWeightEma';
/** BN running-statistics update of every layer at once (forward.ts's updateRunningStats). */
export const BN_RUNNING_STATS = 'MasstBnRunningStats';
/** Batch-statistics BN → y, mean, variance: x, gamma, beta. */
export const BN_TRAIN = 'MasstBnTrain';
/** … then PReLU: x, gamma, beta, alpha. */
export const BN_PRELU_TRAIN = 'MasstBnPreluTrain';
/** … plus a residual before the PReLU: x, gamma, beta, residual, alpha. */
export const BN_ADD_PRELU_TRAIN = 'MasstBnAddPreluTrain';
/** The three BN kernels' gradient: dx, dgamma, dbeta, then dresidual and dalpha where they have them. */
export const BN_ACT_GRAD = 'MasstBnActGrad';

export const FUSED_KERNELS = [
  SGD_MOMENTUM,
  WEIGHT_EMA,
  BN_RUNNING_STATS,
  BN_TRAIN,
  BN_PRELU_TRAIN,
  BN_ADD_PRELU_TRAIN,
  BN_ACT_GRAD,
] as const;

/** Attributes of SGD_MOMENTUM; inputs w0…, g0…, m0… (weights, gradients, momentum buffers); outputs the new weights then the new buffers. */
export interface SgdMomentumAttrs {
  count: number;
  lr: number;
  momentum: number;
  weightDecay: number;
}

/** Attributes of WEIGHT_EMA; inputs t0…, s0… (targets, sources); outputs α·t + (1 − α)·s each. */
export interface WeightEmaAttrs {
  count: number;
  alpha: number;
}

/**
 * Attributes of BN_RUNNING_STATS; inputs m0…, v0… [C] (running) and bm0…, bv0… [groups·C]
 * (batch moments, group after group); outputs the new means then the new variances. The groups
 * are folded in one after the other, as separate updates would.
 */
export interface BnRunningStatsAttrs {
  /** Values each layer's batch moments average (per group). */
  counts: number[];
  momentum: number;
  groups: number;
}

/** Attributes of BN_ACT_GRAD. */
export interface BnActGradAttrs {
  epsilon: number;
  groups: number;
  prelu: boolean;
  residual: boolean;
}

/**
 * Attributes of the three BN kernels. `groups` splits the batch (the first axis) into that many
 * equal blocks with statistics of their own: two views stacked [2B, …] normalise exactly as two
 * passes of B would. mean and variance come out [groups·C].
 */
export interface BnTrainAttrs {
  epsilon: number;
  groups: number;
}

/** True when the active backend registers the kernel (the fused path runs), false for the op-by-op graph. */
export function fused(kernel: string): boolean {
  return tf.getKernel(kernel, tf.getBackend()) !== undefined;
}
