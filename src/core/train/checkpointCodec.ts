/**
 * Checkpoints as bytes, for files (the runner's --out) and transfers: "MSCK", a uint32 header
 * length, a JSON header in which every typed array is replaced by {"$a": kind, "o": byte offset,
 * "n": length}, then the arrays' bytes, each 4-byte aligned. Little-endian, as every platform the
 * playground runs on. decodeCheckpoint checks the magic, the bounds and the version, and says which.
 */
import type { ComparisonCheckpoint } from './checkpoint';
import { CHECKPOINT_VERSION } from './checkpointVersion';

const MAGIC = 0x4b43534d; // "MSCK" read as a little-endian uint32
const PREFIX = 8;

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
  view.setUint32(4, headerBytes.length, true);
  new Uint8Array(out, PREFIX, headerBytes.length).set(headerBytes);
  let at = start;
  for (const a of arrays) {
    new Uint8Array(out, at, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    at += a.byteLength;
  }
  return out;
}

/** `source` names the bytes in errors (a file path, "the stored checkpoint"). */
export function decodeCheckpoint(bytes: ArrayBuffer, source: string): ComparisonCheckpoint {
  const fail = (what: string): never => {
    throw new Error(`${source} is not a checkpoint this build can read: ${what}`);
  };
  if (bytes.byteLength < PREFIX) fail(`${bytes.byteLength} bytes`);
  const view = new DataView(bytes);
  if (view.getUint32(0, true) !== MAGIC) fail('it does not start with "MSCK"');
  const headerLength = view.getUint32(4, true);
  const start = PREFIX + Math.ceil(headerLength / 4) * 4;
  if (start > bytes.byteLength) fail(`its header of ${headerLength} bytes runs past the end (${bytes.byteLength} bytes)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(new Uint8Array(bytes, PREFIX, headerLength)), (_key, value: unknown) => {
      if (typeof value !== 'object' || value === null || !('$a' in value)) return value;
      const { $a, o, n } = value as Packed;
      const end = start + o + n * 4;
      if (!Number.isInteger(o) || !Number.isInteger(n) || o < 0 || n < 0 || o % 4 !== 0 || end > bytes.byteLength) {
        fail(`an array at offset ${o} of length ${n} runs past the end`);
      }
      // A copy: the arrays outlive the buffer they were read from.
      const slice = bytes.slice(start + o, end);
      return $a === 'i32' ? new Int32Array(slice) : new Float32Array(slice);
    });
  } catch (e) {
    if (e instanceof Error && e.message.startsWith(source)) throw e;
    fail(`its header is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const ck = parsed as ComparisonCheckpoint;
  if (typeof ck !== 'object' || ck === null || !Array.isArray(ck.runs)) fail('its header has no runs');
  if (ck.version !== CHECKPOINT_VERSION) fail(`version ${String(ck.version)}, this build reads version ${CHECKPOINT_VERSION}`);
  return ck;
}
