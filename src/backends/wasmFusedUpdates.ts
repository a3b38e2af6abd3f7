/**
 * The fused weight updates of src/core/fused/names.ts for the wasm backend: SGD with momentum,
 * the weight EMA and the BN running statistics, each over every tensor in one kernel call, as JS
 * loops on the wasm heap (a few thousand values: the per-op cost tfjs saves is far larger than
 * the arithmetic). Every product and sum is rounded to float32 (Math.fround) as the op-by-op
 * graph's kernels round it, and every scalar is the float32 the graph's scalar tensor holds, so
 * the results are bit-identical to the graph's on any backend (wasmFusedUpdates.test.ts).
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import type { BnRunningStatsAttrs, SgdMomentumAttrs, WeightEmaAttrs } from '../core/fused/names';
import { BN_RUNNING_STATS, SGD_MOMENTUM, WEIGHT_EMA } from '../core/fused/names';

const f32 = Math.fround;

function input(inputs: Record<string, unknown>, name: string, kernel: string): TensorInfo {
  const t = inputs[name] as TensorInfo | undefined;
  if (t === undefined) throw new Error(`${kernel} (wasm): input "${name}" is missing`);
  return t;
}

function view(wasm: BackendWasm, t: TensorInfo): Float32Array {
  return wasm.typedArrayFromHeap(t) as Float32Array;
}

/** d = g + λ·w;  buf ← μ·buf + d;  w ← w − lr·buf (optimizer.ts), per weight. */
const sgdMomentum = (({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const a = attrs as unknown as SgdMomentumAttrs;
  const lr = f32(a.lr);
  const mu = f32(a.momentum);
  const wd = f32(a.weightDecay);
  const weights: TensorInfo[] = [];
  const buffers: TensorInfo[] = [];
  for (let i = 0; i < a.count; i++) {
    const w = input(inputs, `w${i}`, SGD_MOMENTUM);
    const wOut = wasm.makeOutput([...w.shape], 'float32');
    const mOut = wasm.makeOutput([...w.shape], 'float32');
    // Views after every makeOutput: an allocation may grow the heap and detach older views.
    const wv = view(wasm, w);
    const wo = view(wasm, wOut);
    const mo = view(wasm, mOut);
    const gv = view(wasm, input(inputs, `g${i}`, SGD_MOMENTUM));
    const mv = view(wasm, input(inputs, `m${i}`, SGD_MOMENTUM));
    for (let j = 0; j < wv.length; j++) {
      const wj = wv[j] as number;
      const d = a.weightDecay > 0 ? f32((gv[j] as number) + f32(wj * wd)) : (gv[j] as number);
      const next = f32(f32((mv[j] as number) * mu) + d);
      mo[j] = next;
      wo[j] = f32(wj - f32(next * lr));
    }
    weights.push(wOut);
    buffers.push(mOut);
  }
  return [...weights, ...buffers];
}) as KernelFunc;

/** t ← α·t + (1 − α)·s (ema.ts), per weight. */
const weightEma = (({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const a = attrs as unknown as WeightEmaAttrs;
  const alpha = f32(a.alpha);
  const rest = f32(1 - a.alpha);
  const out: TensorInfo[] = [];
  for (let i = 0; i < a.count; i++) {
    const t = input(inputs, `t${i}`, WEIGHT_EMA);
    const s = input(inputs, `s${i}`, WEIGHT_EMA);
    const o = wasm.makeOutput([...t.shape], 'float32');
    const tv = view(wasm, t);
    const sv = view(wasm, s);
    const ov = view(wasm, o);
    for (let j = 0; j < tv.length; j++) ov[j] = f32(f32((tv[j] as number) * alpha) + f32((sv[j] as number) * rest));
    out.push(o);
  }
  return out;
}) as KernelFunc;

/** r ← (1 − m)·r + m·batch, the variance made unbiased first (forward.ts), per layer and group in order. */
const bnRunningStats = (({ inputs, backend, attrs }) => {
  const wasm = backend as BackendWasm;
  const a = attrs as unknown as BnRunningStatsAttrs;
  const keep = f32(1 - a.momentum);
  const take = f32(a.momentum);
  const means: TensorInfo[] = [];
  const variances: TensorInfo[] = [];
  a.counts.forEach((count, i) => {
    const m = input(inputs, `m${i}`, BN_RUNNING_STATS);
    const v = input(inputs, `v${i}`, BN_RUNNING_STATS);
    const bm = input(inputs, `bm${i}`, BN_RUNNING_STATS);
    const bv = input(inputs, `bv${i}`, BN_RUNNING_STATS);
    const mOut = wasm.makeOutput([...m.shape], 'float32');
    const vOut = wasm.makeOutput([...v.shape], 'float32');
    const [mv, vv, bmv, bvv, mo, vo] = [m, v, bm, bv, mOut, vOut].map((t) => view(wasm, t)) as [
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
      Float32Array,
    ];
    const unbias = f32(count / Math.max(1, count - 1));
    mo.set(mv);
    vo.set(vv);
    for (let g = 0; g < a.groups; g++) {
      for (let j = 0, b = g * mv.length; j < mv.length; j++, b++) {
        mo[j] = f32(f32((mo[j] as number) * keep) + f32((bmv[b] as number) * take));
        const unbiased = f32((bvv[b] as number) * unbias);
        vo[j] = f32(f32((vo[j] as number) * keep) + f32(unbiased * take));
      }
    }
    means.push(mOut);
    variances.push(vOut);
  });
  return [...means, ...variances];
}) as KernelFunc;

export const fusedUpdateKernels: KernelConfig[] = [
  { kernelName: SGD_MOMENTUM, backendName: 'wasm', kernelFunc: sgdMomentum },
  { kernelName: WEIGHT_EMA, backendName: 'wasm', kernelFunc: weightEma },
  { kernelName: BN_RUNNING_STATS, backendName: 'wasm', kernelFunc: bnRunningStats },
];
