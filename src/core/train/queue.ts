/**
 * The prototype queue (docs/method.md §4): a ring buffer of Q L2-normalised, stop-gradient gallery
 * features, one slot per identity, initialised with random unit vectors. Each enqueue writes B
 * rows at the pointer and advances it by B modulo Q. The slot owners stay on the host so the
 * sampler can exclude identities whose features sit in the queue.
 */
import type { Rng } from '../rng';
import * as tf from '../tf';
import type { QueueState } from './checkpoint';
import { assignValues } from './checkpoint';

/** Marks a slot still holding its random initial vector. */
export const EMPTY_SLOT = -1;

export class PrototypeQueue {
  /** [Q, D] */
  readonly features: tf.Variable<tf.Rank.R2>;
  /** Identity of each slot, [Q]; EMPTY_SLOT before the first write. */
  readonly slotIds: Int32Array;
  /** 1-based step that wrote each slot, [Q]; 0 before the first write (for the queue view). */
  readonly writtenAt: Int32Array;
  /** Agent whose gallery features each slot holds, [Q]; −1 before the first write. */
  readonly writer: Int8Array;
  private ptr = 0;

  constructor(
    readonly size: number,
    readonly dim: number,
    rng: Rng,
  ) {
    const init = new Float32Array(size * dim);
    for (let i = 0; i < size; i++) {
      let norm = 0;
      for (let j = 0; j < dim; j++) {
        const v = rng.normal();
        init[i * dim + j] = v;
        norm += v * v;
      }
      const inv = 1 / Math.sqrt(norm);
      for (let j = 0; j < dim; j++) init[i * dim + j] = (init[i * dim + j] as number) * inv;
    }
    this.features = tf.tidy(() => tf.variable(tf.tensor2d(init, [size, dim]), false));
    this.slotIds = new Int32Array(size).fill(EMPTY_SLOT);
    this.writtenAt = new Int32Array(size);
    this.writer = new Int8Array(size).fill(-1);
  }

  get pointer(): number {
    return this.ptr;
  }

  /**
   * Writes g [B, D] at the pointer for identities `ids` [B] and advances the pointer; `meta` says
   * which step and agent wrote them (shown by the queue view, no effect on training).
   */
  enqueue(g: tf.Tensor2D, ids: Int32Array, meta: { step: number; agent: number } = { step: 0, agent: -1 }): void {
    const b = g.shape[0];
    if (ids.length !== b) throw new Error(`enqueue: ${ids.length} ids for ${b} features`);
    if (this.size % b !== 0) throw new Error(`enqueue: batch ${b} does not divide queue size ${this.size}`);
    const p = this.ptr;
    tf.tidy(() => {
      const parts: tf.Tensor2D[] = [];
      if (p > 0) parts.push(tf.slice(this.features, [0, 0], [p, this.dim]));
      parts.push(tf.stopGradient(g));
      if (p + b < this.size) parts.push(tf.slice(this.features, [p + b, 0], [this.size - p - b, this.dim]));
      this.features.assign(parts.length === 1 ? (parts[0] as tf.Tensor2D) : tf.concat(parts, 0));
    });
    this.slotIds.set(ids, p);
    this.writtenAt.fill(meta.step, p, p + b);
    this.writer.fill(meta.agent, p, p + b);
    this.ptr = (p + b) % this.size;
  }

  /** Identities whose features sit in the queue now. */
  idsInQueue(): Set<number> {
    const ids = new Set<number>();
    for (const id of this.slotIds) if (id !== EMPTY_SLOT) ids.add(id);
    return ids;
  }

  /** Host copy of the state, for snapshots and bit-identity checks. */
  async state(): Promise<QueueState> {
    return {
      features: (await this.features.data()) as Float32Array,
      slotIds: this.slotIds.slice(),
      pointer: this.ptr,
      writtenAt: this.writtenAt.slice(),
      writer: Int32Array.from(this.writer),
    };
  }

  load(state: QueueState): void {
    if (
      state.slotIds.length !== this.size ||
      !Number.isInteger(state.pointer) ||
      state.pointer < 0 ||
      state.pointer >= this.size
    ) {
      throw new Error(
        `checkpoint: queue of ${state.slotIds.length} slots at pointer ${state.pointer}, the run's queue has ${this.size} slots`,
      );
    }
    assignValues(this.features, state.features, 'queue features');
    this.slotIds.set(state.slotIds);
    this.writtenAt.set(state.writtenAt);
    this.writer.set(state.writer);
    this.ptr = state.pointer;
  }

  dispose(): void {
    this.features.dispose();
  }
}
