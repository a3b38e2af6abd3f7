/**
 * The one store of the page; components subscribe to slices of it (select.ts). Worker messages are
 * queued (queue.ts) and applied in one batch at most every APPLY_MS: every worker of the pool
 * flushes ~10 times a second, and a render per flush would compete with the workers for the cores.
 */
import type { ExperimentConfig } from '../../core/config';
import type { FromWorker } from '../../worker/protocol';
import { enqueue, mustApplyNow } from './queue';
import type { UiState } from './state';
import { initialState, reduce, startSession } from './state';

/** Minimum time between two applied batches, ms (~4 renders a second while training). */
export const APPLY_MS = 250;

export class Store {
  private state: UiState = initialState;
  private queue: FromWorker[] = [];
  private pending: ReturnType<typeof setTimeout> | null = null;
  private lastApplied = -Infinity;
  private readonly listeners = new Set<() => void>();
  private readonly appliedListeners = new Set<(state: UiState, batch: readonly FromWorker[]) => void>();

  get = (): UiState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: UiState): void {
    if (next === this.state) return;
    this.state = next;
    for (const l of this.listeners) l();
  }

  /** A new session: the series of the old one are dropped. */
  start(sessionId: number, config: ExperimentConfig, seeds: readonly number[], workers: number): void {
    this.queue = [];
    this.set(startSession(sessionId, config, seeds, workers));
  }

  /** A restored session: its saved state (cut back to its checkpoints, store/restore.ts) under `sessionId`. */
  restore(sessionId: number, state: UiState): void {
    this.queue = [];
    this.set({ ...state, sessionId });
  }

  receive(msg: FromWorker): void {
    enqueue(this.queue, msg);
    // A queue the timer leaves waiting too long (a hidden tab's timers are throttled) is applied now.
    if (mustApplyNow(this.queue)) {
      if (this.pending !== null) clearTimeout(this.pending);
      this.applyQueue();
      return;
    }
    if (this.pending !== null) return;
    const wait = Math.max(0, this.lastApplied + APPLY_MS - performance.now());
    // A timer, not an animation frame: frames stop in a hidden tab, and the queue would grow.
    this.pending = setTimeout(() => this.applyQueue(), wait);
  }

  private applyQueue(): void {
    this.pending = null;
    this.lastApplied = performance.now();
    const batch = this.queue;
    this.queue = [];
    this.set(batch.reduce(reduce, this.state));
    for (const l of this.appliedListeners) l(this.state, batch);
  }

  /**
   * Called after each applied batch with the state and the messages it applied (in arrival order):
   * the persister saves a checkpoint together with the state that holds every point before it.
   */
  onApplied(listener: (state: UiState, batch: readonly FromWorker[]) => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  addError(message: string): void {
    this.set({ ...this.state, errors: [...this.state.errors, message] });
  }

  dismissErrors(): void {
    this.set({ ...this.state, errors: [] });
  }
}
