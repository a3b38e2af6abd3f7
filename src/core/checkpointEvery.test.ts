import { describe, expect, it } from 'vitest';
import { decodeCheckpointEvery, encodeCheckpointEvery } from './checkpointEvery';
import { decodePage } from './urlParams';

describe('checkpoint= (steps between two checkpoints)', () => {
  it('is 50 by default and takes an integer from 1 to 100000', () => {
    expect(decodeCheckpointEvery(new URLSearchParams(''))).toEqual({ every: 50, problems: [] });
    expect(decodeCheckpointEvery(new URLSearchParams('checkpoint=1')).every).toBe(1);
    expect(decodeCheckpointEvery(new URLSearchParams('checkpoint=100000')).every).toBe(100000);
  });

  it.each(['0', '100001', '2.5', '-3', 'ten', ''])(
    'refuses checkpoint=%s naming the field, the value and the range',
    (text) => {
      expect(decodeCheckpointEvery(new URLSearchParams(`checkpoint=${text}`))).toEqual({
        every: 50,
        problems: [
          {
            param: 'checkpoint',
            value: text,
            message: `checkpoint = "${text}" is not allowed: expected an integer from 1 to 100000 (steps between two checkpoints); using 50.`,
          },
        ],
      });
    },
  );

  it('is a known page parameter, decoded with the rest of the URL', () => {
    const page = decodePage(new URLSearchParams('preset=smoke&checkpoint=7'));
    expect(page.checkpointEvery).toBe(7);
    expect(page.problems).toEqual([]);
    expect(decodePage(new URLSearchParams('checkpoint=0')).problems.map((p) => p.param)).toEqual(['checkpoint']);
  });

  it('is written to the link only when not the default', () => {
    const params = new URLSearchParams();
    encodeCheckpointEvery(params, 50);
    expect(params.toString()).toBe('');
    encodeCheckpointEvery(params, 7);
    expect(params.toString()).toBe('checkpoint=7');
  });
});
