/**
 * What the charts and tables read from the state, derived and pure: series grouped by method,
 * the paired differences at the latest evaluation every unit has reached, and whether the
 * comparison has finished.
 */
import type { RunSpec } from '../../core/config';
import type { PairedRow } from '../../core/stats/paired';
import { pairedDifferences } from '../../core/stats/paired';
import type { Series } from '../../core/stats/bands';
import type { RunSeries } from './state';

/** What grouping by method needs of a run; each panel groups the fields it shows (store/selectors.ts). */
export type MethodRun = Pick<RunSeries, 'run' | 'spec' | 'label'>;

export interface MethodGroup<R extends MethodRun = RunSeries> {
  /** Index in the config's runs. */
  run: number;
  spec: RunSpec;
  label: string;
  /** One series per seed, in seed order. */
  series: R[];
}

export function methodGroups<R extends MethodRun>(runs: readonly R[]): Array<MethodGroup<R>> {
  const groups = new Map<number, MethodGroup<R>>();
  for (const r of runs) {
    const g = groups.get(r.run);
    if (g) g.series.push(r);
    else groups.set(r.run, { run: r.run, spec: r.spec, label: r.label, series: [r] });
  }
  return [...groups.values()].sort((a, b) => a.run - b.run);
}

/** What pairing the methods by seed needs of a run. */
export type PairedRun = MethodRun & Pick<RunSeries, 'seed' | 'evals' | 'diverged'>;

/** Runs still training or finished, not stopped by divergence. */
const healthy = <R extends PairedRun>(runs: readonly R[]): R[] => runs.filter((r) => r.diverged === null);

/** The latest evaluation step that every healthy unit has reached, or null before the first. */
export function commonEvalStep(runs: readonly PairedRun[]): number | null {
  const live = healthy(runs);
  if (live.length === 0 || live.some((r) => r.evals.length === 0)) return null;
  return Math.min(...live.map((r) => (r.evals[r.evals.length - 1] as { step: number }).step));
}

/**
 * Paired differences at the common evaluation step (null before it exists). A diverged run has
 * no outcome there, so its seed drops out of the comparisons it is in.
 */
export function pairedAtCommonStep(state: { runs: readonly PairedRun[] }): { step: number; rows: PairedRow[] } | null {
  const step = commonEvalStep(state.runs);
  if (step === null) return null;
  const outcomes = healthy(state.runs).flatMap((r) => {
    const e = r.evals.find((x) => x.step === step);
    return e ? [{ label: r.label, seed: r.seed, accuracy: e.accuracy, auc: e.auc }] : [];
  });
  return {
    step,
    rows: pairedDifferences(
      outcomes,
      methodGroups(state.runs).map((g) => g.label),
    ),
  };
}

/** Every healthy unit trained all its steps and was evaluated after the last one. */
export function isFinished(state: { totalSteps: number; runs: readonly PairedRun[] }): boolean {
  return state.totalSteps > 0 && state.runs.length > 0 && commonEvalStep(state.runs) === state.totalSteps;
}

/** Evaluation accuracy over steps of one method, by seed (for differenceSeries). */
export function accuracyBySeed(group: MethodGroup<PairedRun> | undefined): Map<number, Series> {
  return new Map(
    (group?.series ?? []).map((r) => [r.seed, { x: r.evals.map((e) => e.step), y: r.evals.map((e) => e.accuracy) }]),
  );
}
