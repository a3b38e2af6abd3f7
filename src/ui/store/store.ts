/**
 * The one store of the page (useSyncExternalStore). Worker messages are queued and applied at
 * most once per animation frame, so a burst of stats costs one render.
 */
import { useSyncExternalStore } from 'react';
import type { ExperimentConfig } from '../../core/config';
import type { FromWorker } from '../../worker/protocol';
import type { UiState } from './state';
import { initialState, reduce, startSession } from './state';

export class Store {
  private state: UiState = initialState;
  private queue: FromWorker[] = [];
  private frame: number | null = null;
  private readonly listeners = new Set<() => void>();

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
  start(runId: number, config: ExperimentConfig, seeds: readonly number[], workers: number): void {
    this.queue = [];
    this.set(startSession(runId, config, seeds, workers));
  }

  receive(msg: FromWorker): void {
    this.queue.push(msg);
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = null;
      const batch = this.queue;
      this.queue = [];
      this.set(batch.reduce(reduce, this.state));
    });
  }

  addError(message: string): void {
    this.set({ ...this.state, errors: [...this.state.errors, message] });
  }

  dismissErrors(): void {
    this.set({ ...this.state, errors: [] });
  }
}

export function useStore(store: Store): UiState {
  return useSyncExternalStore(store.subscribe, store.get);
}
