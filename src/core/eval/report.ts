/**
 * One evaluation of a probe's test embeddings (docs/method.md §7) as a plain-JSON object: 10-fold
 * verification, AUC, TAR@FAR, a plot-ready ROC, look-alike rejection and rank-1 identification.
 */
import type { EvalConfig } from '../config';
import type { ImageSet, VerificationPairs } from '../data/types';
import type { Rank1Coverage } from './rank1';
import { rank1 } from './rank1';
import type { RocCurve } from './roc';
import { aucOf, decimateRoc, rocCurve, tarAtFarOf } from './roc';
import { pairScores } from './scores';
import { verify } from './verification';

export interface EvalReport {
  /** Mean held-out accuracy over the 10 folds, in [0, 1]. */
  accuracy: number;
  /** Standard error of that mean: sample std of the fold accuracies / √10. */
  accuracyStdErr: number;
  /** Area under the exact ROC of all pairs (ties ½), in [0, 1]. */
  auc: number;
  /**
   * Rank-1 identification accuracy over the held-out identities with ≥ 2 test images, in [0, 1];
   * null when no identity has 2 (the reason is in rank1Coverage). Files written before rank-1
   * skipped single-image identities hold a number here, and null or NaN for "unknown".
   */
  rank1: number | null;
  /** What rank-1 was taken over (identities, probes) or why it is n/a; absent in older files. */
  rank1Coverage?: Rank1Coverage;
  /** TAR per target FAR, keyed by `String(far)` ("0.1", "0.01"); null = "n/a" (FAR < 1/negatives). */
  tarAtFar: Record<string, number | null>;
  /** Share of look-alike negative pairs rejected at their fold's threshold; null without any. */
  lookalikeAccuracy: number | null;
  /** ROC resampled evenly in log FPR from 1/negatives to 1 (≤ 200 points), for plotting. */
  roc: RocCurve;
  /** Number of verification pairs. */
  pairs: number;
}

/**
 * Evaluates test embeddings.
 * @param embeddings [test.count, dim] row-major, one row per test image (cosine is taken on them).
 * @param dim embedding dimension D.
 * @param test the held-out images; only `count` and `labels` are read.
 * @param pairs verification pairs over the test images, with folds 0..9.
 * @param config threshold rule and FAR targets.
 */
export function evaluateEmbeddings(
  embeddings: Float32Array,
  dim: number,
  test: ImageSet,
  pairs: VerificationPairs,
  config: EvalConfig,
): EvalReport {
  if (embeddings.length !== test.count * dim) {
    throw new Error(
      `evaluateEmbeddings: ${embeddings.length} values for ${test.count} test images of dim ${dim} (expected ${test.count * dim})`,
    );
  }
  const scores = pairScores(embeddings, dim, pairs);
  const v = verify({ scores, same: pairs.same, lookalike: pairs.lookalike, fold: pairs.fold }, config.thresholdRule);
  const roc = rocCurve(scores, pairs.same);
  const { rank1: r1, ...rank1Coverage } = rank1(embeddings, dim, test.labels);
  return {
    accuracy: v.accuracy,
    accuracyStdErr: v.accuracyStdErr,
    auc: aucOf(roc),
    rank1: r1,
    rank1Coverage,
    tarAtFar: tarAtFarOf(roc, config.farTargets),
    lookalikeAccuracy: v.lookalikeAccuracy,
    roc: decimateRoc(roc),
    pairs: scores.length,
  };
}
