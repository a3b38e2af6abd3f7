/**
 * The pthread worker script of tfjs's threaded wasm build, served as a file of the app.
 * tfjs makes it (and the script each pthread loads) a blob: URL, which the page's policy forbids
 * (worker-src and script-src are 'self', vite.csp.ts) and which breaks in a bundle anyway: it
 * sends the bundled factory's source text, whose free variables (`_scriptDir`) stay behind
 * (measured: "ReferenceError: _scriptDir is not defined" in every pthread). So src/worker/wasmThreads.ts
 * starts the threaded module itself with same-origin URLs: this script, and the factory's own file
 * (`?url`). `import pthreadWorkerUrl from 'virtual:tfjs-pthread-worker'` gives this script's URL.
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const ID = 'virtual:tfjs-pthread-worker';
const RESOLVED = `\0${ID}`;
const DEV_PATH = '/@tfjs-pthread-worker.js';

/** The script text: tfjs keeps it as a template string whose `\n` escapes became newlines; it escapes them back (backend_wasm.js). */
function workerScript(): string {
  const require = createRequire(import.meta.url);
  const { wasmWorkerContents } =
    require('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.worker.js') as {
      wasmWorkerContents: string;
    };
  return wasmWorkerContents.replace(/\n/g, '\\n');
}

export function tfjsPthreadWorker(): Plugin {
  let dev = false;
  return {
    name: 'tfjs-pthread-worker',
    configResolved(config) {
      dev = config.command === 'serve';
    },
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      if (dev) return `export default ${JSON.stringify(DEV_PATH)};`;
      const ref = this.emitFile({ type: 'asset', name: 'tfjs-pthread-worker.js', source: workerScript() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use(DEV_PATH, (_req, res) => {
        res.setHeader('Content-Type', 'text/javascript');
        res.end(workerScript());
      });
    },
  };
}
