/**
 * What every method's trainer offers the comparison: one synchronous training step on a batch,
 * and the probe net (the only net used at inference and the only one evaluated).
 */
import type { LossConfig, OptimConfig, RunSpec } from '../config';
import type { ConvImpl } from '../model/conv';
import type { BatchMoments } from '../model/forward';
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
 * Probe embeddings of both views in training mode: two forward passes (BN statistics per view,
 * as the reference does), running statistics updated after each. Call inside the gradient scope.
 */
export function probeViews(
  probe: Net,
  x1: tf.Tensor4D,
  x2: tf.Tensor4D,
  impl: ConvImpl,
): [tf.Tensor2D, tf.Tensor2D] {
  const f1 = forward(probe, x1, 'train', impl);
  const f2 = forward(probe, x2, 'train', impl);
  const moments: BatchMoments[][] = [f1.moments, f2.moments];
  for (const m of moments) updateRunningStats(probe, m.map(stopMoments));
  return [f1.embedding, f2.embedding];
}

function stopMoments(m: BatchMoments): BatchMoments {
  return { ...m, mean: tf.stopGradient(m.mean), variance: tf.stopGradient(m.variance) };
}
