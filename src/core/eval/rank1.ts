/**
 * Rank-1 identification: for each identity its first image (lowest index) is the gallery, its
 * other images are probes; a probe is correct when its most similar gallery image (cosine) is of
 * its own identity.
 */
import { cosineAt } from './scores';

export interface Rank1Result {
  rank1: number;
  probes: number;
  galleries: number;
}

/** embeddings [n, dim], labels [n] → rank-1 accuracy over all probes. */
export function rank1(embeddings: Float32Array, dim: number, labels: Int32Array): Rank1Result {
  const gallery = new Map<number, number>();
  const count = new Map<number, number>();
  labels.forEach((id, i) => {
    if (!gallery.has(id)) gallery.set(id, i);
    count.set(id, (count.get(id) ?? 0) + 1);
  });
  for (const [id, c] of count) {
    if (c < 2) throw new Error(`rank1: identity ${id} has ${c} image; each needs at least 2 (a gallery and a probe)`);
  }
  const galleries = [...gallery.entries()];
  let correct = 0;
  let probes = 0;
  labels.forEach((id, i) => {
    if (gallery.get(id) === i) return;
    probes++;
    let bestId = -1;
    let best = -Infinity;
    for (const [gid, gi] of galleries) {
      const s = cosineAt(embeddings, dim, i, gi);
      if (s > best) {
        best = s;
        bestId = gid;
      }
    }
    if (bestId === id) correct++;
  });
  return { rank1: correct / probes, probes, galleries: galleries.length };
}
