/**
 * Which of our WebAssembly SIMD kernels (src/backends/simd) run on a wasm backend: each is
 * instantiated on its own, and one that cannot load leaves its old path running, correct but
 * slower, so the benchmark page reports this and the tests assert it, for the plain and the
 * threaded (shared-memory) build.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { bnLoops } from './bnSimd';
import { filterGradSimdLoaded } from './filterGradSimd';
import { scatterSimdLoaded } from './scatterSimd';

export interface SimdKernelStatus {
  filterGrad: boolean;
  batchNorm: boolean;
  scatter: boolean;
}

export function simdKernelStatus(wasm: BackendWasm): SimdKernelStatus {
  return {
    filterGrad: filterGradSimdLoaded(wasm),
    batchNorm: bnLoops(wasm) !== null,
    scatter: scatterSimdLoaded(wasm),
  };
}
