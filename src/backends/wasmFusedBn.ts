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
import type { BnLoops } from './bnSimd';
import { bnLoops } from './bnSimd';

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
  const shift = x[from + k] as number;
  let sum = 0;
  let sq = 0;
  for (let i = from + k; i < to; i += c) {
    const d = (x[i] as number) - shift;
    sum += d;
    sq += d * d;
  }
  return momentsOf(sum, sq, shift, (to - from) / c);
}

/** The moments from Σ(x − shift) and Σ(x − shift)² over `rows` values (both paths). */
function momentsOf(sum: number, sq: number, shift: number, rows: number): [mean: number, variance: number] {
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

/**
 * The SIMD loops for this call, with a scratch buffer of 6 float64 for the sums they hand back;
 * null where they do not run (JS loops): no SIMD kernel, `simd` off, or an odd channel count.
 */
function simdLoops(wasm: BackendWasm, simd: boolean, c: number): { loops: BnLoops; scratch: TensorInfo } | null {
  const loops = simd && c % 2 === 0 ? bnLoops(wasm) : null;
  return loops === null ? null : { loops, scratch: wasm.makeOutput([12], 'float32') };
}

/** The scratch's 6 float64 (malloc aligns to 8 bytes at least). */
function float64s(wasm: BackendWasm, scratch: TensorInfo): Float64Array {
  const f = wasm.typedArrayFromHeap(scratch) as Float32Array;
  return new Float64Array(f.buffer, f.byteOffset, 6);
}

/**
 * The kernel for a variant: with a PReLU (alpha input) and/or a residual added before it.
 * `simd`: the value loops as WebAssembly SIMD where they can run (bnSimd.ts), else in JS.
 */
function forwardKernel(kernel: string, withPrelu: boolean, withResidual: boolean, simd: boolean): KernelFunc {
  return (({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const ins = inputs as Inputs;
    const x = need(ins, 'x', kernel);
    const c = channelsOf(x);
    const { epsilon, groups } = attrs as unknown as BnTrainAttrs;
    const y = wasm.makeOutput([...x.shape], 'float32');
    const mean = wasm.makeOutput([groups * c], 'float32');
    const variance = wasm.makeOutput([groups * c], 'float32');
    const fast = simdLoops(wasm, simd, c);
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
    const residual = withResidual ? need(ins, 'residual', kernel) : null;
    const res = residual === null ? null : v(residual);
    const block = xv.length / groups;
    const scaleOf = (k: number, s2: number): number => (gamma[k] as number) / Math.sqrt(s2 + epsilon);
    if (fast !== null) {
      const { loops, scratch } = fast;
      const at = (t: TensorInfo): number => wasm.getMemoryOffset(t.dataId);
      const out = float64s(wasm, scratch);
      const rows = block / c;
      for (let g = 0; g < groups; g++) {
        for (let k = 0; k < c; k += 2) {
          const first = g * block + k;
          loops.sums(at(x) + 4 * first, rows, 4 * c, at(scratch));
          const [m0, s0] = momentsOf(out[0] as number, out[2] as number, xv[first] as number, rows);
          const [m1, s1] = momentsOf(out[1] as number, out[3] as number, xv[first + 1] as number, rows);
          mv[g * c + k] = m0;
          vv[g * c + k] = s0;
          mv[g * c + k + 1] = m1;
          vv[g * c + k + 1] = s1;
          loops.normalize(
            at(x) + 4 * first,
            residual === null ? 0 : at(residual) + 4 * first,
            at(y) + 4 * first,
            rows,
            4 * c,
            m0,
            m1,
            scaleOf(k, s0),
            scaleOf(k + 1, s1),
            beta[k] as number,
            beta[k + 1] as number,
            alpha === null ? 1 : (alpha[k] as number),
            alpha === null ? 1 : (alpha[k + 1] as number),
            alpha === null ? 0 : 1,
            residual === null ? 0 : 1,
          );
        }
      }
      wasm.disposeData(scratch.dataId);
      return [y, mean, variance];
    }
    for (let g = 0; g < groups; g++) {
      for (let k = 0; k < c; k++) {
        const [m, s2] = moments(xv, c, k, g * block, (g + 1) * block);
        mv[g * c + k] = m;
        vv[g * c + k] = s2;
        const scale = scaleOf(k, s2);
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

/** Where the SIMD backward reads and writes: byte addresses of the tensors (0 for those the variant lacks). */
interface GradAddresses {
  x: number;
  dy: number;
  residual: number;
  dx: number;
  dresidual: number;
}

/**
 * channelGrad for channels k and k + 1 at once, by the SIMD loops: the same scalars, the same
 * sums per lane. Returns each channel's [Σg·x̂, Σg, Σ dy·min(z, 0)].
 */
function channelPairGrad(
  loops: BnLoops,
  t: GradArrays,
  at: GradAddresses,
  out: { address: number; values: Float64Array },
  c: number,
  k: number,
  group: number,
  from: number,
  to: number,
  epsilon: number,
): [[number, number, number], [number, number, number]] {
  const rows = (to - from) / c;
  const lane = (j: number) => {
    const variance = t.variance[group * c + k + j] as number;
    const gamma = t.gamma[k + j] as number;
    const inv = 1 / Math.sqrt(variance + epsilon);
    return {
      m: t.mean[group * c + k + j] as number,
      inv,
      gamma,
      scale: gamma / Math.sqrt(variance + epsilon),
      beta: t.beta[k + j] as number,
      alpha: t.alpha === null ? 1 : (t.alpha[k + j] as number),
    };
  };
  const [l0, l1] = [lane(0), lane(1)];
  const first = 4 * (from + k);
  const stride = 4 * c;
  const withResidual = t.residual !== null;
  loops.gradSums(
    at.x + first,
    at.dy + first,
    withResidual ? at.residual + first : 0,
    at.dx + first,
    withResidual ? at.dresidual + first : 0,
    rows,
    stride,
    l0.m,
    l1.m,
    l0.scale,
    l1.scale,
    l0.beta,
    l1.beta,
    l0.alpha,
    l1.alpha,
    l0.inv,
    l1.inv,
    t.alpha === null ? 0 : 1,
    withResidual ? 1 : 0,
    out.address,
  );
  const v = out.values;
  const sums: [[number, number, number], [number, number, number]] = [
    [v[0] as number, v[2] as number, v[4] as number],
    [v[1] as number, v[3] as number, v[5] as number],
  ];
  loops.gradApply(
    at.x + first,
    at.dx + first,
    rows,
    stride,
    l0.m,
    l1.m,
    l0.inv,
    l1.inv,
    (l0.gamma * l0.inv) / rows,
    (l1.gamma * l1.inv) / rows,
    rows,
    sums[0][1],
    sums[1][1],
    sums[0][0],
    sums[1][0],
  );
  return sums;
}

/** The backward kernel; `simd` as for forwardKernel. */
function backwardKernel(simd: boolean): KernelFunc {
  return (({ inputs, backend, attrs }) => {
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
    const fast = simdLoops(wasm, simd, c);
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
    const write = (k: number, sums: readonly number[]): void => {
      dg[k] = sums[0] as number;
      db[k] = sums[1] as number;
      if (da !== null) da[k] = sums[2] as number;
    };
    const add = (sums: number[], part: readonly number[]): number[] => sums.map((s, j) => s + (part[j] as number));
    if (fast !== null) {
      const address = (t: TensorInfo | null): number => (t === null ? 0 : wasm.getMemoryOffset(t.dataId));
      const at: GradAddresses = {
        x: address(x),
        dy: address(need(ins, 'dy', BN_ACT_GRAD)),
        residual: withResidual ? address(need(ins, 'residual', BN_ACT_GRAD)) : 0,
        dx: address(dx),
        dresidual: address(dres),
      };
      const out = { address: address(fast.scratch), values: float64s(wasm, fast.scratch) };
      for (let k = 0; k < c; k += 2) {
        let sums0 = [0, 0, 0];
        let sums1 = [0, 0, 0];
        for (let g = 0; g < groups; g++) {
          const [p0, p1] = channelPairGrad(fast.loops, arrays, at, out, c, k, g, g * block, (g + 1) * block, epsilon);
          sums0 = add(sums0, p0);
          sums1 = add(sums1, p1);
        }
        write(k, sums0);
        write(k + 1, sums1);
      }
      wasm.disposeData(fast.scratch.dataId);
    } else {
      for (let k = 0; k < c; k++) {
        let sums = [0, 0, 0];
        for (let g = 0; g < groups; g++) {
          sums = add(sums, channelGrad(arrays, c, k, g, g * block, (g + 1) * block, epsilon));
        }
        write(k, sums);
      }
    }
    return [dx, dgamma, dbeta, ...(dres !== null ? [dres] : []), ...(dalpha !== null ? [dalpha] : [])];
  }) as KernelFunc;
}

/**
 * The kernels; `simd` false keeps every loop in JS (the reference the SIMD loops are tested
 * against, wasmFusedBn.test.ts).
 */
export function fusedBnKernelConfigs(simd: boolean): KernelConfig[] {
  return [
    { kernelName: BN_TRAIN, backendName: 'wasm', kernelFunc: forwardKernel(BN_TRAIN, false, false, simd) },
    { kernelName: BN_PRELU_TRAIN, backendName: 'wasm', kernelFunc: forwardKernel(BN_PRELU_TRAIN, true, false, simd) },
    {
      kernelName: BN_ADD_PRELU_TRAIN,
      backendName: 'wasm',
      kernelFunc: forwardKernel(BN_ADD_PRELU_TRAIN, true, true, simd),
    },
    { kernelName: BN_ACT_GRAD, backendName: 'wasm', kernelFunc: backwardKernel(simd) },
  ];
}

export const fusedBnKernels: KernelConfig[] = fusedBnKernelConfigs(true);
