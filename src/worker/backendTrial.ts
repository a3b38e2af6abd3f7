/**
 * One backend's trial on the comparison's own configuration: its runs built on noise of the
 * configuration's shape (core/data/randomFaces.ts), one warm-up lock-step (building the nets,
 * compiling shaders), then up to TRIAL_STEPS timed lock-steps, each read back to completion, all
 * inside `budgetMs`. A step whose loss does not come back inside what is left of the budget is
 * abandoned (a GPU backend goes on computing it in the background; the trial's worker is thrown
 * away afterwards). Every tensor of the trial is disposed.
 */
import type { TrialResult } from '../core/backendChoice';
import { TRIAL_STEPS } from '../core/backendChoice';
import type { BackendName } from '../core/backends';
import type { ExperimentConfig } from '../core/config';
import { randomFaces } from '../core/data/randomFaces';
import { convImplFor } from '../core/model/conv';
import * as tf from '../core/tf';
import { Comparison } from '../core/train/comparison';

/** Wall time of one lock-step to its read-back, ms, or null when it did not finish within `limitMs`. */
async function timedStep(cmp: Comparison, limitMs: number): Promise<number | null> {
  const start = performance.now();
  const losses = cmp.stepAll();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // No timer for an uncapped step (setTimeout turns Infinity into 1 ms).
  const late = new Promise<'late'>((resolve) => {
    if (Number.isFinite(limitMs))
      timer = setTimeout(() => resolve('late'), Math.max(0, limitMs - (performance.now() - start)));
  });
  try {
    const read = (losses[0] as tf.Scalar).data().then(() => 'done' as const);
    const outcome = await Promise.race([read, late]);
    return outcome === 'done' ? performance.now() - start : null;
  } finally {
    clearTimeout(timer);
    tf.dispose(losses);
  }
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/**
 * Times `config`'s runs on the backend that is set now (`backend`, as tf.getBackend() reads).
 * With `capWarmup` false the warm-up always finishes and one timed step always follows (wasm: the
 * reference and the fallback, whose steps cannot be abandoned anyway).
 */
export async function trialOf(
  backend: BackendName,
  config: ExperimentConfig,
  budgetMs: number,
  capWarmup = true,
): Promise<TrialResult> {
  const start = performance.now();
  const left = (): number => budgetMs - (performance.now() - start);
  const cmp = new Comparison(config, randomFaces(config), convImplFor(backend));
  try {
    const warm = await timedStep(cmp, capWarmup ? left() : Infinity);
    if (warm === null) return { backend, ok: false, reason: `warm-up took over its ${seconds(budgetMs)} budget` };
    const warmupMs = performance.now() - start;
    const times: number[] = [];
    while (times.length < TRIAL_STEPS) {
      // The next step is expected to take as long as the last: do not start one that cannot finish.
      const expected = times[times.length - 1] ?? 0;
      const mustTime = !capWarmup && times.length === 0;
      if (expected > left() && !mustTime) break;
      const t = await timedStep(cmp, mustTime ? Infinity : left());
      if (t === null) break;
      times.push(t);
    }
    if (times.length === 0)
      return {
        backend,
        ok: false,
        reason: `no step after its warm-up (${seconds(warmupMs)}) fit its ${seconds(budgetMs)} budget`,
      };
    return { backend, ok: true, msPerStep: median(times), steps: times.length, warmupMs };
  } finally {
    cmp.dispose();
  }
}
