/**
 * Writes the synthetic test face folder (core/faces/testFolder.ts) to e2e/fixtures/faces, or to
 * the folder given as the first argument: `npm run make-test-faces [-- DIR]`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { initRasterizer } from '../core/data/rasterize';
import { makeTestFolder, TEST_FOLDER } from '../core/faces/testFolder';
import { loadResvgWasmNode } from './rasterizer-node';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? join('e2e', 'fixtures', TEST_FOLDER);
  await initRasterizer(await loadResvgWasmNode());
  const files = makeTestFolder();
  await rm(dir, { recursive: true, force: true });
  for (const f of files) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.bytes);
  }
  process.stderr.write(`${files.length} files written to ${dir}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
