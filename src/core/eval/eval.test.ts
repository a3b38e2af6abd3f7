import { describe, expect, it } from 'vitest';
import type { VerificationPairs } from '../data/types';
import { rank1 } from './rank1';
import { auc, decimateRoc, rocCurve, tarAtFar } from './roc';
import { pairScores } from './scores';
import { chooseThreshold, verify } from './verification';

const f32 = (xs: number[]) => Float32Array.from(xs);
const u8 = (xs: number[]) => Uint8Array.from(xs);

describe('pairScores', () => {
  it('gives 1 for parallel, 0 for orthogonal, −1 for opposite rows (normalising them)', () => {
    const e = f32([2, 0, 0, 3, -1, 0]);
    const pairs = { a: Int32Array.from([0, 0, 0]), b: Int32Array.from([0, 1, 2]) } as VerificationPairs;
    expect(Array.from(pairScores(e, 2, pairs))).toEqual([1, 0, -1]);
  });
  it('names a pair that points past the embeddings', () => {
    const pairs = { a: Int32Array.from([0]), b: Int32Array.from([5]) } as VerificationPairs;
    expect(() => pairScores(f32([1, 0]), 2, pairs)).toThrow('pair 0 refers to image 5 of 1');
  });
});

describe('ROC, AUC and TAR@FAR', () => {
  // 4 positives, 4 negatives. Sorted: 0.9+ 0.8+ 0.7− 0.6+ 0.5− 0.4+ 0.3− 0.2−
  const scores = f32([0.9, 0.8, 0.6, 0.4, 0.7, 0.5, 0.3, 0.2]);
  const same = u8([1, 1, 1, 1, 0, 0, 0, 0]);

  it('walks the exact curve', () => {
    const c = rocCurve(scores, same);
    expect(c.fpr).toEqual([0, 0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 1]);
    expect(c.tpr).toEqual([0, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1, 1]);
  });

  it('AUC equals the share of correctly ordered (positive, negative) pairs', () => {
    // Wrong orders: 0.6<0.7, 0.4<0.7, 0.4<0.5 → 3 of 16.
    expect(auc(scores, same)).toBeCloseTo(13 / 16, 12);
  });

  it('counts a tie between a positive and a negative as one half', () => {
    expect(auc(f32([0.5, 0.5, 0.9, 0.1]), u8([1, 0, 1, 0]))).toBeCloseTo((1 + 1 + 0.5 + 1) / 4, 12);
  });

  it('reads TAR at the highest operating point under each FAR, n/a below 1/negatives', () => {
    // 4 negatives: FAR below 1/4 cannot be measured.
    const t = tarAtFar(scores, same, [0.5, 0.3, 0.25, 0.2]);
    expect(t).toEqual({ '0.5': 1, '0.3': 0.75, '0.25': 0.75, '0.2': null });
  });

  it('decimates onto a log-FPR grid from 1/negatives to 1', () => {
    const d = decimateRoc(rocCurve(scores, same), 4, 3);
    expect(d.fpr[0]).toBeCloseTo(0.25, 12);
    expect(d.fpr[d.fpr.length - 1]).toBeCloseTo(1, 12);
    expect(d.tpr[0]).toBe(0.75);
    expect(d.tpr[d.tpr.length - 1]).toBe(1);
  });

  it('refuses scores of one class only', () => {
    expect(() => auc(f32([0.1, 0.2]), u8([1, 1]))).toThrow('got 2 positive and 0 negative');
  });
});

describe('10-fold verification', () => {
  /** Two pairs per fold: one positive at 0.8, one negative at 0.2 (separable). */
  function separable(): { scores: Float32Array; same: Uint8Array; fold: Uint8Array } {
    const scores: number[] = [];
    const same: number[] = [];
    const fold: number[] = [];
    for (let f = 0; f < 10; f++) {
      scores.push(0.8, 0.2);
      same.push(1, 0);
      fold.push(f, f);
    }
    return { scores: f32(scores), same: u8(same), fold: u8(fold) };
  }

  it('scores separable pairs 1 with no error, for both rules', () => {
    const { scores, same, fold } = separable();
    for (const rule of ['tprMinusFpr', 'accuracy'] as const) {
      const r = verify(scores, same, fold, new Uint8Array(20), rule);
      expect(r.accuracy).toBe(1);
      expect(r.accuracyStdErr).toBe(0);
      expect(r.lookalikeAccuracy).toBeNull();
    }
  });

  it('chooses the first candidate above the negatives (FaceX-Zoo grid: min + span·k/1000)', () => {
    const { scores, same } = separable();
    // min 0.2, span 0.6: candidate k = 1 is 0.2006, the first with TPR − FPR = 1.
    expect(chooseThreshold(scores, same, () => true, 'tprMinusFpr')).toBeCloseTo(0.2006, 7);
  });

  it('computes fold accuracies by hand when one fold is mislabelled', () => {
    const { scores, same, fold } = separable();
    // Fold 0's positive scores 0.1, below every threshold: fold 0 gets 1/2, the others 2/2.
    scores[0] = 0.1;
    const r = verify(scores, same, fold, u8(Array(20).fill(0).map((_, i) => (i === 1 ? 1 : 0))), 'accuracy');
    expect(r.foldAccuracies).toEqual([0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r.accuracy).toBeCloseTo(0.95, 12);
    // Sample variance of nine 1s and a 0.5 is (0.45² + 9·0.05²)/9 = 0.025; sd/√10 = 0.05.
    expect(r.accuracyStdErr).toBeCloseTo(0.05, 12);
    // The one look-alike negative (pair 1, score 0.2) is rejected at fold 0's threshold.
    expect(r.lookalikeAccuracy).toBe(1);
  });

  it('names a fold without negatives', () => {
    const { scores, same, fold } = separable();
    same[1] = 1;
    expect(() => verify(scores, same, fold, new Uint8Array(20), 'accuracy')).toThrow('fold 0 has 2 positive and 0 negative pairs');
  });
});

describe('rank-1', () => {
  it('counts probes whose nearest gallery is their own identity', () => {
    // 3 identities, galleries at indices 0, 1, 2; four probes, the last one closest to ID 0.
    const e = f32([1, 0, 0, 1, -1, 0, 0.9, 0.1, 0.1, 0.9, -0.9, 0.1, 0.8, 0.2]);
    const labels = Int32Array.from([0, 1, 2, 0, 1, 2, 1]);
    expect(rank1(e, 2, labels)).toEqual({ rank1: 3 / 4, probes: 4, galleries: 3 });
  });
  it('needs two images per identity', () => {
    expect(() => rank1(f32([1, 0, 0, 1, 1, 1]), 2, Int32Array.from([0, 0, 1]))).toThrow('identity 1 has 1 image');
  });
});
