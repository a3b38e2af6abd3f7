import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listFolder } from './facesNode';

describe('--faces listing', () => {
  // /proc/self's fdinfo entries of the listing's own file handle are gone by the time they are read.
  it.skipIf(!existsSync('/proc/self/task'))(
    'names the flag, the folder and the file that vanished, not a bare ENOENT',
    async () => {
      await expect(listFolder('/proc/self')).rejects.toThrow(
        /^--faces \/proc\/self: \/proc\/self\/\S+ vanished while the folder was listed \(ENOENT: no such file or directory, stat '\/proc\/self\/\S+'\); expected a folder of face images that stays put while it is read, in LFW layout/,
      );
    },
  );
});
