/**
 * Exact ROC, AUC and TAR@FAR of scored pairs (docs/method.md §7). A pair is accepted when its score is
 * above the threshold; sweeping the threshold down from +∞ gives one operating point per distinct
 * score, all pairs with that score being accepted together (a tie is one step, drawn as a straight
 * segment, diagonal when it mixes positives and negatives).
 */

/** ROC points: false accept rate (FPR, FAR) and true accept rate (TPR, TAR), both in [0, 1]. */
export interface RocCurve {
  /** FPR per point, non-decreasing. */
  fpr: number[];
  /** TPR per point, non-decreasing. */
  tpr: number[];
}

/** The exact ROC with its counts: vertices from (0, 0) to (1, 1), one per distinct score. */
export interface ExactRoc extends RocCurve {
  /** Accepted negatives / positives at each vertex, [vertices]. */
  fp: number[];
  tp: number[];
  positives: number;
  negatives: number;
}

/** Checks scores [pairs] (finite) against same [pairs] (0/1, both classes present). */
function classCounts(scores: Float32Array, same: Uint8Array): { positives: number; negatives: number } {
  if (scores.length !== same.length) throw new Error(`ROC: ${scores.length} scores but ${same.length} labels`);
  let positives = 0;
  for (let i = 0; i < same.length; i++) {
    if (!Number.isFinite(scores[i])) throw new Error(`ROC: pair ${i} has a non-finite score (${scores[i]})`);
    if ((same[i] as number) > 1) throw new Error(`ROC: pair ${i} has same = ${same[i]}; expected 0 or 1`);
    positives += same[i] as number;
  }
  const negatives = same.length - positives;
  if (positives === 0 || negatives === 0) {
    throw new Error(`ROC: needs positive and negative pairs, got ${positives} positive and ${negatives} negative`);
  }
  return { positives, negatives };
}

/**
 * Exact ROC of scored pairs.
 * @param scores [pairs] similarity scores (higher = more alike).
 * @param same [pairs] 1 for a positive (same identity) pair, 0 for a negative.
 */
export function rocCurve(scores: Float32Array, same: Uint8Array): ExactRoc {
  const { positives, negatives } = classCounts(scores, same);
  const order = Array.from(scores.keys()).sort((a, b) => (scores[b] as number) - (scores[a] as number));
  const roc: ExactRoc = { fpr: [0], tpr: [0], fp: [0], tp: [0], positives, negatives };
  let tp = 0;
  let fp = 0;
  order.forEach((i, k) => {
    if (same[i]) tp++;
    else fp++;
    const next = order[k + 1];
    if (next !== undefined && scores[next] === scores[i]) return;
    roc.fp.push(fp);
    roc.tp.push(tp);
    roc.fpr.push(fp / negatives);
    roc.tpr.push(tp / positives);
  });
  return roc;
}

/**
 * Area under the exact ROC by the trapezoid rule. This equals the Mann–Whitney statistic
 * U / (P·N): the share of (positive, negative) pairs ordered correctly, ties counting ½.
 * @returns AUC in [0, 1]; 0.5 = chance.
 */
export function auc(scores: Float32Array, same: Uint8Array): number {
  return aucOf(rocCurve(scores, same));
}

/** AUC of an exact ROC (see auc). */
export function aucOf(roc: ExactRoc): number {
  const { fp, tp, positives, negatives } = roc;
  let twiceArea = 0;
  for (let k = 1; k < fp.length; k++) {
    twiceArea += ((fp[k] as number) - (fp[k - 1] as number)) * ((tp[k] as number) + (tp[k - 1] as number));
  }
  return twiceArea / (2 * positives * negatives);
}

/** Largest count of accepted negatives allowed at FAR ≤ far, robust to far·N rounding (0.29·100 = 28.999…). */
function allowedFalseAccepts(far: number, negatives: number): number {
  return Math.floor(far * negatives * (1 + 1e-9));
}

/**
 * TAR at each target FAR: the TPR of the most accepting operating point (lowest threshold) whose
 * FAR ≤ target, i.e. the highest TAR reachable without exceeding the target. A tie group cannot be
 * split, so a group of tied negatives that would push FAR over the target is excluded as a whole.
 * @param fars target FARs in [0, 1]; keys of the result are `String(far)` ("0.01", "1e-7").
 * @returns TAR in [0, 1] per key, or null ("n/a") when far < 1 / (negative pairs): the pairs cannot
 *   measure such a rate (at least one negative must be allowed to be accepted).
 */
export function tarAtFar(
  scores: Float32Array,
  same: Uint8Array,
  fars: readonly number[],
): Record<string, number | null> {
  return tarAtFarOf(rocCurve(scores, same), fars);
}

/** TAR@FAR of an exact ROC (see tarAtFar). */
export function tarAtFarOf(roc: ExactRoc, fars: readonly number[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const far of fars) {
    if (!(far >= 0 && far <= 1)) throw new Error(`tarAtFar: target FAR ${far} is not in [0, 1]`);
    const allowed = allowedFalseAccepts(far, roc.negatives);
    let tar: number | null = null;
    if (allowed >= 1) {
      tar = 0;
      roc.fp.forEach((fp, k) => {
        if (fp <= allowed) tar = roc.tpr[k] as number;
      });
    }
    out[String(far)] = tar;
  }
  return out;
}

/**
 * TPR of the exact curve at FPR x: the highest point of the curve at x, interpolating linearly
 * along a tie's diagonal segment (the same curve the trapezoid AUC integrates).
 * @param k a cursor: index of the last vertex with FPR ≤ x found for a smaller x (start at 0).
 */
function tprAt(roc: ExactRoc, x: number, k: number): { tpr: number; k: number } {
  const tol = 1e-9 / roc.negatives;
  let j = k;
  while (j + 1 < roc.fpr.length && (roc.fpr[j + 1] as number) <= x + tol) j++;
  const x0 = roc.fpr[j] as number;
  const y0 = roc.tpr[j] as number;
  const x1 = roc.fpr[j + 1];
  const y1 = roc.tpr[j + 1];
  if (x1 === undefined || y1 === undefined || x <= x0) return { tpr: y0, k: j };
  return { tpr: y0 + ((y1 - y0) * (x - x0)) / (x1 - x0), k: j };
}

/**
 * The ROC resampled for a plot with a log-FPR axis: FPR values evenly spaced in log FPR from
 * 1/(negative pairs), the smallest non-zero FPR the pairs can measure, to 1 (both endpoints kept,
 * exactly), and the curve's TPR at each. Interior points of a run of equal TPR are dropped, which
 * leaves the drawn polyline unchanged.
 * @param roc the exact ROC (rocCurve).
 * @param maxPoints grid size before dropping, ≥ 2 (default 200).
 * @returns at most maxPoints points, FPR increasing; one point (1, 1) when there is one negative.
 */
export function decimateRoc(roc: ExactRoc, maxPoints = 200): RocCurve {
  if (!Number.isInteger(maxPoints) || maxPoints < 2)
    throw new Error(`decimateRoc: maxPoints must be an integer ≥ 2, got ${maxPoints}`);
  if (roc.negatives === 1) return { fpr: [1], tpr: [1] };
  const lo = Math.log(1 / roc.negatives);
  const grid = Array.from({ length: maxPoints }, (_, p) => Math.exp(lo * (1 - p / (maxPoints - 1))));
  grid[0] = 1 / roc.negatives;
  grid[maxPoints - 1] = 1;
  let k = 0;
  const tpr = grid.map((x) => {
    const at = tprAt(roc, x, k);
    k = at.k;
    return at.tpr;
  });
  const keep = (p: number) => p === 0 || p === maxPoints - 1 || tpr[p - 1] !== tpr[p] || tpr[p + 1] !== tpr[p];
  const kept = grid.map((_, p) => p).filter(keep);
  return { fpr: kept.map((p) => grid[p] as number), tpr: kept.map((p) => tpr[p] as number) };
}
