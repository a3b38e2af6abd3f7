/**
 * Backend selection for Node (the CLI and the tests): 'cpu' (pure JS, the bit-exact reference),
 * 'wasm' (XNNPACK with SIMD, single-threaded: threads gain nothing on 2 cores and make results
 * depend on scheduling) or 'webgpu' (Dawn, webgpu-node.ts: the browser's WGSL kernels; call
 * ensureNodeGpuAdapter first in a CLI). Returns the backend that really runs: tf.setBackend can
 * fail quietly.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmConvGrads } from '../backends/wasmConvGrads';
import * as tf from '../core/tf';
import { registerNodeWebGpu } from './webgpu-node';

export type NodeBackend = 'cpu' | 'wasm' | 'webgpu';
export const NODE_BACKENDS: readonly NodeBackend[] = ['wasm', 'cpu', 'webgpu'];

/** The package's .wasm binaries: a bundled CLI cannot find them next to its own file. */
function wasmDir(): string {
  const require = createRequire(import.meta.url);
  return `${join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')}/`;
}

export async function useNodeBackend(name: NodeBackend): Promise<string> {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (name === 'wasm') setWasmPaths(wasmDir());
  // PROD silences the cpu backend's "install tfjs-node" banner (tfjs-node cannot install here).
  tf.env().set('PROD', process.env.TFJS_DEBUG === undefined);
  registerWasmConvGrads();
  if (name === 'webgpu' && !tf.findBackendFactory('webgpu')) await registerNodeWebGpu();
  const ok = await tf.setBackend(name);
  await tf.ready();
  const active = tf.getBackend();
  if (!ok || active !== name) {
    throw new Error(
      `backend "${name}" could not be initialised (tfjs is on "${active}"); allowed: ${NODE_BACKENDS.join(', ')}`,
    );
  }
  return active;
}
