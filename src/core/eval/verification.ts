/**
 * 10-fold verification (MASST_SPEC §7): for each fold the threshold is chosen on the other nine
 * and accuracy measured on the fold. A pair is called "same" when its score is > threshold.
 * Threshold candidates follow FaceX-Zoo's lfw_evaluator: 1,000 evenly spaced values from
 * min + span/1000 to max of the nine folds' scores. Rules:
 * - 'tprMinusFpr' (FaceX-Zoo): the candidate maximising TPR − FPR;
 * - 'accuracy' (InsightFace): the candidate maximising accuracy.
 * Ties keep the first (lowest) candidate, as np.argmax does.
 */
import type { ThresholdRule } from '../config';

export const FOLDS = 10;
export const THRESHOLD_CANDIDATES = 1000;

export interface VerificationResult {
  /** Mean held-out accuracy over the folds. */
  accuracy: number;
  /** Sample standard deviation of the fold accuracies / √folds. */
  accuracyStdErr: number;
  foldAccuracies: number[];
  thresholds: number[];
  /** Share of look-alike negative pairs rejected at their fold's threshold; null without any. */
  lookalikeAccuracy: number | null;
}

interface Counts {
  pos: number;
  neg: number;
}

function counts(same: Uint8Array, select: (i: number) => boolean): Counts {
  const c = { pos: 0, neg: 0 };
  for (let i = 0; i < same.length; i++) {
    if (!select(i)) continue;
    if (same[i]) c.pos++;
    else c.neg++;
  }
  return c;
}

/** The threshold chosen on the pairs for which `select` is true. */
export function chooseThreshold(scores: Float32Array, same: Uint8Array, select: (i: number) => boolean, rule: ThresholdRule): number {
  const c = counts(same, select);
  if (c.pos === 0 || c.neg === 0) throw new Error(`chooseThreshold: needs positive and negative pairs, got ${c.pos} positive and ${c.neg} negative`);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) {
    if (!select(i)) continue;
    min = Math.min(min, scores[i] as number);
    max = Math.max(max, scores[i] as number);
  }
  const step = (max - min) / THRESHOLD_CANDIDATES;
  let best = -Infinity;
  let bestThreshold = max;
  for (let k = 1; k <= THRESHOLD_CANDIDATES; k++) {
    const t = min + step * k;
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < scores.length; i++) {
      if (!select(i) || (scores[i] as number) <= t) continue;
      if (same[i]) tp++;
      else fp++;
    }
    const value = rule === 'tprMinusFpr' ? tp / c.pos - fp / c.neg : (tp + c.neg - fp) / (c.pos + c.neg);
    if (value > best) {
      best = value;
      bestThreshold = t;
    }
  }
  return bestThreshold;
}

export function verify(scores: Float32Array, same: Uint8Array, fold: Uint8Array, lookalike: Uint8Array, rule: ThresholdRule): VerificationResult {
  const foldAccuracies: number[] = [];
  const thresholds: number[] = [];
  let lookalikeTotal = 0;
  let lookalikeRejected = 0;
  for (let f = 0; f < FOLDS; f++) {
    const held = counts(same, (i) => fold[i] === f);
    if (held.pos === 0 || held.neg === 0) throw new Error(`verify: fold ${f} has ${held.pos} positive and ${held.neg} negative pairs; each fold needs both`);
    const t = chooseThreshold(scores, same, (i) => fold[i] !== f, rule);
    let correct = 0;
    for (let i = 0; i < scores.length; i++) {
      if (fold[i] !== f) continue;
      const said = (scores[i] as number) > t;
      if (said === (same[i] === 1)) correct++;
      if (lookalike[i] && !same[i]) {
        lookalikeTotal++;
        if (!said) lookalikeRejected++;
      }
    }
    foldAccuracies.push(correct / (held.pos + held.neg));
    thresholds.push(t);
  }
  const accuracy = foldAccuracies.reduce((a, b) => a + b, 0) / FOLDS;
  const variance = foldAccuracies.reduce((a, b) => a + (b - accuracy) ** 2, 0) / (FOLDS - 1);
  return {
    accuracy,
    accuracyStdErr: Math.sqrt(variance / FOLDS),
    foldAccuracies,
    thresholds,
    lookalikeAccuracy: lookalikeTotal > 0 ? lookalikeRejected / lookalikeTotal : null,
  };
}
