/**
 * The zip writer against known CRC-32 values and against readers that are not ours: Python's
 * zipfile reads every entry back byte for byte with its CRC checked, and `unzip -t` (when
 * installed) tests the archive.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../crc32';
import { zip } from './zip';

const PYTHON = '/usr/bin/python3';
const UNZIP = '/usr/bin/unzip';

const ascii = (s: string) => new TextEncoder().encode(s);

/** Entries whose bytes cover every value, an empty file, a nested folder and a non-ASCII name. */
function sampleEntries() {
  const all = new Uint8Array(70_000);
  for (let i = 0; i < all.length; i++) all[i] = (i * 7919 + (i >> 8)) & 0xff;
  return [
    { path: 'train.py', data: 'print("hello")\n' },
    { path: 'data/seed-1/train_pixels.f32', data: new Float32Array([0, 0.5, 1, -2.25]).slice() },
    { path: 'data/seed-1/bytes.u8', data: all },
    { path: 'empty.txt', data: '' },
    { path: 'notes/é-ü.md', data: 'non-ASCII name\n' },
  ].map((e) => ({ path: e.path, data: e.data instanceof Float32Array ? new Uint8Array(e.data.buffer) : e.data }));
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('crc32', () => {
  it('gives the standard check values', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32(ascii('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
  });
});

describe('zip', () => {
  it('writes an archive that Python zipfile reads back byte for byte', async () => {
    const entries = sampleEntries();
    const dir = await mkdtemp(join(tmpdir(), 'zip-test-'));
    const path = join(dir, 'a.zip');
    await writeFile(path, zip(entries, new Date(2026, 11, 2, 9, 41, 30)));
    const script = [
      'import json, sys, zipfile',
      'z = zipfile.ZipFile(sys.argv[1])',
      'assert z.testzip() is None',
      'print(json.dumps([[i.filename, i.compress_type, i.date_time, z.read(i).hex()] for i in z.infolist()]))',
    ].join('\n');
    const run = spawnSync(PYTHON, ['-c', script, path], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const read = JSON.parse(run.stdout) as Array<[string, number, number[], string]>;
    expect(read.map((r) => r[0])).toEqual(entries.map((e) => e.path));
    for (const [i, [, method, time, data]] of read.entries()) {
      const e = entries[i] as (typeof entries)[number];
      expect(method).toBe(0);
      expect(time).toEqual([2026, 12, 2, 9, 41, 30]);
      expect(data).toBe(hex(typeof e.data === 'string' ? ascii(e.data) : e.data));
    }
    if (existsSync(UNZIP)) {
      const t = spawnSync(UNZIP, ['-t', path], { encoding: 'utf8' });
      expect(t.status, t.stdout + t.stderr).toBe(0);
      expect(t.stdout).toContain('No errors detected');
    }
  });

  it('gives the same bytes for the same entries and the empty archive as its 22-byte end record', () => {
    expect(hex(zip(sampleEntries()))).toBe(hex(zip(sampleEntries())));
    expect(hex(zip([]))).toBe(`504b0506${'0'.repeat(36)}`);
  });

  it('refuses an absolute, escaping or repeated path by name', () => {
    expect(() => zip([{ path: '/etc/x', data: '' }])).toThrow('"/etc/x" is not allowed');
    expect(() => zip([{ path: 'a/../../x', data: '' }])).toThrow('"a/../../x" is not allowed');
    expect(() =>
      zip([
        { path: 'a', data: '' },
        { path: 'a', data: '1' },
      ]),
    ).toThrow('"a" appears twice');
  });
});
