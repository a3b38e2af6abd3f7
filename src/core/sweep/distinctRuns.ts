/**
 * The runs a sweep needs, each once: every cell × method × seed has a run key (runKey.ts), and
 * cells whose runs share a key share the run. Runs of a method that reads none of the axes (SST
 * in a sweep over masst.*) are one run per seed for the whole grid. Which cells share a run does
 * not depend on the seed (the seed is one field of the key), so the distinct runs are "slots"
 * (a method in the first cell that needs it) × the seeds.
 */
import type { ExperimentConfig, RunSpec } from '../config';
import { runLabel } from '../config';
import { runKey } from './runKey';
import type { SweepPlan } from './spec';

export interface SweepSlot {
  /** The first cell with this run (its config is the run's config). */
  cell: number;
  spec: RunSpec;
  label: string;
  /** The run key on each seed of the spec, in its order. */
  keys: string[];
  /** The cells that use this run. */
  cells: number[];
}

export interface DistinctRuns {
  slots: readonly SweepSlot[];
  /** cellSlots[cell][method]: the slot of that cell's run of that method (methods in the spec's order). */
  cellSlots: ReadonlyArray<readonly number[]>;
}

export function distinctRuns(plan: SweepPlan, backend: string): DistinctRuns {
  const seeds = plan.spec.seeds;
  const slots: SweepSlot[] = [];
  const byKey = new Map<string, number>();
  const cellSlots = plan.cells.map((cell) =>
    plan.methods.map((spec) => {
      const keys = seeds.map((seed) => runKey({ ...cell.config, seed }, spec, backend));
      const first = keys[0] as string;
      let slot = byKey.get(first);
      if (slot === undefined) {
        slot = slots.length;
        byKey.set(first, slot);
        slots.push({ cell: cell.index, spec, label: runLabel(spec), keys, cells: [] });
      }
      (slots[slot] as SweepSlot).cells.push(cell.index);
      return slot;
    }),
  );
  return { slots, cellSlots };
}

/** The one-run config of a slot on a seed. */
export function slotConfig(plan: SweepPlan, slot: SweepSlot, seed: number): ExperimentConfig {
  const cell = plan.cells[slot.cell] as SweepPlan['cells'][number];
  return { ...cell.config, seed, runs: [slot.spec] };
}
