/**
 * Imported run files ("ghosts", issue 12) as the series the charts and tables draw: each run of a
 * file becomes the same steps, losses, smoothed losses and evaluations the page held when it wrote
 * the file (export/resultsJson.ts), so a file exported and imported again draws the same numbers.
 * What parseRunFile does not check is read tolerantly (tolerant.ts). Pure: tested in Node.
 */
import type { ResultsFile } from '../../core/results/resultsFile';
import { fromPytorch } from '../../core/results/resultsFile';
import type { RunResult } from '../../core/results/resultsFile';
import type { RunSpec } from '../../core/config';
import { runLabel } from '../../core/config';
import type { LipschitzPoint } from '../../core/analysis/analyzer';
import type { EvalReport } from '../../core/eval/report';
import { colorOf } from '../charts/colors';
import type { EvalPoint } from '../store/state';
import { smoothed } from '../../core/stats/smoothing';
import { configRuns, configSteps, METHODS, tolerantAnalysis, tolerantReport } from './tolerant';

/** One imported file: `fileName` is unique among the loaded ghosts (ghostStore.ts). */
export interface Ghost {
  id: number;
  fileName: string;
  file: ResultsFile;
  /** How the file was bounded for drawing (bounds.ts), shown in the list of imported runs. */
  note?: string;
}

/** One run of a ghost file, as the charts and tables read it. */
export interface GhostRun {
  /** Unique across every ghost: for chart keys. */
  key: string;
  /** The ghost (file) it comes from. */
  ghostId: number;
  /** "<fileName>: <run label> seed N" ("<fileName> (PyTorch): …" for the exported PyTorch project's file), in legends and tooltips. */
  name: string;
  fileName: string;
  label: string;
  seed: number;
  /** The method's colour, as the live run of the same method at the same place in its config. */
  color: string;
  steps: number[];
  loss: number[];
  smooth: number[];
  evals: EvalPoint[];
  /** The final evaluation, else the latest periodic one, else null. */
  latest: EvalReport | null;
  smoothness: LipschitzPoint[];
  agents: RunResult['analysis']['agents'];
}

/** The run's spec and its index among the file's configured runs (what colours a live run). */
function specOf(runs: readonly RunSpec[], r: RunResult): { spec: RunSpec; index: number } {
  const index = runs.findIndex((s) => runLabel(s) === r.label);
  const spec = runs[index];
  if (spec !== undefined) return { spec, index };
  const method = METHODS.find((m) => m === r.method) ?? 'conventional';
  return { spec: { method, agents: r.agents }, index: 0 };
}

/** The EMA of the losses, computed as the store does point by point (core/stats/smoothing.ts). */
export { smoothed };

function evalPoint(step: number, report: EvalReport): EvalPoint {
  const e = tolerantReport(report);
  return {
    step,
    accuracy: e.accuracy,
    stdErr: e.accuracyStdErr,
    auc: e.auc,
    more: { rank1: e.rank1, tarAtFar: e.tarAtFar, lookalikeAccuracy: e.lookalikeAccuracy, pairs: e.pairs },
  };
}

/** The file's runs in its order; the final `eval` is put back after the periodic ones at the last step. */
export function ghostRuns(ghost: Ghost): GhostRun[] {
  const { file, fileName } = ghost;
  const specs = configRuns(file);
  const steps = configSteps(file);
  const from = fromPytorch(file) ? `${fileName} (PyTorch)` : fileName;
  return file.runs.map((r, i) => {
    const loss = r.history.map((h) => h.loss);
    const evals = r.evals.map((e) => evalPoint(e.step, e));
    if (r.eval !== null) evals.push(evalPoint(steps, r.eval));
    const lastPeriodic = r.evals[r.evals.length - 1];
    const { spec, index } = specOf(specs, r);
    return {
      key: `ghost${ghost.id}-${i}`,
      ghostId: ghost.id,
      name: `${from}: ${r.label} seed ${r.seed}`,
      fileName,
      label: r.label,
      seed: r.seed,
      color: colorOf(spec, index),
      steps: r.history.map((h) => h.step),
      loss,
      smooth: smoothed(loss),
      evals,
      latest:
        r.eval !== null ? tolerantReport(r.eval) : lastPeriodic === undefined ? null : tolerantReport(lastPeriodic),
      ...tolerantAnalysis(r),
    };
  });
}
