/**
 * The wasm backend on several threads (tfjs's threaded SIMD build, XNNPACK's thread pool). tfjs's
 * own start of that build hands each pthread blob: URLs, which the page's policy forbids and
 * which carry the bundled factory's source without its free variables (vite.wasmThreads.ts), so
 * this registers the 'wasm' backend with a factory that starts the threaded module from
 * same-origin files: the factory's own script (`?url`, unbundled) and the pthread worker script.
 * Emscripten starts a pool of 8 pthread workers whatever the count; XNNPACK uses `threads` of them.
 *
 * tfjs caps that count at half the logical cores (tfjs 4.22 backend.cc: `num_cores =
 * emscripten_num_logical_cores() / 2`, "many x86-64 processors have 2 threads per core", and
 * init_with_threads_count(n) creates a pthreadpool of min(n, 8, num_cores)). On a 2-core machine
 * (navigator.hardwareConcurrency 2) every count became 1: measured, 8 pthread workers loaded and
 * `getThreadsCount()` read 1 after setThreadsCount(2). The count asked here was already chosen
 * from the cores (ui/pool/plan.ts wasmThreads), so the module is told of 2 × threads logical
 * cores, which makes tfjs's cap the count asked.
 */
import * as wasmBackend from '@tensorflow/tfjs-backend-wasm';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as threadedImport from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js';
import threadedScriptUrl from '@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import pthreadWorkerUrl from 'virtual:tfjs-pthread-worker';
import * as tf from '../core/tf';

type Factory = typeof threadedImport.default;
// The module is CommonJS: its factory is the default export once bundled, the namespace otherwise (as tfjs reads it).
const threadedFactory =
  (threadedImport as unknown as { default?: Factory }).default ?? (threadedImport as unknown as Factory);

/** tfjs's backend priority for wasm (base.js), kept so 'auto' orders backends as before. */
const WASM_PRIORITY = 2;

/** True where the browser can run the threaded build: shared memory (cross-origin isolation) and wasm threads. */
export async function threadsSupported(): Promise<boolean> {
  if (!globalThis.crossOriginIsolated) return false;
  return (
    (await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT')) === true &&
    (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true
  );
}

type Instantiate = (
  imports: WebAssembly.Imports,
  receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void,
) => object;

/**
 * Emscripten's instantiateWasm hook: instantiates the threaded .wasm itself with the import that
 * reports the logical cores replaced (read once, by backend.cc's static initialiser, on this
 * worker's thread), and hands the compiled module on for the pthreads. `fail` gets a load error.
 */
function instantiateReportingCores(cores: number, fail: (error: unknown) => void): Instantiate {
  return (imports, receive) => {
    const env = imports.env as Record<string, unknown> | undefined;
    if (typeof env?.emscripten_num_logical_cores !== 'function')
      throw new Error('the threaded wasm module has no env.emscripten_num_logical_cores import to override');
    env.emscripten_num_logical_cores = () => cores;
    // From bytes, not instantiateStreaming: a host that serves .wasm without application/wasm still works (435 kB).
    fetch(wasmThreadedUrl, { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error(`${wasmThreadedUrl} answered HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((bytes) => WebAssembly.instantiate(bytes, imports))
      .then(({ instance, module }) => receive(instance, module), fail);
    return {};
  };
}

/** Replaces the 'wasm' backend's factory by the threaded one on `threads` threads; call before the backend starts. */
export function registerThreadedWasm(threads: number): void {
  wasmBackend.setThreadsCount(threads);
  tf.removeBackend('wasm');
  tf.registerBackend(
    'wasm',
    async () => {
      let failLoad: (error: unknown) => void = () => undefined;
      const loadFailed = new Promise<never>((_resolve, reject) => {
        failLoad = (error) => reject(new Error(`the threaded wasm module did not load: ${String(error)}`));
      });
      const module = await Promise.race([
        threadedFactory({
          mainScriptUrlOrBlob: new URL(threadedScriptUrl, self.location.href).href,
          locateFile: (path: string) =>
            path.endsWith('.worker.js')
              ? new URL(pthreadWorkerUrl, self.location.href).href
              : path.endsWith('.wasm')
                ? wasmThreadedUrl
                : path,
          instantiateWasm: instantiateReportingCores(2 * threads, failLoad),
        }),
        loadFailed,
      ]);
      // The bridge tfjs's own init() adds (backend_wasm.js), which BackendWasm calls.
      const cwrap = (module as unknown as { cwrap: (name: string, ret: string | null, args: string[]) => never }).cwrap;
      module.tfjs = {
        init: cwrap('init', null, []),
        initWithThreadsCount: cwrap('init_with_threads_count', null, ['number']),
        getThreadsCount: cwrap('get_threads_count', 'number', []),
        registerTensor: cwrap('register_tensor', null, ['number', 'number', 'number']),
        disposeData: cwrap('dispose_data', null, ['number']),
        dispose: cwrap('dispose', null, []),
      };
      return new wasmBackend.BackendWasm(module) as BackendWasm;
    },
    WASM_PRIORITY,
  );
}

/** The threads XNNPACK really runs on (1 for the single-threaded build). */
export function wasmThreadCount(): number {
  try {
    return wasmBackend.getThreadsCount();
  } catch {
    return 1;
  }
}
