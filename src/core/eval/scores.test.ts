import { describe, expect, it } from 'vitest';
import { embeddingRows, pairScores, unitRows } from './scores';

const f32 = (xs: number[]) => Float32Array.from(xs);
const idx = (xs: number[]) => Int32Array.from(xs);

describe('pairScores', () => {
  it('gives 1 for parallel, 0 for orthogonal and −1 for opposite rows, whatever their length', () => {
    // Rows: (2, 0), (0, 3), (−1, 0), (5, 0).
    const e = f32([2, 0, 0, 3, -1, 0, 5, 0]);
    const s = pairScores(e, 2, { a: idx([0, 0, 0, 1]), b: idx([3, 1, 2, 1]) });
    expect(Array.from(s)).toEqual([1, 0, -1, 1]);
  });

  it('scores a 45° pair cos 45° and a zero row 0', () => {
    const e = f32([1, 0, 1, 1, 0, 0]);
    const s = pairScores(e, 2, { a: idx([0, 2]), b: idx([1, 0]) });
    expect(s[0]).toBeCloseTo(Math.SQRT1_2, 6);
    expect(s[1]).toBe(0);
  });

  it('names a pair that points past the embeddings', () => {
    expect(() => pairScores(f32([1, 0]), 2, { a: idx([0]), b: idx([5]) })).toThrow(
      'pair 0 refers to image 5, but there are 1 embeddings',
    );
  });

  it('names mismatched pair arrays', () => {
    expect(() => pairScores(f32([1, 0]), 2, { a: idx([0, 0]), b: idx([0]) })).toThrow(
      'pairs.a has 2 entries but pairs.b has 1',
    );
  });
});

describe('embedding checks', () => {
  it('normalises rows to unit length in double precision', () => {
    const u = unitRows(f32([3, 4, 0, 0]), 2);
    [0.6, 0.8, 0, 0].forEach((v, i) => expect(u[i]).toBeCloseTo(v, 15));
  });

  it('names a length that is not a multiple of dim', () => {
    expect(() => embeddingRows(f32([1, 2, 3]), 2)).toThrow('length 3 is not a multiple of dim 2');
  });

  it('names a bad dim', () => {
    expect(() => embeddingRows(f32([1, 2]), 0)).toThrow('dim must be a positive integer, got 0');
  });

  it('names the row holding a NaN', () => {
    expect(() => embeddingRows(f32([1, 2, 3, Number.NaN]), 2)).toThrow(
      'row 1 has a non-finite value (NaN) at column 1',
    );
  });
});
