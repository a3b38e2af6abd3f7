/**
 * A sweep's result in the sweep.json layout (file.ts) from the runs finished so far, for the runner
 * (cli/sweep.ts, which writes it) and the page (which trains and draws it as it would an imported
 * file): each cell's runs looked up by run key in `done` (a run shared by several cells appears in
 * each), summarised by summary.ts. A cell whose runs are not all done yet has the pairs its
 * finished runs allow (no seeds: verdict "none", grey in the heatmap).
 */
import { runLabel } from '../config';
import { ENGINE_VERSION } from '../engineVersion';
import type { DistinctRuns, SweepSlot } from './distinctRuns';
import type { SweepBackend, SweepFile } from './file';
import { SWEEP_VERSION } from './file';
import type { SweepPlan } from './spec';
import type { CellResult, RunRecordView } from './summary';
import { summarizeCell, sweepRun } from './summary';

/** A finished run of the sweep, by run key. */
export interface DoneRun {
  run: RunRecordView;
  /** Its training job's wall time when it was trained, s. */
  seconds: number;
  /** Taken from a run store, not trained by this sweep. */
  reused: boolean;
}

export function summarizeCells(plan: SweepPlan, runs: DistinctRuns, done: ReadonlyMap<string, DoneRun>): CellResult[] {
  return plan.cells.map((cell) => {
    const found = (runs.cellSlots[cell.index] ?? []).flatMap((s) => {
      const slot = runs.slots[s] as SweepSlot;
      return plan.spec.seeds.flatMap((seed, i) => {
        const key = slot.keys[i] as string;
        const f = done.get(key);
        return f ? [sweepRun(f.run, { key, label: slot.label, seed, reused: f.reused, seconds: f.seconds })] : [];
      });
    });
    return summarizeCell(cell, plan.methods, found);
  });
}

/** Cells whose every run is done. */
export function cellsDone(plan: SweepPlan, runs: DistinctRuns, done: ReadonlyMap<string, unknown>): number {
  return plan.cells.filter((c) =>
    (runs.cellSlots[c.index] ?? []).every((s) => runs.slots[s]?.keys.every((k) => done.has(k))),
  ).length;
}

export interface SweepFileMeta {
  backend: SweepBackend;
  complete: boolean;
  /** The run store's layout version (the runner's or the page's). */
  runStore: number;
  trained: number;
  reused: number;
  wallSeconds: number;
}

export function sweepFileOf(
  plan: SweepPlan,
  runs: DistinctRuns,
  cells: readonly CellResult[],
  meta: SweepFileMeta,
): SweepFile {
  const seeds = plan.spec.seeds.length;
  return {
    version: SWEEP_VERSION,
    complete: meta.complete,
    versions: { sweep: SWEEP_VERSION, engine: ENGINE_VERSION, runStore: meta.runStore },
    spec: plan.spec,
    backend: meta.backend,
    methods: plan.methods.map(runLabel),
    notes: plan.notes,
    runs: {
      grid: plan.cells.length * plan.methods.length * seeds,
      distinct: runs.slots.length * seeds,
      trained: meta.trained,
      reused: meta.reused,
    },
    wallSeconds: meta.wallSeconds,
    cells: cells.map((c) => ({ ...c, config: (plan.cells[c.index] as SweepPlan['cells'][number]).config })),
  };
}
