/**
 * Messages between the runner's main thread and its worker_threads (one job at a time per
 * worker). A job either makes the dataset of a seed (loaded from the disk cache or generated and
 * stored there) and hands it back as one serialized buffer, or trains a one-run comparison on a
 * dataset the main thread shares with every worker as a SharedArrayBuffer.
 */
import type { FacesSource } from '../facesNode';
import type { DataConfig, ExperimentConfig } from '../../core/config';
import type { ComparisonCheckpoint } from '../../core/train/checkpoint';
import type { NodeBackend } from '../backend-node';
import type { CheckpointPaths } from '../checkpointFiles';
import type { RunResult, SeedResult } from '../../core/results/resultsFile';

export interface RunWorkerData {
  backend: NodeBackend;
  /**
   * The pool's stop flag (one element, shared by every worker): 1 = end the training job before
   * its next step and send what it has as 'trained'. Shared memory, not a message, because a
   * training loop on cpu or wasm awaits only microtasks and would never receive one.
   */
  stop: Int32Array;
}

export interface TrainJob {
  type: 'train';
  job: number;
  config: ExperimentConfig;
  dataset: SharedArrayBuffer;
  /**
   * Where the run's checkpoint and record go and the steps between periodic ones (0 = only on a
   * stop and at the end); null = none. The worker writes them itself: the bytes (megabytes for a
   * MASST run) stay in the thread that made them, and its 'trained' message follows its last
   * write, so once every job has answered a stop, every checkpoint is on disk.
   */
  checkpoints: { paths: CheckpointPaths; every: number } | null;
  /** Continue from this checkpoint with the run's record up to its step; null = from step 0. */
  from: { checkpoint: ComparisonCheckpoint; run: RunResult } | null;
}

export type ToRunWorker =
  /** `faces`: cut the seed's dataset from this folder (facesNode.ts) instead of generating it. */
  { type: 'dataset'; job: number; seed: number; data: DataConfig; faces: FacesSource | null } | TrainJob;

export type FromRunWorker =
  /** The worker's backend is up; `backend` is what tfjs really runs. */
  | { type: 'ready'; backend: string }
  | { type: 'progress'; job: number; done: number; total: number; loss: number | null }
  /** The serialized dataset (cache.ts layout), transferred. */
  | { type: 'dataset'; job: number; bytes: ArrayBuffer; generated: boolean }
  /** Something the user should know that does not stop the job: a checkpoint that could not be written. */
  | { type: 'warning'; job: number; message: string }
  /** A finished run, or one the stop flag ended (its runs marked `interrupted`). */
  | { type: 'trained'; job: number; result: SeedResult }
  | { type: 'error'; job: number | null; message: string };
