/**
 * The runner's checkpoint files, in DIR/checkpoints/: `<seed>-<slug of the run's label>.ckpt`
 * (checkpointCodec.ts bytes) and beside it `<…>.json`, the run's record (history, evaluations,
 * analysis) up to at least the checkpoint's step. results.json is rewritten only after a seed or
 * on a signal, so the record travels with the checkpoint: a runner killed outright (a second
 * Ctrl-C, kill -9, out of memory) still leaves a pair that --resume continues from.
 * The record is written first, then the checkpoint, each to a temporary file in the same folder
 * renamed over the old one (rename is atomic within a file system): a kill at any moment leaves
 * no truncated file and a record that reaches at least the checkpoint's step (atomicWrite.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ComparisonCheckpoint } from '../core/train/checkpoint';
import { checkpointChecksummed, decodeCheckpoint, encodeCheckpoint } from '../core/train/checkpointCodec';
import { writeAtomically } from './atomicWrite';
import { slug } from './results';
import type { RunResult } from '../core/results/resultsFile';

export const CHECKPOINT_DIR = 'checkpoints';

export interface CheckpointPaths {
  checkpoint: string;
  record: string;
}

/** The files of the run `label` on `seed` in the output folder `out`. */
export function checkpointPaths(out: string, seed: number, label: string): CheckpointPaths {
  const base = join(out, CHECKPOINT_DIR, `${seed}-${slug(label)}`);
  return { checkpoint: `${base}.ckpt`, record: `${base}.json` };
}

/** The record, then the checkpoint (see the file comment for why in this order). */
export async function saveCheckpoint(
  paths: CheckpointPaths,
  checkpoint: ComparisonCheckpoint,
  record: RunResult,
): Promise<void> {
  await writeAtomically(paths.record, `${JSON.stringify(record)}\n`);
  await writeAtomically(paths.checkpoint, new Uint8Array(encodeCheckpoint(checkpoint)));
}

/**
 * `save` for a training loop: a save that fails (a full disk) is told once through `warn`, and
 * training goes on without it. The run's numbers live in memory and reach results.json and the
 * table at the end; stopping the run would lose them. The files left are a consistent pair (see the
 * file comment), so a --resume continues from the last checkpoint that was written.
 */
export function savingWhilePossible<A extends unknown[]>(
  save: (...args: A) => Promise<void>,
  warn: (message: string) => void,
): (...args: A) => Promise<void> {
  let warned = false;
  return async (...args) => {
    try {
      await save(...args);
    } catch (e) {
      if (warned) return;
      warned = true;
      warn(
        `${e instanceof Error ? e.message : String(e)}; training goes on without checkpoints, its results stay in memory until results.json is written`,
      );
    }
  };
}

function isMissing(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

export interface ReadCheckpoint {
  checkpoint: ComparisonCheckpoint;
  /** False for a file of the format before checksums (read, but nothing could check its bytes). */
  checked: boolean;
}

/**
 * The decoded checkpoint, or null when there is no file; throws naming the file when it is
 * unreadable, cut short, or its bytes no longer match the checksum written with them.
 */
export async function readCheckpoint(path: string): Promise<ReadCheckpoint | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    if (isMissing(e)) return null;
    throw new Error(`${path} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { checkpoint: decodeCheckpoint(buffer, path), checked: checkpointChecksummed(buffer) };
}

/** The record beside a checkpoint, or null when there is none; throws naming the file when it is not JSON. */
export async function readRecord(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (isMissing(e)) return null;
    throw new Error(`${path} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new Error(
      `${path} is not JSON (${e instanceof Error ? e.message : String(e)}): it should hold a run's record up to its checkpoint`,
    );
  }
}
