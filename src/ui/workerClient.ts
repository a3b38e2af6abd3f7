/**
 * The page's one training worker. Each init starts a new session with a new runId; messages of
 * older sessions are dropped here (and again by the reducer, for those already queued), so a
 * Reset never mixes series.
 */
import type { FromWorker, ToWorker } from '../worker/protocol';
import type { FormState } from './store/form';
import { sessionKey } from './store/form';
import type { Store } from './store/store';

/** The part of a Worker the client uses, so tests can pass a fake. */
export interface WorkerPort {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

function createWorker(): WorkerPort {
  // Vite bundles the worker from this exact `new Worker(new URL(…), { type: 'module' })` form.
  return new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
}

export class WorkerClient {
  private runId = 0;

  constructor(
    private readonly store: Store,
    private readonly worker: WorkerPort = createWorker(),
  ) {
    this.worker.onmessage = (e) => {
      if (e.data.runId === this.runId) this.store.dispatch(e.data);
    };
    this.worker.onerror = (e) => this.store.addError(`The training worker failed: ${e.message || 'it could not be loaded'}.`);
  }

  /** A new session with the form's config and backend; the worker starts it paused. */
  init(form: FormState): void {
    this.runId += 1;
    this.store.start(this.runId, sessionKey(form));
    this.worker.postMessage({ type: 'init', runId: this.runId, config: form.config, backend: form.backend });
  }

  play(): void {
    this.worker.postMessage({ type: 'play', runId: this.runId });
  }

  pause(): void {
    this.worker.postMessage({ type: 'pause', runId: this.runId });
  }

  step(): void {
    this.worker.postMessage({ type: 'step', runId: this.runId });
  }

  landscape(dims: 1 | 2): void {
    this.worker.postMessage({ type: 'landscape', runId: this.runId, dims });
  }

  dispose(): void {
    this.worker.onmessage = null;
    this.worker.onerror = null;
    this.worker.terminate();
  }
}
