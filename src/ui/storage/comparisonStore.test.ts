import { describe, expect, it } from 'vitest';
import { keysToDrop, MAX_KEPT } from './comparisonStore';

describe('the stored comparisons kept', () => {
  it("are the tab's own and the newest others, MAX_KEPT in all; malformed ones (no time) go first", () => {
    expect(MAX_KEPT).toBe(3);
    const records = [
      { key: 'comparison:a', savedAt: 100 },
      { key: 'comparison:b', savedAt: 300 },
      { key: 'comparison:own', savedAt: null },
      { key: 'session', savedAt: null },
      { key: 'comparison:c', savedAt: 200 },
      { key: 'comparison:d', savedAt: 50 },
    ];
    expect(keysToDrop(records, 'comparison:own')).toEqual(['comparison:a', 'comparison:d', 'session']);
  });

  it('drops nothing while there are fewer', () => {
    expect(
      keysToDrop(
        [
          { key: 'comparison:a', savedAt: 1 },
          { key: 'comparison:b', savedAt: 2 },
        ],
        'comparison:new',
      ),
    ).toEqual([]);
  });
});
