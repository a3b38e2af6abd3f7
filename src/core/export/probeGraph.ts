/**
 * The probe's inference pass (model/forward.ts in 'inference' mode) as a GraphDef: the same ops in
 * the same order, so a graph model loaded with tf.loadGraphModel gives the embeddings the page
 * evaluates. Convolutions use TF's 'SAME' padding, which conv.ts's im2col reproduces (for stride 2
 * on an even side: 0 rows before, 1 after for k = 3; none for k = 1), and tf.conv2d(…, 'same') is
 * the native form of the same thing; BN uses the running statistics with forward.ts's ε.
 */
import type { ArchitectureSpec } from '../model/architecture';
import { BN_EPSILON, blocksOf } from '../model/architecture';
import { GraphBuilder, bytesAttr, intsAttr } from './graphDef';

/** Input and output node names, as model.json's signature gives them. */
export const INPUT_NAME = 'images';
export const OUTPUT_NAME = 'embedding';
/** forward.ts's ε inside the L2 norm's square root. */
const L2_EPSILON = 1e-12;

export interface ProbeGraphInput {
  arch: ArchitectureSpec;
  /** Image side, px. */
  imageSize: number;
  channels: 1 | 3;
  /** Each parameter's values by its ParamSpec name (row-major in the spec's shape). */
  params: ReadonlyMap<string, { shape: number[]; values: Float32Array }>;
  /** Each BN layer's running mean and (unbiased) variance by layer name, [channels] each. */
  bn: ReadonlyMap<string, { mean: Float32Array; variance: Float32Array }>;
}

/** Builds the graph; names missing from `params` or `bn` throw (checked earlier by the caller). */
export function probeGraph(input: ProbeGraphInput): GraphBuilder {
  const g = new GraphBuilder();
  const param = (name: string): string => {
    const p = input.params.get(name);
    if (!p) throw new Error(`probe export: no parameter ${name}`);
    return g.constant(name, p.shape, p.values);
  };
  const batchNorm = (name: string, x: string): string => {
    const stats = input.bn.get(name);
    if (!stats) throw new Error(`probe export: no BN statistics ${name}`);
    const n = stats.mean.length;
    const mean = g.constant(`${name}.running_mean`, [n], stats.mean);
    const variance = g.constant(`${name}.running_var`, [n], stats.variance);
    const gamma = param(`${name}.gamma`);
    const beta = param(`${name}.beta`);
    // FusedBatchNorm's inputs: x, scale, offset, mean, variance.
    return g.op(`${name}/FusedBatchNorm`, 'FusedBatchNorm', [x, gamma, beta, mean, variance], {
      epsilon: { f: BN_EPSILON },
      data_format: bytesAttr('NHWC'),
      is_training: { b: false },
    });
  };
  const convBn = (name: string, x: string, stride: 1 | 2): string => {
    const conv = g.op(`${name}/Conv2D`, 'Conv2D', [x, param(`${name}.conv`)], {
      strides: intsAttr([1, stride, stride, 1]),
      padding: bytesAttr('SAME'),
      data_format: bytesAttr('NHWC'),
      dilations: intsAttr([1, 1, 1, 1]),
    });
    return batchNorm(`${name}.bn`, conv);
  };
  const prelu = (name: string, x: string): string => g.op(`${name}/Prelu`, 'Prelu', [x, param(name)]);

  const images = g.placeholder(INPUT_NAME, [-1, input.imageSize, input.imageSize, input.channels]);
  // [0, 1] → [−1, 1] as forward.ts does: x·2 − 1.
  const two = g.constant('preprocess/two', [], Float32Array.of(2));
  const one = g.constant('preprocess/one', [], Float32Array.of(1));
  let x = g.op('preprocess/sub', 'Sub', [g.op('preprocess/mul', 'Mul', [images, two]), one]);
  x = prelu('stem.prelu', convBn('stem', x, 1));
  for (const b of blocksOf(input.arch)) {
    const a = prelu(`${b.prefix}.prelu`, convBn(`${b.prefix}.a`, x, b.stride));
    const main = convBn(`${b.prefix}.b`, a, 1);
    const shortcut = b.projection ? convBn(`${b.prefix}.proj`, x, b.stride) : x;
    x = prelu(`${b.prefix}.out`, g.op(`${b.prefix}/add`, 'AddV2', [main, shortcut]));
  }
  // Global mean over height and width: [B, h, w, C] → [B, C].
  const spatial = g.constant('pool/axes', [2], Int32Array.of(1, 2));
  const pooled = g.op('pool/Mean', 'Mean', [x, spatial], { keep_dims: { b: false }, Tidx: { type: 'DT_INT32' } });
  const dense = g.op('embed.dense/MatMul', 'MatMul', [pooled, param('embed.dense')], {
    transpose_a: { b: false },
    transpose_b: { b: false },
  });
  return l2Normalize(g, batchNorm('embed.bn', dense));
}

/** Rows divided by sqrt(Σx² + ε), [B, D] → [B, D], the last node named OUTPUT_NAME. */
function l2Normalize(g: GraphBuilder, features: string): GraphBuilder {
  const lastAxis = g.constant('l2/axis', [1], Int32Array.of(1));
  const epsilon = g.constant('l2/epsilon', [], Float32Array.of(L2_EPSILON));
  const sumSq = g.op('l2/Sum', 'Sum', [g.op('l2/Square', 'Square', [features]), lastAxis], {
    keep_dims: { b: true },
    Tidx: { type: 'DT_INT32' },
  });
  const norm = g.op('l2/Sqrt', 'Sqrt', [g.op('l2/add', 'AddV2', [sumSq, epsilon])]);
  g.op(OUTPUT_NAME, 'RealDiv', [features, norm]);
  return g;
}
