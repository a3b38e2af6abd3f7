/**
 * Conventional training (MASST_SPEC §2): probe → L2-normalised embedding → FC layer with one
 * L2-normalised weight column per training identity → margin logits → cross-entropy, on the same
 * two views per identity the SST runs see (loss averaged over the views).
 */
import type { RunSpec } from '../config';
import type { ProbeObjective } from '../analysis/objective';
import { forward } from '../model/forward';
import type { Net } from '../model/net';
import * as tf from '../tf';
import { crossEntropy, marginLogits } from './margin';
import { SgdMomentum } from './optimizer';
import type { ConventionalState, TrainerState } from './checkpoint';
import { assignValues } from './checkpoint';
import type { PairBatch } from './sampler';
import type { Trainer, TrainerContext } from './trainer';
import { gatherViews, probeViews } from './trainer';

export class ConventionalTrainer implements Trainer {
  readonly spec: RunSpec = { method: 'conventional', agents: 1 };
  /** FC weights, [D, trainIds]; columns are normalised in the forward pass. */
  readonly head: tf.Variable<tf.Rank.R2>;
  private readonly optimizer: SgdMomentum;
  private t = 0;

  constructor(
    readonly probe: Net,
    headInit: Float32Array,
    trainIds: number,
    private readonly ctx: TrainerContext,
  ) {
    const dim = probe.arch.embedDim;
    this.head = tf.tidy(() => tf.variable(tf.tensor2d(headInit, [dim, trainIds]), true));
    this.optimizer = new SgdMomentum([...probe.weights, this.head], ctx.optim.momentum, ctx.optim.weightDecay);
  }

  get steps(): number {
    return this.t;
  }

  step(batch: PairBatch, lr: number): tf.Scalar {
    const loss = tf.tidy(() => {
      const [x1, x2] = gatherViews(this.ctx.images, batch);
      const targets = tf.tensor1d(batch.ids, 'int32');
      const weights = [...this.probe.weights, this.head];
      const { value, grads } = tf.variableGrads(() => {
        const [p1, p2] = probeViews(this.probe, x1, x2, this.ctx.impl);
        return this.headLoss(p1, p2, targets);
      }, weights);
      this.optimizer.apply(weights.map((w) => grads[w.name] as tf.Tensor), lr);
      return value;
    });
    this.t += 1;
    return loss;
  }

  /** Mean over the two views of the margin cross-entropy against the normalised head. */
  private headLoss(p1: tf.Tensor2D, p2: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar {
    const w = tf.div(this.head, tf.sqrt(tf.add(tf.sum(tf.square(this.head), 0, true), 1e-12)));
    const l1 = crossEntropy(marginLogits(tf.matMul(p1, w), targets, this.ctx.loss), targets);
    const l2 = crossEntropy(marginLogits(tf.matMul(p2, w), targets, this.ctx.loss), targets);
    return tf.div(tf.add(l1, l2), 2) as tf.Scalar;
  }

  objective(batch: PairBatch): ProbeObjective {
    const frozen = tf.tidy(() => {
      const [x1, x2] = gatherViews(this.ctx.images, batch);
      return { x1, x2, targets: tf.tensor1d(batch.ids, 'int32') };
    });
    return {
      weights: this.probe.weights,
      loss: () => {
        const p1 = forward(this.probe, frozen.x1, 'batch', this.ctx.impl).embedding;
        const p2 = forward(this.probe, frozen.x2, 'batch', this.ctx.impl).embedding;
        return this.headLoss(p1, p2, frozen.targets);
      },
      dispose: () => tf.dispose(Object.values(frozen)),
    };
  }

  async save(): Promise<ConventionalState> {
    return { kind: 'conventional', steps: this.t, probe: await this.probe.snapshot(), head: (await this.head.data()) as Float32Array, momentum: await this.optimizer.save() };
  }

  load(state: TrainerState): void {
    if (state.kind !== 'conventional') throw new Error(`checkpoint: a ${state.kind} state for a Conventional run`);
    this.probe.load(state.probe, 'probe');
    assignValues(this.head, state.head, 'FC head');
    this.optimizer.load(state.momentum);
    this.t = state.steps;
  }

  /** Disposes everything it holds, the probe included (the trainer owns it). */
  dispose(): void {
    this.probe.dispose();
    this.head.dispose();
    this.optimizer.dispose();
  }
}
