/**
 * Conventional training (docs/method.md §2): probe → L2-normalised embedding → FC layer with one
 * L2-normalised weight column per training identity → margin logits → cross-entropy, on the same
 * two views per identity the SST runs see (loss averaged over the views).
 */
import type { RunSpec } from '../config';
import type { ProbeObjective } from '../analysis/objective';
import { forward } from '../model/forward';
import type { Net } from '../model/net';
import * as tf from '../tf';
import { crossEntropy, marginLogits } from './margin';
import { globalNorm } from '../analysis/globalNorm';
import type { SlowStepTrace } from './trace';
import { logitRow, meanCrossEntropy, rowCos, SHOWN_ROWS } from './trace';

/** The tensors of one iteration a trace reads (trace.ts), kept past the step's tidy. */
interface Kept {
  p1?: tf.Tensor;
  p2?: tf.Tensor;
  cos1?: tf.Tensor;
  logits1?: tf.Tensor;
  logits2?: tf.Tensor;
  gradNorm?: tf.Tensor;
  updateNorm?: tf.Tensor;
}
import { SgdMomentum } from './optimizer';
import type { ConventionalState, TrainerState } from './checkpoint';
import { assignValues } from './checkpoint';
import type { PairBatch } from './sampler';
import type { Trainer, TrainerContext } from './trainer';
import { embedViews, gatherViewImages, gatherViews } from './trainer';

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
    return this.iterate(batch, lr, null);
  }

  /** The same iteration as step(), its intermediate numbers read back (trace.ts); nothing else changes. */
  async stepTraced(batch: PairBatch, lr: number): Promise<{ loss: number; trace: SlowStepTrace }> {
    const kept: Kept = {};
    const lossTensor = this.iterate(batch, lr, kept);
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
      ];
      const [loss, p1, p2, cos1, l1, l2, gradNorm, updateNorm] = (await Promise.all(
        [lossTensor, kept.p1, kept.p2, kept.cos1, kept.logits1, kept.logits2, kept.gradNorm, kept.updateNorm].map(read),
      )) as Ten;
      const b = batch.ids.length;
      const d = this.probe.arch.embedDim;
      const c = this.head.shape[1];
      const shown = Array.from({ length: Math.min(SHOWN_ROWS, b) }, (_, i) => i);
      const scale = this.ctx.loss.scale;
      return {
        loss: loss[0] as number,
        trace: {
          method: 'conventional',
          step: this.t,
          lr,
          ids: shown.map((i) => batch.ids[i] as number),
          probe: { viewCos: shown.map((i) => rowCos(p1, p2, d, i)) },
          gallery: null,
          queue: null,
          logits: {
            columns: 'classes',
            scale,
            rows: shown.map((i) => {
              const id = batch.ids[i] as number;
              return logitRow(l1, c, i, id, id, cos1[i * c + id] as number, scale);
            }),
          },
          loss: {
            view1: meanCrossEntropy(l1, b, c, batch.ids),
            view2: meanCrossEntropy(l2, b, c, batch.ids),
            total: loss[0] as number,
          },
          gradient: { gradNorm: gradNorm[0] as number, updateNorm: updateNorm[0] as number },
          ema: null,
          enqueue: null,
        },
      };
    } finally {
      tf.dispose([lossTensor, ...Object.values(kept)]);
    }
  }

  /** One iteration; with `keep`, the tensors a trace reads are kept there (the caller disposes them). */
  private iterate(batch: PairBatch, lr: number, keep: Kept | null): tf.Scalar {
    const loss = tf.tidy(() => {
      const views = gatherViewImages(this.ctx.images, batch);
      const targets = tf.tensor1d(batch.ids, 'int32');
      const weights = [...this.probe.weights, this.head];
      const { value, grads } = tf.variableGrads(() => {
        const [p1, p2] = embedViews(this.probe, views, 'train', this.ctx.impl);
        const out = this.headLoss(p1, p2, targets);
        if (keep)
          Object.assign(keep, {
            p1: tf.keep(p1),
            p2: tf.keep(p2),
            cos1: tf.keep(out.cos1),
            logits1: tf.keep(out.logits1),
            logits2: tf.keep(out.logits2),
          });
        return out.loss;
      }, weights);
      const gradList = weights.map((w) => grads[w.name] as tf.Tensor);
      const before = keep ? weights.map((w) => tf.clone(w)) : [];
      this.optimizer.apply(gradList, lr);
      if (keep) {
        keep.gradNorm = tf.keep(globalNorm(gradList));
        keep.updateNorm = tf.keep(globalNorm(weights, before));
      }
      return value;
    });
    this.t += 1;
    return loss;
  }

  /** Mean over the two views of the margin cross-entropy against the normalised head; cos1 [B, C] is view 1's cosines. */
  private headLoss(
    p1: tf.Tensor2D,
    p2: tf.Tensor2D,
    targets: tf.Tensor1D,
  ): { loss: tf.Scalar; cos1: tf.Tensor2D; logits1: tf.Tensor2D; logits2: tf.Tensor2D } {
    const w: tf.Tensor2D = tf.div(this.head, tf.sqrt(tf.add(tf.sum(tf.square(this.head), 0, true), 1e-12)));
    const cos1: tf.Tensor2D = tf.matMul(p1, w);
    const logits1 = marginLogits(cos1, targets, this.ctx.loss);
    const logits2 = marginLogits(tf.matMul(p2, w), targets, this.ctx.loss);
    const loss = tf.div(tf.add(crossEntropy(logits1, targets), crossEntropy(logits2, targets)), 2) as tf.Scalar;
    return { loss, cos1, logits1, logits2 };
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
        return this.headLoss(p1, p2, frozen.targets).loss;
      },
      dispose: () => tf.dispose(Object.values(frozen)),
    };
  }

  async save(): Promise<ConventionalState> {
    return {
      kind: 'conventional',
      steps: this.t,
      probe: await this.probe.snapshot(),
      head: (await this.head.data()) as Float32Array,
      momentum: await this.optimizer.save(),
    };
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
