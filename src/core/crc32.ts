/**
 * CRC-32 (IEEE 802.3, the one of zip, PNG and zlib.crc32) over bytes: the zip writer's entry
 * checksums (export/zip.ts), and a stored checkpoint's, to tell one that changed after it was
 * written (a bad disk, a broken copy, an edit) from the one written (train/checkpointCodec.ts):
 * it catches every burst of up to 32 flipped bits and any other change but 1 in 2^32.
 * Byte-wise with a 256-entry table: 0.27 GB/s measured in Node 20 on this project's 2 shared cores
 * (8 MiB in 31 ms), so ~2 ms for the demo preset's 502 KB MASST K=4 checkpoint.
 */

const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** The CRC-32 of `bytes`, as an unsigned 32-bit integer. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = (TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
