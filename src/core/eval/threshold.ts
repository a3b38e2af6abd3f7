/**
 * Choosing a verification threshold on a set of scored pairs (docs/method.md §7).
 *
 * Candidates follow FaceX-Zoo's `LFWEvaluator.getThreshold` (test_protocol/lfw/lfw_evaluator.py)
 * exactly: with the chosen pairs' scores spanning [min, max], the 1,000 candidates are
 * `min + k·(max − min)/1000` for k = 1..1000. The grid is NOT a fixed grid over [−1, 1]: it adapts
 * to the scores, never contains `min` itself and ends at `max` (reject everything).
 *
 * A pair is accepted as "same" when its score is strictly greater than the threshold (FaceX-Zoo's
 * `score > thres`; InsightFace's `dist < thres` is the same for cosine, since dist = 2 − 2·cos).
 * Rules, each picking the first best candidate (the lowest, as np.argmax does):
 * - 'tprMinusFpr' (FaceX-Zoo): maximise TPR − FPR (Youden's J);
 * - 'accuracy' (InsightFace): maximise (TP + TN) / pairs. InsightFace scans its own grid, 400
 *   squared-distance thresholds `np.arange(0, 4, 0.01)`; here it scans the FaceX-Zoo grid above so
 *   the two rules differ only in the objective. With as many positives as negatives the two
 *   objectives are the same up to scale and pick the same threshold.
 */
import type { ThresholdRule } from '../config';

/** Number of threshold candidates, as in FaceX-Zoo. */
export const THRESHOLD_CANDIDATES = 1000;

/** The candidate thresholds for scores spanning [min, max], ascending, [THRESHOLD_CANDIDATES]. */
export function thresholdCandidates(min: number, max: number): Float64Array {
  const step = (max - min) / THRESHOLD_CANDIDATES;
  return Float64Array.from({ length: THRESHOLD_CANDIDATES }, (_, i) => min + step * (i + 1));
}

/** Number of entries of an ascending array strictly greater than t, scanning from `from` (a cursor). */
function firstAbove(sorted: Float64Array, t: number, from: number): number {
  let i = from;
  while (i < sorted.length && (sorted[i] as number) <= t) i++;
  return i;
}

/**
 * The threshold the rule picks on the given pairs.
 * @param positives scores of the same-identity pairs (cosine), at least one.
 * @param negatives scores of the different-identity pairs, at least one.
 * @returns a candidate of `thresholdCandidates(min, max)` over all the given scores.
 */
export function chooseThreshold(
  positives: ArrayLike<number>,
  negatives: ArrayLike<number>,
  rule: ThresholdRule,
): number {
  const P = positives.length;
  const N = negatives.length;
  if (P === 0 || N === 0) {
    throw new Error(`chooseThreshold: needs positive and negative pairs, got ${P} positive and ${N} negative`);
  }
  const pos = Float64Array.from(positives).sort();
  const neg = Float64Array.from(negatives).sort();
  const min = Math.min(pos[0] as number, neg[0] as number);
  const max = Math.max(pos[P - 1] as number, neg[N - 1] as number);
  let best = -Infinity;
  let bestThreshold = max;
  let posCut = 0;
  let negCut = 0;
  for (const t of thresholdCandidates(min, max)) {
    posCut = firstAbove(pos, t, posCut);
    negCut = firstAbove(neg, t, negCut);
    const tp = P - posCut;
    const fp = N - negCut;
    const value = rule === 'tprMinusFpr' ? tp / P - fp / N : (tp + N - fp) / (P + N);
    if (value > best) {
      best = value;
      bestThreshold = t;
    }
  }
  return bestThreshold;
}
