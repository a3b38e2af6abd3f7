/**
 * The committed test folder end to end in Node: it is exactly what the script makes, its PNGs
 * decode to the generator's pixels, and each seed's split follows the regime and pairs.txt.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { encode as encodeJpeg } from 'jpeg-js';
import { encode as encodePng } from 'fast-png';
import { loadResvgWasmNode } from '../../cli/rasterizer-node';
import { loadFaces } from '../../cli/facesNode';
import { defaultDataConfig } from '../data/defaults';
import { initRasterizer } from '../data/rasterize';
import type { DataConfig } from '../config';
import { decodeImageBytes } from './decodeBytes';
import { folderCapacity, folderDataset } from './folderDataset';
import { readListing } from './listing';
import { parsePairsFile } from './pairsFile';
import { cropResize } from './pixels';
import { buildPool, deserializePool, serializePool } from './pool';
import { makeTestFolder } from './testFolder';

const DIR = join('e2e', 'fixtures', 'faces');
const data = (over: Partial<DataConfig> = {}): DataConfig => ({
  ...defaultDataConfig(),
  imageSize: 16,
  channels: 1,
  trainIds: 8,
  testIds: 4,
  testImagesPerId: 3,
  pairs: 20,
  ...over,
});

beforeAll(async () => {
  await initRasterizer(await loadResvgWasmNode());
});

describe('the test face folder', () => {
  it('is exactly what makeTestFolder writes', async () => {
    const made = makeTestFolder();
    const onDisk = (await readdir(DIR, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(onDisk).toHaveLength(made.length);
    for (const f of made) expect(new Uint8Array(await readFile(join(DIR, f.path)))).toEqual(f.bytes);
  });

  it('loads with its pairs: 10 folds of one same and one different pair over 4 held-out identities', async () => {
    const loaded = await loadFaces(
      { dir: DIR, pairs: null },
      { imageSize: 16, channels: 1 },
      join('.cache', 'faces-test'),
    );
    expect(loaded.listing.identities).toHaveLength(20);
    expect(loaded.pool.paths).toHaveLength(60);
    expect(loaded.pairs?.format).toBe('lfw-10-fold');
    const { dataset } = folderDataset(loaded.pool, loaded.pairs, data(), 3);
    expect(dataset.testIds).toBe(4);
    expect(dataset.pairs.same.length).toBe(20);
    expect([...dataset.pairs.fold]).toEqual(Array.from({ length: 20 }, (_, k) => Math.floor(k / 2)));
    expect(dataset.trainIds).toBe(8);
    expect([...dataset.depthPerId]).toEqual(new Array(8).fill(2));
    expect(dataset.train.count).toBe(16);
  });
});

describe('decodeImageBytes', () => {
  it('reads 8-bit RGB and 16-bit grey+alpha PNGs exactly and a JPEG within its loss', () => {
    const rgb = new Uint8Array(5 * 3 * 3).map((_, i) => (i * 37) % 256);
    const decoded = decodeImageBytes(encodePng({ width: 5, height: 3, data: rgb, channels: 3, depth: 8 }));
    if (!decoded.ok) throw new Error(decoded.why);
    expect([decoded.width, decoded.height]).toEqual([5, 3]);
    expect(Array.from(decoded.rgba).filter((_, i) => i % 4 !== 3)).toEqual([...rgb]);
    const grey16 = new Uint16Array([0x1234, 0xffff, 0xab00, 0x0100]);
    const g = decodeImageBytes(encodePng({ width: 2, height: 1, data: grey16, channels: 2, depth: 16 }));
    if (!g.ok) throw new Error(g.why);
    expect(Array.from(g.rgba)).toEqual([0x12, 0x12, 0x12, 0xff, 0xab, 0xab, 0xab, 0x01]);
    const rgba = new Uint8Array(32 * 32 * 4).map((_, i) => [120, 90, 60, 255][i % 4] as number);
    const jpeg = decodeImageBytes(encodeJpeg({ width: 32, height: 32, data: rgba }, 95).data);
    if (!jpeg.ok) throw new Error(jpeg.why);
    const err = Array.from(jpeg.rgba).reduce(
      (m, v, i) => (i % 4 === 3 ? m : Math.max(m, Math.abs(v - (rgba[i] as number)))),
      0,
    );
    expect(err).toBeLessThan(3);
  });

  it('names text, truncated and empty files', () => {
    expect(decodeImageBytes(new TextEncoder().encode('hello'))).toEqual({
      ok: false,
      why: 'not a JPEG or PNG image (its first bytes are neither)',
    });
    const png = makeTestFolder()[0]?.bytes as Uint8Array;
    const cut = decodeImageBytes(png.slice(0, 60));
    expect(cut.ok).toBe(false);
    expect(cut.ok ? '' : cut.why).toMatch(/^an unreadable PNG \(/);
  });
});

describe('pools and splits', () => {
  /** 14 identities I00..I13 with 2..5 images, tiny 2×2 grey images whose value is the image's index. */
  const listing = readListing(
    Array.from({ length: 14 }, (_, i) =>
      Array.from({ length: 2 + (i % 4) }, (__, k) => ({
        path: `r/I${String(i).padStart(2, '0')}/I${String(i).padStart(2, '0')}_000${k + 1}.png`,
        bytes: 1,
        modified: 0,
      })),
    ).flat(),
  );
  const makePool = async (bad: string | null = null) =>
    buildPool(
      listing,
      2,
      1,
      (p) =>
        Promise.resolve(
          p === bad
            ? { ok: false, why: 'broken' }
            : {
                ok: true,
                rgba: new Uint8Array(16).fill(
                  listing.identities.findIndex((id) => id.images.some((im) => im.path === p)) * 10,
                ),
                width: 2,
                height: 2,
              },
        ),
      (d) => cropResize(d.rgba, d.width, d.height, 2, 1),
    );

  it('round-trips through bytes and names an unreadable image', async () => {
    const pool = await makePool('r/I03/I03_0002.png');
    expect(pool.unreadable).toEqual(['r/I03/I03_0002.png: broken; skipped']);
    expect(pool.paths).toHaveLength(listing.imageCount - 1);
    const back = deserializePool(serializePool(pool));
    expect(back).toEqual(pool);
  });

  it('splits by the seed: same seed same split, disjoint held-out and training identities, regime depths', async () => {
    const pool = await makePool();
    const config = data({ trainIds: 6, testIds: 3, testImagesPerId: 2, regime: 'deep', deepDepth: 3 });
    const a = folderDataset(pool, null, config, 5).dataset;
    const b = folderDataset(pool, null, config, 5).dataset;
    const c = folderDataset(pool, null, config, 6).dataset;
    expect(a.train.pixels).toEqual(b.train.pixels);
    expect(a.pairs).toEqual(b.pairs);
    expect(c.train.pixels).not.toEqual(a.train.pixels);
    // Pixel value = 10 × identity index / 255: the identity sets must be disjoint.
    const ids = (set: { pixels: Float32Array; count: number }) =>
      new Set(Array.from({ length: set.count }, (_, k) => Math.round(((set.pixels[k * 4] as number) * 255) / 10)));
    const train = ids(a.train);
    for (const id of ids(a.test)) expect(train.has(id)).toBe(false);
    expect(train.size).toBe(6);
    expect(a.test.count).toBe(6);
    for (const [k, d] of a.depthPerId.entries())
      expect(d).toBe(Math.min(3, a.train.labels.filter((l) => l === k).length));
    expect(Math.max(...a.depthPerId)).toBeLessThanOrEqual(3);
    expect(a.pairs.lookalike.every((v) => v === 0)).toBe(true);
  });

  it('ranks the long tail by images per identity', async () => {
    const pool = await makePool();
    const { dataset } = folderDataset(
      pool,
      null,
      data({ regime: 'longtail', trainIds: 8, testIds: 2, longTail: { minDepth: 1, maxDepth: 5, exponent: 1 } }),
      1,
    );
    // Zipf depths round(5 / r) = 5, 3, 2, 1, …, capped by what each ranked identity has (≥ 5, 4 …).
    expect([...dataset.depthPerId]).toEqual([5, 3, 2, 1, 1, 1, 1, 1]);
    // Pixel value = 10 × identity index / 255: the head identity is one with 5 images.
    const head = Math.round(((dataset.train.pixels[0] as number) * 255) / 10);
    expect(listing.identities[head]?.images.length).toBe(5);
  });

  it('names the field, the value and what the folder allows when it is too small', async () => {
    const pool = await makePool();
    const cap = folderCapacity(
      listing.identities.map((i) => i.images.length),
      null,
      data({ testIds: 3 }),
    );
    expect(cap).toEqual({ trainIds: 11, testIds: 14 });
    expect(() => folderDataset(pool, null, data({ trainIds: 12, testIds: 3 }), 1)).toThrow(
      'data.trainIds is 12 but the folder "r" has only 11 identities with at least 2 readable images outside the held-out ones; allowed: 2 to 11.',
    );
    expect(() => folderDataset(pool, null, data({ testIds: 15 }), 1)).toThrow(
      'data.testIds is 15 but the folder "r" has only 14 identities with at least 2 readable images to hold out; allowed: 2 to 14 (or add a pairs.txt).',
    );
  });

  it('holds out every identity pairs.txt names and refuses a fold left without a kind', async () => {
    const pool = await makePool();
    const lines = ['10\t1'];
    for (let f = 0; f < 10; f++) lines.push(`I0${f % 4} 1 2`, `I0${f % 4} 1 I0${(f % 4) + 1} 1`);
    const parsed = parsePairsFile('pairs.txt', lines.join('\n'), listing);
    const { dataset } = folderDataset(pool, parsed, data({ trainIds: 9 }), 1);
    expect(dataset.testIds).toBe(5);
    expect(
      folderCapacity(
        listing.identities.map((i) => i.images.length),
        new Set([0, 1, 2, 3, 4]),
        data(),
      ).trainIds,
    ).toBe(9);
    const broken = await makePool('r/I01/I01_0001.png');
    expect(() => folderDataset(broken, parsed, data({ trainIds: 2 }), 1)).toThrow(
      'the folder "r": fold 1 of pairs.txt has no different-person pair left; 10-fold verification needs both kinds in every fold.',
    );
  });
});
