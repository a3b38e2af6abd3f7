/**
 * Checkpoints as bytes, for files (the runner's --out), the page's stored session and transfers:
 * "MSC2", the CRC-32 of every byte after it (crc32.ts), a uint32 header length, a JSON header in
 * which every typed array is replaced by {"$a": kind, "o": byte offset, "n": length}, then the
 * arrays' bytes, each 4-byte aligned. Little-endian, as every platform the playground runs on.
 * decodeCheckpoint checks the checksum, the magic, the bounds and the version, and says which.
 * Bytes of the format before the checksum ("MSCK", the header length, the rest as above) are still
 * read, unchecked (checkpointChecksummed says which a buffer is): refusing them would throw away
 * the training they hold, and their next save writes the checked format.
 */
import type { ComparisonCheckpoint } from './checkpoint';
import { CHECKPOINT_VERSION } from './checkpointVersion';
import { crc32 } from '../crc32';

const MAGIC = 0x3243534d; // "MSC2" read as a little-endian uint32
const PREFIX = 12;
/** The format before the checksum: "MSCK", then the header length. */
const MAGIC_UNCHECKED = 0x4b43534d;
const PREFIX_UNCHECKED = 8;
/** Where the checksummed bytes start: after the magic and the checksum. */
const CHECKED_FROM = 8;

type Packed = { $a: 'f32' | 'i32'; o: number; n: number };

export function encodeCheckpoint(ck: ComparisonCheckpoint): ArrayBuffer {
  const arrays: Array<Float32Array | Int32Array> = [];
  let offset = 0;
  const header = JSON.stringify(ck, (_key, value: unknown) => {
    if (value instanceof Float32Array || value instanceof Int32Array) {
      const packed: Packed = { $a: value instanceof Float32Array ? 'f32' : 'i32', o: offset, n: value.length };
      arrays.push(value);
      offset += value.byteLength;
      return packed;
    }
    return value;
  });
  const headerBytes = new TextEncoder().encode(header);
  const start = PREFIX + Math.ceil(headerBytes.length / 4) * 4;
  const out = new ArrayBuffer(start + offset);
  const view = new DataView(out);
  view.setUint32(0, MAGIC, true);
  view.setUint32(8, headerBytes.length, true);
  new Uint8Array(out, PREFIX, headerBytes.length).set(headerBytes);
  let at = start;
  for (const a of arrays) {
    new Uint8Array(out, at, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    at += a.byteLength;
  }
  view.setUint32(4, crc32(new Uint8Array(out, CHECKED_FROM)), true);
  return out;
}

/** True for bytes of the checksummed format, false for the older unchecked one (or anything else). */
export function checkpointChecksummed(bytes: ArrayBuffer): boolean {
  return bytes.byteLength >= 4 && new DataView(bytes).getUint32(0, true) === MAGIC;
}

const hex = (n: number): string => `0x${n.toString(16).padStart(8, '0')}`;

/** `source` names the bytes in errors (a file path, "the stored checkpoint"). */
export function decodeCheckpoint(bytes: ArrayBuffer, source: string): ComparisonCheckpoint {
  const fail = (what: string): never => {
    throw new Error(`${source} is not a checkpoint this build can read: ${what}`);
  };
  if (bytes.byteLength < PREFIX_UNCHECKED) fail(`${bytes.byteLength} bytes`);
  const view = new DataView(bytes);
  const magic = view.getUint32(0, true);
  if (magic !== MAGIC && magic !== MAGIC_UNCHECKED)
    fail('it does not start with "MSC2" (or "MSCK", the format before checksums)');
  const prefix = magic === MAGIC ? PREFIX : PREFIX_UNCHECKED;
  if (bytes.byteLength < prefix) fail(`${bytes.byteLength} bytes`);
  if (magic === MAGIC) {
    const stored = view.getUint32(4, true);
    const actual = crc32(new Uint8Array(bytes, CHECKED_FROM));
    if (stored !== actual) {
      throw new Error(
        `${source} is corrupt: it was written with CRC-32 ${hex(stored)}, its ${bytes.byteLength} bytes now give ${hex(actual)} (changed after it was written: a disk or copy error, or an edit)`,
      );
    }
  }
  const headerLength = view.getUint32(prefix - 4, true);
  const start = prefix + Math.ceil(headerLength / 4) * 4;
  if (start > bytes.byteLength)
    fail(`its header of ${headerLength} bytes runs past the end (${bytes.byteLength} bytes)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(
      new TextDecoder().decode(new Uint8Array(bytes, prefix, headerLength)),
      (_key, value: unknown) => {
        if (typeof value !== 'object' || value === null || !('$a' in value)) return value;
        const { $a, o, n } = value as Packed;
        const end = start + o + n * 4;
        if (!Number.isInteger(o) || !Number.isInteger(n) || o < 0 || n < 0 || o % 4 !== 0 || end > bytes.byteLength) {
          fail(`an array at offset ${o} of length ${n} runs past the end`);
        }
        // A copy: the arrays outlive the buffer they were read from.
        const slice = bytes.slice(start + o, end);
        return $a === 'i32' ? new Int32Array(slice) : new Float32Array(slice);
      },
    );
  } catch (e) {
    if (e instanceof Error && e.message.startsWith(source)) throw e;
    fail(`its header is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const ck = parsed as ComparisonCheckpoint;
  if (typeof ck !== 'object' || ck === null || !Array.isArray(ck.runs)) fail('its header has no runs');
  if (ck.version !== CHECKPOINT_VERSION)
    fail(`version ${String(ck.version)}, this build reads version ${CHECKPOINT_VERSION}`);
  return ck;
}
