/**
 * Cosine similarity of each verification pair's embeddings.
 */
import type { VerificationPairs } from '../data/types';

/**
 * Cosine of rows a and b of embeddings [n, dim]. Normalising again costs nothing and keeps the
 * score a cosine for unnormalised input; a zero row scores 0.
 */
export function cosineAt(embeddings: Float32Array, dim: number, a: number, b: number): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < dim; d++) {
    const x = embeddings[a * dim + d] as number;
    const y = embeddings[b * dim + d] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** embeddings [n, dim] row-major (usually unit rows) → score per pair, [pairs]. */
export function pairScores(embeddings: Float32Array, dim: number, pairs: VerificationPairs): Float32Array {
  const n = embeddings.length / dim;
  const out = new Float32Array(pairs.a.length);
  for (let p = 0; p < out.length; p++) {
    const a = pairs.a[p] as number;
    const b = pairs.b[p] as number;
    if (a >= n || b >= n) throw new Error(`pairScores: pair ${p} refers to image ${Math.max(a, b)} of ${n}`);
    out[p] = cosineAt(embeddings, dim, a, b);
  }
  return out;
}
