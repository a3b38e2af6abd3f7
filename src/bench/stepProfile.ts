/**
 * A per-step profile of one run's training step (issue 23): how many kernels a step runs, the
 * time spent inside them against the step's time (the rest is tfjs's per-op bookkeeping:
 * dispatch, the gradient tape, tidy, tensor creation), the costliest kernels, and what a step
 * allocates. Kernel times come from tf.profile, which asks the backend's time(f) around each
 * kernel call. With a `clock` (the runner passes the process's CPU time) both the steps and the
 * kernels are timed on it, so a machine loaded by other jobs inflates neither: time(f) is
 * swapped for one on that clock while profiling (wasm's and cpu's time(f) are synchronous
 * wrappers of performance.now()). The step's time is measured on unprofiled steps, so
 * profiling's own cost is not in it.
 */
import * as tf from '../core/tf';

export interface KernelCost {
  name: string;
  /** Calls per step. */
  calls: number;
  /** ms per step, summed over the calls (median over the profiled steps). */
  ms: number;
}

export interface StepProfile {
  /** Median wall time of an unprofiled step, loss read back, ms. */
  wallMs: number;
  /** Median time of an unprofiled step on the clock given (equal to wallMs without one), ms. */
  stepMs: number;
  /** Registered kernels run per step (customGrad scopes are not counted: their inner kernels are). */
  kernels: number;
  /** Time inside those kernels per step, ms (median over the profiled steps). */
  kernelMs: number;
  /** stepMs − kernelMs: everything that is not a kernel. */
  otherMs: number;
  /** Every kernel name, costliest first. */
  byKernel: KernelCost[];
  /** Tensors and bytes the step's kernels create (outputs, freed again by its tidy). */
  allocTensors: number;
  allocBytes: number;
  /** Tensors and bytes still alive after the step that were not before (the loss excluded): 0 when nothing leaks. */
  keptTensors: number;
  keptBytes: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** True for a registered kernel; false for a customGrad scope, whose time already holds its inner kernels'. */
function isKernel(name: string, backend: string): boolean {
  return tf.getKernel(name, backend) !== undefined;
}

/**
 * Profiles `step` (one training step that returns its loss, which this disposes): `warmup`
 * unprofiled steps, `reps` timed unprofiled steps, then `profiled` steps under tf.profile.
 */
export async function profileStep(
  step: () => tf.Scalar,
  warmup: number,
  reps: number,
  profiled: number,
  clock: (() => number) | null = null,
): Promise<StepProfile> {
  const now = clock ?? (() => performance.now());
  const run = async (): Promise<void> => {
    const loss = step();
    await loss.data();
    loss.dispose();
  };
  for (let i = 0; i < warmup; i++) await run();
  const walls: number[] = [];
  const steps: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const c = now();
    await run();
    steps.push(now() - c);
    walls.push(performance.now() - t);
  }
  const backend = tf.getBackend();
  const engineBackend = tf.backend() as unknown as { time(f: () => void): Promise<{ kernelMs: number }> };
  const time = engineBackend.time;
  if (clock !== null) {
    engineBackend.time = async (f) => {
      const start = clock();
      f();
      return { kernelMs: clock() - start };
    };
  }
  const checks = tf.env().getBool('CHECK_COMPUTATION_FOR_ERRORS');
  tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
  const totals: number[] = [];
  const perName = new Map<string, { calls: number; ms: number[] }>();
  let kernels = 0;
  let allocTensors = 0;
  let allocBytes = 0;
  let keptTensors = 0;
  let keptBytes = 0;
  try {
    for (let p = 0; p < profiled; p++) {
      const info = await tf.profile(() => step());
      const loss = info.result as tf.Scalar;
      keptTensors = info.newTensors - 1;
      keptBytes = info.newBytes - loss.size * 4;
      loss.dispose();
      const rows = info.kernels.filter((k) => isKernel(k.name, backend));
      let total = 0;
      const stepMs = new Map<string, number>();
      let tensors = 0;
      let bytes = 0;
      for (const k of rows) {
        const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
        total += ms;
        stepMs.set(k.name, (stepMs.get(k.name) ?? 0) + ms);
        if (p === 0) {
          const entry = perName.get(k.name) ?? { calls: 0, ms: [] };
          entry.calls += 1;
          perName.set(k.name, entry);
        }
        for (const shape of k.outputShapes) {
          tensors += 1;
          // float32 and int32 alike: 4 bytes a value.
          bytes += (shape ?? []).reduce((a, b) => a * b, 1) * 4;
        }
      }
      for (const [name, ms] of stepMs) perName.get(name)?.ms.push(ms);
      totals.push(total);
      kernels = rows.length;
      allocTensors = tensors;
      allocBytes = bytes;
    }
  } finally {
    tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', checks);
    engineBackend.time = time;
  }
  const wallMs = median(walls);
  const stepMs = median(steps);
  const kernelMs = median(totals);
  const byKernel = [...perName.entries()]
    .map(([name, e]) => ({ name, calls: e.calls, ms: median(e.ms) }))
    .sort((a, b) => b.ms - a.ms);
  return {
    wallMs,
    stepMs,
    kernels,
    kernelMs,
    otherMs: stepMs - kernelMs,
    byKernel,
    allocTensors,
    allocBytes,
    keptTensors,
    keptBytes,
  };
}
