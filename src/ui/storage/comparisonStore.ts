/**
 * The comparisons kept in this browser so a reload can bring one back and resume it: each its
 * setup (config, seeds, backend, pool size), the page's state (history, evaluations, analysis) and
 * one checkpoint per worker (worker/protocol.ts WorkerCheckpoint), all in ONE record under its own
 * key (`comparison:<id>`, one id per comparison a tab trains, ui/comparisonKey.ts). Two tabs
 * therefore never mix their states and checkpoints, and a save is one put: a record is either the
 * old one or the new one. At most MAX_KEPT are kept (a demo comparison: 9 units of ~0.1 MB);
 * starting another drops the oldest. Every record read back is checked (savedComparison.ts) and a
 * malformed one is listed with its problems, for Discard. Failures (private mode, quota) are
 * reported by the caller and never stop training.
 *
 * Records written by builds before these keys (one 'session' record and 'checkpoint-N' records)
 * are read as one more comparison under the key LEGACY, and removed with it.
 *
 * It lives under ui/ because what it keeps is the page's own state (ui/store UiState) and the
 * worker's checkpoints as the page receives them; src/storage keeps only what any layer may use
 * (the database, the dataset cache) and imports neither the page nor the worker.
 */
import type { UiState } from '../store/state';
import type { WorkerCheckpoint } from '../../worker/protocol';
import { COMPARISON, transaction, value } from '../../storage/db';
import type { SavedComparison, SavedSetup } from './savedComparison';
import { checkSaved } from './savedComparison';

export type { SavedComparison, SavedSetup } from './savedComparison';

/** Comparisons kept at most; starting one more drops the oldest (the page says so). */
export const MAX_KEPT = 3;
export const KEY_PREFIX = 'comparison:';
export const LEGACY = 'session';
const LEGACY_CHECKPOINT = 'checkpoint-';

/** One stored comparison as read back: usable, or malformed with what is wrong. */
export type StoredComparison = { key: string } & (
  | { ok: true; saved: SavedComparison; unresumable: string[] }
  | { ok: false; savedAt: number | null; problems: string[] }
);

function inStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T> | T): Promise<T> {
  return transaction([COMPARISON], mode, (store) => work(store as IDBObjectStore));
}

/** Forgets every stored comparison, of every tab ("Clear stored data"). */
export function clearComparison(): Promise<void> {
  return inStore('readwrite', (store) => {
    store.clear();
  });
}

/** Deletes the record under `key`; LEGACY: every record of the old layout. */
async function deleteRecord(store: IDBObjectStore, key: string): Promise<void> {
  if (key !== LEGACY) {
    store.delete(key);
    return;
  }
  for (const k of await value(store.getAllKeys())) if (!String(k).startsWith(KEY_PREFIX)) store.delete(k);
}

/** Forgets one stored comparison (Discard, or its tab starts another). */
export function removeComparison(key: string): Promise<void> {
  return inStore('readwrite', (store) => deleteRecord(store, key));
}

/**
 * The page state under `key` with every worker's latest checkpoint (the Persister keeps them), in
 * one put: nothing is read back, so a save costs the main thread only the state's serialization
 * (the checkpoints are Blobs, kept by reference).
 */
export function saveComparison(
  key: string,
  setup: SavedSetup,
  state: UiState,
  checkpoints: readonly WorkerCheckpoint[],
): Promise<void> {
  return inStore('readwrite', (store) => {
    const record: SavedComparison = { savedAt: Date.now(), setup, state, checkpoints: [...checkpoints] };
    store.put(record, key);
  });
}

/** A restored comparison moves to `key` (its new tab's) in one transaction: written there, removed from `from`. */
export function adoptComparison(key: string, from: string, saved: SavedComparison): Promise<void> {
  return inStore('readwrite', async (store) => {
    if (from !== key) await deleteRecord(store, from);
    store.put({ ...saved, savedAt: Date.now() } satisfies SavedComparison, key);
  });
}

const savedAtOf = (record: unknown): number | null => {
  const t = typeof record === 'object' && record !== null ? (record as { savedAt?: unknown }).savedAt : undefined;
  return typeof t === 'number' && Number.isFinite(t) ? t : null;
};

/** The raw records by key, the old layout's assembled into one under LEGACY. */
async function rawRecords(store: IDBObjectStore): Promise<Map<string, unknown>> {
  const keys = (await value(store.getAllKeys())).map(String);
  const records = new Map<string, unknown>();
  for (const k of keys.filter((k) => k.startsWith(KEY_PREFIX))) records.set(k, await value(store.get(k)));
  const legacy = keys.filter((k) => !k.startsWith(KEY_PREFIX));
  if (legacy.length === 0) return records;
  const session: unknown = await value(store.get(LEGACY));
  const checkpoints: unknown[] = [];
  for (const k of legacy.filter((k) => k.startsWith(LEGACY_CHECKPOINT))) checkpoints.push(await value(store.get(k)));
  // A session record of another shape is reported as such, not merged into an object.
  records.set(
    LEGACY,
    typeof session === 'object' && session !== null && !Array.isArray(session) ? { ...session, checkpoints } : session,
  );
  return records;
}

/**
 * The keys to drop so that `keep` (the tab's own comparison, being written) and the newest
 * MAX_KEPT − 1 others remain: the oldest go first, those without a time (malformed) before any.
 */
export function keysToDrop(records: ReadonlyArray<{ key: string; savedAt: number | null }>, keep: string): string[] {
  const others = records
    .filter((r) => r.key !== keep)
    .sort((a, b) => (b.savedAt ?? -Infinity) - (a.savedAt ?? -Infinity));
  return others.slice(Math.max(0, MAX_KEPT - 1)).map((r) => r.key);
}

/** Drops the oldest comparisons beyond MAX_KEPT, never the one under `keep` (keysToDrop). */
export function pruneComparisons(keep: string): Promise<void> {
  return inStore('readwrite', async (store) => {
    const records = [...(await rawRecords(store)).entries()].map(([key, raw]) => ({ key, savedAt: savedAtOf(raw) }));
    for (const key of keysToDrop(records, keep)) await deleteRecord(store, key);
  });
}

/** Every stored comparison, checked, newest first; none when IndexedDB is unavailable. */
export async function loadComparisons(): Promise<StoredComparison[]> {
  let records: Map<string, unknown>;
  try {
    records = await inStore('readonly', rawRecords);
  } catch {
    return [];
  }
  const list: StoredComparison[] = [];
  for (const [key, raw] of records) list.push(await checkedRecord(key, raw));
  const time = (s: StoredComparison) => (s.ok ? s.saved.savedAt : s.savedAt) ?? -Infinity;
  return list.sort((a, b) => time(b) - time(a));
}

async function checkedRecord(key: string, raw: unknown): Promise<StoredComparison> {
  if (key === LEGACY && raw === undefined) {
    return {
      key,
      ok: false,
      savedAt: null,
      problems: ['checkpoints are stored without their comparison (its session record is missing)'],
    };
  }
  const checked = await checkSaved(raw);
  return checked.ok ? { key, ...checked } : { key, ok: false, savedAt: savedAtOf(raw), problems: checked.problems };
}

/**
 * How many comparisons are stored, and about how many bytes their checkpoints and states take.
 * Sizes only: nothing is decoded or checked (the line that shows this refreshes with every phase of
 * a comparison, and decoding every stored checkpoint cost the page's main thread long tasks).
 */
export async function comparisonUsage(): Promise<{ stored: number; bytes: number }> {
  let records: Map<string, unknown>;
  try {
    records = await inStore('readonly', rawRecords);
  } catch {
    return { stored: 0, bytes: 0 };
  }
  let bytes = 0;
  for (const raw of records.values()) bytes += recordBytes(raw);
  return { stored: records.size, bytes };
}

/** A raw record's checkpoint bytes (Blobs, or the inline buffers of older builds) and state, 0 for what is not there. */
function recordBytes(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null) return 0;
  const { checkpoints, state } = raw as { checkpoints?: unknown; state?: unknown };
  let bytes = 0;
  for (const ck of Array.isArray(checkpoints) ? (checkpoints as unknown[]) : []) {
    const groups = typeof ck === 'object' && ck !== null ? (ck as { groups?: unknown }).groups : undefined;
    for (const g of Array.isArray(groups) ? (groups as unknown[]) : []) {
      const b = typeof g === 'object' && g !== null ? (g as { bytes?: unknown }).bytes : undefined;
      bytes += b instanceof Blob ? b.size : b instanceof ArrayBuffer ? b.byteLength : 0;
    }
  }
  try {
    return bytes + stateBytes(state as UiState);
  } catch {
    // A state of another shape (the restore prompt names it): its checkpoints are still counted.
    return bytes;
  }
}

/** About what the state's series take (8 bytes a number); the dataset view's thumbnails included. */
function stateBytes(state: UiState): number {
  const numbers = state.runs.reduce(
    (a, r) =>
      a + 3 * r.steps.length + 4 * r.evals.length + 7 * r.smoothness.length + (r.landscape2d?.rows.length ?? 0) ** 2,
    0,
  );
  const pixels = state.dataset
    ? state.dataset.samples.reduce((a, s) => a + s.pixels.length, 0) +
      state.dataset.pairs.reduce((a, p) => a + p.pixels.length, 0)
    : 0;
  return numbers * 8 + pixels * 4;
}
