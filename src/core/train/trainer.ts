/**
 * What every method's trainer offers the comparison: one synchronous training step on a batch,
 * and the probe net (the only net used at inference and the only one evaluated).
 */
import type { LossConfig, OptimConfig, RunSpec } from '../config';
import type { ConvImpl } from '../model/conv';
import { bnFused } from '../fused/bnAct';
import { BN_RUNNING_STATS, fused } from '../fused/names';
import { forward, updateRunningStats } from '../model/forward';
import type { Net } from '../model/net';
import * as tf from '../tf';
import type { ProbeObjective } from '../analysis/objective';
import type { PairBatch } from './sampler';
import type { TrainerState } from './checkpoint';
import type { SlowStepTrace } from './trace';

export interface TrainerContext {
  /** All training images, uploaded once and shared by the runs, [N, H, W, C]. */
  images: tf.Tensor4D;
  loss: LossConfig;
  optim: OptimConfig;
  impl: ConvImpl;
}

export interface Trainer {
  readonly spec: RunSpec;
  readonly probe: Net;
  /** Steps taken so far. */
  readonly steps: number;
  /**
   * One iteration at learning rate `lr`. Synchronous and self-contained (one tf.tidy); returns
   * the loss as a scalar tensor the caller reads (asynchronously) and disposes.
   */
  step(batch: PairBatch, lr: number): tf.Scalar;
  /** The same iteration as step(), with the numbers of its stages read back (trace.ts). */
  stepTraced(batch: PairBatch, lr: number): Promise<{ loss: number; trace: SlowStepTrace }>;
  /**
   * The loss of `batch` as a function of the probe weights only, everything else frozen as it is
   * now (for smoothness probes and landscape slices). The caller disposes it.
   */
  objective(batch: PairBatch): ProbeObjective;
  /** Everything the next step reads, copied to the host (checkpoint.ts). */
  save(): Promise<TrainerState>;
  /** Continues from a save() of a trainer built for the same run, config and dataset. */
  load(state: TrainerState): void;
  dispose(): void;
}

/** The two views of a batch, gathered on the device from the shared image tensor. */
export function gatherViews(images: tf.Tensor4D, batch: PairBatch): [tf.Tensor4D, tf.Tensor4D] {
  const v1 = tf.tensor1d(batch.view1, 'int32');
  const v2 = tf.tensor1d(batch.view2, 'int32');
  return [tf.gather(images, v1), tf.gather(images, v2)];
}

/**
 * A batch's two views as a step feeds them to a net: stacked [2B, H, W, C] (view 1 then view 2)
 * where the backend fuses BN (fused/bnAct.ts), so one pass with per-view BN statistics (groups 2)
 * replaces two and every backbone kernel runs half as often; else two tensors of B.
 */
export type ViewImages = { stacked: tf.Tensor4D } | { x1: tf.Tensor4D; x2: tf.Tensor4D };

export function gatherViewImages(images: tf.Tensor4D, batch: PairBatch): ViewImages {
  if (!stackedViews()) {
    const [x1, x2] = gatherViews(images, batch);
    return { x1, x2 };
  }
  const both = new Int32Array(batch.view1.length + batch.view2.length);
  both.set(batch.view1);
  both.set(batch.view2, batch.view1.length);
  return { stacked: tf.gather(images, tf.tensor1d(both, 'int32')) };
}

function stackedViews(): boolean {
  return bnFused() && fused(BN_RUNNING_STATS);
}

/**
 * Embeddings of both views, [B, D] each, in `mode` (BN statistics per view either way, as the
 * reference computes them); 'train' also folds each view's moments into the running statistics,
 * view 1 first. Call 'train' inside the gradient scope.
 */
export function embedViews(
  net: Net,
  views: ViewImages,
  mode: 'train' | 'batch',
  impl: ConvImpl,
): [tf.Tensor2D, tf.Tensor2D] {
  if ('stacked' in views) {
    const f = forward(net, views.stacked, mode, impl, 2);
    if (mode === 'train') updateRunningStats(net, f.moments);
    return tf.split(f.embedding, 2, 0) as [tf.Tensor2D, tf.Tensor2D];
  }
  const f1 = forward(net, views.x1, mode, impl);
  const f2 = forward(net, views.x2, mode, impl);
  // The updates' outputs are assigned to the running statistics, off the loss's path: the
  // gradient never reaches them, so the moments need no stop-gradient copy.
  if (mode === 'train') for (const m of [f1.moments, f2.moments]) updateRunningStats(net, m);
  return [f1.embedding, f2.embedding];
}
