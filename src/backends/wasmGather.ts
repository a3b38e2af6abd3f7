/**
 * GatherV2 along axis 0 for the wasm backend as one memory copy per index. A step gathers its
 * batch's images from the uploaded training set (trainer.ts: 2B indices into [N, H, W, C]), and
 * tfjs's wasm Gather computes every output element's coordinates in a generic loop: ~0.55 ms for
 * the demo's 32 images of 24×24×1 (measured, issue 23), where copying 32 rows of 576 values is
 * a few µs. The values are copied bit for bit, so the result is the one the backend's kernel
 * gives. Other axes, batch dimensions and dtypes go to the backend's own kernel.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { gatherV2Config } from '@tensorflow/tfjs-backend-wasm/dist/kernels/GatherV2';
import type { GatherV2Attrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { GatherV2, util } from '@tensorflow/tfjs-core';

const backendGather = gatherV2Config.kernelFunc as KernelFunc;

/** Dtypes stored as 4 bytes a value on the wasm heap. */
const WORD_DTYPES = new Set(['float32', 'int32']);

const gather = ((args) => {
  const { x, indices } = args.inputs as { x: TensorInfo; indices: TensorInfo };
  const { axis, batchDims } = args.attrs as unknown as GatherV2Attrs;
  const wasm = args.backend as BackendWasm;
  const parsedAxis = util.parseAxisParam(axis, x.shape)[0];
  if (parsedAxis !== 0 || (batchDims ?? 0) !== 0 || !WORD_DTYPES.has(x.dtype) || indices.dtype !== 'int32') {
    return backendGather(args);
  }
  const rows = x.shape[0] ?? 0;
  const rowSize = util.sizeFromShape(x.shape.slice(1));
  const out = wasm.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
  // Views only after the last allocation: a heap that grows detaches the older ones.
  const idx = wasm.typedArrayFromHeap(indices) as Int32Array;
  for (const index of idx) {
    if (index < 0 || index >= rows) {
      wasm.disposeData(out.dataId);
      throw new Error(`GatherV2 (wasm): index ${index} is not allowed; allowed: integers in [0, ${rows - 1}]`);
    }
  }
  const from = wasm.typedArrayFromHeap(x) as Int32Array | Float32Array;
  const to = wasm.typedArrayFromHeap(out) as Int32Array | Float32Array;
  const heap = new Int32Array(from.buffer);
  const src = from.byteOffset / 4;
  let dst = to.byteOffset / 4;
  for (const index of idx) {
    const start = src + index * rowSize;
    heap.copyWithin(dst, start, start + rowSize);
    dst += rowSize;
  }
  return out;
}) as KernelFunc;

// The backend's config with this kernelFunc: its setupFunc binds the C++ Gather the fallback calls.
export const gatherKernels: KernelConfig[] = [{ ...gatherV2Config, kernelName: GatherV2, kernelFunc: gather }];
