/**
 * Every image of a face folder decoded once at one (size, channels): the unit cached in IndexedDB
 * under the listing's hash, from which each seed's split is cut without decoding again.
 */
import type { FolderListing } from './listing';

export interface FacePool {
  root: string;
  /** FolderListing.key. */
  key: string;
  size: number;
  channels: 1 | 3;
  /** Identity names, sorted. */
  names: string[];
  /** Path of each decoded image, [count]. */
  paths: string[];
  /** Index into names of each image, [count]. */
  ids: Int32Array;
  /** [count, size, size, channels] bytes. */
  pixels: Uint8Array;
  /** Images that could not be decoded, each naming the file and why. */
  unreadable: string[];
}

export type DecodeResult =
  { ok: true; rgba: ArrayLike<number>; width: number; height: number } | { ok: false; why: string };

/** Key of a pool in the dataset cache. */
export function poolCacheKey(key: string, size: number, channels: 1 | 3): string {
  return `faces:${key}:${size}px:${channels}ch`;
}

/**
 * Decodes every listed image with `decode` (createImageBitmap in the page, jpeg-js / fast-png in
 * the runner) and crops it with `crop`. An image that fails is left out and named; `onProgress`
 * is called after each image and may throw (cancel).
 */
export async function buildPool(
  listing: FolderListing,
  size: number,
  channels: 1 | 3,
  decode: (path: string) => Promise<DecodeResult>,
  crop: (d: Extract<DecodeResult, { ok: true }>) => Uint8Array,
  onProgress?: (done: number, total: number) => Promise<void> | void,
): Promise<FacePool> {
  const perImage = size * size * channels;
  const pixels = new Uint8Array(listing.imageCount * perImage);
  const paths: string[] = [];
  const ids: number[] = [];
  const unreadable: string[] = [];
  let done = 0;
  for (const [id, identity] of listing.identities.entries()) {
    for (const image of identity.images) {
      let result: DecodeResult;
      try {
        result = await decode(image.path);
      } catch (e) {
        result = { ok: false, why: e instanceof Error ? e.message : String(e) };
      }
      if (result.ok) {
        pixels.set(crop(result), paths.length * perImage);
        paths.push(image.path);
        ids.push(id);
      } else unreadable.push(`${image.path}: ${result.why}; skipped`);
      await onProgress?.(++done, listing.imageCount);
    }
  }
  return {
    root: listing.root,
    key: listing.key,
    size,
    channels,
    names: listing.identities.map((i) => i.name),
    paths,
    ids: Int32Array.from(ids),
    pixels: pixels.slice(0, paths.length * perImage),
    unreadable,
  };
}

/** Pool → one buffer: a 4-byte length, the JSON of everything but the pixels, the pixels. */
export function serializePool(pool: FacePool): ArrayBuffer {
  const { pixels, ids, ...rest } = pool;
  const head = new TextEncoder().encode(JSON.stringify({ ...rest, ids: [...ids] }));
  const out = new Uint8Array(4 + head.length + pixels.length);
  new DataView(out.buffer).setUint32(0, head.length, true);
  out.set(head, 4);
  out.set(pixels, 4 + head.length);
  return out.buffer;
}

export function deserializePool(buffer: ArrayBuffer): FacePool {
  const bytes = new Uint8Array(buffer);
  const length = new DataView(buffer).getUint32(0, true);
  const head = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as Omit<
    FacePool,
    'pixels' | 'ids'
  > & { ids: number[] };
  return { ...head, ids: Int32Array.from(head.ids), pixels: bytes.slice(4 + length) };
}
