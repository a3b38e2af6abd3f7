/**
 * Identity and same-dtype Cast for the wasm backend without a copy. tfjs's wasm kernels allocate
 * a new buffer on the heap and copy for both, and a training step runs them ~720 times (the
 * engine clones every tensor it saves for the backward pass through Identity, and the gradient
 * of a clone is a Cast to float32). Sharing the input's buffer with one more reference is what
 * the backend's own Reshape does: wasm kernels never write into their inputs, and the backend
 * frees a buffer when its last reference is disposed (BackendWasm.disposeData counts them).
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { castConfig } from '@tensorflow/tfjs-backend-wasm/dist/kernels/Cast';
import type { CastAttrs, DataType, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { Cast, Identity } from '@tensorflow/tfjs-core';

const copyingCast = castConfig.kernelFunc as KernelFunc;

function share(x: TensorInfo, backend: BackendWasm): TensorInfo {
  backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

const identity = (({ inputs, backend }) => {
  const { x } = inputs as { x: TensorInfo };
  return share(x, backend as BackendWasm);
}) as KernelFunc;

const cast = ((args) => {
  const { x } = args.inputs as { x: TensorInfo };
  const { dtype } = args.attrs as unknown as CastAttrs;
  return x.dtype === (dtype as DataType) ? share(x, args.backend as BackendWasm) : copyingCast(args);
}) as KernelFunc;

export const sharedCopyKernels: KernelConfig[] = [
  { kernelName: Identity, backendName: 'wasm', kernelFunc: identity },
  { kernelName: Cast, backendName: 'wasm', kernelFunc: cast },
];
