import { describe, expect, it } from 'vitest';
import { consecutiveSeeds, decodePageParams, encodePageParams } from './seeds';

const decode = (q: string, preset: 'demo' | 'smoke' = 'smoke', first = 1) =>
  decodePageParams(new URLSearchParams(q), preset, first);

describe('seeds and workers in the URL', () => {
  it('reads a count as consecutive seeds from seed, and a list as it is', () => {
    expect(decode('seeds=3', 'smoke', 7).seeds).toEqual([7, 8, 9]);
    expect(decode('seeds=4,9,12').seeds).toEqual([4, 9, 12]);
    expect(decode('').seeds).toEqual([1]);
    expect(decode('', 'demo', 5).seeds).toEqual([5, 6, 7]);
    expect(consecutiveSeeds(0xffffffff, 2)).toEqual([0xffffffff, 0]);
  });

  it('names a bad value with what is allowed and keeps the default', () => {
    for (const bad of ['0', '17', '1,1', 'x', '1,,2', '-1']) {
      const d = decode(`seeds=${bad}`);
      expect(d.seeds).toEqual([1]);
      expect(d.problems[0]?.message).toMatch(new RegExp(`^seeds = ".*" is not allowed: expected a count from 1 to 16`));
    }
    const w = decode('workers=0');
    expect(w.workers).toBeNull();
    expect(w.problems[0]?.message).toBe(
      'workers = "0" is not allowed: expected an integer from 1 to 16; using the number of cores.',
    );
    expect(decode('workers=3').workers).toBe(3);
  });

  it('writes a count for consecutive seeds, a list otherwise, nothing for the default', () => {
    const write = (preset: 'demo' | 'smoke', first: number, seeds: number[], workers: number | null) => {
      const p = new URLSearchParams();
      encodePageParams(p, preset, first, seeds, workers);
      return p.toString();
    };
    expect(write('smoke', 1, [1], null)).toBe('');
    expect(write('demo', 4, [4, 5, 6], null)).toBe('');
    expect(write('smoke', 2, [2, 3], 2)).toBe('seeds=2&workers=2');
    expect(write('smoke', 4, [4, 9], null)).toBe('seeds=4%2C9');
  });
});
