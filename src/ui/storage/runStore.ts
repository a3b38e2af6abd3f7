/**
 * The page's run store: finished runs by run key (core/sweep/runKey.ts), so a sweep trains each
 * run once and a repeated sweep, or one that shares cells, reuses them. Bounded like the dataset
 * cache: after each write the least recently used runs are dropped (core/data/eviction.ts) until
 * at most RUN_STORE_BOUNDS remain. A record read back is checked (storedRun.ts); a corrupt one is
 * dropped and reported, and its run is trained again. The logic works over a small key-value
 * interface (RunStoreBackend): IndexedDB in the page (runStoreDb.ts), a Map in the tests.
 */
import type { CacheBounds, StoredEntry } from '../../core/data/eviction';
import { evictionOrder } from '../../core/data/eviction';
import type { StoredRun } from './storedRun';
import { checkStoredRun } from './storedRun';

/**
 * 64 MB and 4,096 runs: a smoke run's record is ~20 KB, a demo run's (600 steps, 13 evaluations
 * with their ROC, the probes) ~100 KB, so ~600 demo runs fit.
 */
export const RUN_STORE_BOUNDS: CacheBounds = { maxBytes: 64 * 1024 * 1024, maxEntries: 4096 };

export interface RunStoreBackend {
  get(key: string): Promise<unknown>;
  /** Writes the record and its entry (size, last use). */
  put(record: StoredRun, entry: StoredEntry): Promise<void>;
  /** Marks an entry as used now. */
  touch(entry: StoredEntry): Promise<void>;
  remove(keys: readonly string[]): Promise<void>;
  entries(): Promise<StoredEntry[]>;
  clear(): Promise<void>;
}

export type Taken = { kind: 'hit'; run: StoredRun } | { kind: 'miss' } | { kind: 'corrupt'; note: string };

/** A record's size as counted against the bound: the characters of its JSON (≈ bytes; the ROC and series are ASCII numbers). */
export function recordBytes(record: StoredRun): number {
  return JSON.stringify(record).length;
}

export class PageRunStore {
  constructor(
    private readonly backend: RunStoreBackend,
    private readonly bounds: CacheBounds = RUN_STORE_BOUNDS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The run under `key`, marked as used; a corrupt record is removed and said. */
  async take(key: string): Promise<Taken> {
    const found = await this.backend.get(key);
    if (found === undefined || found === null) return { kind: 'miss' };
    const problems = checkStoredRun(found, key);
    if (problems.length > 0) {
      await this.backend.remove([key]);
      return {
        kind: 'corrupt',
        note: `stored run ${key} was corrupt (${problems.slice(0, 3).join('; ')}${problems.length > 3 ? `; and ${problems.length - 3} more` : ''}): dropped, it is trained again`,
      };
    }
    const run = found as StoredRun;
    const entries = await this.backend.entries();
    const bytes = entries.find((e) => e.key === key)?.bytes ?? recordBytes(run);
    await this.backend.touch({ key, bytes, usedAt: this.now() });
    return { kind: 'hit', run };
  }

  /** Stores a run, then drops the least recently used ones beyond the bounds (never this one). */
  async put(record: StoredRun): Promise<void> {
    await this.backend.put(record, { key: record.key, bytes: recordBytes(record), usedAt: this.now() });
    const drop = evictionOrder(await this.backend.entries(), this.bounds, record.key);
    if (drop.length > 0) await this.backend.remove(drop);
  }

  async usage(): Promise<{ runs: number; bytes: number }> {
    const entries = await this.backend.entries();
    return { runs: entries.length, bytes: entries.reduce((a, e) => a + e.bytes, 0) };
  }

  clear(): Promise<void> {
    return this.backend.clear();
  }
}
