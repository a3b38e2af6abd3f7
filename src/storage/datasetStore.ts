/**
 * Generated faces stored in this browser's IndexedDB by (config, seed) (key: datasetCacheKey), so
 * a reload does not regenerate them. The store is bounded: after each write the least recently
 * used datasets are dropped until at most MAX_BYTES and MAX_ENTRIES remain (core/data/eviction.ts).
 * Read by the training workers; the page reads the usage and clears it ("Clear stored data").
 * Failures (private mode, quota) only cost a regeneration, never the session.
 */
import { datasetCacheKey, deserializeDataset, serializeDataset } from '../core/data/cache';
import type { DataConfig } from '../core/config';
import type { StoredEntry } from '../core/data/eviction';
import { evictionOrder } from '../core/data/eviction';
import type { FaceDataset } from '../core/data/types';
import { DATA, META, transaction as inDb, value } from './db';

/** Bounds of the store; one demo seed is ~2.6 MB (1,112 images of 24 × 24 float32). */
export const MAX_BYTES = 256 * 1024 * 1024;
export const MAX_ENTRIES = 64;

/** One transaction over the datasets and their sizes and last use. */
function transaction<T>(
  mode: IDBTransactionMode,
  work: (data: IDBObjectStore, meta: IDBObjectStore) => Promise<T> | T,
): Promise<T> {
  return inDb([DATA, META], mode, (data, meta) => work(data as IDBObjectStore, meta as IDBObjectStore));
}

export async function loadCachedDataset(config: DataConfig, seed: number): Promise<FaceDataset | null> {
  const buf = await loadCachedBytes(datasetCacheKey(config, seed));
  try {
    return buf === null ? null : deserializeDataset(buf);
  } catch {
    // A stale or damaged entry is made again and overwritten.
    return null;
  }
}

export function storeDataset(config: DataConfig, seed: number, dataset: FaceDataset): Promise<void> {
  return storeBytes(datasetCacheKey(config, seed), serializeDataset(dataset));
}

/** Any cached entry (a dataset, or a decoded face folder: core/faces/pool.ts), marked as used. */
export async function loadCachedBytes(key: string): Promise<ArrayBuffer | null> {
  try {
    const buf = await transaction('readwrite', async (data, meta) => {
      const found = await value(data.get(key));
      if (found instanceof ArrayBuffer)
        meta.put({ key, bytes: found.byteLength, usedAt: Date.now() } satisfies StoredEntry);
      return found;
    });
    return buf instanceof ArrayBuffer ? buf : null;
  } catch {
    return null;
  }
}

/** Stores an entry under the same size bounds as the datasets, evicting the least recently used. */
export async function storeBytes(key: string, bytes: ArrayBuffer): Promise<void> {
  try {
    await transaction('readwrite', async (data, meta) => {
      data.put(bytes, key);
      meta.put({ key, bytes: bytes.byteLength, usedAt: Date.now() } satisfies StoredEntry);
      const entries = (await value(meta.getAll())) as StoredEntry[];
      for (const old of evictionOrder(entries, { maxBytes: MAX_BYTES, maxEntries: MAX_ENTRIES }, key)) {
        data.delete(old);
        meta.delete(old);
      }
    });
  } catch {
    // Caching is an optimisation: a full disk or a private window just regenerates next time.
  }
}

export interface StorageUsage {
  datasets: number;
  bytes: number;
}

/** What this page has stored; zero when IndexedDB is unavailable. */
export async function storageUsage(): Promise<StorageUsage> {
  try {
    const entries = await transaction('readonly', async (_, meta) => (await value(meta.getAll())) as StoredEntry[]);
    return { datasets: entries.length, bytes: entries.reduce((a, e) => a + e.bytes, 0) };
  } catch {
    return { datasets: 0, bytes: 0 };
  }
}

/** Removes every stored dataset. */
export async function clearStoredData(): Promise<void> {
  await transaction('readwrite', (data, meta) => {
    data.clear();
    meta.clear();
  });
}
