/**
 * The pool's speed-up, measured side by side in one run: the same comparison (the demo preset's
 * methods × seeds 1–3, a fixed number of steps, no evaluation during training) trained one run at a
 * time on one worker, then on the pool. The faces are made (or loaded) once before either is timed,
 * so both time training, the final evaluation and the hand-over of the datasets, not rendering.
 */
import { availableParallelism } from 'node:os';
import { presetConfig } from '../../core/presets';
import { loadOrGenerateDataset } from '../dataset-cache-node';
import { runPooled } from '../pool/runPool';

export interface PoolTimes {
  /** Runs in the comparison (methods × seeds) and training steps of each. */
  runs: number;
  steps: number;
  workers: number;
  /** Wall time, s. */
  alone: number;
  pooled: number;
  /** alone / pooled. */
  speedup: number;
}

export async function measurePool(steps: number, workerUrl: URL, log: (line: string) => void): Promise<PoolTimes> {
  const config = presetConfig('demo');
  config.steps = steps;
  config.eval.every = 0;
  const seeds = [1, 2, 3];
  for (const seed of seeds) await loadOrGenerateDataset(config.data, seed);
  const workers = availableParallelism();
  log(`pool: ${config.runs.length * seeds.length} runs × ${steps} steps on 1 worker…`);
  const alone = await runPooled(config, seeds, { backend: 'wasm', workers: 1, workerUrl });
  log(`pool: the same on ${workers} workers…`);
  const pooled = await runPooled(config, seeds, { backend: 'wasm', workers, workerUrl });
  return {
    runs: config.runs.length * seeds.length,
    steps,
    workers,
    alone: alone.wallSeconds,
    pooled: pooled.wallSeconds,
    speedup: alone.wallSeconds / pooled.wallSeconds,
  };
}
