/**
 * The zip reader reads back what the zip writer wrote (stored entries) and what an archiver writes
 * when the folder is zipped again (deflated entries, built here with CompressionStream), and names
 * a damaged, oversized or foreign archive.
 */
import { describe, expect, it } from 'vitest';
import { crc32 } from '../crc32';
import { unzip } from './unzip';
import { zipChunks } from './zip';

const join = (chunks: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
};

async function deflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A one-entry archive whose entry is deflated (method 8), laid out as APPNOTE says. */
async function deflatedZip(path: string, data: Uint8Array): Promise<Uint8Array> {
  const name = new TextEncoder().encode(path);
  const packed = await deflateRaw(data);
  const local = new DataView(new ArrayBuffer(30));
  local.setUint32(0, 0x04034b50, true);
  local.setUint16(4, 20, true);
  local.setUint16(8, 8, true);
  local.setUint32(14, crc32(data), true);
  local.setUint32(18, packed.length, true);
  local.setUint32(22, data.length, true);
  local.setUint16(26, name.length, true);
  const central = new DataView(new ArrayBuffer(46));
  central.setUint32(0, 0x02014b50, true);
  central.setUint16(10, 8, true);
  central.setUint32(16, crc32(data), true);
  central.setUint32(20, packed.length, true);
  central.setUint32(24, data.length, true);
  central.setUint16(28, name.length, true);
  central.setUint32(42, 0, true);
  const dirOffset = 30 + name.length + packed.length;
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, 1, true);
  end.setUint16(10, 1, true);
  end.setUint32(12, 46 + name.length, true);
  end.setUint32(16, dirOffset, true);
  return join([
    new Uint8Array(local.buffer),
    name,
    packed,
    new Uint8Array(central.buffer),
    name,
    new Uint8Array(end.buffer),
  ]);
}

describe('unzip', () => {
  const weights = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);

  it('reads back every stored entry the zip writer wrote, in order, skipping nothing', async () => {
    const bytes = join(
      zipChunks([
        { path: 'p/model.json', data: '{"a":1}' },
        { path: 'p/weights.bin', data: weights },
      ]),
    );
    const entries = await unzip(bytes, 'p.zip', 1 << 20);
    expect(entries.map((e) => e.path)).toEqual(['p/model.json', 'p/weights.bin']);
    expect(new TextDecoder().decode(entries[0]?.data)).toBe('{"a":1}');
    expect(entries[1]?.data).toEqual(weights);
  });

  it('inflates a deflated entry', async () => {
    const entries = await unzip(await deflatedZip('p/weights.bin', weights), 'again.zip', 1 << 20);
    expect(entries.map((e) => e.path)).toEqual(['p/weights.bin']);
    expect(entries[0]?.data).toEqual(weights);
  });

  it('names a damaged entry, an archive that unpacks too large, and a file that is no zip', async () => {
    const bytes = join(zipChunks([{ path: 'p/weights.bin', data: weights }]));
    const damaged = bytes.slice();
    const at = 30 + 'p/weights.bin'.length + 5; // a byte of the entry's data, past its local header
    damaged[at] = (damaged[at] as number) ^ 0xff;
    await expect(unzip(damaged, 'p.zip', 1 << 20)).rejects.toThrow(
      'p.zip: p/weights.bin: CRC-32 mismatch: the archive is damaged',
    );
    await expect(unzip(bytes, 'p.zip', 999)).rejects.toThrow('p.zip: its files unpack to more than 999 bytes');
    await expect(
      unzip(new TextEncoder().encode('{"not": "a zip", "padding": "..........."}'), 'model.zip', 1 << 20),
    ).rejects.toThrow('model.zip: not a zip archive');
  });
});
