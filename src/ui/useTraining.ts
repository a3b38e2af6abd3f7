/**
 * The page's handle on the training pool: one store and one worker pool for the page's lifetime,
 * and which (config, seeds, backend, pool size) the current session was started with, so Train
 * after an edit starts a new session while Train after Pause resumes. It does not subscribe to the
 * store: each panel subscribes to the slice it shows (store/select.ts), so the page itself does
 * not render again with every batch.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ExperimentConfig } from '../core/config';
import type { BackendChoice } from '../worker/protocol';
import { Store } from './store/store';
import { WorkerPool } from './workerPool';

export interface SessionSetup {
  config: ExperimentConfig;
  seeds: number[];
  backend: BackendChoice;
  workers: number;
}

export interface Training {
  /** The page's store, for the panels to subscribe to (useStoreSelector). */
  store: Store;
  /** A new session (all series cleared); `then` runs once it is built: play, one step, or nothing. */
  start(setup: SessionSetup, then: 'play' | 'step' | 'none'): void;
  isCurrent(setup: SessionSetup): boolean;
  play(): void;
  pause(): void;
  step(): void;
  landscape(dims: 1 | 2): void;
  dismissErrors(): void;
}

export function useTraining(): Training {
  const store = useMemo(() => new Store(), []);
  const pool = useRef<WorkerPool | null>(null);
  const session = useRef<string | null>(null);
  useEffect(() => {
    pool.current = new WorkerPool(store);
    return () => {
      pool.current?.dispose();
      pool.current = null;
      session.current = null;
    };
  }, [store]);
  // The same functions for the page's lifetime, so views that take them need not render again.
  const actions = useMemo(() => ({
    play: () => pool.current?.play(),
    pause: () => pool.current?.pause(),
    step: () => pool.current?.step(),
    landscape: (dims: 1 | 2) => pool.current?.landscape(dims),
    dismissErrors: () => store.dismissErrors(),
  }), [store]);
  return {
    store,
    ...actions,
    start: (setup, then) => {
      session.current = JSON.stringify(setup);
      pool.current?.init(setup.config, setup.seeds, setup.backend, setup.workers);
      if (then === 'play') pool.current?.play();
      if (then === 'step') pool.current?.step();
    },
    isCurrent: (setup) => session.current === JSON.stringify(setup) && store.get().phase !== 'idle',
  };
}
