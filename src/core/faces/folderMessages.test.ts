/**
 * A folder that cannot train is refused by its cause (pairs.txt holding out every identity, no
 * decodable image, too few identities to hold out), never as an empty range "allowed: 2 to 0".
 * The pools are made by hand: no decoding needed.
 */
import { describe, expect, it } from 'vitest';
import { defaultDataConfig } from '../data/defaults';
import type { DataConfig } from '../config';
import { folderDataset } from './folderDataset';
import type { FilePair, ParsedPairs } from './pairsFile';
import type { FacePool } from './pool';

const data = (over: Partial<DataConfig> = {}): DataConfig => ({
  ...defaultDataConfig(),
  imageSize: 2,
  channels: 1,
  trainIds: 4,
  testIds: 2,
  pairs: 20,
  ...over,
});

/** Identities P0…P{n-1} with `images[i]` images each, 2×2 grey pixels. */
function pool(images: number[], unreadable: string[] = []): FacePool {
  const names = images.map((_, i) => `P${i}`);
  const paths = images.flatMap((n, i) => Array.from({ length: n }, (_, k) => `r/P${i}/P${i}_000${k + 1}.png`));
  const ids = Int32Array.from(images.flatMap((n, i) => Array<number>(n).fill(i)));
  return {
    root: 'r',
    key: 'k',
    size: 2,
    channels: 1,
    names,
    paths,
    ids,
    pixels: new Uint8Array(paths.length * 4),
    unreadable,
  };
}

/** An LFW 10-fold file over identities P0…P{n-1}: per fold one same pair and one different pair. */
function pairsOver(n: number): ParsedPairs {
  const pairs: FilePair[] = [];
  for (let f = 0; f < 10; f++) {
    const i = f % n;
    pairs.push({ a: `r/P${i}/P${i}_0001.png`, b: `r/P${i}/P${i}_0002.png`, same: true, fold: f });
    pairs.push({ a: `r/P${i}/P${i}_0001.png`, b: `r/P${(i + 1) % n}/P${(i + 1) % n}_0001.png`, same: false, fold: f });
  }
  return { format: 'lfw-10-fold', pairs, problems: [] };
}

describe('a folder that cannot train', () => {
  it('says pairs.txt holds out all N identities, leaving none to train on', () => {
    expect(() => folderDataset(pool([2, 2, 2, 2]), pairsOver(4), data(), 1)).toThrow(
      'pairs.txt holds out all 4 identities of the folder "r" (every identity it names stays out of training), leaving none to train on; training needs at least 2 identities with 2 or more readable images that pairs.txt does not name: add such identities to the folder, or name fewer people in pairs.txt.',
    );
    expect(() => folderDataset(pool([2, 2, 2, 2, 3]), pairsOver(4), data(), 1)).toThrow(
      'pairs.txt holds out 4 of the 5 identities of the folder "r" (every identity it names stays out of training), leaving only 1 identity to train on;',
    );
  });

  it('says no image could be used, and why', () => {
    const bad = [
      'r/P0/P0_0001.jpg: not a JPEG or PNG image (its first bytes are neither); skipped',
      'r/P0/P0_0002.jpg: not a JPEG or PNG image (its first bytes are neither); skipped',
    ];
    expect(() => folderDataset(pool([], bad), null, data(), 1)).toThrow(
      `the folder "r" has no image that could be used: none of its 2 image files could be decoded (first: ${bad[0] as string}).`,
    );
    expect(() => folderDataset(pool([], bad), pairsOver(2), data(), 1)).toThrow(
      'none of its 2 image files could be decoded',
    );
  });

  it('says how few identities with 2 images there are to hold out, and when the held-out ones take the last', () => {
    expect(() => folderDataset(pool([1, 1, 1, 3]), null, data(), 1)).toThrow(
      'the folder "r" has only 1 identity with at least 2 readable images, and verification without a pairs.txt holds out at least 2 such identities (data.testIds ≥ 2): add images, or a pairs.txt naming its pairs.',
    );
    expect(() => folderDataset(pool([2, 2, 2]), null, data({ testIds: 2 }), 1)).toThrow(
      'the folder "r" has 2 held-out identities (data.testIds), leaving only 1 identity with 2 or more readable images to train on; training needs at least 2 identities with 2 or more readable images: lower data.testIds or add identities.',
    );
  });
});
