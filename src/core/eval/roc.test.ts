import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { auc, decimateRoc, rocCurve, tarAtFar } from './roc';

const f32 = (xs: number[]) => Float32Array.from(xs);
const u8 = (xs: number[]) => Uint8Array.from(xs);

/** Positives' scores first, then negatives'. */
function scored(pos: number[], neg: number[]): { scores: Float32Array; same: Uint8Array } {
  return { scores: f32([...pos, ...neg]), same: u8([...pos.map(() => 1), ...neg.map(() => 0)]) };
}

/** Mann–Whitney U / (P·N) by brute force over all (positive, negative) pairs, ties ½. */
function mannWhitney(scores: Float32Array, same: Uint8Array): number {
  let u = 0;
  let n = 0;
  scores.forEach((sp, i) => {
    if (!same[i]) return;
    scores.forEach((sn, j) => {
      if (same[j]) return;
      n++;
      u += sp > sn ? 1 : sp === sn ? 0.5 : 0;
    });
  });
  return u / n;
}

// Sorted: 0.9+ 0.8+ 0.7− 0.6+ 0.5− 0.4+ 0.3− 0.2− (no ties).
const plain = scored([0.9, 0.8, 0.6, 0.4], [0.7, 0.5, 0.3, 0.2]);
// Sorted: 0.9+ {0.6+ 0.6+ 0.6−} 0.4− 0.3− 0.2+ 0.1−: one tie mixing classes.
const tied = scored([0.9, 0.6, 0.6, 0.2], [0.6, 0.4, 0.3, 0.1]);

describe('rocCurve', () => {
  it('walks one vertex per score when there are no ties', () => {
    const c = rocCurve(plain.scores, plain.same);
    expect(c.fpr).toEqual([0, 0, 0, 0.25, 0.25, 0.5, 0.5, 0.75, 1]);
    expect(c.tpr).toEqual([0, 0.25, 0.5, 0.5, 0.75, 0.75, 1, 1, 1]);
    expect([c.positives, c.negatives]).toEqual([4, 4]);
  });

  it('takes a group of tied scores as one diagonal step', () => {
    const c = rocCurve(tied.scores, tied.same);
    expect(c.fpr).toEqual([0, 0, 0.25, 0.5, 0.75, 0.75, 1]);
    expect(c.tpr).toEqual([0, 0.25, 0.75, 0.75, 0.75, 1, 1]);
    expect(c.fp).toEqual([0, 0, 1, 2, 3, 3, 4]);
  });

  it('names the problem with malformed input', () => {
    expect(() => rocCurve(f32([0.1, 0.2]), u8([1, 1]))).toThrow('got 2 positive and 0 negative');
    expect(() => rocCurve(f32([0.1, 0.2]), u8([1]))).toThrow('2 scores but 1 labels');
    expect(() => rocCurve(f32([0.1, Number.NaN]), u8([1, 0]))).toThrow('pair 1 has a non-finite score (NaN)');
    expect(() => rocCurve(f32([0.1, 0.2]), u8([1, 2]))).toThrow('pair 1 has same = 2');
  });
});

describe('auc', () => {
  it('is the share of correctly ordered (positive, negative) pairs', () => {
    // Wrong orders: 0.6 < 0.7, 0.4 < 0.7, 0.4 < 0.5 → 3 of 16.
    expect(auc(plain.scores, plain.same)).toBe(13 / 16);
  });

  it('counts a positive tied with a negative as one half', () => {
    // Negatives below each positive: 0.9 → 4; 0.6 → 3 + ½ (twice); 0.2 → 1. (4 + 7 + 1) / 16.
    expect(auc(tied.scores, tied.same)).toBe(12 / 16);
  });

  it('is 1 when separated, 0 when inverted and ½ when every score ties', () => {
    const sep = scored([0.9, 0.8], [0.1, 0.2]);
    expect(auc(sep.scores, sep.same)).toBe(1);
    const inv = scored([0.1, 0.2], [0.9, 0.8]);
    expect(auc(inv.scores, inv.same)).toBe(0);
    const flat = scored([0.5, 0.5, 0.5], [0.5, 0.5]);
    expect(auc(flat.scores, flat.same)).toBe(0.5);
  });

  it('equals the brute-force Mann–Whitney statistic on random scores with many ties', () => {
    const rng = createRng(7);
    const scores = Float32Array.from({ length: 70 }, () => Math.round(rng.uniform(-1, 1) * 5) / 5);
    const same = Uint8Array.from({ length: 70 }, (_, i) => (i % 7 < 3 ? 1 : 0));
    expect(auc(scores, same)).toBeCloseTo(mannWhitney(scores, same), 12);
  });
});

describe('tarAtFar', () => {
  it('reads TAR at the most accepting point within each FAR, n/a below 1/negatives', () => {
    const t = tarAtFar(plain.scores, plain.same, [1, 0.5, 0.3, 0.25, 0.2, 0]);
    expect(t).toEqual({ '1': 1, '0.5': 1, '0.3': 0.75, '0.25': 0.75, '0.2': null, '0': null });
  });

  it('cannot split a tie: two tied negatives need a FAR of 2/4', () => {
    // Sorted: 0.9+ {0.6+ 0.6− 0.6−} 0.5+ 0.3− 0.2+ 0.1−.
    const s = scored([0.9, 0.6, 0.5, 0.2], [0.6, 0.6, 0.3, 0.1]);
    expect(tarAtFar(s.scores, s.same, [0.25, 0.5])).toEqual({ '0.25': 0.25, '0.5': 0.75 });
  });

  it('allows exactly FAR·negatives false accepts despite rounding (0.29 · 100 = 28.999…)', () => {
    // Negatives 0.00 … 0.99; positives above 29 of them (0.705), above 30 (0.695) and above all.
    const neg = Array.from({ length: 100 }, (_, i) => i / 100);
    const s = scored([0.705, 0.695, 1], neg);
    expect(tarAtFar(s.scores, s.same, [0.29, 0.01, 0.0099])).toEqual({ '0.29': 2 / 3, '0.01': 1 / 3, '0.0099': null });
  });

  it('names a target outside [0, 1]', () => {
    expect(() => tarAtFar(plain.scores, plain.same, [1.5])).toThrow('target FAR 1.5 is not in [0, 1]');
  });
});

describe('decimateRoc', () => {
  it('samples the curve evenly in log FPR from 1/negatives to 1, dropping flat interiors', () => {
    // Grid 0.25^(1 − p/4): 0.25, 0.354, 0.5, 0.707, 1 → TPR 0.75, 0.75, 1, 1, 1; 0.707 is dropped.
    const d = decimateRoc(rocCurve(plain.scores, plain.same), 5);
    expect(d.fpr[0]).toBe(0.25);
    expect(d.fpr[1]).toBeCloseTo(0.25 ** 0.75, 12);
    expect(d.fpr[2]).toBeCloseTo(0.5, 12);
    expect(d.fpr[3]).toBe(1);
    expect(d.fpr).toHaveLength(4);
    expect(d.tpr).toEqual([0.75, 0.75, 1, 1]);
  });

  it('follows a tie diagonally (the chance line when every score ties)', () => {
    const flat = scored([0.5, 0.5], [0.5, 0.5]);
    const d = decimateRoc(rocCurve(flat.scores, flat.same), 3);
    expect(d.fpr[0]).toBe(0.5);
    d.fpr.forEach((x, i) => expect(d.tpr[i]).toBeCloseTo(x, 12));
    expect(d.fpr).toHaveLength(3);
  });

  it('gives the single point (1, 1) for one negative', () => {
    const s = scored([0.9, 0.1], [0.5]);
    expect(decimateRoc(rocCurve(s.scores, s.same))).toEqual({ fpr: [1], tpr: [1] });
  });

  it('matches TAR@FAR at every point of a large tie-free curve and stays within 200 points', () => {
    const rng = createRng(3);
    const values = rng.shuffle(Array.from({ length: 1500 }, (_, i) => i / 1500));
    const s = scored(
      values.slice(0, 500).map((v) => Math.sqrt(v)),
      values.slice(500),
    );
    const d = decimateRoc(rocCurve(s.scores, s.same));
    expect(d.fpr.length).toBeLessThanOrEqual(200);
    expect(d.fpr.length).toBeGreaterThan(20);
    expect(d.fpr[0]).toBe(1 / 1000);
    expect(d.fpr[d.fpr.length - 1]).toBe(1);
    const step = Math.log(1000) / 199;
    d.fpr.forEach((x, i) => {
      const onGrid = (Math.log(x) + Math.log(1000)) / step;
      expect(Math.abs(onGrid - Math.round(onGrid))).toBeLessThan(1e-6);
      expect(d.tpr[i]).toBe(tarAtFar(s.scores, s.same, [x])[String(x)]);
    });
  });

  it('names a grid that is too small', () => {
    expect(() => decimateRoc(rocCurve(plain.scores, plain.same), 1)).toThrow('maxPoints must be an integer ≥ 2, got 1');
  });
});
