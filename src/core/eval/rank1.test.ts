import { describe, expect, it } from 'vitest';
import { rank1, rank1CoverageText } from './rank1';

const f32 = (xs: number[]) => Float32Array.from(xs);
const ids = (xs: number[]) => Int32Array.from(xs);

describe('rank-1 identification', () => {
  it('counts probes whose nearest gallery is their own identity (3 IDs, one known mistake)', () => {
    // Galleries (first images): ID 0 → (1, 0), ID 1 → (0, 1), ID 2 → (−1, 0).
    // Probes: ID 0 (9, 1) (unnormalised), ID 1 (0.1, 0.9), ID 2 (−0.9, 0.1) are right;
    // the second ID 1 probe (0.8, 0.2) is nearer ID 0's gallery.
    const e = f32([1, 0, 0, 1, -1, 0, 9, 1, 0.1, 0.9, -0.9, 0.1, 0.8, 0.2]);
    expect(rank1(e, 2, ids([0, 1, 2, 0, 1, 2, 1]))).toEqual({
      rank1: 3 / 4,
      probes: 4,
      identities: 3,
      testIdentities: 3,
      notApplicable: null,
    });
  });

  it('takes the lowest-index image of each identity as its gallery', () => {
    // Galleries idx 0 (1, 0) and idx 1 (0, 1): probe idx 2 of ID 0 at (0.2, 1) is nearer ID 1 → 1/2.
    // (With the last images as galleries both probes would be right.)
    const e = f32([1, 0, 0, 1, 0.2, 1, 0.1, 1]);
    expect(rank1(e, 2, ids([0, 1, 0, 1]))).toEqual({
      rank1: 1 / 2,
      probes: 2,
      identities: 2,
      testIdentities: 2,
      notApplicable: null,
    });
  });

  it('counts a tie for the best gallery as a miss (collapsed embeddings score 0)', () => {
    expect(rank1(f32([1, 0, 1, 0, 1, 0, 1, 0]), 2, ids([0, 1, 0, 1])).rank1).toBe(0);
  });

  it('leaves single-image identities out, as probes and as galleries, and says how many it covered', () => {
    // ID 0: gallery (1, 0), probe (0.6, 0.8). ID 1 has one image, (0.5, 0.85), nearer the probe
    // than ID 0's gallery: as a gallery it would make the probe a miss; left out, the probe is right.
    const e = f32([1, 0, 0.5, 0.85, 0.6, 0.8]);
    expect(rank1(e, 2, ids([0, 1, 0]))).toEqual({
      rank1: 1,
      probes: 1,
      identities: 1,
      testIdentities: 2,
      notApplicable: null,
    });
    expect(rank1CoverageText(rank1(e, 2, ids([0, 1, 0])))).toBe(
      'rank-1 over 1 of 2 held-out identities (those with ≥ 2 test images), 1 probe',
    );
  });

  it('is not applicable, not an error, when no identity has 2 images (LFW different-person lines only)', () => {
    const r = rank1(f32([1, 0, 0, 1, 1, 1]), 2, ids([0, 1, 2]));
    expect(r).toEqual({
      rank1: null,
      probes: 0,
      identities: 0,
      testIdentities: 3,
      notApplicable:
        'no held-out identity has 2 or more test images (3 identities, 1 image each): rank-1 needs a gallery and a probe of one person',
    });
    expect(rank1CoverageText(r)).toBe(`rank-1 n/a: ${r.notApplicable as string}`);
    expect(rank1(f32([]), 2, ids([]))).toMatchObject({ rank1: null, notApplicable: 'the test set is empty' });
    expect(rank1CoverageText(rank1(f32([1, 0, 0, 1]), 2, ids([0, 0])))).toBe(
      'rank-1 over all 1 held-out identities, 1 probe',
    );
  });

  it('names a label count that does not match the embeddings', () => {
    expect(() => rank1(f32([1, 0, 0, 1]), 2, ids([0, 0, 1]))).toThrow('2 embeddings but 3 labels');
  });
});
