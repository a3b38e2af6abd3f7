/**
 * Rank-1 identification (MASST_SPEC §7): for each identity its first image (lowest index) is the
 * gallery, its other images are probes. A probe is correct when its own identity's gallery image
 * is strictly more similar (cosine) than every other gallery image; a tie for the best similarity
 * counts as a miss, so collapsed embeddings (all scores equal) score 0, not 1/identities.
 */
import { rowDot, unitRows } from './scores';

export interface Rank1Result {
  /** Share of probes identified correctly, in [0, 1]. */
  rank1: number;
  /** Number of probe images (all images but one per identity). */
  probes: number;
  /** Number of gallery images (= identities). */
  galleries: number;
}

/** First image index of each identity in order of appearance, after checking each has ≥ 2 images. */
function galleryIndices(labels: Int32Array): Map<number, number> {
  const first = new Map<number, number>();
  const count = new Map<number, number>();
  labels.forEach((id, i) => {
    if (!first.has(id)) first.set(id, i);
    count.set(id, (count.get(id) ?? 0) + 1);
  });
  for (const [id, c] of count) {
    if (c < 2) throw new Error(`rank1: identity ${id} has ${c} image; each needs at least 2 (a gallery and a probe)`);
  }
  return first;
}

/** Whether probe row i is closer to gallery row `own` than to every other gallery row. */
function identifies(unit: Float64Array, dim: number, i: number, own: number, galleries: readonly number[]): boolean {
  const target = rowDot(unit, dim, i, own);
  return galleries.every((g) => g === own || rowDot(unit, dim, i, g) < target);
}

/**
 * Rank-1 identification accuracy.
 * @param embeddings [n, dim] row-major, one row per test image (normalised again here).
 * @param dim embedding dimension D.
 * @param labels [n] identity of each image.
 * @throws Error when an identity has fewer than 2 images or the shapes disagree.
 */
export function rank1(embeddings: Float32Array, dim: number, labels: Int32Array): Rank1Result {
  const unit = unitRows(embeddings, dim);
  const n = unit.length / dim;
  if (labels.length !== n) throw new Error(`rank1: ${n} embeddings but ${labels.length} labels`);
  const first = galleryIndices(labels);
  const galleries = [...first.values()];
  let probes = 0;
  let correct = 0;
  labels.forEach((id, i) => {
    const own = first.get(id) as number;
    if (own === i) return;
    probes++;
    if (identifies(unit, dim, i, own, galleries)) correct++;
  });
  if (probes === 0) throw new Error('rank1: no probe images (the test set is empty)');
  return { rank1: correct / probes, probes, galleries: galleries.length };
}
