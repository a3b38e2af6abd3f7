/**
 * The SST batch sampler (docs/method.md §4): B distinct identities per batch, two different images of
 * each (the same one twice if the identity has only one). Identities whose features sit in the
 * prototype queue at the end of an epoch are left out of the next epoch, so a sample is never
 * scored against a stale copy of itself as a negative.
 *
 * Every identity of every batch is enqueued, so the queue holds exactly the identities of the last
 * `queueBatches` batches (Q/B for one shared queue, K·Q/B for K per-agent queues). The sampler
 * therefore knows the queue's identities from its own history, and runs with the same horizon and
 * seed draw the same batches whatever they train (the lock-step comparison relies on this).
 * Drawing an ordered pair of distinct images uniformly is the reference's "pick two, swap with
 * p = 0.5".
 */
import type { Rng } from '../rng';
import { restoreRng } from '../rng';
import type { SamplerState } from './checkpoint';

export interface PairBatch {
  /** Training identity of each row, [B]. */
  ids: Int32Array;
  /** Index into the train ImageSet of view 1 and view 2, [B] each. */
  view1: Int32Array;
  view2: Int32Array;
  /** 0-based epoch this batch belongs to. */
  epoch: number;
}

/** Image indices per identity from the labels of an ImageSet. */
export function imagesById(labels: Int32Array, ids: number): Int32Array[] {
  const lists: number[][] = Array.from({ length: ids }, () => []);
  labels.forEach((id, i) => lists[id]?.push(i));
  return lists.map((l) => Int32Array.from(l));
}

export class PairSampler {
  private order: number[] = [];
  private cursor = 0;
  private epochIndex = -1;
  private readonly recent: Int32Array[] = [];

  constructor(
    private readonly images: readonly Int32Array[],
    private readonly batchSize: number,
    private readonly queueBatches: number,
    private rng: Rng,
  ) {
    const usable = images.length - queueBatches * batchSize;
    if (usable < batchSize) {
      throw new Error(
        `PairSampler: ${images.length} identities minus ${queueBatches * batchSize} queued leave fewer than one batch of ${batchSize}`,
      );
    }
    images.forEach((list, id) => {
      if (list.length === 0) throw new Error(`PairSampler: identity ${id} has no images`);
    });
  }

  get epoch(): number {
    return this.epochIndex;
  }

  /** Identities enqueued by the last `queueBatches` batches. */
  queuedIds(): Set<number> {
    const ids = new Set<number>();
    for (const batch of this.recent) for (const id of batch) ids.add(id);
    return ids;
  }

  save(): SamplerState {
    return {
      order: Int32Array.from(this.order),
      cursor: this.cursor,
      epoch: this.epochIndex,
      recent: this.recent.map((r) => r.slice()),
      rng: this.rng.save(),
    };
  }

  load(state: SamplerState): void {
    const ids = this.images.length;
    const bad = [...state.order, ...state.recent.flatMap((r) => [...r])].find(
      (id) => !Number.isInteger(id) || id < 0 || id >= ids,
    );
    if (
      bad !== undefined ||
      state.cursor < 0 ||
      state.cursor > state.order.length ||
      state.recent.length > this.queueBatches
    ) {
      throw new Error(
        `checkpoint: sampler state does not fit ${ids} identities and ${this.queueBatches} queued batches (identity ${bad}, cursor ${state.cursor})`,
      );
    }
    this.order = Array.from(state.order);
    this.cursor = state.cursor;
    this.epochIndex = state.epoch;
    this.recent.length = 0;
    this.recent.push(...state.recent.map((r) => r.slice()));
    this.rng = restoreRng(state.rng);
  }

  next(): PairBatch {
    if (this.epochIndex < 0 || this.cursor + this.batchSize > this.order.length) this.startEpoch();
    const b = this.batchSize;
    const ids = Int32Array.from(this.order.slice(this.cursor, this.cursor + b));
    this.cursor += b;
    const view1 = new Int32Array(b);
    const view2 = new Int32Array(b);
    ids.forEach((id, i) => {
      const list = this.images[id] as Int32Array;
      const first = this.rng.int(list.length);
      let second = first;
      if (list.length > 1) second = (first + 1 + this.rng.int(list.length - 1)) % list.length;
      view1[i] = list[first] as number;
      view2[i] = list[second] as number;
    });
    this.recent.push(ids);
    if (this.recent.length > this.queueBatches) this.recent.shift();
    return { ids, view1, view2, epoch: this.epochIndex };
  }

  private startEpoch(): void {
    const excluded = this.queuedIds();
    const ids: number[] = [];
    for (let id = 0; id < this.images.length; id++) if (!excluded.has(id)) ids.push(id);
    this.order = this.rng.shuffle(ids);
    this.cursor = 0;
    this.epochIndex += 1;
  }
}
