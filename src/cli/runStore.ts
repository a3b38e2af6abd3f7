/**
 * The runner's store of finished runs: `<dir>/<run key>.json` (core/sweep/runKey.ts), each with the
 * run's record and its seed's untrained evaluation, which is all a results table needs to put the
 * run back. Written atomically (a temporary file renamed), bounded like the dataset cache: past
 * its bounds the least recently used entries go first (core/data/eviction.ts; a read counts as a
 * use). An entry that does not read back as one (truncated, edited, another layout) is dropped
 * with a note and its run trained again.
 */
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import type { CacheBounds } from '../core/data/eviction';
import { evictionOrder } from '../core/data/eviction';
import { ENGINE_VERSION } from '../core/engineVersion';
import type { EvalReport } from '../core/eval/report';
import type { RunKeyInput } from '../core/sweep/runKey';
import type { RunResult } from '../core/results/resultsFile';
import { terminalSafeLines } from './terminalSafe';
import { writeAtomically } from './atomicWrite';

/** Bump on any change of the entry's layout; other versions are dropped and retrained. */
export const RUN_STORE_VERSION = 1;
export const RUN_STORE_DIR = '.cache/runs';
/** A demo run's record is ~50–150 kB: thousands of runs before anything is dropped. */
export const RUN_STORE_BOUNDS: CacheBounds = { maxBytes: 512 * 1024 * 1024, maxEntries: 20000 };

export interface StoredRun {
  version: number;
  key: string;
  /** What the key hashes, readable: which fields, backend and engine the run was trained under. */
  input: RunKeyInput;
  run: RunResult;
  untrained: EvalReport;
  /** Wall time of the run's training job, s. */
  seconds: number;
}

export interface StoreSize {
  entries: number;
  bytes: number;
}

/** Why `value` is not an entry of `key`, or null when it is one. */
function problemOf(value: unknown, key: string): string | null {
  const e = value as Partial<StoredRun> | null;
  if (e === null || typeof e !== 'object') return 'not an object';
  if (e.version !== RUN_STORE_VERSION) return `version ${String(e.version)}, expected ${RUN_STORE_VERSION}`;
  if (e.key !== key) return `it holds key ${String(e.key)}`;
  if (e.input?.engine !== ENGINE_VERSION) return `engine ${String(e.input?.engine)}, expected ${ENGINE_VERSION}`;
  const run = e.run;
  if (
    run === undefined ||
    typeof run !== 'object' ||
    !Array.isArray(run.history) ||
    !Array.isArray(run.analysis?.lipschitz)
  )
    return 'no run record';
  if (run.interrupted || (run.eval === null && run.diverged === null)) return 'the run did not finish';
  if (e.untrained === undefined || typeof e.untrained.accuracy !== 'number')
    return "no untrained evaluation of the run's seed";
  if (typeof e.seconds !== 'number') return 'no training time';
  return null;
}

export class RunStore {
  constructor(
    readonly dir = RUN_STORE_DIR,
    private readonly bounds: CacheBounds = RUN_STORE_BOUNDS,
    /** Told when an entry is dropped. */
    private readonly note: (line: string) => void = (line) => process.stderr.write(terminalSafeLines(`${line}\n`)),
  ) {}

  private path(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** The finished run of `key`, or null (missing, or corrupt: then dropped with a note). */
  async get(key: string): Promise<StoredRun | null> {
    const path = this.path(key);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      return null;
    }
    let problem: string | null;
    let value: unknown = null;
    try {
      value = JSON.parse(text);
      problem = problemOf(value, key);
    } catch (e) {
      problem = `not JSON (${e instanceof Error ? e.message : String(e)})`;
    }
    if (problem !== null) {
      await rm(path, { force: true });
      this.note(`run store: dropped ${path}: ${problem}; its run is trained again`);
      return null;
    }
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
    return value as StoredRun;
  }

  /** Stores a finished run atomically, then drops the least recently used entries past the bounds. */
  async put(entry: StoredRun): Promise<void> {
    const problem = problemOf(entry, entry.key);
    if (problem !== null) throw new Error(`run store: ${entry.key} is not stored: ${problem}`);
    await mkdir(this.dir, { recursive: true });
    const path = this.path(entry.key);
    await writeAtomically(path, JSON.stringify(entry));
    await this.evict(entry.key);
  }

  private async entries(): Promise<Array<{ key: string; bytes: number; usedAt: number }>> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const entries = await Promise.all(
      names
        .filter((n) => n.endsWith('.json'))
        .map(async (n) => {
          const s = await stat(join(this.dir, n)).catch(() => null);
          return s === null ? null : { key: n.slice(0, -'.json'.length), bytes: s.size, usedAt: s.mtimeMs };
        }),
    );
    return entries.filter((e): e is NonNullable<typeof e> => e !== null);
  }

  private async evict(keep: string): Promise<void> {
    for (const key of evictionOrder(await this.entries(), this.bounds, keep)) await rm(this.path(key), { force: true });
  }

  async size(): Promise<StoreSize> {
    const entries = await this.entries();
    return { entries: entries.length, bytes: entries.reduce((a, e) => a + e.bytes, 0) };
  }
}
