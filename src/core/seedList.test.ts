import { describe, expect, it } from 'vitest';
import { presetConfig } from './presets';
import { decodePageParams } from './seeds';
import { MAX_SEEDS, parseSeedList, seedListProblem, withSeeds } from './seedList';
import { decodeSweepQuery } from './sweep/sweepQuery';

describe('the seeds rule', () => {
  it('takes 1 to 16 distinct integers from 0 to 2^32 − 1, in their order', () => {
    expect(parseSeedList('4,9,12').seeds).toEqual([4, 9, 12]);
    expect(parseSeedList('4294967295').seeds).toEqual([4294967295]);
    expect(parseSeedList(Array.from({ length: MAX_SEEDS }, (_, i) => i).join(',')).seeds).toHaveLength(16);
  });

  it('names what is wrong: the form, the range, the count, a repeat', () => {
    expect(parseSeedList('1,,2').why).toBe(
      'a comma-separated list of 1 to 16 distinct integers from 0 to 4294967295, e.g. 1,2,3',
    );
    expect(parseSeedList('1,4294967296').why).toBe('seeds from 0 to 4294967295');
    expect(parseSeedList(Array.from({ length: 17 }, (_, i) => i).join(',')).why).toBe(
      '1 to 16 distinct integers from 0 to 4294967295 (17 given)',
    );
    expect(parseSeedList('3,1,3').why).toBe(
      'each seed once (3 is given 2 times): a repeated seed would train the very same runs again',
    );
    expect(seedListProblem([])).toContain('(0 given)');
    expect(seedListProblem([1.5])).toBe('seeds from 0 to 4294967295');
  });

  it('is the same rule in the URL, the sweep and (flags/values.ts) the runner', () => {
    const url = decodePageParams(new URLSearchParams('seeds=2,5,2'), 'smoke', 2);
    expect(url.seeds).toEqual([2]);
    expect(url.problems[0]?.message).toContain('(each seed once (2 is given 2 times)');
    const sweep = decodeSweepQuery(new URLSearchParams('sweepSeeds=2,5,2'), presetConfig('smoke'));
    expect(sweep.setup.seeds).toBeNull();
    expect(sweep.problems[0]?.message).toContain(
      'expected 1 to 16 distinct integers from 0 to 4294967295, comma-separated (e.g. 1,2,3) (each seed once',
    );
  });

  it('derives config.seed: always the first seed', () => {
    const c = presetConfig('demo');
    expect(withSeeds(c, [7, 8, 9]).seed).toBe(7);
    expect(withSeeds(c, [1, 5])).toBe(c);
    expect(() => withSeeds(c, [])).toThrow('seeds [] is not allowed');
  });
});
