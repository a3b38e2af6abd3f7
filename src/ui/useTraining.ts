/**
 * The page's handle on training: one store and one worker client for the page's lifetime, the
 * form mirrored into the URL, and the run controls' rules. Train after Pause resumes the session;
 * Train after an edit starts a new one (the old series belong to the old config).
 */
import { useEffect, useRef, useState } from 'react';
import type { FormState } from './store/form';
import { formFromUrl, formSearch, sessionKey, withNextSeed } from './store/form';
import type { UiState } from './store/state';
import { Store, useStore } from './store/store';
import { WorkerClient } from './workerClient';

export interface Training {
  state: UiState;
  /** Resume, or start a new session and play. */
  train(): void;
  pause(): void;
  /** One lock-step iteration (paused only); starts a session first if needed. */
  step(): void;
  /** A new session with the form's config (same seed): every series cleared, paused. */
  reset(): void;
  /** seed + 1, and a reset if a session was running. */
  newSeed(): void;
  landscape(dims: 1 | 2): void;
  edit(change: (form: FormState) => FormState): void;
  dismissAlerts(): void;
}

export function useTraining(): Training {
  const [store] = useState(() => new Store(formFromUrl(window.location.search)));
  const client = useRef<WorkerClient | null>(null);
  useEffect(() => {
    client.current = new WorkerClient(store);
    return () => {
      client.current?.dispose();
      client.current = null;
    };
  }, [store]);
  const state = useStore(store);
  useEffect(() => window.history.replaceState(null, '', formSearch(state.form)), [state.form]);

  /** The current session if it still matches the form, else a new one (null: the form is invalid). */
  const session = (): WorkerClient | null => {
    const s = store.get();
    const c = client.current;
    if (!c || s.form.issues.length > 0) return null;
    if (s.session !== sessionKey(s.form) || s.phase === 'idle') c.init(s.form);
    return c;
  };

  return {
    state,
    train: () => session()?.play(),
    pause: () => client.current?.pause(),
    step: () => {
      if (!store.get().playing) session()?.step();
    },
    reset: () => {
      const s = store.get();
      if (s.form.issues.length === 0) client.current?.init(s.form);
    },
    newSeed: () => {
      const running = store.get().session !== null;
      store.editForm(withNextSeed);
      const s = store.get();
      if (running && s.form.issues.length === 0) client.current?.init(s.form);
    },
    landscape: (dims) => client.current?.landscape(dims),
    edit: (change) => store.editForm(change),
    dismissAlerts: () => {
      store.dismissErrors();
      store.editForm((f) => ({ ...f, urlProblems: [] }));
    },
  };
}
