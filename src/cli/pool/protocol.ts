/**
 * Messages between the runner's main thread and its worker_threads (one job at a time per
 * worker). A job either makes the dataset of a seed (loaded from the disk cache or generated and
 * stored there) and hands it back as one serialized buffer, or trains a one-run comparison on a
 * dataset the main thread shares with every worker as a SharedArrayBuffer.
 */
import type { DataConfig, ExperimentConfig } from '../../core/config';
import type { NodeBackend } from '../backend-node';
import type { SeedResult } from '../trainRuns';

export interface RunWorkerData {
  backend: NodeBackend;
  /**
   * The pool's stop flag (one element, shared by every worker): 1 = end the training job before
   * its next step and send what it has as 'trained'. Shared memory, not a message, because a
   * training loop on cpu or wasm awaits only microtasks and would never receive one.
   */
  stop: Int32Array;
}

export type ToRunWorker =
  | { type: 'dataset'; job: number; seed: number; data: DataConfig }
  | { type: 'train'; job: number; config: ExperimentConfig; dataset: SharedArrayBuffer };

export type FromRunWorker =
  /** The worker's backend is up; `backend` is what tfjs really runs. */
  | { type: 'ready'; backend: string }
  | { type: 'progress'; job: number; done: number; total: number; loss: number | null }
  /** The serialized dataset (cache.ts layout), transferred. */
  | { type: 'dataset'; job: number; bytes: ArrayBuffer; generated: boolean }
  /** A finished run, or one the stop flag ended (its runs marked `interrupted`). */
  | { type: 'trained'; job: number; result: SeedResult }
  | { type: 'error'; job: number | null; message: string };
