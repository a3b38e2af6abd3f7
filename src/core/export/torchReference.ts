/**
 * The first steps of a comparison as the playground computes them, for the exported project to
 * start from and compare against (`python3 train.py --check-reference`): the shared initial probe
 * weights, the FC head and queue start values, each run's batches and each run's losses.
 */
import type { ExperimentConfig } from '../config';
import type { FaceDataset } from '../data/types';
import type { ConvImpl } from '../model/conv';
import { createRng, deriveSeed } from '../rng';
import * as tf from '../tf';
import type { TrainerState } from '../train/checkpoint';
import { Comparison, queueBatchesFor } from '../train/comparison';
import { imagesById, PairSampler } from '../train/sampler';

export interface ReferenceRun {
  label: string;
  /** Per step: [ids, view1, view2], B entries each (train identity and image indices). */
  batches: number[][][];
  /** The playground's loss at each of those steps. */
  losses: number[];
}

export interface TorchReference {
  seed: number;
  /** Every probe parameter in spec order and the playground's layout (conv [k, k, cin, cout]), concatenated. */
  init: Float32Array;
  /** FC head [D, trainIds] of a Conventional run (empty without one). */
  head: Float32Array;
  /** Start values of the queues [count, Q, D]: every run draws its queues from the same stream, so a run of c queues takes the first c. */
  queues: Float32Array;
  runs: ReferenceRun[];
}

function concat(parts: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

function startValues(states: readonly TrainerState[]): { head: Float32Array; queues: Float32Array } {
  let head: Float32Array = new Float32Array(0);
  let queues: Float32Array[] = [];
  for (const s of states) {
    if (s.kind === 'conventional') head = s.head;
    else if (s.queues.length > queues.length) queues = s.queues.map((q) => q.features);
  }
  return { head, queues: concat(queues) };
}

/**
 * `steps` lock-step iterations of the config's runs on the active tfjs backend.
 * @param steps from 1 to config.steps.
 */
export async function computeReference(
  config: ExperimentConfig,
  dataset: FaceDataset,
  impl: ConvImpl,
  steps: number,
): Promise<TorchReference> {
  if (!Number.isInteger(steps) || steps < 1 || steps > config.steps) {
    throw new Error(
      `reference steps = ${steps} is not allowed: expected an integer from 1 to the config's ${config.steps} steps`,
    );
  }
  const cmp = new Comparison(config, dataset, impl);
  try {
    const ck = await cmp.checkpoint();
    const byId = imagesById(dataset.train.labels, dataset.trainIds);
    const runs: ReferenceRun[] = cmp.runs.map((run) => {
      const sampler = new PairSampler(
        byId,
        config.batchSize,
        queueBatchesFor(run.spec, config),
        createRng(deriveSeed(config.seed, 'order')),
      );
      const batches = Array.from({ length: steps }, () => {
        const b = sampler.next();
        return [Array.from(b.ids), Array.from(b.view1), Array.from(b.view2)];
      });
      return { label: run.label, batches, losses: [] };
    });
    for (let t = 0; t < steps; t++) {
      const losses = cmp.stepAll();
      const values = await Promise.all(losses.map(async (l) => (await l.data())[0] as number));
      tf.dispose(losses);
      values.forEach((v, i) => (runs[i] as ReferenceRun).losses.push(v));
    }
    return { seed: config.seed, init: concat(cmp.initial), ...startValues(ck.runs.map((r) => r.trainer)), runs };
  } finally {
    cmp.dispose();
  }
}
