/**
 * A minimal zip reader for what a user brings back: the zip "Download probe" writes (zip.ts, every
 * entry stored) and the same folder zipped again by an archiver (entries deflated). It reads the
 * central directory (PKWARE's APPNOTE), checks each entry's CRC-32 and inflates with the platform's
 * DecompressionStream('deflate-raw') (browsers and Node ≥ 18). No ZIP64 and no encryption: such an
 * archive is refused by name. Directories are skipped.
 */
import { crc32 } from '../crc32';

export interface UnzippedEntry {
  /** Path inside the archive, '/'-separated. */
  path: string;
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Where the end-of-central-directory record starts, scanning back over a comment of up to 64 KiB. */
function findEnd(view: DataView, name: string): number {
  const last = view.byteLength - EOCD_SIZE;
  for (let at = last; at >= Math.max(0, last - MAX_COMMENT); at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw new Error(`${name}: not a zip archive (no end-of-central-directory record in its ${view.byteLength} bytes)`);
}

async function inflate(data: Uint8Array, size: number, where: string): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  let out: Uint8Array;
  try {
    out = new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new Error(`${where}: its deflated data is corrupt (${e instanceof Error ? e.message : String(e)})`);
  }
  if (out.length !== size) throw new Error(`${where}: inflates to ${out.length} bytes, its header says ${size}`);
  return out;
}

/**
 * The files of a zip archive, in directory order.
 * @param bytes the whole archive.
 * @param name the archive's file name, for messages.
 * @param maxBytes most bytes the files may hold together once unpacked (a zip bomb is refused).
 */
export async function unzip(bytes: Uint8Array, name: string, maxBytes: number): Promise<UnzippedEntry[]> {
  if (bytes.length < EOCD_SIZE) throw new Error(`${name}: not a zip archive (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEnd(view, name);
  const count = view.getUint16(end + 10, true);
  const dirOffset = view.getUint32(end + 16, true);
  if (dirOffset === 0xffffffff || count === 0xffff)
    throw new Error(
      `${name}: a ZIP64 archive; only plain zip archives (under 4 GiB, under 65 535 entries) can be read`,
    );
  const decoder = new TextDecoder();
  const out: UnzippedEntry[] = [];
  let at = dirOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL)
      throw new Error(`${name}: central directory entry ${i + 1} of ${count} is damaged (offset ${at})`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const path = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (path.endsWith('/')) continue;
    const where = `${name}: ${path}`;
    if ((flags & 1) !== 0) throw new Error(`${where}: encrypted; unpack it with its password first`);
    if (method !== 0 && method !== 8)
      throw new Error(`${where}: compression method ${method}; only stored (0) and deflate (8) can be read`);
    total += size;
    if (total > maxBytes)
      throw new Error(`${name}: its files unpack to more than ${maxBytes} bytes, more than a probe can be`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL)
      throw new Error(`${where}: its local header is damaged (offset ${local})`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + packed > bytes.length) throw new Error(`${where}: its ${packed} bytes run past the end of the archive`);
    const raw = bytes.subarray(start, start + packed);
    const data = method === 0 ? raw.slice() : await inflate(raw, size, where);
    if (data.length !== size) throw new Error(`${where}: ${data.length} bytes stored, its header says ${size}`);
    if (crc32(data) !== crc) throw new Error(`${where}: CRC-32 mismatch: the archive is damaged`);
    out.push({ path, data });
  }
  return out;
}
