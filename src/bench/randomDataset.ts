/**
 * Random images in place of rendered faces, for timing: a step's cost depends on the shapes,
 * never on the pixels, and faces take seconds to render.
 */
import type { ExperimentConfig } from '../core/config';
import type { FaceDataset, ImageSet } from '../core/data/types';
import { createRng } from '../core/rng';

function randomSet(ids: number, depth: number, size: number, channels: 1 | 3, seed: number): ImageSet {
  const rng = createRng(seed);
  const count = ids * depth;
  const pixels = Float32Array.from({ length: count * size * size * channels }, () => rng.next());
  const labels = Int32Array.from({ length: count }, (_, i) => Math.floor(i / depth));
  return { pixels, count, size, channels, labels };
}

/** config.data.trainIds identities × 2 images of config's size and channels, 10 test identities, 20 pairs. */
export function randomDataset(config: ExperimentConfig): FaceDataset {
  const n = config.data.trainIds;
  const { imageSize, channels } = config.data;
  const pairs = 20;
  return {
    train: randomSet(n, 2, imageSize, channels, 1),
    trainIds: n,
    depthPerId: new Int32Array(n).fill(2),
    test: randomSet(10, 2, imageSize, channels, 2),
    testIds: 10,
    pairs: {
      a: Int32Array.from({ length: pairs }, (_, i) => i),
      b: Int32Array.from({ length: pairs }, (_, i) => (i % 2 ? i - 1 : i + 1)),
      same: Uint8Array.from({ length: pairs }, (_, i) => (i < 10 ? 1 : 0)),
      lookalike: new Uint8Array(pairs),
      fold: Uint8Array.from({ length: pairs }, (_, i) => i % 10),
    },
  };
}
