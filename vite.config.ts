/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { CONTENT_SECURITY_POLICY_HEADER, cspMeta } from './vite.csp.ts';
import { tfjsNodeAliases } from './vite.shared.ts';
import { tfjsPthreadWorker } from './vite.wasmThreads.ts';
import { watModules } from './vite.wat.ts';
import { vulkanEnvForChildren } from './src/cli/vulkan-env.ts';

// COOP/COEP make the page crossOriginIsolated (SharedArrayBuffer for threaded WASM later).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react(), cspMeta(), tfjsPthreadWorker(), watModules()],
  server: { headers: isolation },
  // Pre-bundle every tfjs entry the worker imports in one pass: found one by one, they are
  // optimised separately and tfjs-core ends up twice ("Cannot evaluate flag").
  optimizeDeps: {
    include: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-core/dist/register_all_gradients',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
      '@tensorflow/tfjs-backend-webgpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-backend-wasm/dist/kernels/BatchMatMul',
      'facesjs',
      '@resvg/resvg-wasm',
    ],
  },
  preview: { headers: { ...isolation, 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER } },
  // Two pages: the playground and the backend benchmark (bench.html, driven by npm run bench).
  build: { rolldownOptions: { input: { main: 'index.html', bench: 'bench.html' } } },
  worker: {
    format: 'es',
    // The threaded wasm backend's pthread script (src/worker/wasmThreads.ts) and our own wasm kernels.
    plugins: () => [tfjsPthreadWorker(), watModules()],
    // Vite 8 repeats licence comments per module: ~1 MB of a tfjs worker chunk (docs/decisions.md).
    rolldownOptions: { output: { comments: { legal: false } } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // tfjs is transformed by Vite and pinned to its ES2017 module builds (vite.shared.ts).
    server: { deps: { inline: [/@tensorflow\//] } },
    alias: tfjsNodeAliases(import.meta.dirname),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The forked workers start with a Vulkan loader on LD_LIBRARY_PATH, so the WebGPU tests run
    // through Dawn (src/cli/vulkan-env.ts): the loader reads it only at process start.
    env: vulkanEnvForChildren(),
  },
});
