/**
 * Hand-written WebAssembly kernels (src/backends/simd/*.wat), assembled when they are imported:
 * `import { plain, shared } from './kernel.wat'` gives the module's bytes twice, importing an
 * ordinary memory and a shared one (tfjs's threaded build runs on a SharedArrayBuffer, and an
 * imported memory must match in sharedness). wabt assembles; the engine validates on load.
 * Used by the page, its workers, Vitest and the Node CLI build alike.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import wabtModule from 'wabt';

/** The one memory import every kernel declares, and its shared form. */
const MEMORY = '(import "env" "memory" (memory 1))';
const SHARED_MEMORY = '(import "env" "memory" (memory 1 65536 shared))';

async function assemble(id: string, text: string): Promise<{ plain: Uint8Array; shared: Uint8Array }> {
  if (!text.includes(MEMORY)) throw new Error(`${id}: a kernel must import its memory as ${MEMORY}`);
  const wabt = await wabtModule();
  const plain = wabt.parseWat(id, text, { simd: true });
  plain.validate();
  // wabt's validator rejects shared memories whatever the features; WebAssembly.Module checks it.
  const shared = wabt.parseWat(id, text.replace(MEMORY, SHARED_MEMORY), { simd: true, threads: true });
  return { plain: plain.toBinary({}).buffer, shared: shared.toBinary({}).buffer };
}

const bytes = (b: Uint8Array): string => `new Uint8Array([${b.join(',')}])`;

export function watModules(): Plugin {
  return {
    name: 'wat-modules',
    async load(id) {
      if (!id.endsWith('.wat')) return null;
      this.addWatchFile(id);
      const { plain, shared } = await assemble(id, await readFile(id, 'utf8'));
      return `export const plain = ${bytes(plain)};\nexport const shared = ${bytes(shared)};\n`;
    },
  };
}
