import { describe, expect, it } from 'vitest';
import { FOLDS, samplePairs } from './pairs';

/** `ids` identities × `per` images, labels in identity order; couples (2k, 2k + 1). */
function testSet(ids: number, per: number, couples: boolean) {
  const labels = Int32Array.from({ length: ids * per }, (_, i) => Math.floor(i / per));
  const relatives = Int32Array.from({ length: ids }, (_, id) => {
    if (!couples) return -1;
    const partner = id % 2 === 0 ? id + 1 : id - 1;
    return partner < ids ? partner : -1;
  });
  return { labels, relatives };
}

describe('samplePairs', () => {
  const { labels, relatives } = testSet(100, 4, true);
  const pairs = samplePairs(labels, relatives, { pairs: 600, lookalikeFraction: 0.3 }, 11);
  const label = (i: number): number => labels[i] ?? -1;

  it('makes half positive, half negative pairs with the right labels', () => {
    expect(pairs.a.length).toBe(600);
    let positives = 0;
    pairs.same.forEach((same, k) => {
      const [la, lb] = [label(pairs.a[k] ?? -1), label(pairs.b[k] ?? -1)];
      expect(la === lb).toBe(same === 1);
      expect(pairs.a[k]).not.toBe(pairs.b[k]);
      positives += same;
    });
    expect(positives).toBe(300);
  });

  it('balances the 10 folds', () => {
    for (let fold = 0; fold < FOLDS; fold++) {
      const inFold = Array.from(pairs.fold.keys()).filter((k) => pairs.fold[k] === fold);
      expect(inFold.length).toBe(60);
      expect(inFold.filter((k) => pairs.same[k] === 1).length).toBe(30);
      expect(inFold.filter((k) => pairs.lookalike[k] === 1).length).toBe(9);
    }
  });

  it('makes the lookalike share of negatives pairs of an ID and its relative', () => {
    let lookalikes = 0;
    pairs.lookalike.forEach((flag, k) => {
      const [la, lb] = [label(pairs.a[k] ?? -1), label(pairs.b[k] ?? -1)];
      const related = relatives[la] === lb;
      expect(related).toBe(flag === 1);
      if (flag === 1) expect(pairs.same[k]).toBe(0);
      lookalikes += flag;
    });
    expect(lookalikes).toBe(90); // round(0.3 · 300)
  });

  it('has no duplicate pairs when enough exist', () => {
    const keys = new Set(
      Array.from(pairs.a, (a, k) => {
        const b = pairs.b[k] ?? -1;
        return `${Math.min(a, b)}-${Math.max(a, b)}`;
      }),
    );
    expect(keys.size).toBe(600);
  });

  it('is deterministic in the seed and changes with it', () => {
    const again = samplePairs(labels, relatives, { pairs: 600, lookalikeFraction: 0.3 }, 11);
    expect(again).toEqual(pairs);
    const other = samplePairs(labels, relatives, { pairs: 600, lookalikeFraction: 0.3 }, 12);
    expect(other.a).not.toEqual(pairs.a);
  });

  it('works without relatives when lookalikeFraction is 0', () => {
    const plain = testSet(10, 2, false);
    const p = samplePairs(plain.labels, plain.relatives, { pairs: 40, lookalikeFraction: 0 }, 1);
    expect(p.lookalike.every((v) => v === 0)).toBe(true);
    // Only 10 positive pairs exist: they are reused to fill 20 positives.
    expect(p.same.reduce((s, v) => s + v, 0)).toBe(20);
  });

  it('rejects pair counts that are not a positive multiple of 20, naming the field', () => {
    expect(() => samplePairs(labels, relatives, { pairs: 610, lookalikeFraction: 0.3 }, 1)).toThrow(/data\.pairs.*610/);
    expect(() => samplePairs(labels, relatives, { pairs: 600, lookalikeFraction: 2 }, 1)).toThrow(
      /data\.lookalikeFraction/,
    );
  });

  it('says so when look-alikes are asked for but no relatives exist', () => {
    const plain = testSet(10, 2, false);
    expect(() => samplePairs(plain.labels, plain.relatives, { pairs: 20, lookalikeFraction: 0.5 }, 1)).toThrow(
      /look-alike/,
    );
  });
});
