import { describe, expect, it } from 'vitest';
import { datasetCacheKey, deserializeDataset, serializeDataset } from './cache';
import { defaultDataConfig } from './defaults';
import type { FaceDataset } from './types';

/** A small hand-made dataset with odd lengths (exercises the 4-byte padding). */
function fakeDataset(): FaceDataset {
  const image = (n: number, c: number): Float32Array =>
    Float32Array.from({ length: n * 3 * 3 * c }, (_, i) => (i * 0.37) % 1);
  return {
    train: { pixels: image(5, 3), count: 5, size: 3, channels: 3, labels: Int32Array.of(0, 0, 1, 1, 2) },
    trainIds: 3,
    depthPerId: Int32Array.of(2, 2, 1),
    test: { pixels: image(3, 3), count: 3, size: 3, channels: 3, labels: Int32Array.of(0, 1, 1) },
    testIds: 2,
    pairs: {
      a: Int32Array.of(1, 0, 0),
      b: Int32Array.of(2, 1, 2),
      same: Uint8Array.of(1, 0, 0),
      lookalike: Uint8Array.of(0, 1, 0),
      fold: Uint8Array.of(0, 0, 1),
    },
  };
}

describe('dataset cache', () => {
  it('round-trips a dataset exactly', () => {
    const ds = fakeDataset();
    const back = deserializeDataset(serializeDataset(ds));
    expect(back).toEqual(ds);
    expect(back.train.pixels).toBeInstanceOf(Float32Array);
    expect(back.pairs.fold).toBeInstanceOf(Uint8Array);
  });

  it('reads from a buffer that is later reused without sharing it', () => {
    const buf = serializeDataset(fakeDataset());
    const back = deserializeDataset(buf);
    new Uint8Array(buf).fill(0);
    expect(back.train.labels[4]).toBe(2);
  });

  it('rejects foreign and truncated buffers', () => {
    expect(() => deserializeDataset(new ArrayBuffer(16))).toThrow(/magic/);
    const buf = serializeDataset(fakeDataset());
    expect(() => deserializeDataset(buf.slice(0, buf.byteLength - 8))).toThrow(/truncated/);
  });

  it('keys by config and seed, independent of key order', () => {
    const config = defaultDataConfig();
    const key = datasetCacheKey(config, 1);
    expect(datasetCacheKey(defaultDataConfig(), 1)).toBe(key);
    const reordered = Object.fromEntries(Object.entries(config).reverse()) as typeof config;
    expect(datasetCacheKey(reordered, 1)).toBe(key);
    expect(datasetCacheKey(config, 2)).not.toBe(key);
    const changed = { ...config, variation: { ...config.variation, pose: 0.5 } };
    expect(datasetCacheKey(changed, 1)).not.toBe(key);
    expect(key).toMatch(/^ds-1-[0-9a-f]{16}$/);
  });
});
