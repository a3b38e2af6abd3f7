/**
 * "Your faces" in a training worker: the folder's images decoded here (createImageBitmap, drawn
 * on an OffscreenCanvas, then core/faces/pixels.ts crops and resizes exactly as the runner does),
 * cached in IndexedDB under the hash of the folder's listing and the image size, and cut into the
 * seed's split. Nothing is sent anywhere: the File handles are read in this worker only.
 */
import type { DataConfig } from '../core/config';
import type { FaceDataset } from '../core/data/types';
import { folderDataset } from '../core/faces/folderDataset';
import { readListing } from '../core/faces/listing';
import type { ParsedPairs } from '../core/faces/pairsFile';
import { parsePairsFile } from '../core/faces/pairsFile';
import { cropResize } from '../core/faces/pixels';
import type { DecodeResult, FacePool } from '../core/faces/pool';
import { buildPool, deserializePool, poolCacheKey, serializePool } from '../core/faces/pool';
import { NOT_AN_IMAGE, sniffFormat } from '../core/faces/sniff';
import type { FolderSource } from '../core/faces/source';
import { listedFiles } from '../core/faces/source';
import { loadCachedBytes, storeBytes } from '../storage/datasetStore';

const PROGRESS_MS = 100;

/** One file → RGBA at its own size; a file that is not a JPEG or PNG is named before decoding. */
async function decodeFile(file: File): Promise<DecodeResult> {
  if (sniffFormat(new Uint8Array(await file.slice(0, 4).arrayBuffer())) === null)
    return { ok: false, why: NOT_AN_IMAGE };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  } catch (e) {
    return { ok: false, why: `an unreadable image (${e instanceof Error ? e.message : String(e)})` };
  }
  try {
    const { width, height } = bitmap;
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!ctx) return { ok: false, why: 'this browser gave no 2D canvas to read the image' };
    ctx.drawImage(bitmap, 0, 0);
    return { ok: true, rgba: ctx.getImageData(0, 0, width, height).data, width, height };
  } finally {
    bitmap.close();
  }
}

async function decodedPool(
  source: FolderSource,
  data: DataConfig,
  progress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<FacePool> {
  const key = poolCacheKey(source.key, data.imageSize, data.channels);
  const cached = await loadCachedBytes(key);
  if (cached !== null) {
    try {
      return deserializePool(cached);
    } catch {
      // A damaged entry is decoded again and overwritten.
    }
  }
  const listing = readListing(listedFiles(source.files));
  const byPath = new Map(source.files.map((f) => [f.path, f.file]));
  const pool = await buildPool(
    listing,
    data.imageSize,
    data.channels,
    (path) => decodeFile(byPath.get(path) as File),
    (d) => cropResize(d.rgba, d.width, d.height, data.imageSize, data.channels),
    (done, total) => {
      signal?.throwIfAborted();
      progress(done, total);
    },
  );
  await storeBytes(key, serializePool(pool));
  return pool;
}

/** The seed's dataset from the folder; errors name the config field and what the folder allows. */
export async function folderFaces(
  source: FolderSource,
  data: DataConfig,
  seed: number,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<{ dataset: FaceDataset; pool: FacePool; pairsFormat: ParsedPairs['format'] | null }> {
  let last = 0;
  const pool = await decodedPool(
    source,
    data,
    (done, total) => {
      const now = performance.now();
      if (now - last < PROGRESS_MS && done < total) return;
      last = now;
      onProgress(done, total);
    },
    signal,
  );
  const parsed =
    source.pairs === null
      ? null
      : parsePairsFile(
          source.pairs.path.split('/').pop() ?? 'pairs.txt',
          source.pairs.text,
          readListing(listedFiles(source.files)),
        );
  return { dataset: folderDataset(pool, parsed, data, seed).dataset, pool, pairsFormat: parsed?.format ?? null };
}
