/**
 * The fused BN kernels of src/core/fused/bnAct.ts for the wasm backend: batch-statistics BN,
 * optionally + residual and PReLU, forward and backward, as JS loops on the wasm heap. The demo
 * net's largest activation is 16×24×24×8 values, so a pass is well under a millisecond, while the
 * op-by-op graph spends ~30 kernels forward and ~40 backward per layer (tfjs's per-op cost is
 * tens of µs each). Layout [rows, C], channel fastest; sums in float64.
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

/** Batch mean and biased variance per channel, each rounded to float32 (what the outputs hold and the backward reads). */
function moments(x: Float32Array, c: number, mean: Float32Array, variance: Float32Array): void {
  const rows = x.length / c;
  const acc = new Float64Array(c);
  for (let r = 0; r < rows; r++) for (let k = 0, i = r * c; k < c; k++, i++) acc[k] = (acc[k] as number) + (x[i] as number);
  for (let k = 0; k < c; k++) mean[k] = (acc[k] as number) / rows;
  acc.fill(0);
  for (let r = 0; r < rows; r++) {
    for (let k = 0, i = r * c; k < c; k++, i++) {
      const d = (x[i] as number) - (mean[k] as number);
      acc[k] = (acc[k] as number) + d * d;
    }
  }
  for (let k = 0; k < c; k++) variance[k] = (acc[k] as number) / rows;
}

/** The kernel for a variant: with a PReLU (alpha input) and/or a residual added before it. */
function forwardKernel(kernel: string, prelu: boolean, residual: boolean): KernelFunc {
  return (({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const ins = inputs as Inputs;
    const x = need(ins, 'x', kernel);
    const c = channelsOf(x);
    const { epsilon } = attrs as unknown as BnTrainAttrs;
    const y = wasm.makeOutput([...x.shape], 'float32');
    const mean = wasm.makeOutput([c], 'float32');
    const variance = wasm.makeOutput([c], 'float32');
    // Views only after the last allocation: a heap that grows detaches the older ones.
    const v = (t: TensorInfo): Float32Array => wasm.typedArrayFromHeap(t) as Float32Array;
    const xv = v(x);
    const [mv, vv, yv] = [v(mean), v(variance), v(y)];
    moments(xv, c, mv, vv);
    const gamma = v(need(ins, 'gamma', kernel));
    const beta = v(need(ins, 'beta', kernel));
    const alpha = prelu ? v(need(ins, 'alpha', kernel)) : null;
    const res = residual ? v(need(ins, 'residual', kernel)) : null;
    const scale = Float64Array.from({ length: c }, (_, k) => (gamma[k] as number) / Math.sqrt((vv[k] as number) + epsilon));
    const rows = xv.length / c;
    for (let r = 0; r < rows; r++) {
      for (let k = 0, i = r * c; k < c; k++, i++) {
        let z = ((xv[i] as number) - (mv[k] as number)) * (scale[k] as number) + (beta[k] as number);
        if (res !== null) z += res[i] as number;
        yv[i] = alpha !== null && z <= 0 ? (alpha[k] as number) * z : z;
      }
    }
    return [y, mean, variance];
  }) as KernelFunc;
}

const backward = (({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const ins = inputs as Inputs;
  const { epsilon, prelu, residual } = attrs as unknown as BnActGradAttrs;
  const x = need(ins, 'x', BN_ACT_GRAD);
  const c = channelsOf(x);
  const dx = wasm.makeOutput([...x.shape], 'float32');
  const dgamma = wasm.makeOutput([c], 'float32');
  const dbeta = wasm.makeOutput([c], 'float32');
  const dres = residual ? wasm.makeOutput([...x.shape], 'float32') : null;
  const dalpha = prelu ? wasm.makeOutput([c], 'float32') : null;
  const v = (t: TensorInfo): Float32Array => wasm.typedArrayFromHeap(t) as Float32Array;
  const [xv, dyv, gamma, beta, mv, vv, dxv] = [x, need(ins, 'dy', BN_ACT_GRAD), need(ins, 'gamma', BN_ACT_GRAD), need(ins, 'beta', BN_ACT_GRAD), need(ins, 'mean', BN_ACT_GRAD), need(ins, 'variance', BN_ACT_GRAD), dx].map(v) as Float32Array[];
  const alpha = prelu ? v(need(ins, 'alpha', BN_ACT_GRAD)) : null;
  const res = residual ? v(need(ins, 'residual', BN_ACT_GRAD)) : null;
  const dresv = dres !== null ? v(dres) : null;
  const rows = (xv as Float32Array).length / c;
  const invStd = Float64Array.from({ length: c }, (_, k) => 1 / Math.sqrt((vv as Float32Array)[k] as number + epsilon));
  const sumG = new Float64Array(c);
  const sumGx = new Float64Array(c);
  const sumA = new Float64Array(c);
  // Pass 1: g = dy·PReLU'(z) (kept in dx for now), its sums, dα.
  for (let r = 0; r < rows; r++) {
    for (let k = 0, i = r * c; k < c; k++, i++) {
      const xhat = (((xv as Float32Array)[i] as number) - ((mv as Float32Array)[k] as number)) * (invStd[k] as number);
      let g = (dyv as Float32Array)[i] as number;
      if (alpha !== null) {
        let z = xhat * ((gamma as Float32Array)[k] as number) + ((beta as Float32Array)[k] as number);
        if (res !== null) z += res[i] as number;
        if (z <= 0) {
          sumA[k] = (sumA[k] as number) + g * z;
          g *= alpha[k] as number;
        }
      }
      (dxv as Float32Array)[i] = g;
      if (dresv !== null) dresv[i] = g;
      sumG[k] = (sumG[k] as number) + g;
      sumGx[k] = (sumGx[k] as number) + g * xhat;
    }
  }
  // Pass 2: dx = γ/(σ·N)·(N·g − Σg − x̂·Σg·x̂), g read back from dx (float32-rounded, as a graph would hold it).
  for (let r = 0; r < rows; r++) {
    for (let k = 0, i = r * c; k < c; k++, i++) {
      const xhat = (((xv as Float32Array)[i] as number) - ((mv as Float32Array)[k] as number)) * (invStd[k] as number);
      const g = (dxv as Float32Array)[i] as number;
      (dxv as Float32Array)[i] = (((gamma as Float32Array)[k] as number) * (invStd[k] as number) / rows) * (rows * g - (sumG[k] as number) - xhat * (sumGx[k] as number));
    }
  }
  const dgv = v(dgamma);
  const dbv = v(dbeta);
  for (let k = 0; k < c; k++) {
    dgv[k] = sumGx[k] as number;
    dbv[k] = sumG[k] as number;
  }
  if (dalpha !== null) v(dalpha).set(sumA);
  return [dx, dgamma, dbeta, ...(dres !== null ? [dres] : []), ...(dalpha !== null ? [dalpha] : [])];
}) as KernelFunc;

export const fusedBnKernels: KernelConfig[] = [
  { kernelName: BN_TRAIN, backendName: 'wasm', kernelFunc: forwardKernel(BN_TRAIN, false, false) },
  { kernelName: BN_PRELU_TRAIN, backendName: 'wasm', kernelFunc: forwardKernel(BN_PRELU_TRAIN, true, false) },
  { kernelName: BN_ADD_PRELU_TRAIN, backendName: 'wasm', kernelFunc: forwardKernel(BN_ADD_PRELU_TRAIN, true, true) },
  { kernelName: BN_ACT_GRAD, backendName: 'wasm', kernelFunc: backward },
];
