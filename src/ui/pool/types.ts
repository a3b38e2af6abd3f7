/** What the page's worker pool (ui/workerPool.ts) is given and gives back, apart from the worker protocol. */
import type { ExperimentConfig } from '../../core/config';
import type { FolderSource } from '../../core/faces/source';
import type { FromWorker, WorkerCheckpoint } from '../../worker/protocol';
import type { UiState } from '../store/state';

/** A saved comparison to continue: its state is cut back to the checkpoints' steps (store/restore.ts). */
export interface Resume {
  state: UiState;
  checkpoints: WorkerCheckpoint[];
}

/** One job of a sweep's round: one run (`config.runs` is its one method) on one seed, in a worker of its own. */
export interface PoolJob {
  config: ExperimentConfig;
  seed: number;
}

/** Where a sweep's round sends its workers' messages instead of the page's comparison store. */
export interface RoundSink {
  receive(msg: FromWorker): void;
  /** The pool was taken for something else (a comparison, another round) before the round ended. */
  interrupted(): void;
}

/** What the current session trains, and the faces its workers made so far, for the PyTorch export. */
export interface SessionData {
  config: ExperimentConfig;
  seeds: readonly number[];
  /** Each seed's serialized faces (core/data/cache.ts layout), as its maker posted them. */
  faces: ReadonlyMap<number, ArrayBuffer>;
  /** "Your faces": the folder the session trains on; null: synthetic faces. */
  folder: FolderSource | null;
}
