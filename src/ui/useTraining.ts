/**
 * The page's handle on the training pool: one store, one worker pool and one persister for the
 * page's lifetime, and which setup (preset, config, seeds, backend, pool size) the current session
 * was started with, so Train after an edit starts a new session while Train after Pause resumes.
 * It does not subscribe to the store: each panel subscribes to the slice it shows
 * (store/select.ts), so the page itself does not render again with every batch.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { SavedComparison, SavedSetup } from './storage/comparisonStore';
import { Persister } from './persist';
import { Store } from './store/store';
import type { ProbeWeights } from '../worker/protocol';
import type { SessionData } from './pool/types';
import { WorkerPool } from './workerPool';
import type { SweepPool } from './sweep/sweepTrainer';
import type { UiState } from './store/state';

export type SessionSetup = SavedSetup;

export interface Training {
  /** The page's store, for the panels to subscribe to (useStoreSelector). */
  store: Store;
  /** A new session (all series cleared); `then` runs once it is built: play, one step, or nothing. */
  start(setup: SessionSetup, then: 'play' | 'step' | 'none'): void;
  /** The comparison stored under `key` again, its workers built from its checkpoints, paused; it becomes this tab's. */
  restore(saved: SavedComparison, key: string): void;
  isCurrent(setup: SessionSetup): boolean;
  play(): void;
  pause(): void;
  step(): void;
  landscape(dims: 1 | 2): void;
  /** One step of every run, `unit`'s traced stage by stage (Step slowly). */
  stepSlowly(unit: number): void;
  /** At most this many steps a second (null: full speed). */
  setSpeed(stepsPerSecond: number | null): void;
  dismissErrors(): void;
  /** The current session's config, seeds and faces, or null when none was started. */
  sessionData(): SessionData | null;
  /** A run's (unit's) probe weights now, from its worker; rejects with a message saying why not. */
  probeWeights(unit: number): Promise<ProbeWeights>;
  /** Stops keeping this comparison in the browser ("Clear stored data"). */
  forget(): Promise<void>;
  /** The page is being hidden or closed: checkpoint what trains and save what waits (best effort). */
  hidden(): void;
  /** The workers for a sweep (the Sweep section): each round ends the comparison's session, so Train starts a new one. */
  sweepPool: SweepPool;
  /** Shows a finished comparison (a sweep cell's stored runs) in the page's charts, paused; Train starts a new one. */
  show(state: UiState): void;
}

/** Runs shown with show() carry this sessionId: no worker session ever has it, so no message changes them. */
const SHOWN_SESSION_ID = -1;

/** A setup's identity: a folder counts by its listing hash (File handles have no JSON). */
function setupKey(setup: SessionSetup): string {
  return JSON.stringify({ ...setup, folder: setup.folder?.key ?? null });
}

/** `checkpointEvery`: steps between two periodic checkpoints (the page's checkpoint= setting, fixed for the page's lifetime). */
export function useTraining(checkpointEvery: number): Training {
  const store = useMemo(() => new Store(), []);
  const pool = useRef<WorkerPool | null>(null);
  const persister = useRef<Persister | null>(null);
  const session = useRef<string | null>(null);
  useEffect(() => {
    pool.current = new WorkerPool(store, checkpointEvery);
    persister.current = new Persister(store, (message) => store.addError(message));
    return () => {
      pool.current?.dispose();
      persister.current?.dispose();
      pool.current = null;
      persister.current = null;
      session.current = null;
    };
  }, [store, checkpointEvery]);
  // The same functions for the page's lifetime, so views that take them need not render again.
  const actions = useMemo(
    () => ({
      sweepPool: {
        resolveBackend: async (choice) => {
          const p = pool.current;
          if (!p) throw new Error('the page has no workers yet');
          session.current = null;
          return (await p.resolveBackend(choice)).backend;
        },
        trainJobs: (jobs, backend, sink) => {
          const p = pool.current;
          if (!p) throw new Error('the page has no workers yet');
          session.current = null;
          return p.trainJobs(jobs, backend, sink);
        },
        pause: () => pool.current?.pause(),
      } satisfies SweepPool,
      show: (state: UiState) => {
        // A comparison still training would go on unseen: it stops (a sweep's round goes on).
        if (pool.current?.sweeping === false) pool.current.pause();
        session.current = null;
        store.restore(SHOWN_SESSION_ID, state);
      },
      play: () => pool.current?.play(),
      pause: () => pool.current?.pause(),
      step: () => pool.current?.step(),
      landscape: (dims: 1 | 2) => pool.current?.landscape(dims),
      stepSlowly: (unit: number) => pool.current?.stepSlowly(unit),
      setSpeed: (stepsPerSecond: number | null) => pool.current?.setSpeed(stepsPerSecond),
      dismissErrors: () => store.dismissErrors(),
      sessionData: () => pool.current?.sessionData() ?? null,
      probeWeights: (unit: number) =>
        pool.current?.probeWeights(unit) ?? Promise.reject(new Error('the page has no workers yet')),
      forget: () => persister.current?.stop() ?? Promise.resolve(),
      hidden: () => {
        persister.current?.flushNow();
        pool.current?.checkpointNow();
      },
    }),
    [store],
  );
  return {
    store,
    ...actions,
    start: (setup, then) => {
      const p = pool.current;
      if (!p) return;
      session.current = setupKey(setup);
      p.init(setup.config, setup.seeds, setup.backend, setup.workers, null, setup.folder ?? null);
      persister.current?.begin(setup, p.current, null);
      if (then === 'play') p.play();
      if (then === 'step') p.step();
    },
    restore: (saved, key) => {
      const p = pool.current;
      if (!p) return;
      session.current = setupKey(saved.setup);
      const s = saved.setup;
      p.init(
        s.config,
        s.seeds,
        s.backend,
        s.workers,
        { state: saved.state, checkpoints: saved.checkpoints },
        s.folder ?? null,
      );
      persister.current?.begin(s, p.current, { key, saved });
    },
    isCurrent: (setup) => session.current === setupKey(setup) && store.get().phase !== 'idle',
  };
}
