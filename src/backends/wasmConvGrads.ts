/**
 * Conv2D gradient kernels for the wasm backend, which ships without Conv2DBackpropFilter (so
 * tf.conv2d cannot be trained there) and with a naive Conv2DBackpropInput. Both become one
 * XNNPACK matrix product plus a JS gather/scatter straight on the wasm heap:
 *   x [B, H, W, Cin], dy [B, Ho, Wo, Cout], filter [kh, kw, Cin, Cout], K = kh·kw·Cin, N = B·Ho·Wo
 *   filter gradient: dW [K, Cout] = patchesᵀ [K, N] · dy [N, Cout]
 *   input gradient:  cols [N, K] = dy [N, Cout] · Wᵀ [Cout, K], then dx = col2im(cols)
 * The operands are laid out so the product needs no transpose flag: the backend's BatchMatMul
 * runs ~15 GFLOP/s untransposed and ~0.9 GFLOP/s with transposeA (measured on 2 cores).
 * The backend's own Conv3DBackpropFilterV2 on a depth-1 view is no way out: it is a naive loop
 * and wrong for strides > 1 (it drops every other filter tap; measured against the cpu backend).
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { batchMatMulConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/BatchMatMul';
import type {
  Conv2DBackpropFilterAttrs,
  Conv2DBackpropInputAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import {
  backend_util,
  Conv2DBackpropFilter,
  Conv2DBackpropInput,
  getKernel,
  registerKernel,
  unregisterKernel,
} from '@tensorflow/tfjs-core';
import { col2imAdd, im2colTransposed, transposeMatrix } from './im2col';

type ConvInfo = backend_util.Conv2DInfo;

const batchMatMul = batchMatMulConfig.kernelFunc as KernelFunc;

function heap(wasm: BackendWasm, t: TensorInfo): Float32Array {
  return wasm.typedArrayFromHeap(t) as Float32Array;
}

/** a [m, k] · b [k, n] → [m, n] with the backend's BatchMatMul (views, no copies). */
function matMul(wasm: BackendWasm, a: TensorInfo, b: TensorInfo, m: number, k: number, n: number): TensorInfo {
  const out = batchMatMul({
    inputs: { a: { ...a, shape: [1, m, k] }, b: { ...b, shape: [1, k, n] } },
    backend: wasm,
    attrs: { transposeA: false, transposeB: false },
  }) as TensorInfo;
  return { ...out, shape: [m, n] };
}

function checkFormat(kernel: string, dataFormat: string): void {
  if (dataFormat !== 'NHWC') {
    throw new Error(`${kernel} (wasm): dataFormat "${dataFormat}" is not supported; allowed: "NHWC"`);
  }
}

const filterGrad = (({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as Conv2DBackpropFilterAttrs;
  checkFormat(Conv2DBackpropFilter, a.dataFormat);
  const wasm = backend as BackendWasm;
  const xShape = x.shape as [number, number, number, number];
  const info: ConvInfo = backend_util.computeConv2DInfo(xShape, a.filterShape, a.strides, 1, a.pad, a.dimRoundingMode);
  const n = info.batchSize * info.outHeight * info.outWidth;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const patches = wasm.makeOutput([k, n], 'float32');
  im2colTransposed(heap(wasm, x), heap(wasm, patches), info);
  const dw = matMul(wasm, patches, dy, k, n, info.outChannels);
  wasm.disposeData(patches.dataId);
  return { ...dw, shape: [...a.filterShape] };
}) as KernelFunc;

const inputGrad = (({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const a = attrs as unknown as Conv2DBackpropInputAttrs;
  checkFormat(Conv2DBackpropInput, a.dataFormat);
  const wasm = backend as BackendWasm;
  const filterShape = filter.shape as [number, number, number, number];
  const info: ConvInfo = backend_util.computeConv2DInfo(a.inputShape, filterShape, a.strides, 1, a.pad, a.dimRoundingMode);
  const n = info.batchSize * info.outHeight * info.outWidth;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const wT = wasm.makeOutput([info.outChannels, k], 'float32');
  transposeMatrix(heap(wasm, filter), heap(wasm, wT), k, info.outChannels);
  const cols = matMul(wasm, dy, wT, n, info.outChannels, k);
  wasm.disposeData(wT.dataId);
  const dx = wasm.makeOutput([...a.inputShape], 'float32');
  col2imAdd(heap(wasm, cols), heap(wasm, dx), info);
  wasm.disposeData(cols.dataId);
  return dx;
}) as KernelFunc;

const configs: KernelConfig[] = [
  { kernelName: Conv2DBackpropFilter, backendName: 'wasm', kernelFunc: filterGrad },
  { kernelName: Conv2DBackpropInput, backendName: 'wasm', kernelFunc: inputGrad },
];

/** Installs both kernels once (replacing the backend's Conv2DBackpropInput). */
export function registerWasmConvGrads(): void {
  for (const config of configs) {
    const current = getKernel(config.kernelName, 'wasm');
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (current) unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
}
