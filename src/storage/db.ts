/**
 * The page's one IndexedDB database and its stores: generated faces ('datasets' with their sizes
 * and last use in 'meta', datasetStore.ts) and the last comparisons ('comparison': one record per
 * comparison a tab keeps, its page state and one checkpoint per worker, comparisonStore.ts) and the
 * finished runs of sweeps by run key ('runs', their sizes and last use in 'runMeta',
 * ui/storage/runStore.ts). Nothing stored here leaves the browser.
 */
export const DB = 'masst-playground';
/**
 * Version 2 added the datasets' sizes and last use ('meta'; version-1 datasets are dropped, they
 * could never be evicted); version 3 adds 'comparison', keeping the datasets; version 4 adds
 * 'runs' and 'runMeta', keeping the rest.
 */
const VERSION = 4;
export const DATA = 'datasets';
export const META = 'meta';
export const COMPARISON = 'comparison';
export const RUNS = 'runs';
export const RUN_META = 'runMeta';

export function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = (event) => {
      const db = req.result;
      if (event.oldVersion < 2) {
        for (const name of [DATA, META]) if (db.objectStoreNames.contains(name)) db.deleteObjectStore(name);
        db.createObjectStore(DATA);
        db.createObjectStore(META, { keyPath: 'key' });
      }
      if (!db.objectStoreNames.contains(COMPARISON)) db.createObjectStore(COMPARISON);
      if (!db.objectStoreNames.contains(RUNS)) db.createObjectStore(RUNS);
      if (!db.objectStoreNames.contains(RUN_META)) db.createObjectStore(RUN_META, { keyPath: 'key' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
  });
}

/** Runs `work` in one transaction over `stores` and resolves with its result when it commits. */
export async function transaction<T>(
  stores: string[],
  mode: IDBTransactionMode,
  work: (...stores: IDBObjectStore[]) => Promise<T> | T,
): Promise<T> {
  const db = await openDb();
  try {
    const tx = db.transaction(stores, mode);
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
    const result = await work(...stores.map((s) => tx.objectStore(s)));
    await done;
    return result;
  } finally {
    db.close();
  }
}

export function value<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}
