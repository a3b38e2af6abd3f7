import { describe, expect, it } from 'vitest';
import { rank1 } from './rank1';

const f32 = (xs: number[]) => Float32Array.from(xs);
const ids = (xs: number[]) => Int32Array.from(xs);

describe('rank-1 identification', () => {
  it('counts probes whose nearest gallery is their own identity (3 IDs, one known mistake)', () => {
    // Galleries (first images): ID 0 → (1, 0), ID 1 → (0, 1), ID 2 → (−1, 0).
    // Probes: ID 0 (9, 1) (unnormalised), ID 1 (0.1, 0.9), ID 2 (−0.9, 0.1) are right;
    // the second ID 1 probe (0.8, 0.2) is nearer ID 0's gallery.
    const e = f32([1, 0, 0, 1, -1, 0, 9, 1, 0.1, 0.9, -0.9, 0.1, 0.8, 0.2]);
    expect(rank1(e, 2, ids([0, 1, 2, 0, 1, 2, 1]))).toEqual({ rank1: 3 / 4, probes: 4, galleries: 3 });
  });

  it('takes the lowest-index image of each identity as its gallery', () => {
    // Galleries idx 0 (1, 0) and idx 1 (0, 1): probe idx 2 of ID 0 at (0.2, 1) is nearer ID 1 → 1/2.
    // (With the last images as galleries both probes would be right.)
    const e = f32([1, 0, 0, 1, 0.2, 1, 0.1, 1]);
    expect(rank1(e, 2, ids([0, 1, 0, 1]))).toEqual({ rank1: 1 / 2, probes: 2, galleries: 2 });
  });

  it('counts a tie for the best gallery as a miss (collapsed embeddings score 0)', () => {
    expect(rank1(f32([1, 0, 1, 0, 1, 0, 1, 0]), 2, ids([0, 1, 0, 1])).rank1).toBe(0);
  });

  it('names an identity with a single image', () => {
    expect(() => rank1(f32([1, 0, 0, 1, 1, 1]), 2, ids([0, 0, 1]))).toThrow('identity 1 has 1 image; each needs at least 2');
  });

  it('names a label count that does not match the embeddings', () => {
    expect(() => rank1(f32([1, 0, 0, 1]), 2, ids([0, 0, 1]))).toThrow('2 embeddings but 3 labels');
  });
});
