/**
 * Cosine scores between embedding rows (docs/method.md §7: L2-normalised features, cosine score).
 * The caller's embeddings are usually unit rows already; every function here normalises again in
 * double precision so a score is a cosine whatever the input's scale.
 */
import type { VerificationPairs } from '../data/types';

/**
 * Number of rows of an [n, dim] row-major embedding matrix, after checking its shape and that
 * every value is finite (a NaN would silently corrupt every sort and comparison downstream).
 */
export function embeddingRows(embeddings: Float32Array, dim: number): number {
  if (!Number.isInteger(dim) || dim < 1) throw new Error(`embeddings: dim must be a positive integer, got ${dim}`);
  if (embeddings.length % dim !== 0) {
    throw new Error(`embeddings: length ${embeddings.length} is not a multiple of dim ${dim}`);
  }
  for (let i = 0; i < embeddings.length; i++) {
    if (!Number.isFinite(embeddings[i])) {
      throw new Error(
        `embeddings: row ${Math.floor(i / dim)} has a non-finite value (${embeddings[i]}) at column ${i % dim}`,
      );
    }
  }
  return embeddings.length / dim;
}

/**
 * A double-precision copy of embeddings [n, dim] with every row scaled to unit L2 norm. An all-zero
 * row stays zero, so its cosine with anything is 0 (no direction, no similarity).
 */
export function unitRows(embeddings: Float32Array, dim: number): Float64Array {
  const n = embeddingRows(embeddings, dim);
  const out = new Float64Array(embeddings.length);
  for (let r = 0; r < n; r++) {
    let sq = 0;
    for (let d = 0; d < dim; d++) sq += (embeddings[r * dim + d] as number) ** 2;
    const scale = sq > 0 ? 1 / Math.sqrt(sq) : 0;
    for (let d = 0; d < dim; d++) out[r * dim + d] = (embeddings[r * dim + d] as number) * scale;
  }
  return out;
}

/** Dot product of rows a and b of unit [n, dim] rows: their cosine, in [−1, 1]. */
export function rowDot(unit: Float64Array, dim: number, a: number, b: number): number {
  let dot = 0;
  for (let d = 0; d < dim; d++) dot += (unit[a * dim + d] as number) * (unit[b * dim + d] as number);
  return Math.max(-1, Math.min(1, dot));
}

/**
 * Cosine similarity of each verification pair.
 * @param embeddings [n, dim] row-major, one row per image of the test set (usually unit rows).
 * @param dim embedding dimension D.
 * @param pairs image indices a[p], b[p] into the rows.
 * @returns scores [pairs] in [−1, 1] (cosine; 1 = same direction).
 */
export function pairScores(
  embeddings: Float32Array,
  dim: number,
  pairs: Pick<VerificationPairs, 'a' | 'b'>,
): Float32Array {
  if (pairs.a.length !== pairs.b.length) {
    throw new Error(`pairScores: pairs.a has ${pairs.a.length} entries but pairs.b has ${pairs.b.length}`);
  }
  const unit = unitRows(embeddings, dim);
  const n = unit.length / dim;
  const out = new Float32Array(pairs.a.length);
  for (let p = 0; p < out.length; p++) {
    const a = pairs.a[p] as number;
    const b = pairs.b[p] as number;
    for (const i of [a, b]) {
      if (i < 0 || i >= n) throw new Error(`pairScores: pair ${p} refers to image ${i}, but there are ${n} embeddings`);
    }
    out[p] = rowDot(unit, dim, a, b);
  }
  return out;
}
