/** Messages between the benchmark page (page.ts) and its worker (bench.worker.ts). */
import type { SimdKernelStatus } from '../backends/simdStatus';
import type { BackendName } from '../core/backends';
import type { PresetName } from '../core/presets';
import type { BackendTimes } from './measure';
import type { OneRunTimes } from './oneRun';

export type BenchRequest =
  | { kind: 'backend'; backend: BackendName; quick: boolean }
  /** One run of `preset` for `steps` steps on the wasm backend on `threads` threads (oneRun.ts). */
  | { kind: 'oneRun'; preset: PresetName; steps: number; threads: number };

export type BenchReply =
  | { type: 'progress'; text: string }
  /** The times measured so far, after each path. */
  | { type: 'partial'; adapter: string; times: Partial<BackendTimes> }
  | { type: 'result'; backend: BackendName; adapter: string; times: BackendTimes }
  /**
   * `threadedBuild`: the threaded wasm build was started (asked for more than one thread, and the
   * browser can); `threads`: the threads XNNPACK reports it runs on; `simdKernels`: which of our
   * own WebAssembly SIMD kernels (src/backends/simd) run on that build's memory.
   */
  | { type: 'oneRun'; threadedBuild: boolean; threads: number; simdKernels: SimdKernelStatus; times: OneRunTimes }
  | { type: 'error'; message: string };
