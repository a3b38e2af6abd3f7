/**
 * The LFW-shaped folder (made at test time) reads as LFW's own: 10 folds of N same then N
 * different lines, one-image people in the different-person lines, and each seed's split holds
 * those people out, so its test set has identities of one image.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFaces } from '../../cli/facesNode';
import { defaultDataConfig } from '../data/defaults';
import { rank1 } from '../eval/rank1';
import { folderDataset } from './folderDataset';
import { writeLfwShapedFolder } from '../../test/lfwFolderNode';
import { LFW_PER_FOLD, LFW_SHAPE, makeLfwShapedFolder } from './lfwShapedFolder';

describe('the LFW-shaped folder', () => {
  it("has LFW's layout and pairs.txt shape, with one-image people in different-person lines", () => {
    const files = makeLfwShapedFolder();
    expect(files).toHaveLength(LFW_SHAPE.images + 1);
    expect(files.every((f) => f.path === 'pairs.txt' || /^([A-Za-z]+_[A-Za-z]+)\/\1_\d{4}\.png$/.test(f.path))).toBe(
      true,
    );
    const lines = new TextDecoder().decode(files.at(-1)?.bytes).trim().split('\n');
    expect(lines[0]).toBe(`10\t${LFW_PER_FOLD}`);
    expect(lines).toHaveLength(1 + 2 * 10 * LFW_PER_FOLD);
    const kinds = lines.slice(1).map((l) => l.split('\t').length);
    expect(kinds).toEqual(
      Array.from({ length: 10 }, () => [
        ...Array<number>(LFW_PER_FOLD).fill(3),
        ...Array<number>(LFW_PER_FOLD).fill(4),
      ]).flat(),
    );
    const people = new Map<string, number>();
    for (const f of files)
      if (f.path !== 'pairs.txt')
        people.set(f.path.split('/')[0] as string, (people.get(f.path.split('/')[0] as string) ?? 0) + 1);
    const onesInDifferent = lines
      .slice(1)
      .filter((l) => l.split('\t').length === 4 && people.get(l.split('\t')[0] as string) === 1);
    expect(onesInDifferent).toHaveLength(10 * LFW_PER_FOLD);
  });

  it('splits into one-image held-out identities that rank-1 leaves out, and evaluates without error', async () => {
    const loaded = await loadFaces(
      { dir: await writeLfwShapedFolder(), pairs: null },
      { imageSize: 8, channels: 1 },
      join(tmpdir(), 'masst-lfw-cache'),
    );
    expect(loaded.pool.paths).toHaveLength(LFW_SHAPE.images);
    expect(loaded.pairs?.format).toBe('lfw-10-fold');
    expect(loaded.pairs?.problems).toEqual([]);
    const { dataset } = folderDataset(
      loaded.pool,
      loaded.pairs,
      { ...defaultDataConfig(), trainIds: LFW_SHAPE.trainable },
      1,
    );
    expect([dataset.testIds, dataset.pairs.same.length, dataset.trainIds]).toEqual([
      LFW_SHAPE.heldOut,
      LFW_SHAPE.pairs,
      LFW_SHAPE.trainable,
    ]);
    const r = rank1(new Float32Array(dataset.test.count).fill(1), 1, dataset.test.labels);
    expect(r).toMatchObject({
      identities: LFW_SHAPE.rank1Identities,
      testIdentities: LFW_SHAPE.heldOut,
      probes: LFW_SHAPE.rank1Probes,
    });
  });
});
