/**
 * The backbone's forward pass as a pure function of a Net's weights and an image batch.
 * BN modes:
 * - 'train': batch statistics, and the batch moments are returned so the caller can update the
 *   running statistics after the gradient step (the probe in training);
 * - 'batch': batch statistics, nothing recorded (the gallery agents: SST runs G in train-mode BN);
 * - 'inference': running statistics (evaluation).
 */
import * as tf from '../tf';
import { BN_EPSILON, blocksOf } from './architecture';
import type { ConvImpl } from './conv';
import { conv2dSame } from './conv';
import type { Net } from './net';

export type BnMode = 'train' | 'batch' | 'inference';

export { BN_EPSILON };

/** Batch moments of one BN layer, [channels] each; variance is the biased (1/n) one. */
export interface BatchMoments {
  name: string;
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
  /** Number of values each moment averages (for the unbiased running variance). */
  count: number;
}

export interface ForwardResult {
  /** L2-normalised embedding, [B, D]. */
  embedding: tf.Tensor2D;
  /** Batch moments per BN layer ('train' mode only, else empty). */
  moments: BatchMoments[];
}

interface Ctx {
  net: Net;
  mode: BnMode;
  impl: ConvImpl;
  moments: BatchMoments[];
}

function param(ctx: Ctx, name: string): tf.Variable {
  const v = ctx.net.byName.get(name);
  if (!v) throw new Error(`forward: the net has no parameter ${name}`);
  return v;
}

/** BN over all axes but the last: x [..., C]. */
function batchNorm(ctx: Ctx, name: string, x: tf.Tensor): tf.Tensor {
  const gamma = param(ctx, `${name}.gamma`);
  const beta = param(ctx, `${name}.beta`);
  let mean: tf.Tensor;
  let variance: tf.Tensor;
  if (ctx.mode === 'inference') {
    const stats = ctx.net.bn.get(name);
    if (!stats) throw new Error(`forward: the net has no BN statistics ${name}`);
    mean = stats.mean;
    variance = stats.variance;
  } else {
    const axes = x.shape.slice(0, -1).map((_, i) => i);
    mean = tf.mean(x, axes);
    variance = tf.mean(tf.square(tf.sub(x, mean)), axes);
    if (ctx.mode === 'train') {
      const count = x.size / (x.shape[x.shape.length - 1] ?? 1);
      ctx.moments.push({
        name,
        mean: mean as tf.Tensor1D,
        variance: variance as tf.Tensor1D,
        count,
      });
    }
  }
  const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, BN_EPSILON)));
  return tf.add(tf.mul(tf.sub(x, mean), scale), beta);
}

function convBn(ctx: Ctx, name: string, x: tf.Tensor4D, stride: 1 | 2): tf.Tensor4D {
  const y = conv2dSame(x, param(ctx, `${name}.conv`) as unknown as tf.Tensor4D, stride, ctx.impl);
  return batchNorm(ctx, `${name}.bn`, y) as tf.Tensor4D;
}

function prelu(ctx: Ctx, name: string, x: tf.Tensor4D): tf.Tensor4D {
  return tf.prelu(x, param(ctx, name) as unknown as tf.Tensor4D);
}

/** Images [B, H, W, C] in [0, 1] → L2-normalised embeddings [B, D]. Call inside tf.tidy. */
export function forward(net: Net, images: tf.Tensor4D, mode: BnMode, impl: ConvImpl): ForwardResult {
  const ctx: Ctx = { net, mode, impl, moments: [] };
  // Centre the pixels: [0, 1] → [−1, 1], as face pipelines do with (x − 127.5)/128.
  let x = tf.sub(tf.mul(images, 2), 1) as tf.Tensor4D;
  x = prelu(ctx, 'stem.prelu', convBn(ctx, 'stem', x, 1));
  for (const b of blocksOf(net.arch)) {
    const a = prelu(ctx, `${b.prefix}.prelu`, convBn(ctx, `${b.prefix}.a`, x, b.stride));
    const main = convBn(ctx, `${b.prefix}.b`, a, 1);
    const shortcut = b.projection ? convBn(ctx, `${b.prefix}.proj`, x, b.stride) : x;
    x = prelu(ctx, `${b.prefix}.out`, tf.add(main, shortcut));
  }
  const pooled = tf.mean(x, [1, 2]) as tf.Tensor2D;
  const dense = tf.matMul(pooled, param(ctx, 'embed.dense') as tf.Tensor2D);
  const features = batchNorm(ctx, 'embed.bn', dense) as tf.Tensor2D;
  return { embedding: l2Normalize(features), moments: ctx.moments };
}

/** Rows scaled to unit length, [N, D] → [N, D]; ε keeps the gradient finite at 0. */
export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  const norm = tf.sqrt(tf.add(tf.sum(tf.square(x), 1, true), 1e-12));
  return tf.div(x, norm);
}

/** PyTorch's running-statistics update: r ← (1 − m)·r + m·batch, variance unbiased. */
export const BN_MOMENTUM = 0.1;

/** Folds batch moments into the net's running statistics. Call inside tf.tidy. */
export function updateRunningStats(net: Net, moments: readonly BatchMoments[]): void {
  for (const m of moments) {
    const stats = net.bn.get(m.name);
    if (!stats) throw new Error(`updateRunningStats: no BN layer ${m.name}`);
    const unbiased = tf.mul(m.variance, m.count / Math.max(1, m.count - 1));
    stats.mean.assign(tf.add(tf.mul(stats.mean, 1 - BN_MOMENTUM), tf.mul(m.mean, BN_MOMENTUM)));
    stats.variance.assign(
      tf.add(tf.mul(stats.variance, 1 - BN_MOMENTUM), tf.mul(unbiased, BN_MOMENTUM)),
    );
  }
}
