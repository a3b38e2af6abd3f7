/**
 * The page's stored comparisons, read and written in the page (IndexedDB 'masst-playground',
 * store 'comparison', src/storage/db.ts and comparisonStore.ts), for specs that check what a
 * reload finds or that plant malformed records.
 */
import type { Page } from '@playwright/test';

/** What a spec needs of one stored record: its key, and its checkpoints' workers and steps. */
export interface StoredSummary {
  key: string;
  seeds: unknown;
  checkpoints: Array<{ worker: number; step: number }>;
}

/** Every record of the comparison store, summed up (the store is created as db.ts does if the page has not yet). */
export function storedSummaries(page: Page): Promise<StoredSummary[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('masst-playground', 4);
      req.onupgradeneeded = () => {
        for (const name of ['datasets', 'comparison', 'runs'])
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
        for (const name of ['meta', 'runMeta'])
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'key' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const store = db.transaction('comparison', 'readonly').objectStore('comparison');
    const all = <T>(req: IDBRequest<T>) => new Promise<T>((resolve) => (req.onsuccess = () => resolve(req.result)));
    const keys = await all(store.getAllKeys());
    const values = await all(store.getAll());
    db.close();
    return keys.map((key, i) => {
      const v = values[i] as {
        setup?: { seeds?: unknown };
        checkpoints?: Array<{ worker: number; step: number }>;
      } | null;
      const cks = typeof v === 'object' && v !== null && Array.isArray(v.checkpoints) ? v.checkpoints : [];
      return {
        key: String(key),
        seeds: v?.setup?.seeds,
        checkpoints: cks.map((c) => ({ worker: c?.worker, step: c?.step })),
      };
    });
  });
}

/** How a copy of a real record is broken (the malformed records the issue found). */
export type Breakage = 'no-seeds' | 'string-checkpoint' | 'empty-checkpoint' | 'no-checkpoints';

/** One write to the comparison store: a record as given, a broken copy of a stored one, or a removal. */
export type StoreEdit =
  | { op: 'put'; key: string; value: unknown }
  | { op: 'derive'; from: string; key: string; breakage: Breakage }
  | { op: 'delete'; key: string };

/**
 * Applies `edits` in one transaction in the page. (The page's CSP has no 'unsafe-eval', so the
 * edits are data interpreted here, not functions sent as source.)
 */
export async function editStore(page: Page, edits: StoreEdit[]): Promise<void> {
  await page.evaluate(async (list) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('masst-playground', 4);
      req.onupgradeneeded = () => {
        for (const name of ['datasets', 'comparison', 'runs'])
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name);
        for (const name of ['meta', 'runMeta'])
          if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'key' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('comparison', 'readwrite');
    const store = tx.objectStore('comparison');
    const done = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    type Stored = { setup: { seeds: number[] }; checkpoints: Array<unknown> };
    for (const edit of list) {
      if (edit.op === 'put') store.put(edit.value, edit.key);
      else if (edit.op === 'delete') store.delete(edit.key);
      else {
        const record = await new Promise<Stored>((resolve) => {
          const req = store.get(edit.from);
          req.onsuccess = () => resolve(structuredClone(req.result as Stored));
        });
        if (edit.breakage === 'no-seeds') record.setup.seeds = [];
        if (edit.breakage === 'string-checkpoint') record.checkpoints = ['abc'];
        if (edit.breakage === 'no-checkpoints') record.checkpoints = [];
        if (edit.breakage === 'empty-checkpoint') {
          const ck = record.checkpoints[0] as { groups: Array<{ bytes: Blob }> };
          ck.groups = ck.groups.map((g) => ({ ...g, bytes: new Blob([]) }));
        }
        store.put(record, edit.key);
      }
    }
    await done;
    db.close();
  }, edits);
}
