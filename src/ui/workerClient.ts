/**
 * The page's one training worker. Each init starts a new session with a new runId; messages of
 * older sessions are dropped here (and by the reducer), so a Reset never mixes series.
 */
import type { ExperimentConfig } from '../core/config';
import type { BackendChoice, FromWorker, ToWorker } from '../worker/protocol';
import type { Store } from './store/store';

export class WorkerClient {
  private readonly worker: Worker;
  private runId = 0;

  constructor(private readonly store: Store) {
    this.worker = new Worker(new URL('../worker/training.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
      if (e.data.runId === this.runId) this.store.receive(e.data);
    };
    this.worker.onerror = (e) => this.store.addError(`The training worker failed: ${e.message}`);
  }

  private send(msg: ToWorker): void {
    this.worker.postMessage(msg);
  }

  init(config: ExperimentConfig, backend: BackendChoice): void {
    this.runId += 1;
    this.store.start(this.runId);
    this.send({ type: 'init', runId: this.runId, config, backend });
  }

  play(): void {
    this.send({ type: 'play', runId: this.runId });
  }

  pause(): void {
    this.send({ type: 'pause', runId: this.runId });
  }

  step(): void {
    this.send({ type: 'step', runId: this.runId });
  }

  landscape(dims: 1 | 2): void {
    this.send({ type: 'landscape', runId: this.runId, dims });
  }

  get hasSession(): boolean {
    return this.runId > 0;
  }

  dispose(): void {
    this.worker.terminate();
  }
}
