import { describe, expect, it } from 'vitest';
import { defaultDataConfig } from '../../core/data/defaults';
import { choiceCapacity, choiceFromSource, fitToFolder, fittedText, readFolderChoice } from './folderChoice';

/** 12 identities with 3 images each (empty but non-zero files), and optionally a pairs.txt. */
function files(pairs: string | null): Array<{ path: string; file: File }> {
  const out: Array<{ path: string; file: File }> = [];
  for (let i = 0; i < 12; i++)
    for (let k = 1; k <= 3; k++)
      out.push({
        path: `mine/P${i}/P${i}_000${k}.png`,
        file: new File(['png'], `P${i}_000${k}.png`, { lastModified: 5 }),
      });
  if (pairs !== null) out.push({ path: 'mine/pairs.txt', file: new File([pairs], 'pairs.txt') });
  return out;
}
const tenFold = [
  '10 1',
  ...Array.from({ length: 10 }, (_, f) => [`P${f % 2} 1 2`, `P${f % 2} 1 P${(f % 2) + 1} 3`]).flat(),
].join('\n');

describe('readFolderChoice', () => {
  it('describes a folder with pairs.txt and keeps the images (not pairs.txt) for the workers', async () => {
    const r = await readFolderChoice(files(tenFold));
    if (!r.ok) throw new Error(r.message);
    expect(r.choice.source.files).toHaveLength(36);
    expect(r.choice.source.pairs?.path).toBe('mine/pairs.txt');
    expect(r.choice.pairs?.format).toBe('lfw-10-fold');
    // P0, P1, P2 are named by the pairs: held out, 9 left to train.
    expect(choiceCapacity(r.choice, defaultDataConfig())).toEqual({ trainIds: 9, testIds: 3 });
    const again = choiceFromSource(r.choice.source);
    expect(again.pairs).toEqual(r.choice.pairs);
    expect(again.listing.key).toBe(r.choice.listing.key);
  });

  it('fits the form to the folder and says what changed', async () => {
    const r = await readFolderChoice(files(null));
    if (!r.ok) throw new Error(r.message);
    const data = { ...defaultDataConfig(), trainIds: 64, testIds: 20 };
    const fit = fitToFolder(r.choice, data);
    // Without pairs.txt, all 12 can be held out; then none would train: 12 held out, 0 left → 2 (the minimum, refused later with a message).
    expect(fit).toEqual({ testIds: 12, trainIds: 2 });
    expect(fittedText(data, fit ?? {})).toBe('Training IDs 64 → 2, Held-out IDs 20 → 12');
    expect(fitToFolder(r.choice, { ...data, trainIds: 8, testIds: 4 })).toBeNull();
    expect(fitToFolder(r.choice, { ...data, trainIds: 9, testIds: 4 })).toEqual({ trainIds: 8 });
  });

  it('refuses a pairs.txt that holds out every identity, saying so instead of a range the form cannot meet', async () => {
    // Every fold: two same-person and two different-person lines; together they name P0…P11.
    const r = await readFolderChoice(
      files(
        [
          '10 2',
          ...Array.from({ length: 10 }, (_, f) => [
            `P${f} 1 2`,
            `P${f + 1} 2 3`,
            `P${f} 1 P${(f + 2) % 12} 3`,
            `P${(f + 2) % 12} 2 P${(f + 3) % 12} 1`,
          ]).flat(),
        ].join('\n'),
      ),
    );
    expect(r).toEqual({
      ok: false,
      message:
        'Your faces: pairs.txt holds out all 12 identities of the folder "mine" (every identity it names stays out of training), leaving none to train on; training needs at least 2 identities with 2 or more readable images that pairs.txt does not name: add such identities to the folder, or name fewer people in pairs.txt.',
    });
  });

  it('refuses a broken pairs.txt and a folder without identity folders, naming them', async () => {
    const bad = await readFolderChoice(files('P0 1 2\nP0 x'));
    expect(bad).toEqual({
      ok: false,
      message: expect.stringMatching(
        /^Your faces: pairs.txt: 1 valid same-person and 0 valid different-person pairs; .*pairs.txt line 2: "P0 x" is malformed.* Fix or remove mine\/pairs.txt; without it, pairs are sampled over held-out identities\.$/,
      ) as unknown as string,
    });
    const none = await readFolderChoice([{ path: 'a/b.jpg', file: new File(['x'], 'b.jpg') }]);
    expect(none.ok ? '' : none.message).toMatch(
      /^Your faces: the folder "a" holds no JPEG or PNG image inside an identity folder/,
    );
  });
});
