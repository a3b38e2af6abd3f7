import { chmod, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutDir } from './outDir';

const asRoot = process.getuid?.() === 0;

describe('--out check', () => {
  it('makes a missing folder, nested, and leaves no probe file in it', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'masst-out-')), 'a', 'b');
    await checkOutDir(dir);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a file, naming --out, the value and why', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'masst-out-')), 'results.json');
    await writeFile(file, '{}');
    await expect(checkOutDir(file)).rejects.toThrow(
      `--out "${file}" is not allowed: it is a file, expected a writable directory (EEXIST`,
    );
    await expect(checkOutDir(join(file, 'sub'))).rejects.toThrow(
      'is not allowed: a part of the path is a file, expected a writable directory (ENOTDIR',
    );
  });

  it('refuses a folder that takes no file, quickly, also under /proc', async () => {
    const start = performance.now();
    await expect(checkOutDir('/proc/self')).rejects.toThrow(
      '--out "/proc/self" is not allowed: it cannot be made or written to, expected a writable directory',
    );
    // Node's recursive mkdir spins forever on this one.
    await expect(checkOutDir('/proc/masst-out/run')).rejects.toThrow('--out "/proc/masst-out/run" is not allowed');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it.skipIf(asRoot)('refuses a folder without write permission', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'masst-out-'));
    await chmod(dir, 0o500);
    await expect(checkOutDir(join(dir, 'run'))).rejects.toThrow(
      'is not allowed: permission denied, expected a writable directory (EACCES',
    );
    await expect(checkOutDir(dir)).rejects.toThrow('is not allowed: permission denied');
  });
});
