/**
 * Datasets cached by seed in IndexedDB (key: datasetCacheKey), so a reload does not regenerate
 * them. Failures (private mode, quota) only cost a regeneration, never the session.
 */
import { datasetCacheKey, deserializeDataset, serializeDataset } from '../core/data/cache';
import type { DataConfig } from '../core/config';
import type { FaceDataset } from '../core/data/types';

const DB = 'masst-playground';
const STORE = 'datasets';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
  });
}

function request<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (db) =>
      new Promise<T>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = run(tx.objectStore(STORE));
        tx.oncomplete = () => {
          db.close();
          resolve(req.result);
        };
        tx.onerror = () => {
          db.close();
          reject(tx.error ?? new Error('IndexedDB transaction failed'));
        };
      }),
  );
}

export async function loadCachedDataset(config: DataConfig, seed: number): Promise<FaceDataset | null> {
  try {
    const buf = await request<unknown>('readonly', (s) => s.get(datasetCacheKey(config, seed)));
    return buf instanceof ArrayBuffer ? deserializeDataset(buf) : null;
  } catch {
    return null;
  }
}

export async function storeDataset(config: DataConfig, seed: number, dataset: FaceDataset): Promise<void> {
  try {
    await request('readwrite', (s) => s.put(serializeDataset(dataset), datasetCacheKey(config, seed)));
  } catch {
    // Caching is an optimisation: a full disk or a private window just regenerates next time.
  }
}
