/**
 * Test helpers: the cpu backend (bit-exact reference), tiny configs and synthetic image sets that
 * need no rasteriser, so trainer tests run in seconds.
 */
import { useNodeBackend } from '../cli/backend-node';
import type { ExperimentConfig } from '../core/config';
import type { FaceDataset, ImageSet } from '../core/data/types';
import { presetConfig } from '../core/presets';
import { createRng } from '../core/rng';

export async function useCpu(): Promise<void> {
  await useNodeBackend('cpu');
}

/** Random images whose identity shows as a bright per-ID blob, so training has signal. */
export function syntheticSet(ids: number, depthPerId: number, size: number, seed: number): ImageSet {
  const rng = createRng(seed);
  const count = ids * depthPerId;
  const pixels = new Float32Array(count * size * size);
  const labels = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const id = Math.floor(i / depthPerId);
    labels[i] = id;
    const cy = (id * 7) % size;
    const cx = (id * 13) % size;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const d2 = (y - cy) ** 2 + (x - cx) ** 2;
        pixels[(i * size + y) * size + x] = Math.exp(-d2 / 8) + 0.2 * rng.next();
      }
    }
  }
  return { pixels, count, size, channels: 1, labels };
}

/** A dataset of synthetic sets with 10 folds of trivial pairs (first two images of test IDs). */
export function syntheticDataset(trainIds: number, testIds: number, size: number, seed = 1): FaceDataset {
  const train = syntheticSet(trainIds, 2, size, seed);
  const test = syntheticSet(testIds, 2, size, seed + 1);
  const n = 20;
  const a = new Int32Array(n);
  const b = new Int32Array(n);
  const same = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const id = i % testIds;
    same[i] = i % 2 === 0 ? 1 : 0;
    a[i] = id * 2;
    b[i] = same[i] ? id * 2 + 1 : ((id + 1) % testIds) * 2;
  }
  const fold = Uint8Array.from({ length: n }, (_, i) => Math.floor(i / 2) % 10);
  return {
    train,
    trainIds,
    depthPerId: new Int32Array(trainIds).fill(2),
    test,
    testIds,
    pairs: { a, b, same, lookalike: new Uint8Array(n), fold },
  };
}

/** The smoke preset shrunk for unit tests: 8×8 grey images, tiny backbone, batch 4, queue 8. */
export function tinyConfig(overrides: Partial<ExperimentConfig> = {}): ExperimentConfig {
  const base = presetConfig('smoke');
  return {
    ...base,
    steps: 6,
    batchSize: 4,
    data: { ...base.data, imageSize: 8, channels: 1, trainIds: 24, testIds: 6 },
    model: { backbone: 'tiny', embedDim: 8 },
    gallery: { alpha: 0.9, queueSize: 8 },
    ...overrides,
  };
}
