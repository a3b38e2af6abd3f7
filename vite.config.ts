/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// COOP/COEP make the page crossOriginIsolated (SharedArrayBuffer for threaded WASM later).
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],
  server: { headers: isolation },
  preview: { headers: isolation },
  worker: {
    format: 'es',
    // Vite 8 repeats licence comments per module: ~1 MB of a tfjs worker chunk (TFJS_NOTES).
    rolldownOptions: { output: { comments: { legal: false } } },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // tfjs is transformed by Vite and every tfjs package is pinned to its ES2017 module build:
    // left to Node's resolution the backends load the ES5 CommonJS `main` builds (~2.5x slower
    // on the cpu backend, TFJS_NOTES.md) next to a second copy of tfjs-core.
    server: { deps: { inline: [/@tensorflow\//] } },
    alias: ['tfjs-core', 'tfjs-backend-cpu', 'tfjs-backend-wasm'].map((name) => ({
      find: new RegExp(`^@tensorflow/${name}$`),
      replacement: `${import.meta.dirname}/node_modules/@tensorflow/${name}/dist/index.js`,
    })),
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
