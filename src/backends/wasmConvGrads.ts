/**
 * Conv2D gradient kernels for the wasm backend, which ships without Conv2DBackpropFilter (so
 * tf.conv2d cannot be trained there) and with a naive Conv2DBackpropInput. Shapes:
 *   x [B, H, W, Cin], dy [B, Ho, Wo, Cout], filter [kh, kw, Cin, Cout], strides (sh, sw).
 * - filter gradient: WebAssembly SIMD tiles read straight from x and dy (filterGradSimd.ts), or,
 *   where those do not apply, a JS patch gather + one XNNPACK matrix product (filterGrad);
 * - input gradient: sh·sw small XNNPACK convolutions, one per stride phase (inputGrad).
 * Both use the backend's kernels directly (kernelFunc, no engine bookkeeping) and dispose every
 * intermediate, which also frees the XNNPACK operators cached per filter tensor.
 * The backend's own Conv3DBackpropFilterV2 on a depth-1 view is no way out: it is a naive loop
 * and wrong for strides > 1 (it drops every other filter tap; measured against the cpu backend).
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { conv2DConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Conv2D';
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
import type { Phase } from './convLayouts';
import { phaseFilter, phases, scatterPhase } from './convLayouts';
import { filterGradSimd, supportsSimd } from './filterGradSimd';
import { im2colTransposed } from './im2col';
import { scatterPhaseSimd } from './scatterSimd';
import { fusedBnKernels } from './wasmFusedBn';
import { fusedUpdateKernels } from './wasmFusedUpdates';
import { gatherKernels } from './wasmGather';
import { matMulKernels } from './wasmMatMulT';
import { sharedCopyKernels } from './wasmSharedCopies';

type ConvInfo = backend_util.Conv2DInfo;
type Shape4 = [number, number, number, number];

const conv2dKernel = conv2DConfig.kernelFunc as KernelFunc;
const batchMatMul = batchMatMulConfig.kernelFunc as KernelFunc;

function heap(wasm: BackendWasm, t: TensorInfo): Float32Array {
  return wasm.typedArrayFromHeap(t) as Float32Array;
}

/**
 * XNNPACK convolution, stride 1, NHWC, with explicit padding [top, bottom, left, right].
 * The backend caches one XNNPACK operator per filter tensor and frees it when that tensor is
 * disposed, so a filter built per call must be disposed by the caller (it is, below).
 */
function conv2d(
  wasm: BackendWasm,
  x: TensorInfo,
  filter: TensorInfo,
  dilations: [number, number],
  pad: Shape4,
): TensorInfo {
  const [top, bottom, left, right] = pad;
  const explicit: backend_util.ExplicitPadding = [
    [0, 0],
    [top, bottom],
    [left, right],
    [0, 0],
  ];
  return conv2dKernel({
    inputs: { x, filter },
    backend: wasm,
    attrs: { strides: [1, 1], dilations, pad: explicit, dataFormat: 'NHWC' },
  }) as TensorInfo;
}

function checkFormat(kernel: string, dataFormat: string): void {
  if (dataFormat !== 'NHWC') {
    throw new Error(`${kernel} (wasm): dataFormat "${dataFormat}" is not supported; allowed: "NHWC"`);
  }
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

/**
 * dW by the SIMD tiles where they apply (Cout a multiple of 4, SIMD wasm), bit for bit the
 * product below, 3.7× faster over the demo's layers. Otherwise:
 * dW [K, Cout] = patchesᵀ [K, N] · dy [N, Cout], K = kh·kw·Cin, N = B·Ho·Wo. The patches are
 * gathered already transposed so that the product needs no transpose flag (BatchMatMul runs
 * ~15 GFLOP/s untransposed, ~0.9 with transposeA).
 * Measured slower (reference step, 2-core EPYC): dW as an XNNPACK convolution xT [Cin, H, W, B]
 * ⊛ dyT [Ho, Wo, B, Cout] (dilation = stride): the two transposes and the packing of the
 * per-call Ho×Wo-tap filter cost more than the gather (24/26/18 ms vs 12/24/16 ms).
 */
const filterGrad = (({ inputs, backend, attrs }) => {
  const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
  const a = attrs as unknown as Conv2DBackpropFilterAttrs;
  checkFormat(Conv2DBackpropFilter, a.dataFormat);
  const wasm = backend as BackendWasm;
  const info: ConvInfo = backend_util.computeConv2DInfo(
    x.shape as Shape4,
    a.filterShape,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  if (supportsSimd(wasm, info)) {
    const dw = wasm.makeOutput([...a.filterShape], 'float32');
    const at = (t: TensorInfo): number => wasm.getMemoryOffset(t.dataId);
    filterGradSimd(wasm, info, at(x), at(dy), at(dw));
    return dw;
  }
  const n = info.batchSize * info.outHeight * info.outWidth;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const patches = wasm.makeOutput([k, n], 'float32');
  im2colTransposed(heap(wasm, x), heap(wasm, patches), info);
  const dw = matMul(wasm, patches, dy, k, n, info.outChannels);
  wasm.disposeData(patches.dataId);
  return { ...dw, shape: [...a.filterShape] };
}) as KernelFunc;

/**
 * dx as sh·sw stride-1 XNNPACK convolutions of dy, one per stride phase. Write a padded input
 * row as q = y + top = sh·u + r (phase r < sh); the taps reaching it are ky = r + sh·t, so
 *   dxpad[sh·u + r] = Σ_t dy[u − t] · W[r + sh·t],   t < T_r = ⌈(kh − r)/sh⌉,
 * a convolution of dy with the phase's T_r taps, flipped, in/out channels swapped
 * (phaseFilter). Each phase's output is then scattered into its rows/columns of dx
 * (scatterPhase). With stride 1 there is one phase and, for the usual paddings, the output is
 * dx itself.
 * Measured slower: matMul + col2im (the JS scatter of B·Ho·Wo·K values), and one convolution
 * with all phases as output channels (zero taps: 16/9 of the work, and XNNPACK ran it ~4× slower
 * than the four small ones together).
 */
const inputGrad = (({ inputs, backend, attrs }) => {
  const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
  const a = attrs as unknown as Conv2DBackpropInputAttrs;
  checkFormat(Conv2DBackpropInput, a.dataFormat);
  const wasm = backend as BackendWasm;
  const info: ConvInfo = backend_util.computeConv2DInfo(
    a.inputShape,
    filter.shape as Shape4,
    a.strides,
    1,
    a.pad,
    a.dimRoundingMode,
  );
  const rowPhases = phases(info.inHeight, info.filterHeight, info.strideHeight, info.padInfo.top, info.outHeight);
  const colPhases = phases(info.inWidth, info.filterWidth, info.strideWidth, info.padInfo.left, info.outWidth);
  // A phase without taps (kernel smaller than the stride) or outside dy's reach leaves its pixels
  // of dx at 0. Then dx is cleared once before the scatters: one native fill, where zeroing those
  // pixels one by one cost ~0.5 ms for the demo's 1×1 stride-2 projection (13,824 fills of 8 values).
  const covered = !rowPhases.some(isEmpty) && !colPhases.some(isEmpty);
  const output = (): TensorInfo => {
    const out = wasm.makeOutput([...a.inputShape], 'float32');
    if (!covered) heap(wasm, out).fill(0);
    return out;
  };
  const at = (t: TensorInfo): number => wasm.getMemoryOffset(t.dataId);
  let dx: TensorInfo | undefined;
  for (const rows of rowPhases) {
    if (isEmpty(rows)) continue;
    for (const cols of colPhases) {
      if (isEmpty(cols)) continue;
      const f = wasm.makeOutput([rows.taps, cols.taps, info.outChannels, info.inChannels], 'float32');
      phaseFilter(heap(wasm, filter), heap(wasm, f), info, rows, cols);
      const out = conv2d(wasm, dy, f, [1, 1], [rows.padBefore, rows.padAfter, cols.padBefore, cols.padAfter]);
      wasm.disposeData(f.dataId);
      if (rowPhases.length === 1 && colPhases.length === 1 && isWhole(out, a.inputShape, rows, cols)) {
        return { ...out, shape: [...a.inputShape] };
      }
      dx ??= output();
      if (!scatterPhaseSimd(wasm, at(out), out.shape, at(dx), info, rows, cols)) {
        scatterPhase(heap(wasm, out), out.shape as Shape4, heap(wasm, dx), info, rows, cols);
      }
      wasm.disposeData(out.dataId);
    }
  }
  return dx ?? output();
}) as KernelFunc;

/** A phase that gets no convolution: no taps, or dy out of its reach. */
function isEmpty(p: Phase): boolean {
  return p.taps === 0 || p.outSize <= 0;
}

/** The single stride-1 output already is dx: same shape, first row/column at y = x = 0. */
function isWhole(out: TensorInfo, inputShape: Shape4, rows: Phase, cols: Phase): boolean {
  return out.shape.every((d, i) => d === inputShape[i]) && rows.firstOut === rows.pad && cols.firstOut === cols.pad;
}

const configs: KernelConfig[] = [
  { kernelName: Conv2DBackpropFilter, backendName: 'wasm', kernelFunc: filterGrad },
  { kernelName: Conv2DBackpropInput, backendName: 'wasm', kernelFunc: inputGrad },
];

/**
 * Installs the wasm backend's training kernels once: both conv gradients (replacing the backend's
 * Conv2DBackpropInput), the copy-free Identity and Cast (wasmSharedCopies.ts), the row-copy
 * GatherV2 (wasmGather.ts), BatchMatMul's transposeA through XNNPACK (wasmMatMulT.ts) and the fused
 * training kernels of src/core/fused/names.ts (wasmFused*.ts). The entry
 * points that pick a backend (src/worker/backend.ts, src/cli/backend-node.ts) call this.
 */
export function registerWasmConvGrads(): void {
  for (const config of [
    ...configs,
    ...sharedCopyKernels,
    ...gatherKernels,
    ...matMulKernels,
    ...fusedUpdateKernels,
    ...fusedBnKernels,
  ]) {
    const current = getKernel(config.kernelName, 'wasm');
    if (current?.kernelFunc === config.kernelFunc) continue;
    if (current) unregisterKernel(config.kernelName, 'wasm');
    registerKernel(config);
  }
}
