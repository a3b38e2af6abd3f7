import { beforeAll, describe, expect, it } from 'vitest';
import { loadResvgWasmNode } from '../../cli/rasterizer-node';
import type { DataConfig } from '../config';
import { generateDataset, generateDatasetWithStats } from './dataset';
import { defaultDataConfig } from './defaults';
import { testIdentities, trainIdentities } from './identities';
import { initRasterizer } from './rasterize';
import type { FaceDataset } from './types';

/** A tiny config: 16 px, few IDs, so a dataset renders in well under a second. */
function tiny(overrides: Partial<DataConfig> = {}): DataConfig {
  return {
    ...defaultDataConfig(),
    imageSize: 16,
    trainIds: 4,
    testIds: 5,
    testImagesPerId: 2,
    pairs: 20,
    ...overrides,
  };
}

beforeAll(async () => {
  await initRasterizer(await loadResvgWasmNode());
});

describe('generateDataset', () => {
  let first: FaceDataset;
  beforeAll(async () => {
    first = await generateDataset(tiny(), 42);
  });

  it('has the declared shapes, labels and ranges', () => {
    expect(first.train.count).toBe(8);
    expect(first.train.pixels.length).toBe(8 * 16 * 16);
    expect(Array.from(first.train.labels)).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
    expect(Array.from(first.depthPerId)).toEqual([2, 2, 2, 2]);
    expect(first.test.count).toBe(10);
    expect(first.testIds).toBe(5);
    expect(first.pairs.a.length).toBe(20);
    expect(first.train.pixels.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('reproduces the same pixels bit for bit from the same seed', async () => {
    const again = await generateDataset(tiny(), 42);
    expect(again).toEqual(first);
  });

  it('gives different images for a different seed', async () => {
    const other = await generateDataset(tiny(), 43);
    expect(other.train.pixels).not.toEqual(first.train.pixels);
    expect(other.test.pixels).not.toEqual(first.test.pixels);
  });

  it('keeps the test split independent of trainIds and the regime', async () => {
    const deeper = await generateDataset(tiny({ trainIds: 2, regime: 'deep', deepDepth: 3 }), 42);
    expect(deeper.test).toEqual(first.test);
    expect(deeper.pairs).toEqual(first.pairs);
    expect(deeper.train.count).toBe(6);
    // The first two images of a train ID are the same whatever its depth.
    expect(deeper.train.pixels.slice(0, 2 * 256)).toEqual(first.train.pixels.slice(0, 2 * 256));
  });

  it('renders colour images with 3 channels', async () => {
    const rgb = await generateDataset(tiny({ channels: 3, trainIds: 2, testIds: 3 }), 1);
    // 2 IDs × 2 images (shallow) × 16 × 16 px × 3 channels
    expect(rgb.train.pixels.length).toBe(2 * 2 * 16 * 16 * 3);
    expect(rgb.train.channels).toBe(3);
  });

  it('reports progress up to the total and a throughput', async () => {
    const seen: Array<[number, number]> = [];
    const result = await generateDatasetWithStats(tiny(), 7, (done, total) => seen.push([done, total]));
    expect(seen.at(-1)).toEqual([18, 18]);
    expect(result.imagesPerSecond).toBeGreaterThan(0);
  });

  it('stops within one image of a cancellation and keeps the same pixels when not cancelled', async () => {
    const stop = new AbortController();
    let last = 0;
    const config = tiny({ trainIds: 40 });
    const run = generateDatasetWithStats(
      config,
      3,
      (done) => {
        last = done;
        if (done === 50) stop.abort();
      },
      stop.signal,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(last).toBe(50);
    // a signal that never fires changes nothing
    const withSignal = await generateDataset(tiny(), 42, undefined, new AbortController().signal);
    expect(withSignal.train.pixels).toEqual(first.train.pixels);
  });

  it('throws an error that names an impossible field and its value', async () => {
    await expect(generateDataset(tiny({ trainIds: 0 }), 1)).rejects.toThrow(/data\.trainIds.*0/);
    await expect(generateDataset(tiny({ testImagesPerId: 1 }), 1)).rejects.toThrow(/data\.testImagesPerId/);
    await expect(generateDataset(tiny({ pairs: 30 }), 1)).rejects.toThrow(/data\.pairs.*30/);
    const badVariation = { ...tiny().variation, glasses: 1.5 };
    await expect(generateDataset(tiny({ variation: badVariation }), 1)).rejects.toThrow(
      /data\.variation\.glasses.*1\.5/,
    );
    const badRegime = tiny({ regime: 'wide' as DataConfig['regime'] });
    await expect(generateDataset(badRegime, 1)).rejects.toThrow(/data\.regime.*wide/);
  });
});

describe('identities', () => {
  it('keeps train and test identities disjoint', () => {
    const train = trainIdentities(5, 200);
    const test = testIdentities(5, 100, true);
    const trainSeeds = new Set(train.map((id) => id.seed));
    const trainFaces = new Set(train.map((id) => JSON.stringify(id.face)));
    for (const id of test) {
      expect(trainSeeds.has(id.seed)).toBe(false);
      expect(trainFaces.has(JSON.stringify(id.face))).toBe(false);
    }
  });

  it('makes both genders and same-gender relatives, mostly with the same skin colour', () => {
    const test = testIdentities(9, 40, true);
    expect(new Set(test.map((id) => id.gender)).size).toBe(2);
    let sameSkin = 0;
    for (let k = 0; k < 40; k += 2) {
      const [base, relative] = [test[k], test[k + 1]];
      expect(base?.relative).toBe(k + 1);
      expect(relative?.relative).toBe(k);
      expect(relative?.gender).toBe(base?.gender);
      if (relative?.face.body.color === base?.face.body.color) sameSkin++;
    }
    // facesjs re-draws a relative's skin within the same palette 25 % of the time.
    expect(sameSkin).toBeGreaterThanOrEqual(12);
  });
});
