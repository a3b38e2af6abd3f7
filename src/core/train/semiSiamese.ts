/**
 * SST and MASST (docs/method.md §4–5): a probe trained by SGD and K gallery agents (K = 1 is SST),
 * rotated in as k = t mod K, each a weight EMA of the probe run with batch-statistics BN and no
 * gradients; prototype queue(s) of stop-gradient gallery features; the symmetric SST loss.
 */
import type { MasstConfig, RunSpec } from '../config';
import { forward } from '../model/forward';
import type { ProbeObjective } from '../analysis/objective';
import { globalNorm } from '../analysis/globalNorm';
import type { Net } from '../model/net';
import type { Rng } from '../rng';
import { restoreRng } from '../rng';
import type { SemiSiameseState, TrainerState } from './checkpoint';
import * as tf from '../tf';
import { AgentStack } from './agents';
import { SgdMomentum } from './optimizer';
import { PrototypeQueue } from './queue';
import type { PairBatch } from './sampler';
import { sstLoss } from './sstLoss';
import type { SlowStepTrace } from './trace';
import { logitRow, meanCrossEntropy, rowCos, SHOWN_ROWS } from './trace';
import type { Trainer, TrainerContext } from './trainer';
import { embedViews, gatherViewImages, gatherViews } from './trainer';

/** The tensors of one iteration a trace reads (trace.ts), kept past the step's tidy. */
interface Kept {
  p1?: tf.Tensor;
  p2?: tf.Tensor;
  g1?: tf.Tensor;
  g2?: tf.Tensor;
  logits1?: tf.Tensor;
  logits2?: tf.Tensor;
  gradNorm?: tf.Tensor;
  updateNorm?: tf.Tensor;
  /** ‖Δθ‖ of each agent the EMA updated, [updated]. */
  emaChange?: tf.Tensor;
}

export interface SemiSiameseOptions {
  spec: RunSpec;
  masst: MasstConfig;
  alpha: number;
  queueSize: number;
  /** Draws the fair coin that picks which view's gallery features are enqueued. */
  enqueueRng: Rng;
  /** Draws the queues' random initial unit vectors. */
  queueRng: Rng;
}

export class SemiSiameseTrainer implements Trainer {
  readonly spec: RunSpec;
  readonly agents: AgentStack;
  /** One shared queue, or one per agent (queueMode 'perAgent'). */
  readonly queues: PrototypeQueue[];
  /** Agent paired with the probe in the last step (k = t mod K); −1 before the first. */
  lastActive = -1;
  /** Batch identities that were already in the queue they were scored against, over all steps. */
  collisions = 0;
  /** Which view's gallery features the last step enqueued (a fair coin each step). */
  private lastEnqueued: 1 | 2 = 1;
  private readonly optimizer: SgdMomentum;
  private enqueueRng: Rng;
  private t = 0;

  constructor(
    readonly probe: Net,
    private readonly ctx: TrainerContext,
    options: SemiSiameseOptions,
  ) {
    this.spec = options.spec;
    const k = options.spec.method === 'sst' ? 1 : options.spec.agents;
    this.agents = new AgentStack(probe, k, options.masst, options.alpha);
    const queueCount = options.masst.queueMode === 'perAgent' ? k : 1;
    this.queues = Array.from(
      { length: queueCount },
      () => new PrototypeQueue(options.queueSize, probe.arch.embedDim, options.queueRng),
    );
    this.optimizer = new SgdMomentum(probe.weights, ctx.optim.momentum, ctx.optim.weightDecay);
    this.enqueueRng = options.enqueueRng;
  }

  get steps(): number {
    return this.t;
  }

  /** The queue agent k reads and writes. */
  queueFor(k: number): PrototypeQueue {
    return this.queues[this.queues.length === 1 ? 0 : k] as PrototypeQueue;
  }

  step(batch: PairBatch, lr: number): tf.Scalar {
    return this.iterate(batch, lr, null);
  }

  /**
   * The same iteration as step() (the same kernels on the same inputs, the same state changes),
   * with its intermediate tensors kept and read back into a SlowStepTrace. Reading them changes
   * nothing: the next steps are those of a run that never stepped slowly (trace.test.ts).
   */
  async stepTraced(batch: PairBatch, lr: number): Promise<{ loss: number; trace: SlowStepTrace }> {
    const k = this.agents.activeIndex(this.t);
    const queue = this.queueFor(k);
    const pointer = queue.pointer;
    const replaced = Array.from(queue.slotIds.slice(pointer, pointer + batch.ids.length));
    const updated = this.agents.updatedAt(this.t);
    const kept: Kept = {};
    const lossTensor = this.iterate(batch, lr, kept);
    const step = this.t;
    try {
      const read = async (t: tf.Tensor | undefined): Promise<Float32Array> =>
        t ? ((await t.data()) as Float32Array) : new Float32Array();
      type Ten = [
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
        Float32Array,
      ];
      const [loss, p1, p2, g1, g2, l1, l2, gradNorm, updateNorm, emaChange] = (await Promise.all(
        [
          lossTensor,
          kept.p1,
          kept.p2,
          kept.g1,
          kept.g2,
          kept.logits1,
          kept.logits2,
          kept.gradNorm,
          kept.updateNorm,
          kept.emaChange,
        ].map(read),
      )) as Ten;
      const b = batch.ids.length;
      const d = this.probe.arch.embedDim;
      const c = queue.size;
      const rows = Math.min(SHOWN_ROWS, b);
      const shown = Array.from({ length: rows }, (_, i) => i);
      const targets = Array.from({ length: b }, (_, i) => i);
      const scale = this.ctx.loss.scale;
      // Columns: the batch's own slots [pointer, pointer + B), then the rest of the queue in order.
      const slotOf = (col: number): number => (col < b ? pointer + col : col - b < pointer ? col - b : col);
      return {
        loss: loss[0] as number,
        trace: {
          method: this.spec.method === 'sst' ? 'sst' : 'masst',
          step,
          lr,
          ids: shown.map((i) => batch.ids[i] as number),
          probe: { viewCos: shown.map((i) => rowCos(p1, p2, d, i)) },
          gallery: { agent: k, agents: this.agents.count, probeGalleryCos: shown.map((i) => rowCos(p1, g1, d, i)) },
          queue: { size: queue.size, pointer, batch: b, replacedIds: replaced },
          logits: {
            columns: 'queue slots',
            scale,
            rows: shown.map((i) => {
              const row = logitRow(l1, c, i, i, batch.ids[i] as number, rowCos(p1, g2, d, i), scale);
              return { ...row, bestOther: slotOf(row.bestOther) };
            }),
          },
          loss: {
            view1: meanCrossEntropy(l1, b, c, targets),
            view2: meanCrossEntropy(l2, b, c, targets),
            total: loss[0] as number,
          },
          gradient: { gradNorm: gradNorm[0] as number, updateNorm: updateNorm[0] as number },
          ema: updated.map((a, i) => ({
            agent: a,
            alpha: this.agents.alphas[a] as number,
            change: emaChange[i] as number,
          })),
          enqueue: { view: this.lastEnqueued, first: pointer, count: b, ids: Array.from(batch.ids) },
        },
      };
    } finally {
      tf.dispose([lossTensor, ...Object.values(kept)]);
    }
  }

  /** One iteration; with `keep`, the tensors a trace reads are kept there (the caller disposes them). */
  private iterate(batch: PairBatch, lr: number, keep: Kept | null): tf.Scalar {
    const k = this.agents.activeIndex(this.t);
    const agent = this.agents.prepare(this.t, this.probe);
    const queue = this.queueFor(k);
    const enqueueFirst = this.enqueueRng.chance(0.5);
    const queued = queue.idsInQueue();
    for (const id of batch.ids) if (queued.has(id)) this.collisions += 1;
    const loss = tf.tidy(() => {
      const views = gatherViewImages(this.ctx.images, batch);
      const [g1, g2] = embedViews(agent, views, 'batch', this.ctx.impl);
      const { value, grads } = tf.variableGrads(() => {
        const [p1, p2] = embedViews(this.probe, views, 'train', this.ctx.impl);
        const inputs = { p1, p2, g1, g2, queue: queue.features, pointer: queue.pointer };
        const out = sstLoss(inputs, this.ctx.loss);
        if (keep)
          Object.assign(keep, {
            p1: tf.keep(p1),
            p2: tf.keep(p2),
            logits1: tf.keep(out.logits1),
            logits2: tf.keep(out.logits2),
          });
        return out.loss;
      }, this.probe.weights);
      queue.enqueue(enqueueFirst ? g1 : g2, batch.ids, { step: this.t + 1, agent: k });
      const gradList = this.probe.weights.map((w) => grads[w.name] as tf.Tensor);
      const before = keep ? this.probe.weights.map((w) => tf.clone(w)) : [];
      this.optimizer.apply(gradList, lr);
      const updated = keep ? this.agents.updatedAt(this.t) : [];
      const agentsBefore = updated.map((a) => (this.agents.agents[a] as Net).weights.map((w) => tf.clone(w)));
      this.agents.update(this.t, this.probe);
      if (keep) {
        keep.g1 = tf.keep(g1);
        keep.g2 = tf.keep(g2);
        keep.gradNorm = tf.keep(globalNorm(gradList));
        keep.updateNorm = tf.keep(globalNorm(this.probe.weights, before));
        keep.emaChange = tf.keep(
          tf.stack(updated.map((a, i) => globalNorm((this.agents.agents[a] as Net).weights, agentsBefore[i]))),
        );
      }
      return value;
    });
    this.lastActive = k;
    this.lastEnqueued = enqueueFirst ? 1 : 2;
    this.t += 1;
    return loss;
  }

  objective(batch: PairBatch): ProbeObjective {
    const k = this.agents.activeIndex(this.t);
    const agent = this.agents.agents[k] as Net;
    const queue = this.queueFor(k);
    const pointer = queue.pointer;
    const frozen = tf.tidy(() => {
      const [x1, x2] = gatherViews(this.ctx.images, batch);
      const g1 = forward(agent, x1, 'batch', this.ctx.impl).embedding;
      const g2 = forward(agent, x2, 'batch', this.ctx.impl).embedding;
      return { x1, x2, g1, g2, queue: tf.clone(queue.features) };
    });
    return {
      weights: this.probe.weights,
      loss: () => {
        const p1 = forward(this.probe, frozen.x1, 'batch', this.ctx.impl).embedding;
        const p2 = forward(this.probe, frozen.x2, 'batch', this.ctx.impl).embedding;
        return sstLoss({ p1, p2, g1: frozen.g1, g2: frozen.g2, queue: frozen.queue, pointer }, this.ctx.loss).loss;
      },
      dispose: () => tf.dispose(Object.values(frozen)),
    };
  }

  async save(): Promise<SemiSiameseState> {
    const { agents, started } = await this.agents.save();
    return {
      kind: 'semiSiamese',
      steps: this.t,
      probe: await this.probe.snapshot(),
      momentum: await this.optimizer.save(),
      agents,
      started,
      lastActive: this.lastActive,
      queues: await Promise.all(this.queues.map((q) => q.state())),
      collisions: this.collisions,
      enqueueRng: this.enqueueRng.save(),
    };
  }

  load(state: TrainerState): void {
    if (state.kind !== 'semiSiamese')
      throw new Error(`checkpoint: a ${state.kind} state for a ${this.spec.method.toUpperCase()} run`);
    if (state.queues.length !== this.queues.length) {
      throw new Error(`checkpoint: ${state.queues.length} queues, the run has ${this.queues.length}`);
    }
    this.probe.load(state.probe, 'probe');
    this.optimizer.load(state.momentum);
    this.agents.load(state.agents, state.started);
    state.queues.forEach((q, i) => (this.queues[i] as PrototypeQueue).load(q));
    this.enqueueRng = restoreRng(state.enqueueRng);
    this.lastActive = state.lastActive;
    this.collisions = state.collisions;
    this.t = state.steps;
  }

  /** Disposes everything it holds, the probe included (the trainer owns it). */
  dispose(): void {
    this.probe.dispose();
    this.agents.dispose();
    for (const q of this.queues) q.dispose();
    this.optimizer.dispose();
  }
}
