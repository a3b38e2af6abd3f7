/**
 * The smoothed loss the page draws and both CSVs write: an exponential moving average over the
 * loss points in order (the first point is its own average). Pure.
 */

/** Weight of the previous average: about the last 10 points count (1 / (1 − 0.9)). */
export const SMOOTHING = 0.9;

/** The EMA of the losses, point by point as the page's store computes it (ui/store/state.ts appendLoss). */
export function smoothed(loss: readonly number[]): number[] {
  const out: number[] = [];
  for (const value of loss) {
    const prev = out[out.length - 1];
    out.push(prev === undefined ? value : SMOOTHING * prev + (1 - SMOOTHING) * value);
  }
  return out;
}
