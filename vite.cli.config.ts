/**
 * Builds the Node entry points (experiment runner, benchmark) into dist-cli/ so they run with
 * plain `node`, with tfjs bundled from its ES2017 module builds (the same resolution as Vitest).
 */
import { defineConfig } from 'vite';
import { tfjsNodeAliases } from './vite.shared.ts';
import { watModules } from './vite.wat.ts';

export default defineConfig({
  plugins: [watModules()],
  resolve: { alias: tfjsNodeAliases(import.meta.dirname) },
  ssr: { noExternal: [/@tensorflow\//] },
  build: {
    ssr: true,
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    rolldownOptions: {
      input: {
        experiment: 'src/cli/experiment.ts',
        sweep: 'src/cli/sweep.ts',
        bench: 'src/cli/bench.ts',
        'export-torch': 'src/cli/export-torch.ts',
        'bench-torch': 'src/cli/bench-torch.ts',
        'run-worker': 'src/cli/pool/runWorker.ts',
        'make-test-faces': 'src/cli/make-test-faces.ts',
        'docs-url-params': 'src/cli/docs-url-params.ts',
      },
      output: {
        entryFileNames: '[name].js',
        format: 'es',
        // The wasm backend's Emscripten loader is CommonJS: it needs these in Node.
        banner: [
          "import { createRequire as __createRequire } from 'node:module';",
          "import { dirname as __pathDirname } from 'node:path';",
          "import { fileURLToPath as __fileURLToPath } from 'node:url';",
          'const require = __createRequire(import.meta.url);',
          'const __filename = __fileURLToPath(import.meta.url);',
          'const __dirname = __pathDirname(__filename);',
        ].join('\n'),
      },
    },
  },
  logLevel: 'warn',
});
