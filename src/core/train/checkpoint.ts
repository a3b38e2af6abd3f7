/**
 * What a checkpoint of a comparison holds: for every run everything its next step reads (probe
 * weights and BN statistics, momentum buffers, the FC head or the agents, queues and their slot
 * owners, the sampler's epoch order and position, every random stream) and the lock-step clock.
 * Restored into a comparison built from the same config and dataset, the runs continue with the
 * exact numbers they would have had (comparison.test.ts checks it bit for bit on cpu).
 * Plain data with typed arrays: structured-clonable (IndexedDB, postMessage) and packed to bytes
 * by checkpointCodec.ts.
 */
import type { RngState } from '../rng';
import * as tf from '../tf';

/** Bumped whenever the layout below changes (kept in checkpointVersion.ts, which imports no tfjs). */
export { CHECKPOINT_VERSION } from './checkpointVersion';

export interface NetState {
  /** One array per parameter, in spec order. */
  weights: Float32Array[];
  /** Running mean then variance of each BN layer, in layer order. */
  bn: Float32Array[];
}

export interface QueueState {
  /** [Q, D] row-major. */
  features: Float32Array;
  /** [Q] */
  slotIds: Int32Array;
  pointer: number;
  /** [Q] each: the step and agent that wrote each slot (queue view only). */
  writtenAt: Int32Array;
  writer: Int32Array;
}

export interface SamplerState {
  /** The current epoch's identity order and the position in it. */
  order: Int32Array;
  cursor: number;
  epoch: number;
  /** Identities of the last queueBatches batches, oldest first. */
  recent: Int32Array[];
  rng: RngState;
}

export interface ConventionalState {
  kind: 'conventional';
  steps: number;
  probe: NetState;
  /** [D, trainIds] */
  head: Float32Array;
  /** Momentum buffers of the probe weights then the head. */
  momentum: Float32Array[];
}

export interface SemiSiameseState {
  kind: 'semiSiamese';
  steps: number;
  probe: NetState;
  momentum: Float32Array[];
  agents: NetState[];
  /** Whether each agent has taken its copy of the probe (staggered init). */
  started: boolean[];
  lastActive: number;
  queues: QueueState[];
  /** Batch identities found already in the queue, summed over the steps (the sampler keeps it 0). */
  collisions: number;
  enqueueRng: RngState;
}

export type TrainerState = ConventionalState | SemiSiameseState;

export interface RunCheckpoint {
  /** The run's label ("MASST K=4"), matched on restore. */
  label: string;
  trainer: TrainerState;
  sampler: SamplerState;
  /** Host time spent in this run's steps so far, ms. */
  stepMs: number;
}

export interface ComparisonCheckpoint {
  version: number;
  seed: number;
  /** Lock-step iterations taken (the schedule's clock). */
  step: number;
  runs: RunCheckpoint[];
}

/** Copies `values` into `v` after checking the size; `what` names it in the error. */
export function assignValues(v: tf.Variable, values: Float32Array, what: string): void {
  if (values.length !== v.size) {
    throw new Error(
      `checkpoint: ${what} has ${values.length} values, the model needs ${v.size} (shape ${JSON.stringify(v.shape)})`,
    );
  }
  tf.tidy(() => v.assign(tf.tensor(values, v.shape, 'float32')));
}

export async function readVariables(vs: readonly tf.Variable[]): Promise<Float32Array[]> {
  return Promise.all(vs.map(async (v) => (await v.data()) as Float32Array));
}

export function assignAll(vs: readonly tf.Variable[], values: readonly Float32Array[], what: string): void {
  if (values.length !== vs.length)
    throw new Error(`checkpoint: ${values.length} arrays of ${what}, the model has ${vs.length}`);
  vs.forEach((v, i) => assignValues(v, values[i] as Float32Array, `${what} ${i}`));
}
