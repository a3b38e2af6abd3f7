/**
 * The page's run store in IndexedDB (storage/db.ts 'runs' and their sizes and last use in
 * 'runMeta'), behind runStore.ts's interface. Nothing stored leaves the browser; "Clear stored
 * data" clears it with the datasets and the comparisons.
 */
import type { StoredEntry } from '../../core/data/eviction';
import { RUN_META, RUNS, transaction, value } from '../../storage/db';
import type { RunStoreBackend } from './runStore';
import { PageRunStore } from './runStore';

function inStores<T>(
  mode: IDBTransactionMode,
  work: (runs: IDBObjectStore, meta: IDBObjectStore) => Promise<T> | T,
): Promise<T> {
  return transaction([RUNS, RUN_META], mode, (runs, meta) => work(runs as IDBObjectStore, meta as IDBObjectStore));
}

export const indexedDbRuns: RunStoreBackend = {
  get: (key) => inStores('readonly', (runs) => value(runs.get(key))),
  put: (record, entry) =>
    inStores('readwrite', (runs, meta) => {
      runs.put(record, record.key);
      meta.put(entry);
    }),
  touch: (entry) =>
    inStores('readwrite', (_, meta) => {
      meta.put(entry);
    }),
  remove: (keys) =>
    inStores('readwrite', (runs, meta) => {
      for (const k of keys) {
        runs.delete(k);
        meta.delete(k);
      }
    }),
  entries: () => inStores('readonly', async (_, meta) => (await value(meta.getAll())) as StoredEntry[]),
  clear: () =>
    inStores('readwrite', (runs, meta) => {
      runs.clear();
      meta.clear();
    }),
};

/** The page's one run store. */
export const pageRunStore = new PageRunStore(indexedDbRuns);

/** Removes every stored run ("Clear stored data"). */
export function clearRunStore(): Promise<void> {
  return pageRunStore.clear();
}

/** Runs stored and their size; zero when IndexedDB is unavailable. */
export async function runStoreUsage(): Promise<{ runs: number; bytes: number }> {
  try {
    return await pageRunStore.usage();
  } catch {
    return { runs: 0, bytes: 0 };
  }
}
