import { describe, expect, it } from 'vitest';
import { readListing } from './listing';
import { parsePairsFile } from './pairsFile';

/** 12 identities P00..P11 with 3 images each. */
const listing = readListing(
  Array.from({ length: 12 }, (_, i) =>
    [1, 2, 3].map((k) => ({
      path: `lfw/P${String(i).padStart(2, '0')}/P${String(i).padStart(2, '0')}_000${k}.jpg`,
      bytes: 10,
      modified: 0,
    })),
  ).flat(),
);
const id = (i: number): string => `P${String(i).padStart(2, '0')}`;

/** LFW 10-fold text: per fold one same line then one different line. */
function tenFold(): string {
  const lines = ['10\t1'];
  for (let f = 0; f < 10; f++) {
    lines.push(`${id(f)}\t1\t2`, `${id(f)}\t1\t${id(f + 1)}\t3`);
  }
  return lines.join('\n');
}

describe('parsePairsFile', () => {
  it("uses LFW's folds of a 10-fold file", () => {
    const parsed = parsePairsFile('pairs.txt', tenFold(), listing);
    expect(parsed.format).toBe('lfw-10-fold');
    expect(parsed.problems).toEqual([]);
    expect(parsed.pairs).toHaveLength(20);
    expect(parsed.pairs[0]).toEqual({ a: 'lfw/P00/P00_0001.jpg', b: 'lfw/P00/P00_0002.jpg', same: true, fold: 0 });
    expect(parsed.pairs[3]).toEqual({ a: 'lfw/P01/P01_0001.jpg', b: 'lfw/P02/P02_0003.jpg', same: false, fold: 1 });
    expect(parsed.pairs.map((p) => p.fold)).toEqual(Array.from({ length: 20 }, (_, k) => Math.floor(k / 2)));
  });

  it('deals the folds of a plain list round-robin, each kind separately', () => {
    const lines: string[] = [];
    for (let k = 0; k < 10; k++) lines.push(`${id(k)} 2 3`);
    for (let k = 0; k < 10; k++) lines.push(`${id(k)} 2 ${id(11 - k === k ? 0 : 11 - k)} 1`);
    const parsed = parsePairsFile('list.txt', `${lines.join('\r\n')}\r\n`, listing);
    expect(parsed.format).toBe('list');
    expect(parsed.pairs.filter((p) => p.same).map((p) => p.fold)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(parsed.pairs.filter((p) => !p.same).map((p) => p.fold)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('skips a malformed line and one naming a missing image, with line numbers, keeping the rest and the folds', () => {
    const text = `${tenFold()}\n`
      .replace(`${id(3)}\t1\t2`, `${id(3)}\tone\t2`)
      .replace(`${id(4)}\t1\t2`, `${id(4)}\t1\t9`)
      .concat(`${id(5)} 1 2\n`, `${id(5)} 1 2\n`, `${id(6)} 1 2\n`, `${id(7)} 1 2\n`);
    const parsed = parsePairsFile('pairs.txt', text, listing);
    expect(parsed.problems[0]).toBe(
      'pairs.txt line 8: "P03 one 2" is malformed: expected "Name n1 n2" (same person) or "Name1 n1 Name2 n2" (different people), n a positive image number; skipped',
    );
    expect(parsed.problems[1]).toBe('pairs.txt line 10: names P04 image 0009, which the folder lacks; skipped');
    expect(parsed.problems[2]).toMatch(
      /^pairs.txt: the header \(line 1\) announces 10 sets of 1 same \+ 1 different pairs = 20 lines, but 24 follow; folds are dealt round-robin instead$/,
    );
    expect(parsed.format).toBe('list');
    expect(parsed.pairs).toHaveLength(22);
  });

  it('keeps LFW folds when a line inside a fold is skipped', () => {
    // Header "10 2": fold f is content lines 4f+1..4f+4 (two same, two different).
    const lines = ['10\t2'];
    for (let f = 0; f < 10; f++)
      lines.push(
        `${id(f)}\t1\t2`,
        `${id(f)}\t2\t3`,
        f === 2 ? 'Nobody\t1\tP01\t1' : `${id(f)}\t1\t${id(f + 1)}\t3`,
        `${id(f)}\t2\t${id(f + 2)}\t1`,
      );
    const parsed = parsePairsFile('pairs.txt', lines.join('\n'), listing);
    expect(parsed.problems).toEqual(['pairs.txt line 12: names Nobody image 0001, which the folder lacks; skipped']);
    expect(parsed.format).toBe('lfw-10-fold');
    expect(parsed.pairs.filter((p) => p.fold === 2).map((p) => p.same)).toEqual([true, true, false]);
    expect(parsed.pairs.filter((p) => p.fold === 3).map((p) => p.same)).toEqual([true, true, false, false]);
  });

  it('refuses a file with too few valid pairs, naming it and the first problems', () => {
    expect(() => parsePairsFile('pairs.txt', 'hello world\nP00 1 2\n', listing)).toThrow(
      /^pairs.txt: 1 valid same-person and 0 valid different-person pairs; at least 10 of each are needed for 10-fold verification \(pairs.txt line 1: "hello world" is malformed/,
    );
    expect(() => parsePairsFile('empty.txt', '', listing)).toThrow(/^empty.txt: 0 valid same-person/);
  });

  it('names a different-person line that names one person twice', () => {
    const parsed = parsePairsFile('pairs.txt', `${tenFold()}\nP00 1 P00 2`, listing);
    expect(parsed.problems).toContain('pairs.txt line 22: a different-person line names P00 twice; skipped');
  });
});
