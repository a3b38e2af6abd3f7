/**
 * Backend selection in the browser worker. 'auto' arrives here already resolved by measuring
 * (backendChooser.ts, in a throw-away worker) with its measurement, or as 'auto' when that trial
 * failed, and then falls back to choosing from the adapters' names: WebGPU, WebGL, WASM, CPU, a
 * software GPU adapter (SwiftShader) sending it to wasm. `?backend=` forces one. tf.setBackend can
 * fail quietly, so the backend that really runs is read back and reported, with the threads the
 * wasm backend runs on.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerWasmConvGrads } from '../backends/wasmConvGrads';
import { registerThreadedWasm, threadsSupported, wasmThreadCount } from './wasmThreads';
import * as tf from '../core/tf';
import type { BackendMeasurement } from '../core/backendChoice';
import type { BackendChoice, BackendName } from '../core/backends';
import type { AdapterInfo, BackendReport } from './protocol';

const ORDER: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; description?: string };
  isFallbackAdapter?: boolean;
}

/** The WebGPU adapter, or null where WebGPU is absent (no flag, no GPU). */
export async function webgpuAdapter(): Promise<AdapterInfo | null> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return null;
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return null;
  const vendor = adapter.info?.vendor ?? 'unknown';
  const architecture = adapter.info?.architecture ?? 'unknown';
  const software =
    adapter.isFallbackAdapter === true ||
    /swiftshader/i.test(`${vendor} ${architecture} ${adapter.info?.description ?? ''}`);
  return { vendor, architecture, software };
}

/** The WebGL renderer behind an OffscreenCanvas, or null without WebGL 2. */
export function webglAdapter(): AdapterInfo | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  const vendor = String(debug ? gl.getParameter(debug.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR));
  return { vendor, architecture: renderer, software: /swiftshader|llvmpipe|software/i.test(renderer) };
}

/** The threads this worker's wasm backend was configured with; fixed at the first call (the page starts a fresh worker for another count). */
let configured: Promise<number> | null = null;

/**
 * The wasm files, our conv-gradient kernels, and the threads. tfjs's own start of the threaded
 * build is never used (it hands the pthreads blob: URLs, wasmThreads.ts): with `threads` > 1 where
 * the browser can, the threaded build is registered in its place. Returns the threads asked of
 * XNNPACK. The wasm backend starts once per worker, so only the first call counts.
 */
export function configureWasm(threads: number): Promise<number> {
  configured ??= (async () => {
    const threaded = threads > 1 && (await threadsSupported());
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    if (threaded) registerThreadedWasm(threads);
    setWasmPaths({
      'tfjs-backend-wasm.wasm': wasmPlainUrl,
      'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
      'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
    });
    registerWasmConvGrads();
    return threaded ? threads : 1;
  })();
  return configured;
}

/** Sets `name` and reads it back: true only if tfjs really runs on it now. */
export async function tryBackend(name: BackendName): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    await tf.ready();
    return ok && tf.getBackend() === name;
  } catch {
    return false;
  }
}

/** What 'auto' should try first, from the adapters present. */
function autoOrder(gpu: AdapterInfo | null, gl: AdapterInfo | null): BackendName[] {
  if (gpu && !gpu.software) return ORDER;
  if (gl && !gl.software) return ['webgl', 'wasm', 'cpu'];
  return ['wasm', 'webgl', 'cpu'];
}

/** What the session asks for: a backend (or 'auto' by the adapters' names), the wasm threads, and 'auto''s measurement if it was measured. */
export interface BackendRequest {
  choice: BackendChoice;
  threads: number;
  measurement: BackendMeasurement | null;
  /** Why 'auto' was not measured (the trial failed), said with the report; null when it was. */
  trialFailure: string | null;
}

export async function selectBackend(request: BackendRequest): Promise<BackendReport> {
  const { choice, measurement } = request;
  await configureWasm(request.threads);
  const gpu = await webgpuAdapter();
  const gl = webglAdapter();
  const order = choice === 'auto' ? autoOrder(gpu, gl) : [choice, ...ORDER.filter((b) => b !== choice)];
  for (const name of order) {
    if (name === 'webgpu' && !gpu) continue;
    if (!(await tryBackend(name))) continue;
    const adapter = name === 'webgpu' ? gpu : name === 'webgl' ? gl : null;
    const notice = measurement ? measuredNotice(measurement, name) : noticeFor(choice, name, gpu, gl);
    const threads = name === 'wasm' ? wasmThreadCount() : 1;
    return {
      backend: name,
      adapter,
      notice: [request.trialFailure, notice].filter((t) => t !== null).join(' ') || null,
      measurement,
      threads,
    };
  }
  throw new Error(`no tfjs backend could be initialised (tried ${order.join(', ')})`);
}

/** A measured choice that could not start for training (a lost device, say). */
function measuredNotice(m: BackendMeasurement, name: BackendName): string | null {
  return m.chosen === name
    ? null
    : `The trial chose ${m.chosen}, but it could not start for training; running on ${name}.`;
}

function noticeFor(
  choice: BackendChoice,
  name: BackendName,
  gpu: AdapterInfo | null,
  gl: AdapterInfo | null,
): string | null {
  if (choice !== 'auto' && choice !== name) {
    return `backend=${choice} is not available here${choice === 'webgpu' && !gpu ? ' (no WebGPU adapter)' : ''}; running on ${name}.`;
  }
  const softwareGpu = (gpu?.software ?? false) || (gl?.software ?? false);
  if (softwareGpu && (name === 'webgl' || name === 'webgpu')) {
    return `The GPU adapter is software (${(name === 'webgpu' ? gpu : gl)?.architecture ?? 'SwiftShader'}): the wasm backend is usually several times faster here (?backend=wasm).`;
  }
  if (choice === 'auto' && name === 'wasm' && softwareGpu) {
    return 'Only a software GPU adapter (SwiftShader) is available, so training runs on the wasm backend, which is faster on it. Force one with ?backend=webgpu or ?backend=webgl.';
  }
  if (choice === 'auto' && name !== 'webgpu' && !gpu)
    return `WebGPU is not available in this browser; running on ${name}.`;
  return null;
}
