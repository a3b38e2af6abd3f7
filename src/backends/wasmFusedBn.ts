/**
 * The fused BN kernels of src/core/fused/bnAct.ts for the wasm backend: batch-statistics BN,
 * optionally + residual and PReLU, forward and backward, as JS loops on the wasm heap. The demo
 * net's largest activation is 16×24×24×8 values, so a pass is well under a millisecond, while the
 * op-by-op graph spends ~30 kernels forward and ~40 backward per layer (tfjs's per-op cost is
 * tens of µs each). Layout [rows, C], channel fastest; sums in float64.
 * Measured (16×24×24×8 + PReLU, Node 20, loaded 2-core machine): forward ~0.3 ms a call, against
 * ~1 ms with a branch for the PReLU and channel-interleaved loops.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BnActGradAttrs, BnTrainAttrs } from '../core/fused/names';
import { BN_ACT_GRAD, BN_ADD_PRELU_TRAIN, BN_PRELU_TRAIN, BN_TRAIN } from '../core/fused/names';

type Inputs = Record<string, TensorInfo | undefined>;

function need(inputs: Inputs, name: string, kernel: string): TensorInfo {
  const t = inputs[name];
  if (t === undefined) throw new Error(`${kernel} (wasm): input "${name}" is missing`);
  return t;
}

const channelsOf = (x: TensorInfo): number => x.shape[x.shape.length - 1] ?? 1;

/**
 * Batch mean and biased variance of channel k, from sums shifted by the channel's first value
 * (no cancellation for data far from 0), each rounded to float32: what the outputs hold and the
 * backward reads. Loops run per channel with stride C: the accumulators stay in registers.
 */
function moments(x: Float32Array, c: number, k: number, from: number, to: number): [mean: number, variance: number] {
  const rows = (to - from) / c;
  const shift = x[from + k] as number;
  let sum = 0;
  let sq = 0;
  for (let i = from + k; i < to; i += c) {
    const d = (x[i] as number) - shift;
    sum += d;
    sq += d * d;
  }
  const m = sum / rows;
  return [Math.fround(shift + m), Math.fround(Math.max(0, sq / rows - m * m))];
}

/**
 * PReLU without a branch (z's sign is a coin flip, and a mispredicted branch costs more than the
 * arithmetic): p = max(z, 0) = (z + |z|)/2, exact in float64, and y = p + α·(z − p).
 */
const prelu = (z: number, alpha: number): number => {
  const p = 0.5 * (z + Math.abs(z));
  return p + alpha * (z - p);
};

/** The kernel for a variant: with a PReLU (alpha input) and/or a residual added before it. */
function forwardKernel(kernel: string, withPrelu: boolean, withResidual: boolean): KernelFunc {
  return (({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const ins = inputs as Inputs;
    const x = need(ins, 'x', kernel);
    const c = channelsOf(x);
    const { epsilon, groups } = attrs as unknown as BnTrainAttrs;
    const y = wasm.makeOutput([...x.shape], 'float32');
    const mean = wasm.makeOutput([groups * c], 'float32');
    const variance = wasm.makeOutput([groups * c], 'float32');
    // Views only after the last allocation: a heap that grows detaches the older ones.
    const v = (t: TensorInfo): Float32Array => wasm.typedArrayFromHeap(t) as Float32Array;
    const [xv, mv, vv, yv, gamma, beta] = [
      x,
      mean,
      variance,
      y,
      need(ins, 'gamma', kernel),
      need(ins, 'beta', kernel),
    ].map(v) as [Float32Array, Float32Array, Float32Array, Float32Array, Float32Array, Float32Array];
    const alpha = withPrelu ? v(need(ins, 'alpha', kernel)) : null;
    const res = withResidual ? v(need(ins, 'residual', kernel)) : null;
    const block = xv.length / groups;
    for (let g = 0; g < groups; g++) {
      for (let k = 0; k < c; k++) {
        const [m, s2] = moments(xv, c, k, g * block, (g + 1) * block);
        mv[g * c + k] = m;
        vv[g * c + k] = s2;
        const scale = (gamma[k] as number) / Math.sqrt(s2 + epsilon);
        const b = beta[k] as number;
        const a = alpha === null ? 1 : (alpha[k] as number);
        for (let i = g * block + k; i < (g + 1) * block; i += c) {
          const z = ((xv[i] as number) - m) * scale + b + (res === null ? 0 : (res[i] as number));
          yv[i] = alpha === null ? z : prelu(z, a);
        }
      }
    }
    return [y, mean, variance];
  }) as KernelFunc;
}

/** The arrays one backward call reads and writes (views on the heap); alpha, residual, dresidual null where the variant has none. */
interface GradArrays {
  x: Float32Array;
  dy: Float32Array;
  gamma: Float32Array;
  beta: Float32Array;
  mean: Float32Array;
  variance: Float32Array;
  alpha: Float32Array | null;
  residual: Float32Array | null;
  dx: Float32Array;
  dresidual: Float32Array | null;
}

/**
 * The gradient of channel k over the values [from, to) of one group, into dx (and dresidual);
 * returns that group's [Σg·x̂, Σg, Σ dy·min(z, 0)] for dγ, dβ, dα.
 */
function channelGrad(
  t: GradArrays,
  c: number,
  k: number,
  group: number,
  from: number,
  to: number,
  epsilon: number,
): [number, number, number] {
  const rows = (to - from) / c;
  const m = t.mean[group * c + k] as number;
  const inv = 1 / Math.sqrt((t.variance[group * c + k] as number) + epsilon);
  const gk = t.gamma[k] as number;
  // z as the forward computed it, so PReLU's side is the same.
  const scale = gk / Math.sqrt((t.variance[group * c + k] as number) + epsilon);
  const b = t.beta[k] as number;
  const a = t.alpha === null ? 1 : (t.alpha[k] as number);
  let sumG = 0;
  let sumGx = 0;
  let sumA = 0;
  // Pass 1: g = dy·PReLU'(z) (kept in dx for now), Σg, Σg·x̂, Σ dy·min(z, 0); no branch on z's sign.
  for (let i = from + k; i < to; i += c) {
    const d = (t.x[i] as number) - m;
    let g = t.dy[i] as number;
    if (t.alpha !== null) {
      const z = d * scale + b + (t.residual === null ? 0 : (t.residual[i] as number));
      sumA += g * 0.5 * (z - Math.abs(z));
      g *= a + (1 - a) * Number(z > 0);
    }
    t.dx[i] = g;
    if (t.dresidual !== null) t.dresidual[i] = g;
    sumG += g;
    sumGx += g * d * inv;
  }
  // Pass 2: dx = γ/(σ·N)·(N·g − Σg − x̂·Σg·x̂).
  const coef = (gk * inv) / rows;
  for (let i = from + k; i < to; i += c) {
    const xhat = ((t.x[i] as number) - m) * inv;
    t.dx[i] = coef * (rows * (t.dx[i] as number) - sumG - xhat * sumGx);
  }
  return [sumGx, sumG, sumA];
}

const backward = (({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const ins = inputs as Inputs;
  const { epsilon, groups, prelu: withPrelu, residual: withResidual } = attrs as unknown as BnActGradAttrs;
  const x = need(ins, 'x', BN_ACT_GRAD);
  const c = channelsOf(x);
  const dx = wasm.makeOutput([...x.shape], 'float32');
  const dgamma = wasm.makeOutput([c], 'float32');
  const dbeta = wasm.makeOutput([c], 'float32');
  const dres = withResidual ? wasm.makeOutput([...x.shape], 'float32') : null;
  const dalpha = withPrelu ? wasm.makeOutput([c], 'float32') : null;
  // Views only after the last allocation (see the forward kernel).
  const v = (t: TensorInfo): Float32Array => wasm.typedArrayFromHeap(t) as Float32Array;
  const input = (name: string): Float32Array => v(need(ins, name, BN_ACT_GRAD));
  const arrays: GradArrays = {
    x: v(x),
    dy: input('dy'),
    gamma: input('gamma'),
    beta: input('beta'),
    mean: input('mean'),
    variance: input('variance'),
    alpha: withPrelu ? input('alpha') : null,
    residual: withResidual ? input('residual') : null,
    dx: v(dx),
    dresidual: dres !== null ? v(dres) : null,
  };
  const [dg, db, da] = [v(dgamma), v(dbeta), dalpha !== null ? v(dalpha) : null];
  const block = arrays.x.length / groups;
  for (let k = 0; k < c; k++) {
    let sums = [0, 0, 0];
    for (let g = 0; g < groups; g++) {
      const part = channelGrad(arrays, c, k, g, g * block, (g + 1) * block, epsilon);
      sums = sums.map((s, j) => s + (part[j] as number));
    }
    dg[k] = sums[0] as number;
    db[k] = sums[1] as number;
    if (da !== null) da[k] = sums[2] as number;
  }
  return [dx, dgamma, dbeta, ...(dres !== null ? [dres] : []), ...(dalpha !== null ? [dalpha] : [])];
}) as KernelFunc;

export const fusedBnKernels: KernelConfig[] = [
  { kernelName: BN_TRAIN, backendName: 'wasm', kernelFunc: forwardKernel(BN_TRAIN, false, false) },
  { kernelName: BN_PRELU_TRAIN, backendName: 'wasm', kernelFunc: forwardKernel(BN_PRELU_TRAIN, true, false) },
  { kernelName: BN_ADD_PRELU_TRAIN, backendName: 'wasm', kernelFunc: forwardKernel(BN_ADD_PRELU_TRAIN, true, true) },
  { kernelName: BN_ACT_GRAD, backendName: 'wasm', kernelFunc: backward },
];
