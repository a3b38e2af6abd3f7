/**
 * What the PyTorch export (templates/torch) carries over from an ExperimentConfig. Every training
 * and evaluation option is implemented there; the playground's measurements of the loss landscape
 * (analysis.*: Santurkar probes, 1-D/2-D slices) are not, so an export asking for them is refused
 * by name rather than exported without them.
 */
import type { ExperimentConfig } from '../config';

/** The analysis settings an export leaves off: the project trains and evaluates, it does not probe. */
export function withoutAnalysis(config: ExperimentConfig): ExperimentConfig {
  return { ...config, analysis: { ...config.analysis, every: 0, landscapeEvery: 0, slice2d: false } };
}

/** One line per option the export cannot carry, naming the field, its value and what is allowed. */
export function torchExportProblems(config: ExperimentConfig): string[] {
  const problems: string[] = [];
  const a = config.analysis;
  const why = 'the PyTorch export trains and evaluates but does not measure the loss landscape yet';
  if (a.every !== 0) problems.push(`analysis.every = ${a.every} is not supported by the export (${why}); allowed: 0`);
  if (a.landscapeEvery !== 0)
    problems.push(`analysis.landscapeEvery = ${a.landscapeEvery} is not supported by the export (${why}); allowed: 0`);
  if (a.slice2d) problems.push(`analysis.slice2d = true is not supported by the export (${why}); allowed: false`);
  return problems;
}
