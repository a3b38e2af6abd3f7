import { describe, expect, it } from 'vitest';
import type { ThresholdRule } from '../config';
import type { ScoredPairs } from './verification';
import { verify } from './verification';

const RULES: readonly ThresholdRule[] = ['tprMinusFpr', 'accuracy'];

/** Pairs built fold by fold: each fold's (score, same, lookalike) triples, folds 0..9. */
function build(perFold: (f: number) => Array<[number, 0 | 1, 0 | 1]>): ScoredPairs {
  const rows: Array<[number, number, number, number]> = [];
  for (let f = 0; f < 10; f++) for (const [s, same, look] of perFold(f)) rows.push([s, same, look, f]);
  return {
    scores: Float32Array.from(rows.map((r) => r[0])),
    same: Uint8Array.from(rows.map((r) => r[1])),
    lookalike: Uint8Array.from(rows.map((r) => r[2])),
    fold: Uint8Array.from(rows.map((r) => r[3])),
  };
}

/** One positive at 0.8 and one negative at 0.2 per fold. */
const separable = () =>
  build(() => [
    [0.8, 1, 0],
    [0.2, 0, 0],
  ]);

describe('10-fold verification', () => {
  it('scores separable pairs 1 with no error for both rules', () => {
    for (const rule of RULES) {
      const r = verify(separable(), rule);
      expect(r.accuracy).toBe(1);
      expect(r.accuracyStdErr).toBe(0);
      expect(r.foldAccuracies).toEqual(Array(10).fill(1));
      r.thresholds.forEach((t) => expect(t).toBeCloseTo(0.2006, 7));
      expect(r.lookalikeAccuracy).toBeNull();
      expect(r.lookalikePairs).toBe(0);
    }
  });

  it('chooses each threshold on the other nine folds only (hand-computed, one bad fold)', () => {
    // Fold 0's positive scores 0.1. Held out, fold 0 sees scores in [0.2, 0.8]: threshold 0.2006,
    // its positive is rejected → 1/2. Every other fold trains with the 0.1 in: min 0.1, step 0.0007,
    // first candidate above the negatives' 0.2 is 0.1 + 143·0.0007 = 0.2001 → 2/2.
    // P = N in every training set, so both rules agree.
    const pairs = separable();
    pairs.scores[0] = 0.1;
    for (const rule of RULES) {
      const r = verify(pairs, rule);
      expect(r.thresholds[0]).toBeCloseTo(0.2006, 7);
      r.thresholds.slice(1).forEach((t) => expect(t).toBeCloseTo(0.2001, 7));
      expect(r.foldAccuracies).toEqual([0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
      expect(r.accuracy).toBeCloseTo(0.95, 12);
      // Sample variance (0.45² + 9·0.05²)/9 = 0.025; √(0.025/10) = 0.05.
      expect(r.accuracyStdErr).toBeCloseTo(0.05, 12);
    }
  });

  it('gives the exact fold accuracies and look-alike rejection of each rule when they disagree', () => {
    // Per fold: positives 0.9, 0.3; look-alike negatives 0.4, 0.4; negatives −0.5 ×3 (see
    // threshold.test.ts). TPR − FPR picks −0.4986: accepts 0.9, 0.3, 0.4, 0.4 → 5/7, look-alikes 0.
    // Accuracy picks 0.4002: accepts 0.9 only → 6/7, look-alikes all rejected.
    const pairs = build(() => [
      [0.9, 1, 0],
      [0.3, 1, 0],
      [0.4, 0, 1],
      [0.4, 0, 1],
      [-0.5, 0, 0],
      [-0.5, 0, 0],
      [-0.5, 0, 0],
    ]);
    const j = verify(pairs, 'tprMinusFpr');
    j.thresholds.forEach((t) => expect(t).toBeCloseTo(-0.4986, 6));
    j.foldAccuracies.forEach((a) => expect(a).toBe(5 / 7));
    expect(j.accuracy).toBeCloseTo(5 / 7, 12);
    expect(j.accuracyStdErr).toBeCloseTo(0, 12);
    expect([j.lookalikeAccuracy, j.lookalikePairs]).toEqual([0, 20]);
    const acc = verify(pairs, 'accuracy');
    acc.thresholds.forEach((t) => expect(t).toBeCloseTo(0.4002, 6));
    expect(acc.accuracy).toBeCloseTo(6 / 7, 12);
    expect([acc.lookalikeAccuracy, acc.lookalikePairs]).toEqual([1, 20]);
  });

  it('pools look-alike rejection over pairs (not folds) and ignores flagged positives', () => {
    // Fold 1 adds two look-alike negatives at 0.2 (rejected), fold 2 one at 0.9 (accepted);
    // fold 3's positive is flagged but is no negative. Pooled 2/3 (a mean over folds would be 1/2).
    const pairs = build((f) => {
      const base: Array<[number, 0 | 1, 0 | 1]> = [
        [0.8, 1, f === 3 ? 1 : 0],
        [0.2, 0, 0],
      ];
      if (f === 1) base.push([0.2, 0, 1], [0.2, 0, 1]);
      if (f === 2) base.push([0.9, 0, 1]);
      return base;
    });
    const r = verify(pairs, 'tprMinusFpr');
    expect(r.lookalikePairs).toBe(3);
    expect(r.lookalikeAccuracy).toBeCloseTo(2 / 3, 12);
  });

  it('scores a pair on the threshold as rejected: all-equal scores give 1/2, not 0', () => {
    const r = verify(
      build(() => [
        [0.5, 1, 0],
        [0.5, 0, 0],
      ]),
      'tprMinusFpr',
    );
    expect(r.thresholds).toEqual(Array(10).fill(0.5));
    expect(r.accuracy).toBe(0.5);
  });
});

describe('verification input errors', () => {
  it('names a fold without negatives', () => {
    const pairs = separable();
    pairs.same[1] = 1;
    expect(() => verify(pairs, 'accuracy')).toThrow('fold 0 has 2 positive and 0 negative pairs; each fold needs both');
  });

  it('names a fold without positives', () => {
    const pairs = separable();
    pairs.same[18] = 0;
    expect(() => verify(pairs, 'tprMinusFpr')).toThrow('fold 9 has 0 positive and 2 negative pairs');
  });

  it('names a fold id out of range, a NaN score, a bad label and a length mismatch', () => {
    const badFold = separable();
    badFold.fold[3] = 10;
    expect(() => verify(badFold, 'accuracy')).toThrow('pair 3 has fold 10; folds must be 0..9');
    const nan = separable();
    nan.scores[4] = Number.NaN;
    expect(() => verify(nan, 'accuracy')).toThrow('pair 4 has a non-finite score (NaN)');
    const label = separable();
    label.same[5] = 3;
    expect(() => verify(label, 'accuracy')).toThrow('pair 5 has same = 3; expected 0 or 1');
    expect(() => verify({ ...separable(), lookalike: new Uint8Array(3) }, 'accuracy')).toThrow(
      '20 scores but 3 entries in lookalike',
    );
  });
});
