/**
 * The measurements of docs/method.md §6 for every run of a comparison, on one fixed probe batch
 * shared by all runs (drawn once from the 'probe' seed) and directions drawn from the
 * 'directions' seed, so runs are compared on the same footing. Nothing here changes training:
 * weights are restored bit for bit, BN statistics, optimizer slots and queues are never written.
 */
import { architectureFor, paramSpecsFor } from '../model/architecture';
import type { ParamSpec } from '../model/architecture';
import { createRng, deriveSeed } from '../rng';
import * as tf from '../tf';
import type { Comparison } from '../train/comparison';
import { imagesById, PairSampler } from '../train/sampler';
import type { PairBatch } from '../train/sampler';
import { SemiSiameseTrainer } from '../train/semiSiamese';
import type { AgentStats } from './agentStats';
import { agentStats } from './agentStats';
import { filterNormalizedDirection, landscapeGrid, slice1d, slice2d } from './landscape';
import { geometricGrid, smoothnessProbe } from './smoothness';

export interface LipschitzPoint {
  step: number;
  lossMin: number;
  lossMax: number;
  gradPredMin: number;
  gradPredMax: number;
  beta: number;
  lipschitz: number;
}

export interface Landscape1d {
  step: number;
  alphas: number[];
  losses: number[];
}

export interface Landscape2d {
  step: number;
  alphas: number[];
  betas: number[];
  /** [alphas][betas] */
  losses: number[][];
}

export class Analyzer {
  readonly batch: PairBatch;
  private readonly specs: ParamSpec[];

  constructor(private readonly cmp: Comparison) {
    const c = cmp.config;
    const byId = imagesById(cmp.dataset.train.labels, cmp.dataset.trainIds);
    this.batch = new PairSampler(byId, c.batchSize, 0, createRng(deriveSeed(c.seed, 'probe'))).next();
    this.specs = paramSpecsFor(architectureFor(c.model.backbone, c.model.embedDim), cmp.dataset.train.channels);
  }

  /** Step sizes at the current learning rate. */
  etas(): number[] {
    const a = this.cmp.config.analysis;
    const lr = this.cmp.learningRate;
    return geometricGrid(a.etaMin * lr, a.etaMax * lr, a.etaPoints);
  }

  async smoothness(run: number, signal?: AbortSignal): Promise<LipschitzPoint> {
    const obj = this.trainer(run).objective(this.batch);
    try {
      const r = await smoothnessProbe(obj, this.etas(), signal);
      return {
        step: this.cmp.steps,
        lossMin: Math.min(...r.losses),
        lossMax: Math.max(...r.losses),
        gradPredMin: Math.min(...r.gradPred),
        gradPredMax: Math.max(...r.gradPred),
        beta: r.beta,
        lipschitz: r.lipschitz,
      };
    } finally {
      obj.dispose();
    }
  }

  private async directions(run: number, index: number): Promise<Float32Array[]> {
    const { weights } = await this.trainer(run).probe.snapshot();
    const rng = createRng(deriveSeed(this.cmp.config.seed, 'directions', index));
    return filterNormalizedDirection(this.specs, weights, rng);
  }

  async landscape1d(run: number, signal?: AbortSignal): Promise<Landscape1d> {
    const alphas = landscapeGrid(this.cmp.config.analysis.gridPoints);
    const obj = this.trainer(run).objective(this.batch);
    try {
      const losses = await slice1d(obj, this.specs, await this.directions(run, 0), alphas, signal);
      return { step: this.cmp.steps, alphas, losses };
    } finally {
      obj.dispose();
    }
  }

  async landscape2d(
    run: number,
    onRow?: (index: number, losses: number[]) => void,
    signal?: AbortSignal,
  ): Promise<Landscape2d> {
    const grid = landscapeGrid(this.cmp.config.analysis.gridPoints);
    const obj = this.trainer(run).objective(this.batch);
    try {
      const [d, e] = [await this.directions(run, 0), await this.directions(run, 1)];
      const losses = await slice2d(obj, this.specs, d, e, grid, grid, onRow, signal);
      return { step: this.cmp.steps, alphas: grid, betas: grid, losses };
    } finally {
      obj.dispose();
    }
  }

  /** Agent drift for SST/MASST runs; null for Conventional. */
  async agents(run: number): Promise<(AgentStats & { step: number }) | null> {
    const trainer = this.trainer(run);
    if (!(trainer instanceof SemiSiameseTrainer)) return null;
    const images = tf.tidy(() => tf.gather(this.cmp.images, tf.tensor1d(this.batch.view1, 'int32')));
    try {
      const stats = await agentStats(trainer.probe, trainer.agents.agents, images, this.cmp.impl);
      return { step: this.cmp.steps, ...stats };
    } finally {
      images.dispose();
    }
  }

  private trainer(run: number) {
    const r = this.cmp.runs[run];
    if (!r) throw new Error(`Analyzer: no run ${run} (have ${this.cmp.runs.length})`);
    return r.trainer;
  }
}

/** Forward and backward passes one smoothness probe costs: "+k forward, +k backward". */
export function smoothnessCost(etaPoints: number): { forward: number; backward: number } {
  return { forward: 1 + etaPoints, backward: 1 + etaPoints };
}
