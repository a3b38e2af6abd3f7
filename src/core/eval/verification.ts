/**
 * 10-fold verification (docs/method.md §7, FaceX-Zoo's LFWEvaluator.test_one_model): for each fold
 * the threshold is chosen on the other nine (threshold.ts) and accuracy is measured on the fold
 * itself; the report is the mean over folds ± the standard error.
 *
 * Held-out decisions use one rule for both classes: accept ("same") when score > threshold, so a
 * negative is correct when score ≤ threshold. FaceX-Zoo counts a negative correct only when
 * score < threshold, which scores a pair lying exactly on the threshold wrong whatever its label
 * (e.g. 0 % accuracy when every score is equal); we deliberately do not reproduce that.
 */
import type { ThresholdRule } from '../config';
import type { VerificationPairs } from '../data/types';
import { chooseThreshold } from './threshold';

export const FOLDS = 10;

/** Pair data verification needs: scores plus the labels, look-alike flags and folds of VerificationPairs. */
export type ScoredPairs = { scores: Float32Array } & Pick<VerificationPairs, 'same' | 'lookalike' | 'fold'>;

export interface VerificationResult {
  /** Mean held-out accuracy over the 10 folds, in [0, 1]. */
  accuracy: number;
  /** Sample standard deviation of the fold accuracies (ddof = 1) / √10, as FaceX-Zoo. */
  accuracyStdErr: number;
  /** Held-out accuracy of each fold, [10]. */
  foldAccuracies: number[];
  /** Threshold (cosine) chosen on the other nine folds for each fold, [10]. */
  thresholds: number[];
  /**
   * Share of look-alike negative pairs (same = 0, lookalike = 1) rejected (score ≤ threshold) at
   * the threshold of the fold they belong to, pooled over all folds; null when there are none.
   */
  lookalikeAccuracy: number | null;
  /** Number of look-alike negative pairs behind lookalikeAccuracy. */
  lookalikePairs: number;
}

/** Checks lengths, labels and fold ids of the pairs; throws an Error naming the first problem. */
function checkPairs(p: ScoredPairs): void {
  const n = p.scores.length;
  for (const [name, arr] of [
    ['same', p.same],
    ['lookalike', p.lookalike],
    ['fold', p.fold],
  ] as const) {
    if (arr.length !== n) throw new Error(`verify: ${n} scores but ${arr.length} entries in ${name}`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(p.scores[i])) throw new Error(`verify: pair ${i} has a non-finite score (${p.scores[i]})`);
    if ((p.same[i] as number) > 1) throw new Error(`verify: pair ${i} has same = ${p.same[i]}; expected 0 or 1`);
    if ((p.fold[i] as number) >= FOLDS)
      throw new Error(`verify: pair ${i} has fold ${p.fold[i]}; folds must be 0..${FOLDS - 1}`);
  }
}

/** Scores of the positive and negative pairs for which `select` holds. */
function split(p: ScoredPairs, select: (i: number) => boolean): { pos: number[]; neg: number[] } {
  const pos: number[] = [];
  const neg: number[] = [];
  for (let i = 0; i < p.scores.length; i++) {
    if (select(i)) (p.same[i] ? pos : neg).push(p.scores[i] as number);
  }
  return { pos, neg };
}

/** Mean and standard error (sample std / √count) of values, count ≥ 2. */
function meanAndStdErr(values: readonly number[]): { mean: number; stdErr: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, stdErr: Math.sqrt(variance / values.length) };
}

/**
 * 10-fold verification accuracy of scored pairs.
 * @param pairs scores [pairs] (cosine) with same, lookalike and fold (0..9) of each pair.
 * @param rule how each fold's threshold is chosen on the other nine folds.
 * @throws Error when a fold has no positive or no negative pair, or the inputs are malformed.
 */
export function verify(pairs: ScoredPairs, rule: ThresholdRule): VerificationResult {
  checkPairs(pairs);
  const foldAccuracies: number[] = [];
  const thresholds: number[] = [];
  let lookalikePairs = 0;
  let lookalikeRejected = 0;
  for (let f = 0; f < FOLDS; f++) {
    const held = split(pairs, (i) => pairs.fold[i] === f);
    if (held.pos.length === 0 || held.neg.length === 0) {
      throw new Error(
        `verify: fold ${f} has ${held.pos.length} positive and ${held.neg.length} negative pairs; each fold needs both`,
      );
    }
    const train = split(pairs, (i) => pairs.fold[i] !== f);
    const t = chooseThreshold(train.pos, train.neg, rule);
    const correct = held.pos.filter((s) => s > t).length + held.neg.filter((s) => s <= t).length;
    foldAccuracies.push(correct / (held.pos.length + held.neg.length));
    thresholds.push(t);
    const look = split(pairs, (i) => pairs.fold[i] === f && pairs.lookalike[i] === 1 && pairs.same[i] === 0).neg;
    lookalikePairs += look.length;
    lookalikeRejected += look.filter((s) => s <= t).length;
  }
  const { mean, stdErr } = meanAndStdErr(foldAccuracies);
  return {
    accuracy: mean,
    accuracyStdErr: stdErr,
    foldAccuracies,
    thresholds,
    lookalikeAccuracy: lookalikePairs > 0 ? lookalikeRejected / lookalikePairs : null,
    lookalikePairs,
  };
}
