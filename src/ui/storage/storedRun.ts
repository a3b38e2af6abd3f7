/**
 * One finished run in the page's run store (runStore.ts): what a sweep cell needs of it, both for
 * its numbers (summary.ts RunRecordView: final evaluation, divergence, smoothness probes) and for
 * its charts when the cell is shown (loss, evaluations, smoothness, agent drift, the untrained probe
 * of its seed), under its run key (core/sweep/runKey.ts) with the key's input kept beside it.
 * checkStoredRun checks a record read back before anything uses it: a record of the wrong shape
 * (an older build, a half-written transaction, a hand edit) is dropped and the run trained again.
 */
import type { RunSpec } from '../../core/config';
import { METHODS } from '../../core/config';
import type { EvalReport } from '../../core/eval/report';
import type { RunKeyInput } from '../../core/sweep/runKey';
import type { RunRecordView } from '../../core/sweep/summary';
import type { RunSeries } from '../store/state';
import { shown } from './savedComparison';

/** Bump on any change of the record's layout: older records are dropped with a note and retrained. */
export const PAGE_RUN_STORE_VERSION = 1;

/** A run's series as the page kept it, without its place in a comparison (unit, run index) nor the views that are not results (queue, embeddings, landscape slices). */
export type RunData = Omit<RunSeries, 'unit' | 'run' | 'queue' | 'embeddings' | 'landscape1d' | 'landscape2d'>;

export interface StoredRun {
  version: number;
  key: string;
  input: RunKeyInput;
  /** Wall time of its training round, s. */
  seconds: number;
  /** ms since the epoch. */
  savedAt: number;
  data: RunData;
  /** The untrained probe of its seed (every method of a seed starts from it). */
  untrained: EvalReport;
}

/** A finished run's series, trimmed to what is stored. */
export function runData(series: RunSeries): RunData {
  return {
    seed: series.seed,
    spec: series.spec,
    label: series.label,
    steps: series.steps,
    loss: series.loss,
    smooth: series.smooth,
    msPerStep: series.msPerStep,
    evals: series.evals,
    latest: series.latest,
    smoothness: series.smoothness,
    agents: series.agents,
    diverged: series.diverged,
  };
}

/** The run's numbers as a sweep reads them: its final evaluation (none if it diverged before the last step). */
export function recordView(data: RunData, steps: number): RunRecordView {
  const last = data.evals[data.evals.length - 1];
  const final = data.diverged === null && last !== undefined && last.step === steps ? last : null;
  return {
    eval: final === null ? null : { accuracy: final.accuracy, auc: final.auc },
    diverged: data.diverged === null ? null : { step: data.diverged.step, what: data.diverged.message },
    interrupted: false,
    analysis: { lipschitz: data.smoothness },
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNumber = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);
const numbers = (x: unknown): x is number[] => Array.isArray(x) && x.every(isNumber);

function specProblems(x: unknown): string[] {
  if (!isObject(x) || !METHODS.includes(x.method as RunSpec['method']) || !Number.isInteger(x.agents)) {
    return [`data.spec is ${shown(x)}: expected {method: ${METHODS.join(' | ')}, agents: an integer}`];
  }
  return [];
}

function dataProblems(d: unknown): string[] {
  if (!isObject(d)) return [`data is ${shown(d)}: expected the run's series`];
  const out = specProblems(d.spec);
  if (typeof d.label !== 'string') out.push(`data.label is ${shown(d.label)}: expected text`);
  if (!Number.isInteger(d.seed)) out.push(`data.seed is ${shown(d.seed)}: expected an integer`);
  for (const k of ['steps', 'loss', 'smooth'] as const)
    if (!numbers(d[k])) out.push(`data.${k} is ${shown(d[k])}: expected a list of numbers`);
  if (
    numbers(d.steps) &&
    numbers(d.loss) &&
    numbers(d.smooth) &&
    (d.loss.length !== d.steps.length || d.smooth.length !== d.steps.length)
  ) {
    out.push(
      `data.loss has ${d.loss.length} and data.smooth ${d.smooth.length} points: expected ${d.steps.length}, one per step of data.steps`,
    );
  }
  if (
    !Array.isArray(d.evals) ||
    !d.evals.every((e) => isObject(e) && isNumber(e.step) && isNumber(e.accuracy) && isNumber(e.auc))
  ) {
    out.push(`data.evals is ${shown(d.evals)}: expected a list of {step, accuracy, auc}`);
  }
  if (
    !Array.isArray(d.smoothness) ||
    !d.smoothness.every(
      (p) => isObject(p) && isNumber(p.step) && typeof p.lipschitz === 'number' && typeof p.beta === 'number',
    )
  ) {
    out.push(`data.smoothness is ${shown(d.smoothness)}: expected a list of {step, lipschitz, beta, …}`);
  }
  if (!Array.isArray(d.agents)) out.push(`data.agents is ${shown(d.agents)}: expected a list`);
  if (d.latest !== null && !(isObject(d.latest) && isNumber(d.latest.accuracy)))
    out.push(`data.latest is ${shown(d.latest)}: expected an evaluation report or null`);
  if (
    d.diverged !== null &&
    !(isObject(d.diverged) && isNumber(d.diverged.step) && typeof d.diverged.message === 'string')
  ) {
    out.push(`data.diverged is ${shown(d.diverged)}: expected null or {step, message}`);
  }
  if (!isNumber(d.msPerStep)) out.push(`data.msPerStep is ${shown(d.msPerStep)}: expected a number`);
  return out;
}

/** Every problem of a record read back under `key` (empty: it is a StoredRun). */
export function checkStoredRun(x: unknown, key: string): string[] {
  if (!isObject(x)) return [`the record is ${shown(x)}: expected an object`];
  if (x.version !== PAGE_RUN_STORE_VERSION)
    return [`version is ${shown(x.version)}: expected ${PAGE_RUN_STORE_VERSION}`];
  const out: string[] = [];
  if (x.key !== key) out.push(`key is ${shown(x.key)}: expected "${key}", the key it is stored under`);
  if (!isObject(x.input) || !isObject(x.input.fields))
    out.push(`input is ${shown(x.input)}: expected the run key's input`);
  if (!isNumber(x.seconds) || x.seconds < 0) out.push(`seconds is ${shown(x.seconds)}: expected a number ≥ 0`);
  if (!isNumber(x.savedAt)) out.push(`savedAt is ${shown(x.savedAt)}: expected ms since the epoch`);
  if (!isObject(x.untrained) || !isNumber(x.untrained.accuracy))
    out.push(`untrained is ${shown(x.untrained)}: expected an evaluation report`);
  out.push(...dataProblems(x.data));
  return out;
}
