/**
 * ROC curve, AUC and TAR@FAR from pair scores. A pair is accepted when score > threshold; the
 * curve has one point per distinct score (tied scores move together, as one step).
 */

export interface RocCurve {
  /** False accept rate per point, increasing from 0 to 1. */
  fpr: number[];
  /** True accept rate per point. */
  tpr: number[];
}

function classCounts(same: Uint8Array): { pos: number; neg: number } {
  let pos = 0;
  for (const s of same) pos += s ? 1 : 0;
  const neg = same.length - pos;
  if (pos === 0 || neg === 0) throw new Error(`ROC needs positive and negative pairs, got ${pos} positive and ${neg} negative`);
  return { pos, neg };
}

/** Exact ROC: (0, 0), then one point after each group of equal scores, descending. */
export function rocCurve(scores: Float32Array, same: Uint8Array): RocCurve {
  const { pos, neg } = classCounts(same);
  const order = Array.from(scores.keys()).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const fpr = [0];
  const tpr = [0];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k] as number;
    if (same[i]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      fpr.push(fp / neg);
      tpr.push(tp / pos);
    }
  }
  return { fpr, tpr };
}

/** Area under the ROC: P(score of a positive > score of a negative), ties counted ½. */
export function auc(scores: Float32Array, same: Uint8Array): number {
  const { fpr, tpr } = rocCurve(scores, same);
  let area = 0;
  for (let k = 1; k < fpr.length; k++) {
    area += ((fpr[k] as number) - (fpr[k - 1] as number)) * ((tpr[k] as number) + (tpr[k - 1] as number)) / 2;
  }
  return area;
}

/**
 * TAR at each target FAR: the highest TPR among operating points with FPR ≤ target. null ("n/a")
 * where the target is below 1/(negative pairs), which the pairs cannot measure.
 */
export function tarAtFar(scores: Float32Array, same: Uint8Array, fars: readonly number[]): Record<string, number | null> {
  const { neg } = classCounts(same);
  const { fpr, tpr } = rocCurve(scores, same);
  const out: Record<string, number | null> = {};
  for (const far of fars) {
    if (far < 1 / neg) {
      out[String(far)] = null;
      continue;
    }
    let best = 0;
    for (let k = 0; k < fpr.length; k++) if ((fpr[k] as number) <= far + 1e-12) best = Math.max(best, tpr[k] as number);
    out[String(far)] = best;
  }
  return out;
}

/**
 * At most `points` points evenly spaced in log FPR from 1/(negatives) to 1, each the TPR of the
 * step curve there, for plotting on a log-FPR axis (where FPR = 0 cannot be drawn).
 */
export function decimateRoc(curve: RocCurve, negatives: number, points = 200): RocCurve {
  const lo = Math.log10(1 / negatives);
  const fpr: number[] = [];
  const tpr: number[] = [];
  let k = 0;
  for (let p = 0; p < points; p++) {
    const target = 10 ** (lo + (-lo * p) / (points - 1));
    while (k + 1 < curve.fpr.length && (curve.fpr[k + 1] as number) <= target + 1e-12) k++;
    const value = curve.tpr[k] as number;
    if (fpr.length > 0 && tpr[tpr.length - 1] === value && p < points - 1) continue;
    fpr.push(target);
    tpr.push(value);
  }
  return { fpr, tpr };
}
