/**
 * A minimal zip writer without dependencies: every entry stored (method 0, no compression), with
 * its CRC-32, a local header before its bytes and a central directory at the end, as PKWARE's
 * APPNOTE describes. Names are UTF-8 (flag bit 11). No ZIP64: an archive of more than 65 535
 * entries or 4 GiB is refused by name rather than written broken.
 */

import { crc32 } from '../crc32';

export interface ZipEntry {
  /** Path inside the archive, '/'-separated, no leading '/'. */
  path: string;
  data: Uint8Array | string;
}

/** MS-DOS time and date of `d` (local time, 2-second resolution, from 1980). */
function dosDateTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const MAX_U32 = 0xffffffff;
const MAX_ENTRIES = 0xffff;

/**
 * The archive as a list of byte chunks, in order (a Blob takes them as they are; `zip` joins them).
 * @param modified the entries' modification time (default 1980-01-01, so equal inputs give equal bytes).
 */
export function zipChunks(entries: readonly ZipEntry[], modified: Date = new Date(1980, 0, 1)): Uint8Array[] {
  if (entries.length > MAX_ENTRIES)
    throw new Error(`zip: ${entries.length} entries is more than ${MAX_ENTRIES}, the most a zip without ZIP64 holds`);
  const encoder = new TextEncoder();
  const { time, date } = dosDateTime(modified);
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const entry of entries) {
    if (entry.path === '' || entry.path.startsWith('/') || entry.path.split('/').includes('..'))
      throw new Error(`zip: entry path "${entry.path}" is not allowed: expected a relative path without ".."`);
    if (seen.has(entry.path)) throw new Error(`zip: entry path "${entry.path}" appears twice`);
    seen.add(entry.path);
    const name = encoder.encode(entry.path);
    const data = typeof entry.data === 'string' ? encoder.encode(entry.data) : entry.data;
    if (data.length > MAX_U32 || offset > MAX_U32)
      throw new Error(`zip: the archive passes 4 GiB at "${entry.path}", more than a zip without ZIP64 holds`);
    const crc = crc32(data);
    const local = new Uint8Array(30 + name.length);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true); // local file header signature
    l.setUint16(4, 20, true); // version needed to extract (2.0)
    l.setUint16(6, 0x0800, true); // flags: UTF-8 names
    l.setUint16(8, 0, true); // method: stored
    l.setUint16(10, time, true);
    l.setUint16(12, date, true);
    l.setUint32(14, crc, true);
    l.setUint32(18, data.length, true); // compressed size
    l.setUint32(22, data.length, true); // uncompressed size
    l.setUint16(26, name.length, true);
    l.setUint16(28, 0, true); // extra field length
    local.set(name, 30);
    const header = new Uint8Array(46 + name.length);
    const c = new DataView(header.buffer);
    c.setUint32(0, 0x02014b50, true); // central directory header signature
    c.setUint16(4, 20, true); // version made by (2.0, MS-DOS attributes)
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, 0, true);
    c.setUint16(12, time, true);
    c.setUint16(14, date, true);
    c.setUint32(16, crc, true);
    c.setUint32(20, data.length, true);
    c.setUint32(24, data.length, true);
    c.setUint16(28, name.length, true);
    // extra length, comment length, disk number, internal and external attributes: all 0
    c.setUint32(42, offset, true); // offset of the local header
    header.set(name, 46);
    chunks.push(local, data);
    central.push(header);
    offset += local.length + data.length;
  }
  const centralSize = central.reduce((n, h) => n + h.length, 0);
  if (offset > MAX_U32 || offset + centralSize > MAX_U32)
    throw new Error('zip: the archive passes 4 GiB, more than a zip without ZIP64 holds');
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true); // end of central directory signature
  e.setUint16(8, entries.length, true); // entries on this disk
  e.setUint16(10, entries.length, true); // entries in all
  e.setUint32(12, centralSize, true);
  e.setUint32(16, offset, true); // where the central directory starts
  return [...chunks, ...central, end];
}

/** The archive as one array. */
export function zip(entries: readonly ZipEntry[], modified?: Date): Uint8Array {
  const chunks = zipChunks(entries, modified);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
