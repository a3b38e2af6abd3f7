/**
 * One run on the wasm backend, timed and its losses kept: the benchmark's threads comparison
 * (`npm run bench` times it on 1 and on 2 threads, bench/threads.ts) and the check that the
 * threaded build trains the same numbers (e2e/backendChoice.spec.ts). The preset's first run
 * alone, on noise of the preset's shape, from the preset's seed; the loss of every step is read
 * back, and the time of each step after the first is its median.
 */
import { presetConfig } from '../core/presets';
import type { PresetName } from '../core/presets';
import { randomFaces } from '../core/data/randomFaces';
import { convImplFor } from '../core/model/conv';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';

export interface OneRunTimes {
  /** Median ms of the steps after the first. */
  msPerStep: number;
  /** Loss of each step, [steps]. */
  losses: number[];
}

export async function timeOneRun(preset: PresetName, steps: number): Promise<OneRunTimes> {
  const base = presetConfig(preset);
  const config = { ...base, runs: base.runs.slice(-1) };
  const cmp = new Comparison(config, randomFaces(config), convImplFor(tf.getBackend()));
  const losses: number[] = [];
  const times: number[] = [];
  try {
    for (let i = 0; i < steps; i++) {
      const start = performance.now();
      const [loss] = cmp.stepAll();
      losses.push(((await (loss as tf.Scalar).data()) as Float32Array)[0] as number);
      tf.dispose(loss);
      if (i > 0) times.push(performance.now() - start);
    }
  } finally {
    cmp.dispose();
  }
  times.sort((a, b) => a - b);
  return { msPerStep: times[Math.floor(times.length / 2)] ?? NaN, losses };
}
