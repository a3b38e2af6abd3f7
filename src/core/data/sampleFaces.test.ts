import { beforeAll, describe, expect, it } from 'vitest';
import { loadResvgWasmNode } from '../../cli/rasterizer-node';
import type { DataConfig } from '../config';
import { generateDataset } from './dataset';
import { defaultDataConfig } from './defaults';
import { initRasterizer } from './rasterize';
import { sampleFaces } from './sampleFaces';

const tiny = (overrides: Partial<DataConfig> = {}): DataConfig => ({
  ...defaultDataConfig(),
  imageSize: 16,
  trainIds: 4,
  testIds: 4,
  testImagesPerId: 2,
  pairs: 20,
  ...overrides,
});

beforeAll(async () => {
  await initRasterizer(await loadResvgWasmNode());
});

describe('sampleFaces', () => {
  it('gives the training images generateDataset gives the same identities, bit for bit', async () => {
    const config = tiny({ regime: 'deep', deepDepth: 3 });
    const dataset = await generateDataset(config, 7);
    const faces = sampleFaces(config, 7, 3, 2);
    const perImage = 16 * 16 * config.channels;
    expect(faces.map((f) => [f.id, f.count, f.depth])).toEqual([
      [0, 2, 3],
      [1, 2, 3],
      [2, 2, 3],
    ]);
    for (const face of faces) {
      // Identity i's images start at 3·i in the training set (every identity has depth 3).
      const start = face.id * 3 * perImage;
      expect(face.pixels).toEqual(dataset.train.pixels.slice(start, start + 2 * perImage));
    }
  });

  it('shows no more images than an identity has, nor more identities than the config trains', () => {
    const faces = sampleFaces(tiny(), 7, 6, 4);
    expect(faces.map((f) => f.count)).toEqual([2, 2, 2, 2]);
  });

  it('names the field, the value and what is allowed', () => {
    expect(() => sampleFaces(tiny(), 7, 0, 2)).toThrow('ids = 0 is not allowed: expected an integer from 1 to 12');
    expect(() => sampleFaces(tiny(), 7, 2, 99)).toThrow('perId = 99 is not allowed: expected an integer from 1 to 8');
    expect(() => sampleFaces(tiny({ imageSize: 3 }), 7, 2, 2)).toThrow(/imageSize/);
  });
});
