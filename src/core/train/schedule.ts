/**
 * Step learning-rate schedule with optional linear warm-up (docs/method.md §4: LR 0.1, ×0.1 steps).
 * Milestones are fractions of the run so a preset keeps its shape at any length.
 */
import type { OptimConfig } from '../config';

/** Learning rate for 0-based step t of a run of `totalSteps`. */
export function learningRateAt(t: number, totalSteps: number, optim: OptimConfig): number {
  if (optim.warmupSteps > 0 && t < optim.warmupSteps) {
    return (optim.lr * (t + 1)) / optim.warmupSteps;
  }
  let lr = optim.lr;
  for (const m of optim.milestones) if (t >= Math.round(m * totalSteps)) lr *= optim.gamma;
  return lr;
}
