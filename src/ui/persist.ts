/**
 * Keeps the current comparison in IndexedDB as it streams (storage/comparisonStore.ts), under
 * the key of this tab's comparison (comparisonKey.ts; a new one for each comparison started or
 * restored, so another tab's saves never land in it). Each checkpoint a worker sends is saved
 * together with the page state of the same applied batch, which holds every loss point before it
 * (a worker flushes before it checkpoints), and with every other worker's latest checkpoint, kept
 * here so that a save never reads the record back; while nothing trains, the state is saved at
 * most every SAVE_MS (slices and probes taken while paused). Saves run
 * one after another, so an older state never overwrites a newer one. A failed save is reported
 * once per comparison; training goes on. When the page is hidden, a state waiting for its timer is
 * saved at once (flushNow).
 */
import type { SavedComparison, SavedSetup } from './storage/comparisonStore';
import { adoptComparison, pruneComparisons, removeComparison, saveComparison } from './storage/comparisonStore';
import { holdComparison, newComparisonKey, rememberTabComparison } from './comparisonKey';
import type { FromWorker, WorkerCheckpoint } from '../worker/protocol';
import type { UiState } from './store/state';
import type { Store } from './store/store';

export const SAVE_MS = 2000;

export class Persister {
  private setup: SavedSetup | null = null;
  /** The stored comparison this page writes: null until it starts or restores one. */
  private key: string | null = null;
  /** Releases the Web Lock that tells other tabs this page keeps `key` open. */
  private release: () => void = () => undefined;
  private sessionId = -1;
  /** Each worker's latest checkpoint for the comparison under `key`, by worker. */
  private checkpoints = new Map<number, WorkerCheckpoint>();
  private chain: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private latest: UiState | null = null;
  private failed = false;
  private readonly unsubscribe: () => void;

  constructor(
    store: Store,
    private readonly report: (message: string) => void,
  ) {
    this.unsubscribe = store.onApplied((state, batch) => this.applied(state, batch));
  }

  /**
   * A new comparison (`from` null) replaces the one this page was keeping, and drops the oldest
   * others beyond MAX_KEPT; a restored one moves from its stored key to this tab's, checkpoints
   * and all, so what a second tab restores is its own from then on.
   */
  begin(setup: SavedSetup, sessionId: number, from: { key: string; saved: SavedComparison } | null): void {
    const previous = this.key;
    const key = newComparisonKey();
    this.key = key;
    this.release();
    this.release = holdComparison(key);
    this.setup = setup;
    this.sessionId = sessionId;
    this.failed = false;
    this.checkpoints = new Map((from?.saved.checkpoints ?? []).map((ck) => [ck.worker, ck]));
    this.cancelTimer();
    rememberTabComparison(key);
    this.enqueue(async () => {
      if (previous !== null && previous !== from?.key) await removeComparison(previous);
      if (from === null) await pruneComparisons(key);
      else await adoptComparison(key, from.key, from.saved);
    });
  }

  /** The page is being hidden or closed: a state waiting for its timer is saved now (best effort). */
  flushNow(): void {
    if (this.timer === null) return;
    this.cancelTimer();
    if (this.latest !== null) this.save(this.latest);
  }

  /**
   * Stops saving (the page goes away, or the stored data is being cleared on purpose); resolves
   * once the saves already under way are written, so a clear that follows is not undone by them.
   */
  stop(): Promise<void> {
    this.setup = null;
    this.cancelTimer();
    return this.chain;
  }

  dispose(): void {
    void this.stop();
    this.release();
    this.unsubscribe();
  }

  private applied(state: UiState, batch: readonly FromWorker[]): void {
    if (this.setup === null || state.sessionId !== this.sessionId) return;
    const checkpoints = batch.flatMap((m): WorkerCheckpoint[] =>
      m.type === 'checkpoint' && m.sessionId === this.sessionId ? [m.checkpoint] : [],
    );
    if (checkpoints.length > 0) {
      for (const ck of checkpoints) this.checkpoints.set(ck.worker, ck);
      this.cancelTimer();
      this.save(state);
      return;
    }
    // While training, a state saved between checkpoints would be cut back to the last checkpoint
    // on restore anyway: saving it would only cost the main thread a structured clone.
    if (state.playing) return;
    this.latest = state;
    this.timer ??= setTimeout(() => {
      this.timer = null;
      if (this.latest !== null) this.save(this.latest);
    }, SAVE_MS);
  }

  private save(state: UiState): void {
    const { setup, key } = this;
    if (setup === null || key === null) return;
    this.latest = null;
    const checkpoints = [...this.checkpoints.values()].sort((a, b) => a.worker - b.worker);
    this.enqueue(() => saveComparison(key, setup, state, checkpoints));
  }

  private enqueue(work: () => Promise<void>): void {
    this.chain = this.chain.then(work).catch((e: unknown) => {
      if (this.failed) return;
      this.failed = true;
      this.report(
        `This comparison cannot be kept in the browser (${e instanceof Error ? e.message : String(e)}): a reload will not restore it. Training goes on.`,
      );
    });
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Resolves once every save asked for so far has been written (for tests and the e2e hooks). */
  settled(): Promise<void> {
    return this.chain;
  }
}
