/**
 * The runner's output folder, checked before any training: made if missing, then a probe file is
 * written and removed in it, so an unusable `--out` fails in a second instead of after the runs.
 */
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { codeOf, REASONS } from './storageError';

/** A hung mount must not hang the runner; a local disk answers in milliseconds. */
const CHECK_TIMEOUT_MS = 5000;

/**
 * mkdir -p, one level at a time: Node's own recursive mkdir loops forever on a path under /proc
 * (ENOENT for the child, EEXIST for the parent, again and again), this one tries each level twice.
 */
async function makeDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (e) {
    if (codeOf(e) === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    if (codeOf(e) !== 'ENOENT' || dirname(dir) === dir) throw e;
    await makeDir(dirname(dir));
    await mkdir(dir);
  }
}

async function probe(dir: string): Promise<void> {
  await makeDir(dir);
  const file = join(dir, `.masst-probe-${process.pid}`);
  await writeFile(file, '');
  await rm(file);
}

/** Resolves when `dir` exists (made if missing) and takes a file; else throws naming --out. */
export async function checkOutDir(dir: string, timeoutMs = CHECK_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    const error = Object.assign(new Error(`no answer within ${timeoutMs / 1000} s`), { code: 'ETIMEDOUT' });
    timer = setTimeout(() => reject(error), timeoutMs);
  });
  try {
    await Promise.race([probe(dir), timeout]);
  } catch (e) {
    const reason = REASONS[codeOf(e) ?? ''] ?? 'it cannot be made or written to';
    const detail = e instanceof Error ? e.message : String(e);
    throw new Error(`--out "${dir}" is not allowed: ${reason}, expected a writable directory (${detail})`);
  } finally {
    clearTimeout(timer);
  }
}
