import { describe, expect, it } from 'vitest';
import { histogram } from './DatasetView';

describe('the dataset view', () => {
  it('counts the training identities by their number of images', () => {
    expect(histogram(Int32Array.of(3, 5, 3, 8, 3, 5))).toEqual([
      { value: 3, count: 3 },
      { value: 5, count: 2 },
      { value: 8, count: 1 },
    ]);
    expect(histogram(new Int32Array())).toEqual([]);
  });
});
