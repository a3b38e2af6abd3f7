/**
 * What a ghost reads of a run file beyond what parseRunFile checks (the history, the evaluations'
 * step, accuracy and AUC): the rest of each report, the untrained probe, the analysis and the
 * config's runs and steps. A file from an older build or another tool may lack them or hold
 * something else there; each is read as far as it is well formed and otherwise left out, so such a
 * file draws what it has and never breaks a chart or a table.
 */
import type { ResultsFile } from '../../core/results/resultsFile';
import type { RunResult } from '../../core/results/resultsFile';
import type { LipschitzPoint } from '../../core/analysis/analyzer';
import type { RunSpec } from '../../core/config';
import type { EvalReport } from '../../core/eval/report';
import type { Rank1Coverage } from '../../core/eval/rank1';
import { maxOf } from '../../core/stats/extremes';
import { thinned } from './bounds';

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const numOr = <T>(x: unknown, fallback: T): number | T => (isNum(x) ? x : fallback);
const numbers = (x: unknown): x is number[] => Array.isArray(x) && x.every(isNum);

/** rank1Coverage as written since rank-1 skips single-image identities; null when absent (older files) or malformed. */
function coverageOf(x: unknown): Rank1Coverage | null {
  if (!isObject(x) || !isNum(x.identities) || !isNum(x.testIdentities) || !isNum(x.probes)) return null;
  if (x.notApplicable !== null && typeof x.notApplicable !== 'string') return null;
  return {
    identities: x.identities,
    testIdentities: x.testIdentities,
    probes: x.probes,
    notApplicable: x.notApplicable,
  };
}

/** A report with the accuracy and AUC parseRunFile checked; the other metrics as far as present (NaN, "n/a" in the tables). */
export function tolerantReport(e: { accuracy: number; auc: number }): EvalReport {
  const x = e as unknown as Record<string, unknown>;
  const far = isObject(x.tarAtFar) ? x.tarAtFar : {};
  const coverage = coverageOf(x.rank1Coverage);
  // A file's ROC may hold a point per pair: drawn from at most MAX_DRAWN of them, as a loss history.
  const roc =
    isObject(x.roc) && numbers(x.roc.fpr) && numbers(x.roc.tpr) && x.roc.fpr.length === x.roc.tpr.length
      ? { fpr: thinned(x.roc.fpr), tpr: thinned(x.roc.tpr) }
      : { fpr: [], tpr: [] };
  return {
    accuracy: e.accuracy,
    accuracyStdErr: numOr(x.accuracyStdErr, NaN),
    auc: e.auc,
    rank1: numOr(x.rank1, NaN),
    ...(coverage === null ? {} : { rank1Coverage: coverage }),
    tarAtFar: Object.fromEntries(Object.entries(far).filter(([, v]) => v === null || isNum(v))) as Record<
      string,
      number | null
    >,
    lookalikeAccuracy: numOr(x.lookalikeAccuracy, null),
    roc,
    pairs: numOr(x.pairs, 0),
  };
}

const PROBE_KEYS = ['step', 'lossMin', 'lossMax', 'gradPredMin', 'gradPredMax', 'beta', 'lipschitz'] as const;

/** The smoothness probes and agent distances of a run, the well-formed points only. */
export function tolerantAnalysis(r: RunResult): {
  smoothness: LipschitzPoint[];
  agents: RunResult['analysis']['agents'];
} {
  const a: unknown = (r as unknown as Record<string, unknown>).analysis;
  if (!isObject(a)) return { smoothness: [], agents: [] };
  const smoothness = Array.isArray(a.lipschitz)
    ? a.lipschitz.filter((p): p is LipschitzPoint => isObject(p) && PROBE_KEYS.every((k) => isNum(p[k])))
    : [];
  const agents = Array.isArray(a.agents)
    ? a.agents.filter(
        (p): p is RunResult['analysis']['agents'][number] =>
          isObject(p) && isNum(p.step) && numbers(p.distance) && numbers(p.featureCosine),
      )
    : [];
  return { smoothness, agents };
}

/** The untrained probe's reports of the file's seeds that have one with an accuracy and AUC. */
export function tolerantUntrained(file: ResultsFile): EvalReport[] {
  const u: unknown = file.untrained;
  if (!Array.isArray(u)) return [];
  return u.flatMap((x) =>
    isObject(x) && isObject(x.eval) && isNum(x.eval.accuracy) && isNum(x.eval.auc)
      ? [tolerantReport(x.eval as { accuracy: number; auc: number })]
      : [],
  );
}

export const METHODS: ReadonlyArray<RunSpec['method']> = ['conventional', 'sst', 'masst'];

/** The config's runs that are run specs (they order the paired differences and give the colours). */
export function configRuns(file: ResultsFile): RunSpec[] {
  const runs: unknown = file.config.runs;
  if (!Array.isArray(runs)) return [];
  return runs.filter(
    (s): s is RunSpec => isObject(s) && METHODS.some((m) => m === s.method) && Number.isInteger(s.agents),
  );
}

/** The steps the file's comparison was set to train; without them, its last step. */
export function configSteps(file: ResultsFile): number {
  const steps: unknown = file.config.steps;
  if (Number.isInteger(steps)) return steps as number;
  // parseRunFile checked that the steps increase: each run's last history and eval step are its largest.
  return maxOf(
    file.runs.flatMap((r) => [r.history[r.history.length - 1]?.step ?? 0, r.evals[r.evals.length - 1]?.step ?? 0]),
    0,
  );
}
