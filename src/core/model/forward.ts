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
import type { BnRunningStatsAttrs } from '../fused/names';
import { bnActFused, bnActTrain } from '../fused/bnAct';
import { BN_RUNNING_STATS, fused } from '../fused/names';
import type { BnStats, Net } from './net';

export type BnMode = 'train' | 'batch' | 'inference';

export { BN_EPSILON };

/** Batch moments of one BN layer, [channels] each; variance is the biased (1/n) one. */
export interface BatchMoments {
  name: string;
  /** [groups·C], group after group (forward's `groups`). */
  mean: tf.Tensor1D;
  variance: tf.Tensor1D;
  /** Number of values each moment averages (for the unbiased running variance). */
  count: number;
  /** Blocks of the batch with statistics of their own; 1 but for stacked views (forward). */
  groups: number;
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
  groups: number;
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
        groups: 1,
      });
    }
  }
  const scale = tf.mul(gamma, tf.rsqrt(tf.add(variance, BN_EPSILON)));
  return tf.add(tf.mul(tf.sub(x, mean), scale), beta);
}

function conv(ctx: Ctx, name: string, x: tf.Tensor4D, stride: 1 | 2): tf.Tensor4D {
  return conv2dSame(x, param(ctx, `${name}.conv`) as unknown as tf.Tensor4D, stride, ctx.impl);
}

/**
 * BN of layer `name`, then + residual, then the PReLU `act` (each optional; a residual only with
 * a PReLU): one fused kernel where the backend has it and the batch statistics are used
 * (fused/bnAct.ts), else the op-by-op graph. x [..., C].
 */
function bnAct(ctx: Ctx, name: string, x: tf.Tensor, act: string | null, residual: tf.Tensor | null = null): tf.Tensor {
  const alpha = act === null ? null : param(ctx, act);
  if (ctx.mode !== 'inference' && bnActFused(alpha, residual)) {
    const out = bnActTrain(
      x,
      param(ctx, `${name}.gamma`),
      param(ctx, `${name}.beta`),
      alpha,
      residual,
      BN_EPSILON,
      ctx.groups,
    );
    const count = x.size / ctx.groups / (x.shape[x.shape.length - 1] ?? 1);
    if (ctx.mode === 'train')
      ctx.moments.push({ name, mean: out.mean, variance: out.variance, count, groups: ctx.groups });
    return out.y;
  }
  if (ctx.groups !== 1)
    throw new Error(
      `forward: groups ${ctx.groups} needs the fused BN kernels, which backend "${tf.getBackend()}" lacks; allowed there: 1`,
    );
  const normed = batchNorm(ctx, name, x);
  const summed = residual === null ? normed : tf.add(normed, residual);
  return alpha === null ? summed : tf.prelu(summed, alpha as unknown as tf.Tensor4D);
}

/**
 * Images [B, H, W, C] in [0, 1] → L2-normalised embeddings [B, D]. Call inside tf.tidy.
 * `groups` > 1 (batch modes, fused BN only: stackedViews in train/trainer.ts) normalises each of
 * that many equal blocks of the batch with its own statistics, as separate passes would.
 */
export function forward(net: Net, images: tf.Tensor4D, mode: BnMode, impl: ConvImpl, groups = 1): ForwardResult {
  const ctx: Ctx = { net, mode, impl, moments: [], groups };
  // Centre the pixels: [0, 1] → [−1, 1], as face pipelines do with (x − 127.5)/128.
  let x = tf.sub(tf.mul(images, 2), 1) as tf.Tensor4D;
  x = bnAct(ctx, 'stem.bn', conv(ctx, 'stem', x, 1), 'stem.prelu') as tf.Tensor4D;
  for (const b of blocksOf(net.arch)) {
    const a = bnAct(
      ctx,
      `${b.prefix}.a.bn`,
      conv(ctx, `${b.prefix}.a`, x, b.stride),
      `${b.prefix}.prelu`,
    ) as tf.Tensor4D;
    const main = conv(ctx, `${b.prefix}.b`, a, 1);
    const shortcut = b.projection
      ? bnAct(ctx, `${b.prefix}.proj.bn`, conv(ctx, `${b.prefix}.proj`, x, b.stride), null)
      : x;
    x = bnAct(ctx, `${b.prefix}.b.bn`, main, `${b.prefix}.out`, shortcut) as tf.Tensor4D;
  }
  const pooled = tf.mean(x, [1, 2]) as tf.Tensor2D;
  const dense = tf.matMul(pooled, param(ctx, 'embed.dense') as tf.Tensor2D);
  const features = bnAct(ctx, 'embed.bn', dense, null) as tf.Tensor2D;
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
  if (fused(BN_RUNNING_STATS)) {
    updateRunningStatsFused(net, moments);
    return;
  }
  for (const m of moments) {
    if (m.groups !== 1)
      throw new Error(
        `updateRunningStats: ${m.name} has ${m.groups} groups of moments; allowed without the fused kernel: 1`,
      );
    const stats = net.bn.get(m.name);
    if (!stats) throw new Error(`updateRunningStats: no BN layer ${m.name}`);
    const unbiased = tf.mul(m.variance, m.count / Math.max(1, m.count - 1));
    stats.mean.assign(tf.add(tf.mul(stats.mean, 1 - BN_MOMENTUM), tf.mul(m.mean, BN_MOMENTUM)));
    stats.variance.assign(tf.add(tf.mul(stats.variance, 1 - BN_MOMENTUM), tf.mul(unbiased, BN_MOMENTUM)));
  }
}

/** The same update as one kernel over every layer (fused/names.ts), ~7 kernels per layer and group fewer; groups fold in order. */
function updateRunningStatsFused(net: Net, moments: readonly BatchMoments[]): void {
  const stats = moments.map((m) => {
    const s = net.bn.get(m.name);
    if (!s) throw new Error(`updateRunningStats: no BN layer ${m.name}`);
    return s;
  });
  const inputs: tf.NamedTensorMap = {};
  moments.forEach((m, i) => {
    const s = stats[i] as BnStats;
    Object.assign(inputs, { [`m${i}`]: s.mean, [`v${i}`]: s.variance, [`bm${i}`]: m.mean, [`bv${i}`]: m.variance });
  });
  const groups = moments[0]?.groups ?? 1;
  if (moments.some((m) => m.groups !== groups))
    throw new Error(
      `updateRunningStats: layers with ${moments.map((m) => m.groups).join(', ')} groups; allowed: the same number for every layer`,
    );
  const attrs: BnRunningStatsAttrs = { counts: moments.map((m) => m.count), momentum: BN_MOMENTUM, groups };
  const out = tf.engine().runKernel(BN_RUNNING_STATS, inputs, attrs as unknown as tf.NamedAttrMap) as tf.Tensor[];
  stats.forEach((s, i) => {
    s.mean.assign(out[i] as tf.Tensor);
    s.variance.assign(out[moments.length + i] as tf.Tensor);
  });
}
