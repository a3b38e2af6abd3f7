/**
 * Files the runner writes (results.json, CSVs, checkpoints, probes) go to a temporary file in the
 * same folder, renamed over the old one: rename is atomic within a file system, so a kill at any
 * moment leaves the old file or the new one, never a truncated one.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { threadId } from 'node:worker_threads';
import { storageError } from './storageError';

/** The file operations of writeAtomically: Node's, or a test's that fail like a full disk. */
export interface WriteOps {
  writeFile: (path: string, data: string | Uint8Array) => Promise<void>;
  rename: (from: string, to: string) => Promise<void>;
  rm: (path: string, options: { force: true }) => Promise<void>;
}

const NODE_OPS: WriteOps = { writeFile, rename, rm };

/** A file writer: writeAtomically, or a test's stand-in. */
export type WriteFn = (path: string, data: string | Uint8Array) => Promise<void>;

/**
 * Writes `data` to `path` through a temporary file renamed over it. On a failure (ENOSPC after
 * half the bytes, say) the temporary file is removed, `path` keeps its old content, and the error
 * names `path` and the cause (storageError.ts).
 */
export async function writeAtomically(
  path: string,
  data: string | Uint8Array,
  ops: WriteOps = NODE_OPS,
): Promise<void> {
  // pid and thread: two runners, or two workers, never share a temporary file.
  const tmp = `${path}.${process.pid}-${threadId}.tmp`;
  try {
    await ops.writeFile(tmp, data);
    await ops.rename(tmp, path);
  } catch (e) {
    // Best effort: on a file system that refuses even this, the error below is still the one to tell.
    await ops.rm(tmp, { force: true }).catch(() => undefined);
    throw storageError(path, e);
  }
}
