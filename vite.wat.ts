/**
 * Hand-written WebAssembly kernels (src/backends/simd/*.wat), assembled when they are imported:
 * `import { plain, shared } from './kernel.wat'` gives the module's bytes twice, importing an
 * ordinary memory and a shared one (tfjs's threaded build runs on a SharedArrayBuffer, and an
 * imported memory must match in sharedness). wabt assembles; the engine validates on load.
 * Used by the page, its workers, Vitest and the Node CLI build alike (src/backends/simd/assemble.test.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';
import wabtModule from 'wabt';

/** The one memory import every kernel declares, on a line of its own, and its shared form. */
const MEMORY = '(import "env" "memory" (memory 1))';
const MEMORY_LINE = /^(\s*)\(import "env" "memory" \(memory 1\)\)\s*$/gm;
const SHARED_MEMORY = '(import "env" "memory" (memory 1 65536 shared))';

let wabt: ReturnType<typeof wabtModule> | null = null;

export async function assemble(
  id: string,
  text: string,
): Promise<{ plain: Uint8Array<ArrayBuffer>; shared: Uint8Array<ArrayBuffer> }> {
  // Exactly one import line (a comment quoting it does not count): else the shared build could
  // keep a plain memory and fail to link, which the kernels' fallback would hide.
  const imports = text.match(MEMORY_LINE)?.length ?? 0;
  if (imports !== 1)
    throw new Error(`${id}: a kernel must import its memory once, as the line ${MEMORY}; found ${imports}`);
  wabt ??= wabtModule();
  const assembler = await wabt;
  const plain = assembler.parseWat(id, text, { simd: true });
  // wabt's validator rejects shared memories whatever the features; WebAssembly.Module checks it.
  const shared = assembler.parseWat(id, text.replace(MEMORY_LINE, `$1${SHARED_MEMORY}`), { simd: true, threads: true });
  try {
    plain.validate();
    return { plain: new Uint8Array(plain.toBinary({}).buffer), shared: new Uint8Array(shared.toBinary({}).buffer) };
  } finally {
    plain.destroy();
    shared.destroy();
  }
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
