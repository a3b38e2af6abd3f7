/**
 * The runner's results file (results.json): its schema, its version and the records it holds, in
 * core so that the page (which exports and imports the same file) and the runner share one
 * declaration. Plain data and pure functions only: writing it is the runner's (cli/results.ts).
 */
import type { Landscape1d, Landscape2d, LipschitzPoint } from '../analysis/analyzer';
import type { ExperimentConfig } from '../config';
import { runLabel } from '../config';
import type { EvalReport } from '../eval/report';
import type { PairedRow } from '../stats/paired';
import { pairedDifferences } from '../stats/paired';
import { summarySentence } from '../stats/verdict';

export interface RunAnalysis {
  lipschitz: LipschitzPoint[];
  /** The final 1-D slice (and 2-D if enabled), and the 1-D slices taken every landscapeEvery steps. */
  landscape1d: Landscape1d | null;
  landscape2d: Landscape2d | null;
  landscape1dHistory: Landscape1d[];
  agents: Array<{ step: number; distance: number[]; featureCosine: number[] }>;
}

export interface RunResult {
  method: string;
  agents: number;
  label: string;
  seed: number;
  history: Array<{ step: number; loss: number; lr: number }>;
  /** Evaluations during training, by step. */
  evals: Array<{ step: number } & EvalReport>;
  /** The evaluation after the last step; null when the run was interrupted. */
  eval: EvalReport | null;
  /** Stopped before its last step's evaluation: `history` and `evals` hold what it did. */
  interrupted: boolean;
  /** Where the run stopped because its loss or weights were not finite ("loss NaN", "weights not finite"); null when it never diverged. */
  diverged: { step: number; what: string } | null;
  /** Mean wall time of one training step of this run (over the steps done; 0 for none), ms. */
  msPerStep: number;
  /** Mean wall time of one evaluation (embedding the test images, scoring every pair), ms. */
  msPerEval: number;
  analysis: RunAnalysis;
}

export interface SeedResult {
  seed: number;
  runs: RunResult[];
  untrained: EvalReport;
}

/** Bump on any change of meaning or layout; readers refuse newer versions. */
export const RESULTS_VERSION = 4;

/**
 * Version 4 (over 3): `plannedSeeds`, every seed asked for, so that `--resume` also trains the
 * seeds none of whose runs had started; `pool.wallSeconds` sums every session of a resumed run.
 * Version 3 (over 2): `complete`; each run's `interrupted` and `diverged` (the step whose loss was
 * not finite), and its `eval` null when interrupted or diverged.
 * The runner writes the file first, before training, as the plan (no runs yet), then after each
 * seed whose runs have all finished and again when stopped by a signal, so a file with
 * `complete: false` is a valid, partial comparison.
 */
export interface ResultsFile {
  version: number;
  /** Every run of every seed finished; false in a file written after one seed or on a signal. */
  complete: boolean;
  config: ExperimentConfig;
  /** The seeds with at least one run in `runs`, in the order given; `config.seed` is the first seed given. */
  seeds: number[];
  /** Every seed of the experiment (--seeds or the preset's), in the order given. */
  plannedSeeds: number[];
  backend: string;
  /**
   * Worker threads of the pool and the wall time of the comparison until this write (faces
   * included; on a resumed run, the sessions before plus this one), s.
   */
  pool: { workers: number; wallSeconds: number };
  /** Finished runs, and runs stopped by a signal (`interrupted: true`, `eval: null`). */
  runs: RunResult[];
  untrained: Array<{ seed: number; eval: EvalReport }>;
  /** Final 10-fold accuracy and AUC of each method minus each earlier one, paired by seed, over finished runs. */
  pairedDifferences: PairedRow[];
  /** The paired table in words (core/stats/verdict.ts). */
  summary: string;
  /** Present when the faces came from a folder (`--faces`, or "Your faces" on the page). */
  faces?: FacesRecord;
  /**
   * Who wrote the file when not the runner (the runner writes none): "page" (the page's Download
   * results), "pytorch" (the exported PyTorch project's train.py, templates/torch).
   */
  source?: string;
}

/** The `source` of a results.json written by the exported PyTorch project (templates/torch/train.py RESULTS_SOURCE). */
export const PYTORCH_SOURCE = 'pytorch';

/** Whether a parsed results.json was written by the exported PyTorch project. */
export function fromPytorch(file: unknown): boolean {
  return typeof file === 'object' && file !== null && (file as { source?: unknown }).source === PYTORCH_SOURCE;
}

/** Which folder a comparison trained on: enough to find it again and to tell it changed. */
export interface FacesRecord {
  /** The folder as given to --faces (the page: its name). */
  folder: string;
  /** --pairs as given, or the pairs.txt found in the folder; null: pairs sampled by the seed. */
  pairsFile: string | null;
  /** Hash of the folder's listing (core/faces/listing.ts). */
  key: string;
  identities: number;
  images: number;
  pairsFormat: 'lfw-10-fold' | 'list' | null;
}

/** The runs with a final evaluation. */
export function finished(runs: readonly RunResult[]): Array<RunResult & { eval: EvalReport }> {
  return runs.filter((r): r is RunResult & { eval: EvalReport } => r.eval !== null);
}

export function collectResults(
  config: ExperimentConfig,
  plannedSeeds: readonly number[],
  seeds: SeedResult[],
  backend: string,
  pool: ResultsFile['pool'],
  complete: boolean,
): ResultsFile {
  const runs = seeds.flatMap((s) => s.runs);
  const outcomes = finished(runs).map((r) => ({
    label: r.label,
    seed: r.seed,
    accuracy: r.eval.accuracy,
    auc: r.eval.auc,
  }));
  const paired = pairedDifferences(outcomes, config.runs.map(runLabel));
  return {
    version: RESULTS_VERSION,
    complete,
    config,
    seeds: seeds.map((s) => s.seed),
    plannedSeeds: [...plannedSeeds],
    backend,
    pool,
    runs,
    untrained: seeds.map((s) => ({ seed: s.seed, eval: s.untrained })),
    pairedDifferences: paired,
    summary: summarySentence(paired),
  };
}

/** The diverged runs, e.g. "SST on seed 2 at step 37 (loss NaN)". */
export function divergedRuns(results: ResultsFile): string[] {
  return results.runs.flatMap((r) =>
    r.diverged === null ? [] : [`${r.label} on seed ${r.seed} at step ${r.diverged.step} (${r.diverged.what})`],
  );
}

/** The interrupted runs, e.g. "SST on seed 2 after 12 of 30 steps". */
export function interruptedRuns(results: ResultsFile): string[] {
  return results.runs
    .filter((r) => r.interrupted)
    .map((r) => `${r.label} on seed ${r.seed} after ${r.history.length} of ${results.config.steps} steps`);
}
