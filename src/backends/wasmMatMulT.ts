/**
 * BatchMatMul with transposeA for the wasm backend: A transposed in JS, then the backend's own
 * XNNPACK product. tfjs's wasm kernel runs transposeA through a naive loop (~0.15 ms for the
 * Conventional head's weight gradient, Aᵀ [32×16] · B [16×256], against ~0.013 ms this way;
 * every matMul's gradient with respect to its second operand is such a product).
 * Bit for bit: the naive loop sums each output over k in blocks of 48, one running sum per
 * block added to the output, so for k ≤ 48 it is the plain sum in order of k, which is what the
 * XNNPACK product computes. Measured (wasmMatMulT.test.ts): identical for k = 1…48, different
 * from k = 50 on. So only k ≤ 48 takes this path; larger k, transposeB and broadcast batch
 * dimensions go to the backend's kernel unchanged.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { batchMatMulConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/BatchMatMul';
import type { BatchMatMulAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { BatchMatMul, util } from '@tensorflow/tfjs-core';

const backendMatMul = batchMatMulConfig.kernelFunc as KernelFunc;

/** The largest inner dimension whose naive-loop sum is one block (see above). */
export const MAX_INNER = 48;

const matMul = ((args) => {
  const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
  const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
  const rank = a.shape.length;
  const k = a.shape[rank - 2] ?? 0;
  const m = a.shape[rank - 1] ?? 0;
  const lead = a.shape.slice(0, -2);
  const sameBatch = b.shape.length === rank && util.arraysEqual(lead, b.shape.slice(0, -2));
  if (!transposeA || transposeB || k > MAX_INNER || !sameBatch || a.dtype !== 'float32' || b.dtype !== 'float32') {
    return backendMatMul(args);
  }
  const wasm = args.backend as BackendWasm;
  const at = wasm.makeOutput([...lead, m, k], 'float32');
  // Views only after the last allocation: a heap that grows detaches the older ones.
  const src = wasm.typedArrayFromHeap(a) as Float32Array;
  const dst = wasm.typedArrayFromHeap(at) as Float32Array;
  const batches = util.sizeFromShape(lead);
  for (let t = 0, base = 0; t < batches; t++, base += k * m) {
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < m; j++) dst[base + j * k + i] = src[base + i * m + j] as number;
    }
  }
  const out = backendMatMul({ ...args, inputs: { a: at, b }, attrs: { ...args.attrs, transposeA: false } });
  wasm.disposeData(at.dataId);
  return out;
}) as KernelFunc;

// The backend's config with this kernelFunc: its setupFunc binds the C++ product both paths call.
export const matMulKernels: KernelConfig[] = [{ ...batchMatMulConfig, kernelName: BatchMatMul, kernelFunc: matMul }];
