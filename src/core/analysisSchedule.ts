/**
 * What is due after a training step, for the page's engine (worker/engine.ts) and the runner
 * (cli/trainRuns.ts) alike, so that the same config records the same analysis steps in both.
 *
 * The rules (steps count from 1; `total` is the config's steps):
 * - evaluate: every `eval.every` steps, and at the last step (the final evaluation);
 * - smoothness (probe and agent drift): every `analysis.every` steps, and at the last step when
 *   `analysis.every` > 0, so every run ends with a measurement of its final weights whatever the
 *   divisibility of the step count (the runner always did this; the page now does too);
 * - slice: a periodic 1-D landscape slice every `analysis.landscapeEvery` steps. At the last step
 *   the runner records it as the run's final slice (taken there even when this is 0, with the 2-D
 *   one if enabled); the page slices at the last step only when it is a multiple;
 * - checkpoint: every `checkpointEvery` steps before the last one; the host saves the last step's
 *   checkpoint itself when training ends (the page on finish, the runner with the final records).
 * An interval of 0 switches that periodic item off.
 */
import type { ExperimentConfig } from './config';

export interface AnalysisSchedule {
  /** The config's steps: the last step. */
  total: number;
  evalEvery: number;
  smoothEvery: number;
  sliceEvery: number;
  /** Steps between two periodic checkpoints (the page's `checkpoint=`, the runner's `--checkpoint-every`); 0 = none. */
  checkpointEvery: number;
}

export interface DueAtStep {
  evaluate: boolean;
  smoothness: boolean;
  slice: boolean;
  checkpoint: boolean;
  /** The last step: the final evaluation, and the runner's final slices. */
  last: boolean;
}

/** The schedule of a config, with the host's checkpoint interval. */
export function analysisSchedule(config: ExperimentConfig, checkpointEvery: number): AnalysisSchedule {
  return {
    total: config.steps,
    evalEvery: config.eval.every,
    smoothEvery: config.analysis.every,
    sliceEvery: config.analysis.landscapeEvery,
    checkpointEvery,
  };
}

const multiple = (step: number, every: number): boolean => every > 0 && step % every === 0;

/** What is due after step `step` (1 … total). */
export function dueAt(step: number, s: AnalysisSchedule): DueAtStep {
  const last = step === s.total;
  return {
    evaluate: multiple(step, s.evalEvery) || last,
    smoothness: s.smoothEvery > 0 && (multiple(step, s.smoothEvery) || last),
    slice: multiple(step, s.sliceEvery),
    checkpoint: multiple(step, s.checkpointEvery) && step < s.total,
    last,
  };
}
