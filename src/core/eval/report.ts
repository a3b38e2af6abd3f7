/**
 * One evaluation of a probe's test embeddings as plain JSON: 10-fold verification, ROC/AUC,
 * TAR@FAR, rank-1 (MASST_SPEC §7).
 */
import type { EvalConfig } from '../config';
import type { ImageSet, VerificationPairs } from '../data/types';
import { rank1 } from './rank1';
import type { RocCurve } from './roc';
import { auc, decimateRoc, rocCurve, tarAtFar } from './roc';
import { pairScores } from './scores';
import { verify } from './verification';

export interface EvalReport {
  accuracy: number;
  accuracyStdErr: number;
  auc: number;
  rank1: number;
  /** TAR per FAR target (keys as written, e.g. "0.01"); null = "n/a" (too few negative pairs). */
  tarAtFar: Record<string, number | null>;
  /** Share of look-alike (relative) negative pairs rejected; null without any. */
  lookalikeAccuracy: number | null;
  /** ROC decimated for a log-FPR plot. */
  roc: RocCurve;
  pairs: number;
}

export function evaluateEmbeddings(
  embeddings: Float32Array,
  dim: number,
  test: ImageSet,
  pairs: VerificationPairs,
  config: EvalConfig,
): EvalReport {
  const scores = pairScores(embeddings, dim, pairs);
  const v = verify(scores, pairs.same, pairs.fold, pairs.lookalike, config.thresholdRule);
  const negatives = pairs.same.length - pairs.same.reduce((a, s) => a + s, 0);
  return {
    accuracy: v.accuracy,
    accuracyStdErr: v.accuracyStdErr,
    auc: auc(scores, pairs.same),
    rank1: rank1(embeddings, dim, test.labels).rank1,
    tarAtFar: tarAtFar(scores, pairs.same, config.farTargets),
    lookalikeAccuracy: v.lookalikeAccuracy,
    roc: decimateRoc(rocCurve(scores, pairs.same), negatives),
    pairs: pairs.same.length,
  };
}
