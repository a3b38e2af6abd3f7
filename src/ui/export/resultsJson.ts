/**
 * The page's comparison as the runner's files: a results.json (src/core/results/resultsFile.ts ResultsFile,
 * same RESULTS_VERSION) and a CSV of every series. Pure: it reads the store's state and the
 * session's config, so it is tested in Node.
 *
 * What the page does not know, and what stands in its place:
 * - `pool.wallSeconds` and each run's `msPerEval`: not measured by the page, written as 0.
 * - `evals[].roc`: the page keeps the ROC of its latest evaluation only (store/state.ts), so a
 *   periodic evaluation's ROC is empty ({ fpr: [], tpr: [] }); the final `eval` is complete.
 * - `analysis.landscape1dHistory`: the page keeps the latest 1-D slice only (in `landscape1d`);
 *   `landscape2d` is null until every row of the slice has arrived.
 * - `history`: past store/state.ts MAX_POINTS a series keeps every other point, so a long run's
 *   history can miss steps; `lr` is recomputed from the schedule (learningRateAt).
 * - `diverged.what` is the page's message, not the runner's short "loss NaN".
 * Fields the runner does not write (readers of version 4 ignore them, so no version bump):
 * `source: 'page'`, `adapter` (the WebGPU adapter, null otherwise) and `versions` (the app's
 * and the tfjs packages' versions from package.json).
 */
import type { FacesRecord, ResultsFile } from '../../core/results/resultsFile';
import { RESULTS_VERSION } from '../../core/results/resultsFile';
import type { RunResult } from '../../core/results/resultsFile';
import type { ExperimentConfig } from '../../core/config';
import { runLabel } from '../../core/config';
import type { EvalReport } from '../../core/eval/report';
import { pairedDifferences } from '../../core/stats/paired';
import { summarySentence } from '../../core/stats/verdict';
import { CSV_HEADER, seriesCsv as runsCsv } from '../../core/results/runsCsv';
import { learningRateAt } from '../../core/train/schedule';
import type { FolderSource } from '../../core/faces/source';
import type { AdapterInfo } from '../../worker/protocol';
import type { EvalPoint, RunSeries, UiState } from '../store/state';

export interface PageResultsFile extends ResultsFile {
  /** Written by the playground page (the runner writes no such field). */
  source: 'page';
  adapter: AdapterInfo | null;
  /** Package name → version (package.json), and "masst-playground" → the app's version. */
  versions: Record<string, string>;
}

/** What the page trains: the session's config (not the form's, which may have changed) and seeds. */
export interface PageSession {
  config: ExperimentConfig;
  seeds: readonly number[];
  /** "Your faces": the folder the session trains on; absent or null: synthetic faces. */
  folder?: FolderSource | null;
}

/** The folder in the runner's words (results.ts FacesRecord), counts from the decoded images. */
function facesRecord(folder: FolderSource, state: UiState): FacesRecord {
  const decoded = state.dataset?.folder ?? null;
  return {
    folder: folder.root,
    pairsFile: folder.pairs?.path ?? null,
    key: folder.key,
    identities: decoded?.identities ?? new Set(folder.files.map((f) => f.path.split('/').slice(-2)[0])).size,
    images: decoded?.images ?? folder.files.length,
    pairsFormat: decoded?.pairsFormat ?? null,
  };
}

const NO_ROC = { fpr: [], tpr: [] };

function reportOf(e: EvalPoint, latest: EvalReport | null, last: boolean): EvalReport {
  // The full report of the latest evaluation has its ROC; the others have what the store kept.
  if (last && latest !== null) return latest;
  const more = e.more ?? { rank1: NaN, tarAtFar: {}, lookalikeAccuracy: null, pairs: 0 };
  return { accuracy: e.accuracy, accuracyStdErr: e.stdErr, auc: e.auc, ...more, roc: NO_ROC };
}

/** One unit's series as a runner's RunResult. */
export function runResult(r: RunSeries, config: ExperimentConfig): RunResult {
  const steps = config.steps;
  const history = r.steps.map((step, i) => ({
    step,
    loss: r.loss[i] as number,
    lr: learningRateAt(step - 1, steps, config.optim),
  }));
  const n = r.evals.length;
  const reports = r.evals.map((e, i) => ({ step: e.step, ...reportOf(e, r.latest, i === n - 1) }));
  // The runner keeps the evaluation after the last step apart, as `eval`.
  const final = reports.find((e) => e.step === steps);
  const evalReport: EvalReport | null = r.diverged === null && final !== undefined ? withoutStep(final) : null;
  const l2 = r.landscape2d;
  const rows = l2?.rows ?? [];
  return {
    method: r.spec.method,
    agents: r.spec.agents,
    label: r.label,
    seed: r.seed,
    history,
    evals: reports.filter((e) => e.step < steps),
    eval: evalReport,
    interrupted: r.diverged === null && evalReport === null,
    diverged: r.diverged === null ? null : { step: r.diverged.step, what: r.diverged.message },
    msPerStep: r.msPerStep,
    msPerEval: 0,
    analysis: {
      lipschitz: r.smoothness,
      landscape1d: r.landscape1d,
      landscape2d:
        l2 !== null && rows.every((row) => row !== null)
          ? { step: l2.step, alphas: l2.alphas, betas: l2.betas, losses: rows as number[][] }
          : null,
      landscape1dHistory: [],
      agents: r.agents.map((a) => ({ step: a.step, distance: a.distance, featureCosine: a.featureCosine })),
    },
  };
}

function withoutStep(e: { step: number } & EvalReport): EvalReport {
  const { step: _step, ...report } = e;
  void _step;
  return report;
}

/** The comparison as a results.json: the runs of the seeds that have begun, in the runner's order (seed-major). */
export function pageResults(state: UiState, session: PageSession, versions: Record<string, string>): PageResultsFile {
  const { config } = session;
  const begun = session.seeds.filter((seed) =>
    state.runs.some((r) => r.seed === seed && (r.steps.length > 0 || r.diverged !== null)),
  );
  const runs = state.runs
    .filter((r) => begun.includes(r.seed))
    .sort((a, b) => a.unit - b.unit)
    .map((r) => runResult(r, config));
  const outcomes = runs.flatMap((r) =>
    r.eval === null ? [] : [{ label: r.label, seed: r.seed, accuracy: r.eval.accuracy, auc: r.eval.auc }],
  );
  const paired = pairedDifferences(outcomes, config.runs.map(runLabel));
  return {
    version: RESULTS_VERSION,
    complete: begun.length === session.seeds.length && runs.every((r) => !r.interrupted),
    config,
    seeds: begun,
    plannedSeeds: [...session.seeds],
    backend: state.backend?.backend ?? 'unknown',
    pool: { workers: state.workers.length, wallSeconds: 0 },
    runs,
    untrained: begun.flatMap((seed) =>
      state.untrained.filter((u) => u.seed === seed).map((u) => ({ seed, eval: u.report })),
    ),
    pairedDifferences: paired,
    summary: summarySentence(paired),
    source: 'page',
    adapter: state.backend?.adapter ?? null,
    versions,
    ...(session.folder ? { faces: facesRecord(session.folder, state) } : {}),
  };
}

export { CSV_HEADER };

/**
 * Every series as one CSV in the runner's runs.csv format (core/results/runsCsv.ts): the store's
 * losses and smoothed losses (a step whose loss point was dropped by the series' bound but that
 * was evaluated gets a row with empty losses), `lr` from the session's schedule as in runResult.
 */
export function seriesCsv(state: UiState, config: ExperimentConfig): string {
  return runsCsv(
    [...state.runs]
      .sort((a, b) => a.unit - b.unit)
      .map((r) => ({
        label: r.label,
        seed: r.seed,
        steps: r.steps,
        loss: r.loss,
        smooth: r.smooth,
        lr: r.steps.map((step) => learningRateAt(step - 1, config.steps, config.optim)),
        evals: r.evals,
      })),
  );
}
