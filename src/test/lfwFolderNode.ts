/**
 * Test helper: writes the LFW-shaped folder (core/faces/lfwShapedFolder.ts) to a new temp dir,
 * as `<tmp>/lfw`, for the unit, runner-process and e2e tests. Nothing of it is committed.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { makeLfwShapedFolder } from '../core/faces/lfwShapedFolder';

/** The folder's path. */
export async function writeLfwShapedFolder(): Promise<string> {
  const dir = join(await mkdtemp(join(tmpdir(), 'masst-lfw-')), 'lfw');
  for (const f of makeLfwShapedFolder()) {
    await mkdir(dirname(join(dir, f.path)), { recursive: true });
    await writeFile(join(dir, f.path), f.bytes);
  }
  return dir;
}
