/**
 * A sweep cell's comparison as the page's state, built from its stored runs (the run store's
 * records, storedRun.ts), so the page's charts (loss, accuracy, paired differences, smoothness,
 * results table) draw the cell as they draw a finished comparison: its methods × its seeds,
 * seed-major units (unit = seedIndex·R + run), nothing retrained. A run the sweep has not finished
 * yet is an empty series. An imported sweep.json has no per-step series, so it has no cell state.
 */
import type { DistinctRuns, SweepSlot } from '../../core/sweep/distinctRuns';
import type { SweepPlan } from '../../core/sweep/spec';
import type { RunSeries, UiState } from '../store/state';
import { emptyRun, initialState } from '../store/state';
import type { StoredRun } from '../storage/storedRun';

export function cellState(
  plan: SweepPlan,
  runs: DistinctRuns,
  index: number,
  records: ReadonlyMap<string, StoredRun>,
): UiState {
  const cell = plan.cells[index];
  if (cell === undefined) throw new Error(`sweep cell ${index} is not allowed: expected 0 to ${plan.cells.length - 1}`);
  const methods = plan.methods;
  const seeds = plan.spec.seeds;
  const slots = runs.cellSlots[index] ?? [];
  const found: StoredRun[] = [];
  const series = seeds.flatMap((seed, s) =>
    methods.map((spec, r): RunSeries => {
      const unit = s * methods.length + r;
      const slot = runs.slots[slots[r] as number] as SweepSlot;
      const record = records.get(slot.keys[s] as string);
      if (record === undefined) return emptyRun(unit, seed, r, spec);
      found.push(record);
      return {
        ...record.data,
        unit,
        run: r,
        seed,
        spec,
        queue: null,
        embeddings: null,
        landscape1d: null,
        landscape2d: null,
      };
    }),
  );
  const untrained = seeds.flatMap((seed) => {
    const report = found.find((rec) => rec.data.seed === seed)?.untrained;
    return report === undefined ? [] : [{ seed, report }];
  });
  const steps = cell.config.steps;
  // Every run finished: the cell is at its last step (a diverged run's series just ends earlier).
  const reached =
    found.length === series.length ? steps : Math.min(...series.map((r) => r.steps[r.steps.length - 1] ?? 0));
  return {
    ...initialState,
    phase: 'ready',
    step: reached,
    totalSteps: steps,
    methods: [...methods],
    seeds: [...seeds],
    runs: series,
    untrained,
  };
}
