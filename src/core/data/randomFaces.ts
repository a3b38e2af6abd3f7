/**
 * A dataset of uniform noise in the shape of a configuration's faces: two images of each training
 * identity and a small test split with 20 pairs. It costs nothing to make, so timings (the
 * benchmark, the backend trial) measure the training step of the configuration and not the face
 * generation; what it learns means nothing.
 */
import type { ExperimentConfig } from '../config';
import { createRng } from '../rng';
import type { FaceDataset, ImageSet } from './types';

function randomSet(ids: number, depth: number, size: number, channels: 1 | 3, seed: number): ImageSet {
  const rng = createRng(seed);
  const count = ids * depth;
  const pixels = Float32Array.from({ length: count * size * size * channels }, () => rng.next());
  const labels = Int32Array.from({ length: count }, (_, i) => Math.floor(i / depth));
  return { pixels, count, size, channels, labels };
}

export function randomFaces(config: ExperimentConfig): FaceDataset {
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
