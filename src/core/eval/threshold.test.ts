import { describe, expect, it } from 'vitest';
import { chooseThreshold, THRESHOLD_CANDIDATES, thresholdCandidates } from './threshold';

describe('thresholdCandidates (FaceX-Zoo grid)', () => {
  it('is min + k·(max − min)/1000 for k = 1..1000: excludes min, ends at max', () => {
    const c = thresholdCandidates(0.2, 0.8);
    expect(c).toHaveLength(THRESHOLD_CANDIDATES);
    expect(THRESHOLD_CANDIDATES).toBe(1000);
    expect(c[0]).toBeCloseTo(0.2006, 12);
    expect(c[499]).toBeCloseTo(0.5, 12);
    expect(c[999]).toBeCloseTo(0.8, 12);
  });
});

describe('chooseThreshold', () => {
  it('keeps the first (lowest) of equally good candidates, as np.argmax', () => {
    // Every candidate in [0.2, 0.8) separates perfectly; the first is 0.2 + 0.6/1000.
    expect(chooseThreshold([0.8], [0.2], 'tprMinusFpr')).toBeCloseTo(0.2006, 12);
    expect(chooseThreshold([0.8], [0.2], 'accuracy')).toBeCloseTo(0.2006, 12);
  });

  it('differs between the rules when positives and negatives are unbalanced', () => {
    // Grid step 1.4/1000. Below 0.3 (all but 0.4 ties): TPR − FPR = 1 − 2/5 = 0.6, accuracy 5/7.
    // In [0.4, 0.9): TPR − FPR = 1/2 − 0 = 0.5, accuracy 6/7.
    const pos = [0.9, 0.3];
    const neg = [0.4, 0.4, -0.5, -0.5, -0.5];
    expect(chooseThreshold(pos, neg, 'tprMinusFpr')).toBeCloseTo(-0.5 + 0.0014, 12);
    expect(chooseThreshold(pos, neg, 'accuracy')).toBeCloseTo(-0.5 + 643 * 0.0014, 12);
  });

  it('falls back to the maximum (reject all) when every score is equal', () => {
    expect(chooseThreshold([0.5, 0.5], [0.5], 'tprMinusFpr')).toBe(0.5);
  });

  it('names a set without negatives', () => {
    expect(() => chooseThreshold([0.5], [], 'accuracy')).toThrow('got 1 positive and 0 negative');
  });
});
