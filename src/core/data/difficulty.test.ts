/**
 * Measurement, not a pass/fail gate on a tuned number: how well do training-free baselines verify
 * identities at the default config? Prints (a) cosine of mean-subtracted raw pixels and (b) cosine
 * of a fixed random 64-d projection, best single threshold over all pairs, plus images/s, and
 * writes a contact sheet (8 IDs × 6 images, 4× scale) to /tmp/faces.png for a visual check.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { beforeAll, expect, test } from 'vitest';
import { loadResvgWasmNode } from '../../cli/rasterizer-node';
import { createRng } from '../rng';
import { generateDatasetWithStats } from './dataset';
import { defaultDataConfig } from './defaults';
import { testIdentities } from './identities';
import { initRasterizer } from './rasterize';
import { renderIdentityImage } from './render-image';
import type { ImageSet, VerificationPairs } from './types';

beforeAll(async () => {
  await initRasterizer(await loadResvgWasmNode());
});

/** Image vectors [count][dim] after subtracting the mean image of the set. */
function centred(set: ImageSet): Float32Array[] {
  const dim = set.size * set.size * set.channels;
  const mean = new Float64Array(dim);
  for (let i = 0; i < set.pixels.length; i++) mean[i % dim]! += set.pixels[i]! / set.count;
  return Array.from({ length: set.count }, (_, n) =>
    set.pixels.slice(n * dim, (n + 1) * dim).map((v, d) => v - mean[d]!),
  );
}

/** Each vector centred and scaled by its own mean and deviation (brightness/contrast invariant). */
function standardised(set: ImageSet): Float32Array[] {
  const dim = set.size * set.size * set.channels;
  return Array.from({ length: set.count }, (_, n) => {
    const v = set.pixels.slice(n * dim, (n + 1) * dim);
    const mu = v.reduce((s, x) => s + x, 0) / dim;
    return v.map((x) => x - mu);
  });
}

function project(vectors: Float32Array[], outDim: number, seed: number): Float32Array[] {
  const rng = createRng(seed);
  const dim = vectors[0]!.length;
  const w = Float32Array.from({ length: dim * outDim }, () => rng.normal());
  return vectors.map((v) => {
    const out = new Float32Array(outDim);
    for (let d = 0; d < dim; d++) for (let k = 0; k < outDim; k++) out[k]! += v[d]! * w[d * outDim + k]!;
    return out;
  });
}

function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return ab / Math.sqrt(aa * bb + 1e-12);
}

/** Best accuracy of one threshold on the cosine score over all pairs. */
function bestThresholdAccuracy(vectors: Float32Array[], pairs: VerificationPairs): number {
  const scored = Array.from(pairs.a, (a, i) => ({
    s: cosine(vectors[a]!, vectors[pairs.b[i]!]!),
    same: pairs.same[i]!,
  })).sort((x, y) => x.s - y.s);
  const positives = scored.filter((p) => p.same === 1).length;
  let correct = positives; // threshold below everything: all called "same"
  let best = correct;
  for (const p of scored) {
    correct += p.same === 1 ? -1 : 1;
    best = Math.max(best, correct);
  }
  return best / scored.length;
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const byte of bytes) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return ~c >>> 0;
}

/** 8-bit grayscale PNG of `gray` [height, width] in [0, 1]. */
function encodeGrayPng(gray: Float32Array, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      raw[y * (width + 1) + 1 + x] = Math.round(255 * Math.min(1, Math.max(0, gray[y * width + x]!)));
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth; colour type 0 (gray), no interlace
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Rows = identities (test couples: base, relative, …), columns = images, 4× nearest upscale. */
function contactSheet(ids: number, perId: number, zoom: number): Float32Array {
  const config = defaultDataConfig();
  const size = config.imageSize;
  const cell = size * zoom + 2;
  const width = perId * cell;
  const sheet = new Float32Array(width * ids * cell).fill(1);
  testIdentities(7, ids, true).forEach((identity, row) => {
    for (let col = 0; col < perId; col++) {
      const img = renderIdentityImage(identity, col, config);
      for (let y = 0; y < size * zoom; y++) {
        for (let x = 0; x < size * zoom; x++) {
          const v = img[Math.floor(y / zoom) * size + Math.floor(x / zoom)]!;
          sheet[(row * cell + y) * width + col * cell + x] = v;
        }
      }
    }
  });
  return sheet;
}

test('baseline verification accuracy at the default config', async () => {
  // The test split does not depend on trainIds, so one train ID gives the default test split.
  const config = { ...defaultDataConfig(), trainIds: 2 };
  const { dataset, imagesPerSecond } = await generateDatasetWithStats(config, 1);
  const raw = bestThresholdAccuracy(centred(dataset.test), dataset.pairs);
  const perImage = bestThresholdAccuracy(standardised(dataset.test), dataset.pairs);
  const projected = bestThresholdAccuracy(project(centred(dataset.test), 64, 99), dataset.pairs);
  console.log(
    `difficulty @ default config (32 px gray, ${dataset.pairs.a.length} pairs): ` +
      `raw-pixel cosine ${raw.toFixed(3)}, per-image-centred ${perImage.toFixed(3)}, ` +
      `random-projection-64 ${projected.toFixed(3)}; ${imagesPerSecond.toFixed(1)} images/s`,
  );
  expect(raw).toBeGreaterThan(0.5);

  const ids = 8;
  const perId = 6;
  const zoom = 4;
  const sheet = contactSheet(ids, perId, zoom);
  const cell = config.imageSize * zoom + 2;
  writeFileSync('/tmp/faces.png', encodeGrayPng(sheet, perId * cell, ids * cell));
}, 120_000);
