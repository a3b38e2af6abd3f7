import { describe, expect, it } from 'vitest';
import { imageNumber, readListing } from './listing';
import type { ListedFile } from './listing';

const f = (path: string, bytes = 100, modified = 1): ListedFile => ({ path, bytes, modified });

describe('readListing', () => {
  it('reads LFW layout under the picked folder, with pairs.txt and skipped files named', () => {
    const listing = readListing([
      f('lfw/Zoe_Ball/Zoe_Ball_0002.jpg'),
      f('lfw/Zoe_Ball/Zoe_Ball_0001.jpg'),
      f('lfw/Aaron_Eckhart/Aaron_Eckhart_0001.PNG'),
      f('lfw/pairs.txt'),
      f('lfw/README'),
      f('lfw/stray.jpg'),
      f('lfw/Zoe_Ball/empty_0003.jpg', 0),
      f('lfw/.DS_Store'),
    ]);
    expect(listing.root).toBe('lfw');
    expect(listing.identities.map((i) => i.name)).toEqual(['Aaron_Eckhart', 'Zoe_Ball']);
    expect(listing.identities[1]?.images).toEqual([
      { path: 'lfw/Zoe_Ball/Zoe_Ball_0001.jpg', number: 1 },
      { path: 'lfw/Zoe_Ball/Zoe_Ball_0002.jpg', number: 2 },
    ]);
    expect(listing.imageCount).toBe(3);
    expect(listing.pairsPath).toBe('lfw/pairs.txt');
    expect(listing.skipped).toEqual([
      'lfw/README: not a JPEG or PNG image (by its name); skipped',
      'lfw/stray.jpg: an image outside any identity folder (LFW layout is Person_Name/Person_Name_0001.jpg); skipped',
      'lfw/Zoe_Ball/empty_0003.jpg: an empty file; skipped',
    ]);
  });

  it('keys the cache by every path, size and date, in any order', () => {
    const a = readListing([f('r/A/A_0001.png', 10), f('r/B/B_0001.png', 20)]);
    const b = readListing([f('r/B/B_0001.png', 20), f('r/A/A_0001.png', 10)]);
    const edited = readListing([f('r/A/A_0001.png', 10), f('r/B/B_0001.png', 21)]);
    expect(a.key).toBe(b.key);
    expect(edited.key).not.toBe(a.key);
    expect(a.key).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses a folder with no image in an identity folder, naming it', () => {
    expect(() => readListing([f('holiday/a.jpg'), f('holiday/notes.txt')])).toThrow(
      /Your faces: the folder "holiday" holds no JPEG or PNG image inside an identity folder .*2 files seen/,
    );
  });

  it('accepts dropped identity folders without a common root', () => {
    const listing = readListing([f('A/A_0001.jpg'), f('B/B_0001.jpg')]);
    expect(listing.root).toBe('');
    expect(listing.identities).toHaveLength(2);
  });
});

describe('imageNumber', () => {
  it('reads LFW numbers', () => {
    expect(imageNumber('x/George_W_Bush/George_W_Bush_0530.jpg')).toBe(530);
    expect(imageNumber('x/A/portrait.jpg')).toBeNull();
  });
});
