/**
 * A per-step profile of one run's training step (issue 23): how many kernels a step runs, the
 * time spent inside them against the step's time (the rest is tfjs's per-op bookkeeping:
 * dispatch, the gradient tape, tidy, tensor creation), the costliest kernels, and what a step
 * allocates. Kernel times come from every registered kernel of the backend wrapped in a wall-time
 * timer for the profiled steps, and "the rest" is each such step's wall time less its kernels'
 * (tf.profile's own timing, a promise and a timer object per kernel, cost more than the demo's
 * small kernels and made the rest come out negative); the counts come from one step under
 * tf.profile, which are exact. With a `clock` (the runner passes the process's CPU time) the
 * step's own time is also measured on it, on unwrapped steps, so a machine loaded by other jobs
 * inflates it less; the kernel split is wall time and wants a quiet machine.
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
  /** Wall time inside those kernels per step, ms (median over the profiled steps). */
  kernelMs: number;
  /** A profiled step's wall time less its kernels' (median): everything that is not a kernel. */
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
 * untimed steps, `reps` timed steps, one step under tf.profile for the counts, then `profiled`
 * steps with every kernel timed.
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
  const counts = await countKernels(step, backend);
  const perName = new Map<string, { calls: number; ms: number[] }>();
  const totals: number[] = [];
  const others: number[] = [];
  await withKernelTimers(backend, async (spent) => {
    for (let p = 0; p < profiled; p++) {
      spent.clear();
      const start = performance.now();
      await run();
      const wall = performance.now() - start;
      let total = 0;
      for (const [name, k] of spent) {
        total += k.ms;
        const entry = perName.get(name) ?? { calls: k.calls, ms: [] };
        entry.ms.push(k.ms);
        perName.set(name, entry);
      }
      totals.push(total);
      others.push(wall - total);
    }
  });
  const wallMs = median(walls);
  const stepMs = median(steps);
  const kernelMs = median(totals);
  const byKernel = [...perName.entries()]
    .map(([name, e]) => ({ name, calls: e.calls, ms: median(e.ms) }))
    .sort((a, b) => b.ms - a.ms);
  return { wallMs, stepMs, kernelMs, otherMs: median(others), byKernel, ...counts };
}

type Counts = Pick<StepProfile, 'kernels' | 'allocTensors' | 'allocBytes' | 'keptTensors' | 'keptBytes'>;

/** One step under tf.profile: its registered kernels, their outputs, and what it leaves alive. */
async function countKernels(step: () => tf.Scalar, backend: string): Promise<Counts> {
  const checks = tf.env().getBool('CHECK_COMPUTATION_FOR_ERRORS');
  tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', false);
  try {
    const info = await tf.profile(() => step());
    const loss = info.result as tf.Scalar;
    const keptTensors = info.newTensors - 1;
    const keptBytes = info.newBytes - loss.size * 4;
    loss.dispose();
    const rows = info.kernels.filter((k) => isKernel(k.name, backend));
    const shapes = rows.flatMap((k) => k.outputShapes);
    return {
      kernels: rows.length,
      allocTensors: shapes.length,
      // float32 and int32 alike: 4 bytes a value.
      allocBytes: shapes.reduce((sum, shape) => sum + (shape ?? []).reduce((a, b) => a * b, 1) * 4, 0),
      keptTensors,
      keptBytes,
    };
  } finally {
    tf.env().set('CHECK_COMPUTATION_FOR_ERRORS', checks);
  }
}

/**
 * Runs `body` with every kernel registered for `backend` timed in wall time: `spent` gathers each
 * kernel's calls and ms until the body clears it. The kernels are registered back as they were.
 * Not on the CPU clock: process.cpuUsage costs ~2 µs a reading (measured), more than many of the
 * demo's kernels, and two readings a kernel made the kernels add up to more than the step.
 */
async function withKernelTimers(
  backend: string,
  body: (spent: Map<string, { calls: number; ms: number }>) => Promise<void>,
): Promise<void> {
  const spent = new Map<string, { calls: number; ms: number }>();
  const originals = tf.getKernelsForBackend(backend);
  const swap = (configs: readonly tf.KernelConfig[]): void => {
    for (const config of configs) {
      tf.unregisterKernel(config.kernelName, backend);
      tf.registerKernel(config);
    }
  };
  swap(
    originals.map((config) => ({
      ...config,
      kernelFunc: ((args: Parameters<tf.KernelFunc>[0]) => {
        const start = performance.now();
        const out = config.kernelFunc(args);
        const entry = spent.get(config.kernelName) ?? { calls: 0, ms: 0 };
        entry.calls += 1;
        entry.ms += performance.now() - start;
        spent.set(config.kernelName, entry);
        return out;
      }) as tf.KernelFunc,
    })),
  );
  try {
    await body(spent);
  } finally {
    swap(originals);
  }
}
