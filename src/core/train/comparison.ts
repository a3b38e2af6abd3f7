/**
 * A comparison: several runs (e.g. Conventional, SST, MASST K=4) on the same data, from the same
 * initial probe weights and with the same batch order, stepped in lock-step. It owns every tensor
 * of every run and the uploaded images; dispose() frees them all.
 */
import type { ExperimentConfig, MasstConfig, RunSpec } from '../config';
import { runLabel } from '../config';
import type { FaceDataset, ImageSet } from '../data/types';
import { architectureFor, paramSpecsFor } from '../model/architecture';
import type { ConvImpl } from '../model/conv';
import { embedImages } from '../model/embed';
import { embedChunk } from '../model/memory';
import { initialWeights } from '../model/init';
import { Net } from '../model/net';
import { createRng, deriveSeed } from '../rng';
import * as tf from '../tf';
import { ConventionalTrainer } from './conventional';
import { imagesById, PairSampler } from './sampler';
import { learningRateAt } from './schedule';
import { SemiSiameseTrainer } from './semiSiamese';
import type { Trainer, TrainerContext } from './trainer';
import type { ComparisonCheckpoint, RunCheckpoint } from './checkpoint';
import type { SlowStepTrace } from './trace';
import { CHECKPOINT_VERSION } from './checkpoint';

export interface Run {
  readonly spec: RunSpec;
  readonly label: string;
  readonly trainer: Trainer;
  readonly sampler: PairSampler;
}

export function imagesTensor(set: ImageSet): tf.Tensor4D {
  return tf.tensor4d(set.pixels, [set.count, set.size, set.size, set.channels]);
}

/** Unit-norm random columns, [D, C] row-major: FaceX-Zoo's renormalised head init. */
function headInit(dim: number, classes: number, seed: number): Float32Array {
  const rng = createRng(seed);
  const w = new Float32Array(dim * classes);
  for (let i = 0; i < w.length; i++) w[i] = rng.normal();
  for (let c = 0; c < classes; c++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += (w[d * classes + c] as number) ** 2;
    const inv = 1 / Math.sqrt(norm);
    for (let d = 0; d < dim; d++) w[d * classes + c] = (w[d * classes + c] as number) * inv;
  }
  return w;
}

/**
 * SST's one agent: the gallery's α, one queue. SST reads no `masst.*` field (the field table, fields/table.ts),
 * so a MASST option such as agentAlpha 'perAgent' (which would give agent 0 the α of agentAlphas[0])
 * never changes an SST run; with K = 1 every other option already gives SST.
 */
const SST_AGENT: MasstConfig = {
  agentUpdate: 'active',
  agentAlpha: 'shared',
  agentAlphas: [],
  agentInit: 'copyProbe',
  queueMode: 'shared',
};

/** Batches whose identities sit in the run's queue(s): Q/B, or K·Q/B with per-agent queues. */
export function queueBatchesFor(spec: RunSpec, config: ExperimentConfig): number {
  const perQueue = config.gallery.queueSize / config.batchSize;
  const perAgent = spec.method === 'masst' && config.masst.queueMode === 'perAgent';
  return perAgent ? perQueue * spec.agents : perQueue;
}

export class Comparison {
  readonly runs: Run[];
  readonly initial: Float32Array[];
  /**
   * Host time spent in each run's step calls so far, ms. On GPU backends this is the time to
   * record the work, not to finish it; the reads that follow absorb the rest.
   */
  readonly stepMsTotal: number[];
  private readonly trainImages: tf.Tensor4D;
  private readonly testImages: tf.Tensor4D;
  /** Test images embedded at once: bounded by their activations (model/memory.ts), so 128 px fits the wasm heap. */
  private get embedChunk(): number {
    return embedChunk(this.config.data.imageSize, this.config.data.channels, this.config.model.backbone);
  }
  private t = 0;

  constructor(
    readonly config: ExperimentConfig,
    readonly dataset: FaceDataset,
    readonly impl: ConvImpl,
  ) {
    const arch = architectureFor(config.model.backbone, config.model.embedDim);
    const specs = paramSpecsFor(arch, dataset.train.channels);
    this.initial = initialWeights(specs, createRng(deriveSeed(config.seed, 'init')));
    this.trainImages = imagesTensor(dataset.train);
    this.testImages = imagesTensor(dataset.test);
    const ctx: TrainerContext = { images: this.trainImages, loss: config.loss, optim: config.optim, impl };
    const byId = imagesById(dataset.train.labels, dataset.trainIds);
    this.runs = config.runs.map((spec) => {
      const probe = Net.fromValues(arch, specs, this.initial, true);
      const trainer = this.createTrainer(spec, probe, ctx);
      const orderRng = createRng(deriveSeed(config.seed, 'order'));
      const sampler = new PairSampler(byId, config.batchSize, queueBatchesFor(spec, config), orderRng);
      return { spec, label: runLabel(spec), trainer, sampler };
    });
    this.stepMsTotal = this.runs.map(() => 0);
  }

  private createTrainer(spec: RunSpec, probe: Net, ctx: TrainerContext): Trainer {
    const c = this.config;
    if (spec.method === 'conventional') {
      const head = headInit(c.model.embedDim, this.dataset.trainIds, deriveSeed(c.seed, 'head'));
      return new ConventionalTrainer(probe, head, this.dataset.trainIds, ctx);
    }
    return new SemiSiameseTrainer(probe, ctx, {
      spec,
      masst: spec.method === 'masst' ? c.masst : SST_AGENT,
      alpha: c.gallery.alpha,
      queueSize: c.gallery.queueSize,
      enqueueRng: createRng(deriveSeed(c.seed, 'enqueue')),
      queueRng: createRng(deriveSeed(c.seed, 'queue')),
    });
  }

  /** The uploaded training images, [N, H, W, C] (owned by the comparison). */
  get images(): tf.Tensor4D {
    return this.trainImages;
  }

  /** Lock-step iterations taken. */
  get steps(): number {
    return this.t;
  }

  get learningRate(): number {
    return learningRateAt(this.t, this.config.steps, this.config.optim);
  }

  /** One iteration of every run; returns each run's loss tensor (the caller reads and disposes). */
  stepAll(): tf.Scalar[] {
    return this.stepActive(this.runs.map(() => true)) as tf.Scalar[];
  }

  /**
   * One iteration of the runs marked active (a diverged run is left where it stopped); null for
   * the others. The schedule's clock advances for all: an active run's numbers never depend on
   * which others are still training. If a step throws, the losses of the runs already stepped are
   * disposed before the error goes on.
   */
  stepActive(active: readonly boolean[]): Array<tf.Scalar | null> {
    const losses = this.stepRuns(active, this.learningRate);
    this.t += 1;
    return losses;
  }

  /** One iteration at `lr` of the runs marked active, without advancing the clock. */
  private stepRuns(active: readonly boolean[], lr: number): Array<tf.Scalar | null> {
    const losses: Array<tf.Scalar | null> = [];
    try {
      this.runs.forEach((run, i) => {
        if (!active[i]) {
          losses.push(null);
          return;
        }
        const start = performance.now();
        losses.push(run.trainer.step(run.sampler.next(), lr));
        this.stepMsTotal[i] = (this.stepMsTotal[i] as number) + performance.now() - start;
      });
    } catch (e) {
      tf.dispose(losses.filter((l): l is tf.Scalar => l !== null));
      throw e;
    }
    return losses;
  }

  /** Everything the runs' next steps read, on the host (checkpoint.ts); training may go on after. */
  async checkpoint(): Promise<ComparisonCheckpoint> {
    const runs: RunCheckpoint[] = [];
    for (const [i, run] of this.runs.entries()) {
      runs.push({
        label: run.label,
        trainer: await run.trainer.save(),
        sampler: run.sampler.save(),
        stepMs: this.stepMsTotal[i] ?? 0,
      });
    }
    return { version: CHECKPOINT_VERSION, seed: this.config.seed, step: this.t, runs };
  }

  /**
   * Continues from a checkpoint of a comparison of the same config and dataset. Each run takes the
   * checkpoint's run of the same label, so a one-run comparison can resume from a checkpoint of
   * several. Call before the first step.
   */
  restore(ck: ComparisonCheckpoint): void {
    if (ck.version !== CHECKPOINT_VERSION) {
      throw new Error(`checkpoint version ${ck.version}: this build reads version ${CHECKPOINT_VERSION}`);
    }
    if (ck.seed !== this.config.seed)
      throw new Error(`checkpoint of seed ${ck.seed}, the comparison has seed ${this.config.seed}`);
    if (!Number.isInteger(ck.step) || ck.step < 0 || ck.step > this.config.steps) {
      throw new Error(`checkpoint at step ${ck.step}: allowed 0 to the config's ${this.config.steps} steps`);
    }
    if (this.t !== 0) throw new Error(`Comparison.restore: already at step ${this.t}; restore before the first step`);
    const chosen = this.runs.map((run) => {
      const saved = ck.runs.find((r) => r.label === run.label);
      if (!saved)
        throw new Error(
          `checkpoint has no run "${run.label}" (it has ${ck.runs.map((r) => `"${r.label}"`).join(', ')})`,
        );
      return saved;
    });
    this.runs.forEach((run, i) => {
      const saved = chosen[i] as RunCheckpoint;
      run.trainer.load(saved.trainer);
      run.sampler.load(saved.sampler);
      this.stepMsTotal[i] = saved.stepMs;
    });
    this.t = ck.step;
  }

  /**
   * stepActive() with run `traced` stepped slowly: the same iteration for every run, and the
   * numbers of each stage of the traced run's (trace.ts). Its loss comes back as a new scalar.
   */
  async stepActiveTraced(
    active: readonly boolean[],
    traced: number,
  ): Promise<{ losses: Array<tf.Scalar | null>; trace: SlowStepTrace }> {
    const run = this.runs[traced];
    if (!run || !active[traced]) throw new Error(`Comparison.stepActiveTraced: run ${traced} is not an active run`);
    const lr = this.learningRate;
    const others = this.runs.map((_, i) => i !== traced && active[i] === true);
    const start = performance.now();
    const { loss, trace } = await run.trainer.stepTraced(run.sampler.next(), lr);
    this.stepMsTotal[traced] = (this.stepMsTotal[traced] as number) + performance.now() - start;
    // The others' step, with the clock not yet advanced: their lr is this step's too.
    const losses = this.stepRuns(others, lr);
    losses[traced] = tf.scalar(loss);
    this.t += 1;
    return { losses, trace };
  }

  /** Test-image embeddings of run i's probe, [testCount, D]. */
  embedTest(i: number): Promise<Float32Array> {
    const run = this.runs[i];
    if (!run) throw new Error(`Comparison.embedTest: no run ${i} (have ${this.runs.length})`);
    return embedImages(run.trainer.probe, this.testImages, this.impl, this.embedChunk);
  }

  /** Test-image embeddings of the untrained probe (the shared initial weights). */
  async embedTestUntrained(): Promise<Float32Array> {
    const first = this.runs[0];
    if (!first) throw new Error('Comparison has no runs');
    const net = Net.fromValues(first.trainer.probe.arch, first.trainer.probe.specs, this.initial, false);
    try {
      return await embedImages(net, this.testImages, this.impl, this.embedChunk);
    } finally {
      net.dispose();
    }
  }

  dispose(): void {
    for (const run of this.runs) run.trainer.dispose();
    tf.dispose([this.trainImages, this.testImages]);
  }
}
