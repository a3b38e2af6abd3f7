/**
 * Training of one comparison (the config's runs, one seed) on a given dataset: build the lock-step
 * comparison, train every run for the configured steps, evaluate at the configured interval and at
 * the end, at the steps core/analysisSchedule.ts names (the page's engine follows the same
 * schedule). A pool worker calls it with a one-run config; runs are independent given the seed
 * (same initial weights, same batch order, same probe batch and directions), so a run trained
 * alone gives the same numbers as in a lock-step comparison (tested on cpu, bit for bit).
 * A stop request ends training before the next step: the runs come back marked interrupted, with
 * the history and evaluations so far and no final evaluation. A run whose loss turns non-finite
 * stops at that step (`diverged`), keeps its history and evaluations up to then, and has no final
 * evaluation; the other runs train on, their numbers unchanged.
 * Checkpoints (core/train/checkpoint.ts) are handed to a save function with the runs' records up
 * to their step: every `every` steps, on a stop and at the end. Resumed from one (`from`), the
 * runs continue with the numbers they would have had without the break (tested on cpu, bit for bit).
 */
import { Analyzer } from '../core/analysis/analyzer';
import { analysisSchedule, dueAt } from '../core/analysisSchedule';
import type { ExperimentConfig } from '../core/config';
import type { RunResult, SeedResult } from '../core/results/resultsFile';
import { convImplFor } from '../core/model/conv';
import * as tf from '../core/tf';
import type { ComparisonCheckpoint } from '../core/train/checkpoint';
import { Comparison } from '../core/train/comparison';
import { evaluateRunUnlessDiverged, evaluateUntrained } from '../core/train/evaluateRuns';
import type { FaceDataset } from '../core/data/types';

/** Called after every step with the step number and each run's loss. */
export type StepFn = (step: number, losses: number[]) => void;

/** Asked before every step and before the final evaluation; true ends training there. */
export type StopFn = () => boolean;

/**
 * Stores a checkpoint with the runs' records up to its step (same order as the config's runs);
 * training waits for it, so a stop never ends the process with a checkpoint half written.
 */
export type SaveFn = (checkpoint: ComparisonCheckpoint, runs: readonly RunResult[]) => Promise<void>;

export interface TrainOptions {
  onStep?: StepFn;
  shouldStop?: StopFn;
  /** Periodic checkpoints every `every` steps (0 = none); one is always saved on a stop and at the end. */
  checkpoints?: { every: number; save: SaveFn };
  /**
   * Continue from this checkpoint: `runs` are the records of the config's runs, in its order,
   * reaching at least the checkpoint's step (what comes after it is dropped and recomputed).
   */
  from?: { checkpoint: ComparisonCheckpoint; runs: readonly RunResult[] };
}

/**
 * A run's record as it was at the end of `step`: history, evaluations and analysis points after
 * it dropped, no final evaluation or slices, not interrupted. Throws, naming `source`, when the
 * record does not reach `step` (a diverged run's record ends where it diverged and reaches any step).
 */
export function recordAt(run: RunResult, step: number, source: string): RunResult {
  const last = run.history[run.history.length - 1]?.step ?? 0;
  if (run.diverged === null && last < step) {
    throw new Error(
      `${source}: the checkpoint is at step ${step}, but the history of ${run.label} on seed ${run.seed} ends at step ${last}`,
    );
  }
  const upTo = <T extends { step: number }>(xs: readonly T[]): T[] => xs.filter((x) => x.step <= step);
  const a = run.analysis;
  return {
    ...run,
    history: upTo(run.history),
    evals: upTo(run.evals),
    eval: null,
    interrupted: false,
    diverged: run.diverged !== null && run.diverged.step <= step ? run.diverged : null,
    analysis: {
      lipschitz: upTo(a.lipschitz),
      landscape1d: null,
      landscape2d: null,
      landscape1dHistory: upTo(a.landscape1dHistory),
      agents: upTo(a.agents),
    },
  };
}

function freshRecord(cmp: Comparison, seed: number): RunResult[] {
  return cmp.runs.map((r) => ({
    method: r.spec.method,
    agents: r.spec.agents,
    label: r.label,
    seed,
    history: [],
    evals: [],
    eval: null,
    interrupted: false,
    diverged: null,
    msPerStep: 0,
    msPerEval: 0,
    analysis: { lipschitz: [], landscape1d: null, landscape2d: null, landscape1dHistory: [], agents: [] },
  }));
}

function resumedRecords(cmp: Comparison, from: NonNullable<TrainOptions['from']>): RunResult[] {
  const step = from.checkpoint.step;
  return cmp.runs.map((r, i) => {
    const saved = from.runs[i];
    if (saved?.label !== r.label || saved.seed !== cmp.config.seed) {
      throw new Error(
        `trainRuns: record ${i} is ${saved ? `${saved.label} on seed ${saved.seed}` : 'missing'}, expected ${r.label} on seed ${cmp.config.seed}`,
      );
    }
    return recordAt(saved, step, 'trainRuns');
  });
}

export async function trainRuns(
  config: ExperimentConfig,
  dataset: FaceDataset,
  backend: string,
  options: TrainOptions = {},
): Promise<SeedResult> {
  const { onStep, shouldStop, checkpoints, from } = options;
  const cmp = new Comparison(config, dataset, convImplFor(backend));
  try {
    const untrained = await evaluateUntrained(cmp);
    const runs = from ? resumedRecords(cmp, from) : freshRecord(cmp, config.seed);
    if (from) cmp.restore(from.checkpoint);
    const analyzer = new Analyzer(cmp);
    let saved = cmp.steps;
    const schedule = analysisSchedule(config, checkpoints?.every ?? 0);
    const save = async (): Promise<void> => {
      if (!checkpoints) return;
      await checkpoints.save(await cmp.checkpoint(), runs);
      saved = cmp.steps;
    };
    for (let step = cmp.steps + 1; step <= config.steps; step++) {
      if (shouldStop?.()) break;
      const lr = cmp.learningRate;
      const losses = cmp.stepActive(runs.map((r) => r.diverged === null));
      const values = await Promise.all(losses.map(async (l) => (l === null ? NaN : ((await l.data())[0] as number))));
      tf.dispose(losses.filter((l): l is tf.Scalar => l !== null));
      values.forEach((loss, i) => {
        const run = runs[i] as RunResult;
        if (run.diverged !== null) return;
        if (Number.isFinite(loss)) run.history.push({ step, loss, lr });
        else run.diverged = { step, what: `loss ${loss}` };
      });
      // The last step's evaluation and slices are the final ones, taken after the loop.
      const due = dueAt(step, schedule);
      if (due.evaluate && !due.last) await evaluateAll(cmp, runs, step, 'evals');
      if (due.smoothness) await measure(analyzer, runs);
      if (due.slice && !due.last) await slices(analyzer, runs);
      if (checkpoints && due.checkpoint) await save();
      onStep?.(step, values);
    }
    // Over every step the runs took, those before a resume included (their time is in the checkpoint).
    const done = cmp.steps;
    runs.forEach((r, i) => (r.msPerStep = done > 0 ? (cmp.stepMsTotal[i] ?? 0) / done : 0));
    if (shouldStop?.()) {
      for (const r of runs) r.interrupted = true;
      // Not again when the checkpoint of this step is already saved (periodic, or the one resumed from).
      if (saved !== cmp.steps) await save();
      return { seed: config.seed, runs, untrained };
    }
    // Taken before the final evaluation and slices (they change no state) and saved with the
    // finished records, so the last checkpoint of a run matches its complete record.
    const last = checkpoints ? await cmp.checkpoint() : null;
    await evaluateAll(cmp, runs, config.steps, 'eval');
    await landscapes(analyzer, runs, config.analysis.slice2d);
    if (checkpoints && last) await checkpoints.save(last, runs);
    return { seed: config.seed, runs, untrained };
  } finally {
    cmp.dispose();
  }
}

/** A diverged run has NaN weights: it is not measured, sliced or evaluated again. */
const live = (run: RunResult): boolean => run.diverged === null;

async function measure(analyzer: Analyzer, runs: RunResult[]): Promise<void> {
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as RunResult;
    if (!live(run)) continue;
    run.analysis.lipschitz.push(await analyzer.smoothness(i));
    const agents = await analyzer.agents(i);
    if (agents) run.analysis.agents.push(agents);
  }
}

async function slices(analyzer: Analyzer, runs: RunResult[]): Promise<void> {
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as RunResult;
    if (live(run)) run.analysis.landscape1dHistory.push(await analyzer.landscape1d(i));
  }
}

async function landscapes(analyzer: Analyzer, runs: RunResult[], with2d: boolean): Promise<void> {
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as RunResult;
    if (!live(run)) continue;
    run.analysis.landscape1d = await analyzer.landscape1d(i);
    if (with2d) run.analysis.landscape2d = await analyzer.landscape2d(i);
  }
}

async function evaluateAll(cmp: Comparison, runs: RunResult[], step: number, into: 'evals' | 'eval'): Promise<void> {
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as RunResult;
    if (!live(run)) continue;
    const start = performance.now();
    const report = await evaluateRunUnlessDiverged(cmp, i);
    if (report === null) {
      run.diverged = { step, what: 'weights not finite' };
      continue;
    }
    // Running mean over this run's evaluations: those during training, then the last one.
    run.msPerEval += (performance.now() - start - run.msPerEval) / (run.evals.length + 1);
    if (into === 'eval') run.eval = report;
    else run.evals.push({ step, ...report });
  }
}
