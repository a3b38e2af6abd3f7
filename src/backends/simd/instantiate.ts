/**
 * Instantiates one of our hand-written kernels (*.wat, assembled by vite.wat.ts) on the tfjs wasm
 * backend's own memory, so that it reads and writes tensors where the backend keeps them: a
 * tensor's data is at byte backend.getMemoryOffset(dataId). One instance per backend module.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/** The Emscripten module's memory: exported by the single-threaded build, created in JS and kept as wasmMemory by the threaded one. */
interface EmscriptenMemory {
  asm?: { memory?: WebAssembly.Memory };
  wasmMemory?: WebAssembly.Memory;
}

export function backendMemory(backend: BackendWasm): WebAssembly.Memory | null {
  const module = backend.wasm as unknown as EmscriptenMemory;
  return module.wasmMemory ?? module.asm?.memory ?? null;
}

function isShared(memory: WebAssembly.Memory): boolean {
  return typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer;
}

/**
 * The kernel's exports on `backend`'s memory, or null where that cannot be had: no memory found,
 * an engine without WebAssembly SIMD (tfjs then runs its own non-SIMD build), or a module that
 * cannot compile or link (a warning says so). Callers keep a path without the kernel for null;
 * simdStatus.ts tells which paths run. The modules are a few kB: compiling them
 * synchronously is allowed on any thread.
 */
export function instantiateKernel<T>(
  backend: BackendWasm,
  bytes: { plain: Uint8Array<ArrayBuffer>; shared: Uint8Array<ArrayBuffer> },
): T | null {
  const memory = backendMemory(backend);
  if (memory === null) return null;
  const code = isShared(memory) ? bytes.shared : bytes.plain;
  if (!WebAssembly.validate(code)) return null;
  try {
    return new WebAssembly.Instance(new WebAssembly.Module(code), { env: { memory } }).exports as T;
  } catch (e) {
    // Training goes on on the old path; the warning says why it is slower (and simdStatus.ts tells).
    console.warn(`a WebAssembly SIMD kernel could not start, so its JS/XNNPACK path runs instead: ${String(e)}`);
    return null;
  }
}

/**
 * The kernel's exports for a backend, instantiated once per backend module (a re-initialised
 * backend, or the threaded build beside the plain one, gets its own): `null` where
 * instantiateKernel gives none.
 */
export function kernelLoader<T>(bytes: {
  plain: Uint8Array<ArrayBuffer>;
  shared: Uint8Array<ArrayBuffer>;
}): (backend: BackendWasm) => T | null {
  const instances = new WeakMap<object, T | null>();
  return (backend) => {
    const module = backend.wasm as object;
    if (!instances.has(module)) instances.set(module, instantiateKernel<T>(backend, bytes));
    return instances.get(module) ?? null;
  };
}
