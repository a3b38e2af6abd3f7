/**
 * Node-only: the bytes of resvg's WebAssembly module, for initRasterizer (src/core/data/rasterize).
 * Resolved through Node's module resolution so it works from any working directory.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

export async function loadResvgWasmNode(): Promise<Uint8Array> {
  const require = createRequire(import.meta.url);
  const path = require.resolve('@resvg/resvg-wasm/index_bg.wasm');
  return new Uint8Array(await readFile(path));
}
