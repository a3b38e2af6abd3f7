/**
 * How a comparison is spread over the page's worker pool. Units are numbered seed-major
 * (unit = seedIndex·R + run, R methods) and dealt diagonally: method r of seed s goes to worker
 * (r + s) mod W. Each worker then gets a mix of methods (not all of one method, as a plain
 * round-robin does when W divides R), so the workers advance at about the same pace, and the
 * seeds' first units, whose workers make the faces, fall on different workers. The faces are
 * handed to the other workers of that seed through the page.
 */
import type { ExperimentConfig } from '../../core/config';
import { MAX_WORKERS } from '../../core/seeds';
import type { UnitSpec } from '../../worker/protocol';

export interface WorkerPlan {
  units: UnitSpec[];
  /** Seeds whose faces this worker makes. */
  makes: number[];
}

/** Every unit of the comparison, seed-major. */
export function unitsOf(config: ExperimentConfig, seeds: readonly number[]): UnitSpec[] {
  return seeds.flatMap((seed, s) => config.runs.map((_, run) => ({ unit: s * config.runs.length + run, seed, run })));
}

/** Plans for min(workers, units) workers. */
export function planPool(config: ExperimentConfig, seeds: readonly number[], workers: number): WorkerPlan[] {
  const units = unitsOf(config, seeds);
  const count = Math.max(1, Math.min(workers, units.length));
  const plans: WorkerPlan[] = Array.from({ length: count }, () => ({ units: [], makes: [] }));
  const workerOf = (u: UnitSpec): number => (u.run + seeds.indexOf(u.seed)) % count;
  units.forEach((u) => (plans[workerOf(u)] as WorkerPlan).units.push(u));
  for (const seed of seeds) {
    const first = units.find((u) => u.seed === seed);
    if (first) (plans[workerOf(first)] as WorkerPlan).makes.push(seed);
  }
  return plans;
}

/**
 * Default pool size: every core the browser reports (measured best on 2 cores, docs/performance.md), at most
 * MAX_WORKERS; one on WebGPU, where the workers would share one device.
 */
export function defaultWorkers(cores: number | undefined, backend: string): number {
  if (backend === 'webgpu') return 1;
  return Math.max(1, Math.min(MAX_WORKERS, Math.floor(cores ?? 2)));
}

/** The threaded wasm build starts 8 pthread workers (wasmThreads.ts); more threads would wait for ones started later. */
export const MAX_WASM_THREADS = 8;

/**
 * Threads of each worker's wasm backend: with fewer workers than cores (a comparison of fewer runs
 * than cores, or a pool kept small with workers=), the idle cores are shared out among the
 * workers; otherwise one each, since the workers already keep every core busy.
 */
export function wasmThreads(cores: number | undefined, workers: number): number {
  const c = Math.max(1, Math.floor(cores ?? 1));
  const w = Math.max(1, Math.floor(workers));
  return Math.min(MAX_WASM_THREADS, w < c ? Math.floor(c / w) : 1);
}
