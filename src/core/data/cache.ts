/**
 * Dataset caching helpers without any storage API: a stable key per (config, seed, format) and a
 * compact binary form, so Node (disk) and the browser (IndexedDB) can store generated datasets.
 *
 * Binary layout: "FDS1" magic (4 bytes) · header length n (uint32 LE) · n bytes of JSON header ·
 * the typed arrays of SECTIONS in order, each padded to 4 bytes, in platform byte order
 * (little-endian on every supported platform; the header records it).
 */
import type { DataConfig } from '../config';
import type { FaceDataset } from './types';

/** Bump when generation or the binary layout changes: old cache entries then miss. */
export const DATASET_FORMAT_VERSION = 'faces-1/facesjs-5.0.3/resvg-2.6.2';

const MAGIC = 0x31534446; // "FDS1" read as little-endian uint32

type Section = Float32Array | Int32Array | Uint8Array;

interface Header {
  format: string;
  littleEndian: boolean;
  trainIds: number;
  testIds: number;
  train: { count: number; size: number; channels: 1 | 3 };
  test: { count: number; size: number; channels: 1 | 3 };
  /** Element count of each section, in SECTIONS order. */
  lengths: number[];
}

/** JSON with object keys sorted at every level, so key order never changes a hash. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** 64-bit string hash as 16 hex digits (two independent 32-bit FNV-1a / murmur-mixed lanes); also keys a face folder's listing. */
export function hash64(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const hex = (h: number): string => (h >>> 0).toString(16).padStart(8, '0');
  return hex(h1) + hex(Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35));
}

/** Stable cache key of a dataset: same config (any key order) and seed → same key. */
export function datasetCacheKey(config: DataConfig, seed: number): string {
  const text = canonicalJson({ config, seed, format: DATASET_FORMAT_VERSION });
  return `ds-${seed >>> 0}-${hash64(text)}`;
}

function isLittleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}

function sections(ds: FaceDataset): Section[] {
  const p = ds.pairs;
  return [
    ds.train.pixels,
    ds.train.labels,
    ds.depthPerId,
    ds.test.pixels,
    ds.test.labels,
    p.a,
    p.b,
    p.same,
    p.lookalike,
    p.fold,
  ];
}

const pad4 = (n: number): number => (n + 3) & ~3;

/** The dataset as one ArrayBuffer (see the layout above). */
export function serializeDataset(ds: FaceDataset): ArrayBuffer {
  const parts = sections(ds);
  const header: Header = {
    format: DATASET_FORMAT_VERSION,
    littleEndian: isLittleEndian(),
    trainIds: ds.trainIds,
    testIds: ds.testIds,
    train: { count: ds.train.count, size: ds.train.size, channels: ds.train.channels },
    test: { count: ds.test.count, size: ds.test.size, channels: ds.test.channels },
    lengths: parts.map((s) => s.length),
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  let total = pad4(8 + json.length);
  for (const s of parts) total += pad4(s.byteLength);
  const bytes = new Uint8Array(total);
  new DataView(bytes.buffer).setUint32(0, MAGIC, true);
  new DataView(bytes.buffer).setUint32(4, json.length, true);
  bytes.set(json, 8);
  let at = pad4(8 + json.length);
  for (const s of parts) {
    bytes.set(new Uint8Array(s.buffer, s.byteOffset, s.byteLength), at);
    at += pad4(s.byteLength);
  }
  return bytes.buffer;
}

function readHeader(buf: ArrayBuffer | SharedArrayBuffer): { header: Header; start: number } {
  const view = new DataView(buf);
  if (buf.byteLength < 8 || view.getUint32(0, true) !== MAGIC) {
    throw new Error('deserializeDataset: not a serialized dataset (bad magic)');
  }
  const length = view.getUint32(4, true);
  // slice(): TextDecoder refuses views of shared memory.
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 8, length).slice())) as Header;
  if (header.format !== DATASET_FORMAT_VERSION) {
    throw new Error(`deserializeDataset: format ${header.format}, expected ${DATASET_FORMAT_VERSION}`);
  }
  if (header.littleEndian !== isLittleEndian()) {
    throw new Error('deserializeDataset: written on a machine of the other byte order');
  }
  return { header, start: pad4(8 + length) };
}

/**
 * Reads what serializeDataset wrote; the arrays are private copies in plain (unshared) memory,
 * independent of `buf`, which may be shared between workers.
 */
export function deserializeDataset(buf: ArrayBuffer | SharedArrayBuffer): FaceDataset {
  const { header, start } = readHeader(buf);
  const kinds = [
    Float32Array,
    Int32Array,
    Int32Array,
    Float32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ] as const;
  let at = start;
  const arrays = kinds.map((Kind, i) => {
    const length = header.lengths[i] ?? 0;
    const bytes = length * Kind.BYTES_PER_ELEMENT;
    if (at + bytes > buf.byteLength) throw new Error('deserializeDataset: buffer is truncated');
    const copy = new Kind(new Uint8Array(buf, at, bytes).slice().buffer);
    at += pad4(bytes);
    return copy;
  });
  const [trainPixels, trainLabels, depthPerId, testPixels, testLabels, a, b, same, lookalike, fold] = arrays as [
    Float32Array,
    Int32Array,
    Int32Array,
    Float32Array,
    Int32Array,
    Int32Array,
    Int32Array,
    Uint8Array,
    Uint8Array,
    Uint8Array,
  ];
  return {
    train: { ...header.train, pixels: trainPixels, labels: trainLabels },
    trainIds: header.trainIds,
    depthPerId,
    test: { ...header.test, pixels: testPixels, labels: testLabels },
    testIds: header.testIds,
    pairs: { a, b, same, lookalike, fold },
  };
}
