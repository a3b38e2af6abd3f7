/**
 * How a comparison is spread over the page's worker pool. Units are numbered seed-major
 * (unit = seedIndex·R + run, R methods) and dealt round-robin, so each worker gets a mix of
 * methods and seeds and all of them advance at about the same pace. The faces of a seed are made
 * by the worker of its first unit and handed to the others through the page.
 */
import type { ExperimentConfig } from '../../core/config';
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
  units.forEach((u) => (plans[u.unit % count] as WorkerPlan).units.push(u));
  for (const seed of seeds) {
    const first = units.find((u) => u.seed === seed);
    if (first) (plans[first.unit % count] as WorkerPlan).makes.push(seed);
  }
  return plans;
}

/** Default pool size: every core the browser reports, at most the units to train. */
export function defaultWorkers(cores: number | undefined): number {
  return Math.max(1, Math.floor(cores ?? 2));
}
