/**
 * The embedding view's points: the probe's test embeddings of the first few held-out identities
 * (two images each), projected on their own first two principal components (pca.ts). Both images
 * of an identity are drawn joined by a line; as training goes they pull together.
 */
import type { ImageSet } from '../data/types';
import { pca2 } from './pca';

export const VIEW_IDS = 10;

export interface EmbeddingView {
  step: number;
  /** Held-out identity of each pair of points, [ids]. */
  ids: number[];
  /** [2·ids, 2] row-major: image 1 then image 2 of each identity. */
  coords: Float32Array;
  explained: [number, number];
}

/** Indices of the first two images of each of the first `count` identities with two images. */
export function viewImages(test: ImageSet, count = VIEW_IDS): { ids: number[]; images: number[] } {
  const seen = new Map<number, number[]>();
  test.labels.forEach((id, i) => {
    const list = seen.get(id) ?? [];
    if (list.length < 2) list.push(i);
    seen.set(id, list);
  });
  const ids = [...seen.entries()]
    .filter(([, l]) => l.length === 2)
    .map(([id]) => id)
    .sort((a, b) => a - b)
    .slice(0, count);
  return { ids, images: ids.flatMap((id) => seen.get(id) as number[]) };
}

/** embeddings: [test.count, dim] row-major. */
export function embeddingView(embeddings: Float32Array, dim: number, test: ImageSet, step: number): EmbeddingView {
  const { ids, images } = viewImages(test);
  const points = new Float32Array(images.length * dim);
  images.forEach((img, r) => points.set(embeddings.subarray(img * dim, (img + 1) * dim), r * dim));
  const { coords, explained } = pca2(points, images.length, dim);
  return { step, ids, coords, explained };
}
