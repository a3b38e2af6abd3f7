/**
 * The last comparison, kept in this browser so a reload can bring it back and resume it: its setup
 * (config, seeds, backend, pool size), the page's state (history, evaluations, analysis) and one
 * checkpoint per worker (worker/protocol.ts WorkerCheckpoint). Only the last comparison is kept:
 * starting a new one replaces it, which bounds the store to one comparison's checkpoints (a demo
 * comparison: 9 units of ~0.1 MB). Failures (private mode, quota) are reported by the caller and
 * never stop training.
 */
import type { FolderSource } from '../core/faces/source';
import type { ExperimentConfig } from '../core/config';
import type { PresetName } from '../core/presets';
import type { UiState } from '../ui/store/state';
import type { BackendChoice, WorkerCheckpoint } from '../worker/protocol';
import { COMPARISON, transaction, value } from './db';

export interface SavedSetup {
  preset: PresetName;
  config: ExperimentConfig;
  seeds: number[];
  backend: BackendChoice;
  workers: number;
  /** "Your faces": the folder's File handles (IndexedDB keeps them as it keeps any File); absent: synthetic faces. */
  folder?: FolderSource | null;
}

export interface SavedComparison {
  /** ms since the epoch, when the state was last written. */
  savedAt: number;
  setup: SavedSetup;
  state: UiState;
  checkpoints: WorkerCheckpoint[];
}

const SESSION = 'session';
const checkpointKey = (worker: number) => `checkpoint-${worker}`;

interface SessionRecord {
  savedAt: number;
  setup: SavedSetup;
  state: UiState;
}

function inStore<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => Promise<T> | T): Promise<T> {
  return transaction([COMPARISON], mode, (store) => work(store as IDBObjectStore));
}

/** Forgets the last comparison (a new one starts, or the user discards it). */
export function clearComparison(): Promise<void> {
  return inStore('readwrite', (store) => {
    store.clear();
  });
}

/** The page state, and with it the checkpoints that arrived in the same batch (one transaction). */
export function saveComparison(setup: SavedSetup, state: UiState, checkpoints: readonly WorkerCheckpoint[]): Promise<void> {
  return inStore('readwrite', (store) => {
    store.put({ savedAt: Date.now(), setup, state } satisfies SessionRecord, SESSION);
    for (const ck of checkpoints) store.put(ck, checkpointKey(ck.worker));
  });
}

/** The last comparison, or null when none is stored (or IndexedDB is unavailable). */
export async function loadComparison(): Promise<SavedComparison | null> {
  try {
    return await inStore('readonly', async (store) => {
      const session = (await value(store.get(SESSION))) as SessionRecord | undefined;
      if (session === undefined) return null;
      const keys = (await value(store.getAllKeys())).filter((k) => String(k).startsWith('checkpoint-'));
      const checkpoints = (await Promise.all(keys.map((k) => value(store.get(k))))) as WorkerCheckpoint[];
      return { ...session, checkpoints: checkpoints.sort((a, b) => a.worker - b.worker) };
    });
  } catch {
    return null;
  }
}

/** Bytes of the stored checkpoints, and whether a comparison is stored. */
export async function comparisonUsage(): Promise<{ stored: boolean; bytes: number }> {
  const saved = await loadComparison();
  if (saved === null) return { stored: false, bytes: 0 };
  const bytes = saved.checkpoints.reduce((a, ck) => a + ck.groups.reduce((b, g) => b + g.bytes.byteLength, 0), 0);
  return { stored: true, bytes: bytes + stateBytes(saved.state) };
}

/** About what the state's series take (8 bytes a number); the dataset view's thumbnails included. */
function stateBytes(state: UiState): number {
  const numbers = state.runs.reduce((a, r) => a + 3 * r.steps.length + 4 * r.evals.length + 7 * r.smoothness.length + (r.landscape2d?.rows.length ?? 0) ** 2, 0);
  const pixels = state.dataset ? state.dataset.samples.reduce((a, s) => a + s.pixels.length, 0) + state.dataset.pairs.reduce((a, p) => a + p.pixels.length, 0) : 0;
  return numbers * 8 + pixels * 4;
}
