/**
 * Backend selection for Node (the CLI and the tests): 'cpu' (pure JS, the bit-exact reference)
 * or 'wasm' (XNNPACK with SIMD, single-threaded: threads gain nothing on 2 cores and make results
 * depend on scheduling). Returns the backend that really runs: tf.setBackend can fail quietly.
 */
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmConvGrads } from '../backends/wasmConvGrads';
import * as tf from '../core/tf';

export type NodeBackend = 'cpu' | 'wasm';
export const NODE_BACKENDS: readonly NodeBackend[] = ['wasm', 'cpu'];

export async function useNodeBackend(name: NodeBackend): Promise<string> {
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // PROD silences the cpu backend's "install tfjs-node" banner (tfjs-node cannot install here).
  tf.env().set('PROD', true);
  registerWasmConvGrads();
  const ok = await tf.setBackend(name);
  await tf.ready();
  const active = tf.getBackend();
  if (!ok || active !== name) {
    throw new Error(`backend "${name}" could not be initialised (tfjs is on "${active}"); allowed: ${NODE_BACKENDS.join(', ')}`);
  }
  return active;
}
