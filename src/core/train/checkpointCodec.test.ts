/**
 * The checkpoint bytes carry a CRC-32 of themselves: a checkpoint with flipped weight bytes, a cut
 * one or one with a changed header is refused as corrupt, naming the source; the format before
 * checksums is still read, and told apart.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ComparisonCheckpoint } from './checkpoint';
import { CHECKPOINT_VERSION } from './checkpoint';
import { checkpointChecksummed, decodeCheckpoint, encodeCheckpoint } from './checkpointCodec';
import { crc32 } from '../crc32';

/** A stand-in checkpoint with 3,000 weights (12,000 bytes) and a sampler order. */
function checkpoint(): ComparisonCheckpoint {
  const head = Float32Array.from({ length: 3000 }, (_, i) => Math.sin(i));
  const ck = {
    version: CHECKPOINT_VERSION,
    seed: 1,
    step: 4,
    runs: [
      { label: 'SST', trainer: { kind: 'conventional', head }, sampler: { order: Int32Array.of(2, 0, 1) }, stepMs: 3 },
    ],
  };
  return ck as unknown as ComparisonCheckpoint;
}

/** The same checkpoint in the format before checksums: "MSCK", the header length, then the rest as now. */
function unchecked(bytes: ArrayBuffer): ArrayBuffer {
  const old = new Uint8Array(bytes.byteLength - 4);
  old.set(new TextEncoder().encode('MSCK'), 0);
  old.set(new Uint8Array(bytes, 8), 4);
  return old.buffer;
}

describe('checkpoint checksum', () => {
  it('computes the CRC-32 of zlib', () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 251);
    expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips, and refuses a checkpoint with 4,000 flipped weight bytes, naming it', () => {
    const bytes = encodeCheckpoint(checkpoint());
    expect(checkpointChecksummed(bytes)).toBe(true);
    expect(decodeCheckpoint(bytes, 'ok.ckpt')).toEqual(checkpoint());

    const flipped = bytes.slice(0);
    const view = new Uint8Array(flipped);
    // The head's 12,000 bytes end 12 bytes before the end (the order's 3 int32 follow): flip 4,000 of them.
    for (let i = 0; i < 4000; i++)
      view[view.length - 12 - 1 - 3 * i] = (view[view.length - 12 - 1 - 3 * i] as number) ^ 0x5a;
    expect(() => decodeCheckpoint(flipped, 'dir/checkpoints/1-sst.ckpt')).toThrow(
      `dir/checkpoints/1-sst.ckpt is corrupt: it was written with CRC-32 0x${crc32(new Uint8Array(bytes, 8)).toString(16).padStart(8, '0')}, its ${bytes.byteLength} bytes now give 0x${crc32(new Uint8Array(flipped, 8)).toString(16).padStart(8, '0')}`,
    );
  });

  it('refuses one flipped bit anywhere, a cut checkpoint and a changed header', () => {
    const bytes = encodeCheckpoint(checkpoint());
    for (const at of [8, 20, bytes.byteLength - 1]) {
      const one = bytes.slice(0);
      const view = new Uint8Array(one);
      view[at] = (view[at] as number) ^ 0x01;
      expect(() => decodeCheckpoint(one, 'bit.ckpt')).toThrow(/^bit\.ckpt is corrupt: /);
    }
    expect(() => decodeCheckpoint(bytes.slice(0, bytes.byteLength - 8), 'cut.ckpt')).toThrow(/^cut\.ckpt is corrupt: /);
    const header = bytes.slice(0);
    const text = new Uint8Array(header);
    const at = text.indexOf('4'.charCodeAt(0), 12); // the "step":4 of the JSON header
    text[at] = '5'.charCodeAt(0);
    expect(() => decodeCheckpoint(header, 'step.ckpt')).toThrow(/^step\.ckpt is corrupt: /);
  });

  it('reads the format before checksums, unchecked, and says which format a buffer is', () => {
    const old = unchecked(encodeCheckpoint(checkpoint()));
    expect(checkpointChecksummed(old)).toBe(false);
    expect(decodeCheckpoint(old, 'old.ckpt')).toEqual(checkpoint());
    expect(() => decodeCheckpoint(new TextEncoder().encode('{"results": 1}').buffer, 'results.json')).toThrow(
      'results.json is not a checkpoint this build can read: it does not start with "MSC2" (or "MSCK", the format before checksums)',
    );
  });
});
