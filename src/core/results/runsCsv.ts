/**
 * The one tidy CSV of a comparison, the same format from the page ("Download CSV",
 * ui/export/resultsJson.ts seriesCsv) and from the runner (DIR/runs.csv, cli/results.ts): a row
 * per run × step, in the runs' order then by step, with the loss, its smoothed value (stats/smoothing.ts)
 * and the learning rate, and the evaluation's 10-fold accuracy, its standard error and AUC on the
 * steps that had one (a step evaluated but without a loss point gets a row with empty losses).
 * Pure.
 */
import { smoothed } from '../stats/smoothing';
import type { ResultsFile } from './resultsFile';

export const CSV_HEADER = [
  'method',
  'seed',
  'step',
  'loss',
  'smoothed_loss',
  'lr',
  'accuracy',
  'accuracy_std_err',
  'auc',
] as const;

/** One run's series: `steps`, `loss`, `smooth` and `lr` are parallel (one entry per loss point). */
export interface CsvSeries {
  label: string;
  seed: number;
  steps: readonly number[];
  loss: readonly number[];
  smooth: readonly number[];
  /** The learning rate of each loss point's step. */
  lr: readonly number[];
  evals: ReadonlyArray<{ step: number; accuracy: number; stdErr: number; auc: number }>;
}

function cell(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function seriesCsv(series: readonly CsvSeries[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const r of series) {
    const evals = new Map(r.evals.map((e) => [e.step, e]));
    const at = new Map(r.steps.map((s, i) => [s, i]));
    const steps = [...new Set([...r.steps, ...evals.keys()])].sort((a, b) => a - b);
    for (const step of steps) {
      const i = at.get(step);
      const e = evals.get(step);
      const point = (values: readonly number[]): number | undefined => (i === undefined ? undefined : values[i]);
      lines.push(
        [r.label, r.seed, step, point(r.loss), point(r.smooth), point(r.lr), e?.accuracy, e?.stdErr, e?.auc]
          .map(cell)
          .join(','),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A results.json's runs as the CSV; a run's final `eval` is the row of the config's last step. */
export function resultsCsv(file: ResultsFile): string {
  return seriesCsv(
    file.runs.map((r) => {
      const loss = r.history.map((h) => h.loss);
      const evals = [...r.evals, ...(r.eval === null ? [] : [{ step: file.config.steps, ...r.eval }])];
      return {
        label: r.label,
        seed: r.seed,
        steps: r.history.map((h) => h.step),
        loss,
        smooth: smoothed(loss),
        lr: r.history.map((h) => h.lr),
        evals: evals.map((e) => ({ step: e.step, accuracy: e.accuracy, stdErr: e.accuracyStdErr, auc: e.auc })),
      };
    }),
  );
}
