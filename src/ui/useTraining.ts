/**
 * The page's handle on the training worker: one store and one worker client for the page's
 * lifetime, and which (config, backend) the current session was started with, so Train after an
 * edit starts a new session while Train after Pause resumes.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { ExperimentConfig } from '../core/config';
import type { BackendChoice } from '../worker/protocol';
import { Store, useStore } from './store/store';
import type { UiState } from './store/state';
import { WorkerClient } from './workerClient';

export interface Training {
  state: UiState;
  /** A new session (all series cleared); `then` runs once it is built: play, one step, or nothing. */
  start(config: ExperimentConfig, backend: BackendChoice, then: 'play' | 'step' | 'none'): void;
  isCurrent(config: ExperimentConfig, backend: string): boolean;
  play(): void;
  pause(): void;
  step(): void;
  landscape(dims: 1 | 2): void;
  dismissErrors(): void;
}

export function useTraining(): Training {
  const store = useMemo(() => new Store(), []);
  const client = useRef<WorkerClient | null>(null);
  const session = useRef<string | null>(null);
  useEffect(() => {
    client.current = new WorkerClient(store);
    return () => {
      client.current?.dispose();
      client.current = null;
      session.current = null;
    };
  }, [store]);
  const state = useStore(store);
  return {
    state,
    start: (config, backend, then) => {
      session.current = JSON.stringify([config, backend]);
      client.current?.init(config, backend);
      if (then === 'play') client.current?.play();
      if (then === 'step') client.current?.step();
    },
    isCurrent: (config, backend) => session.current === JSON.stringify([config, backend]) && state.phase !== 'idle',
    play: () => client.current?.play(),
    pause: () => client.current?.pause(),
    step: () => client.current?.step(),
    landscape: (dims) => client.current?.landscape(dims),
    dismissErrors: () => store.dismissErrors(),
  };
}
