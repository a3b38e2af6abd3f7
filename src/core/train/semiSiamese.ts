/**
 * SST and MASST (MASST_SPEC §4–5): a probe trained by SGD and K gallery agents (K = 1 is SST),
 * rotated in as k = t mod K, each a weight EMA of the probe run with batch-statistics BN and no
 * gradients; prototype queue(s) of stop-gradient gallery features; the symmetric SST loss.
 */
import type { MasstConfig, RunSpec } from '../config';
import { forward } from '../model/forward';
import type { Net } from '../model/net';
import type { ProbeObjective } from '../analysis/objective';
import type { Rng } from '../rng';
import { restoreRng } from '../rng';
import type { SemiSiameseState, TrainerState } from './checkpoint';
import * as tf from '../tf';
import { AgentStack } from './agents';
import { SgdMomentum } from './optimizer';
import { PrototypeQueue } from './queue';
import type { PairBatch } from './sampler';
import { sstLoss } from './sstLoss';
import type { Trainer, TrainerContext } from './trainer';
import { gatherViews, probeViews } from './trainer';

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
    const k = this.agents.activeIndex(this.t);
    const agent = this.agents.prepare(this.t, this.probe);
    const queue = this.queueFor(k);
    const enqueueFirst = this.enqueueRng.chance(0.5);
    const loss = tf.tidy(() => {
      const [x1, x2] = gatherViews(this.ctx.images, batch);
      const g1 = forward(agent, x1, 'batch', this.ctx.impl).embedding;
      const g2 = forward(agent, x2, 'batch', this.ctx.impl).embedding;
      const { value, grads } = tf.variableGrads(() => {
        const [p1, p2] = probeViews(this.probe, x1, x2, this.ctx.impl);
        const inputs = { p1, p2, g1, g2, queue: queue.features, pointer: queue.pointer };
        return sstLoss(inputs, this.ctx.loss).loss;
      }, this.probe.weights);
      queue.enqueue(enqueueFirst ? g1 : g2, batch.ids);
      this.optimizer.apply(this.probe.weights.map((w) => grads[w.name] as tf.Tensor), lr);
      this.agents.update(this.t, this.probe);
      return value;
    });
    this.lastActive = k;
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
      enqueueRng: this.enqueueRng.save(),
    };
  }

  load(state: TrainerState): void {
    if (state.kind !== 'semiSiamese') throw new Error(`checkpoint: a ${state.kind} state for a ${this.spec.method.toUpperCase()} run`);
    if (state.queues.length !== this.queues.length) {
      throw new Error(`checkpoint: ${state.queues.length} queues, the run has ${this.queues.length}`);
    }
    this.probe.load(state.probe, 'probe');
    this.optimizer.load(state.momentum);
    this.agents.load(state.agents, state.started);
    state.queues.forEach((q, i) => (this.queues[i] as PrototypeQueue).load(q));
    this.enqueueRng = restoreRng(state.enqueueRng);
    this.lastActive = state.lastActive;
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
