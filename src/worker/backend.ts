/**
 * Backend selection in the browser worker. Order: WebGPU, WebGL, WASM, CPU, with `?backend=`
 * forcing one. A software GPU adapter (SwiftShader) is detected and reported: there the wasm
 * backend (XNNPACK + our conv gradient kernels) trains several times faster than webgl/webgpu,
 * so 'auto' takes wasm and says why. tf.setBackend can fail quietly, so the backend that really
 * runs is read back and reported.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { registerWasmConvGrads } from '../backends/wasmConvGrads';
import * as tf from '../core/tf';
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
  const software = adapter.isFallbackAdapter === true || /swiftshader/i.test(`${vendor} ${architecture} ${adapter.info?.description ?? ''}`);
  return { vendor, architecture, software };
}

/** The WebGL renderer behind an OffscreenCanvas, or null without WebGL 2. */
function webglAdapter(): AdapterInfo | null {
  if (typeof OffscreenCanvas === 'undefined') return null;
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(debug ? gl.getParameter(debug.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  const vendor = String(debug ? gl.getParameter(debug.UNMASKED_VENDOR_WEBGL) : gl.getParameter(gl.VENDOR));
  return { vendor, architecture: renderer, software: /swiftshader|llvmpipe|software/i.test(renderer) };
}

function configureWasm(): void {
  // Threads gain nothing on small machines and break in minified builds (docs/decisions.md).
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setWasmPaths({
    'tfjs-backend-wasm.wasm': wasmPlainUrl,
    'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
    'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
  });
  registerWasmConvGrads();
}

async function tryBackend(name: BackendName): Promise<boolean> {
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

export async function selectBackend(choice: BackendChoice): Promise<BackendReport> {
  configureWasm();
  const gpu = await webgpuAdapter();
  const gl = webglAdapter();
  const order = choice === 'auto' ? autoOrder(gpu, gl) : [choice, ...ORDER.filter((b) => b !== choice)];
  for (const name of order) {
    if (name === 'webgpu' && !gpu) continue;
    if (!(await tryBackend(name))) continue;
    const adapter = name === 'webgpu' ? gpu : name === 'webgl' ? gl : null;
    return { backend: name, adapter, notice: noticeFor(choice, name, gpu, gl) };
  }
  throw new Error(`no tfjs backend could be initialised (tried ${order.join(', ')})`);
}

function noticeFor(choice: BackendChoice, name: BackendName, gpu: AdapterInfo | null, gl: AdapterInfo | null): string | null {
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
  if (choice === 'auto' && name !== 'webgpu' && !gpu) return `WebGPU is not available in this browser; running on ${name}.`;
  return null;
}
