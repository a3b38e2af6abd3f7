/**
 * The one store of the page (useSyncExternalStore). Worker messages are queued and applied at
 * most once per animation frame, so a burst of stats costs one render; form edits apply at once.
 */
import { useSyncExternalStore } from 'react';
import type { FromWorker } from '../../worker/protocol';
import type { FormState } from './form';
import type { UiState } from './state';
import { initialState, reduce, startSession } from './state';

/** requestAnimationFrame, injectable so tests run in Node. */
export type Scheduler = (flush: () => void) => void;

const nextFrame: Scheduler = (flush) => requestAnimationFrame(flush);

export class Store {
  private state: UiState;
  private queue: FromWorker[] = [];
  private scheduled = false;
  private readonly listeners = new Set<() => void>();

  constructor(form: FormState, private readonly schedule: Scheduler = nextFrame) {
    this.state = initialState(form);
  }

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

  /** A new session: the series of the old one and its queued messages are dropped. */
  start(runId: number, session: string): void {
    this.queue = [];
    this.set(startSession(this.state, runId, session));
  }

  /** Queues a worker message; the reducer drops those of other sessions. */
  dispatch(msg: FromWorker): void {
    this.queue.push(msg);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => {
      this.scheduled = false;
      const batch = this.queue;
      this.queue = [];
      this.set(batch.reduce(reduce, this.state));
    });
  }

  editForm(change: (form: FormState) => FormState): void {
    this.set({ ...this.state, form: change(this.state.form) });
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
