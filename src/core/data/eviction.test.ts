import { describe, expect, it } from 'vitest';
import { evictionOrder } from './eviction';

const entry = (key: string, bytes: number, usedAt: number) => ({ key, bytes, usedAt });

describe('dataset cache eviction', () => {
  const entries = [entry('a', 40, 3), entry('b', 30, 1), entry('c', 20, 2), entry('new', 50, 9)];

  it('drops the least recently used until the bytes fit', () => {
    // 140 bytes over a bound of 80: b (used at 1), then c (2) leave 90; then a (3) leaves 50
    expect(evictionOrder(entries, { maxBytes: 80, maxEntries: 10 }, 'new')).toEqual(['b', 'c', 'a']);
    expect(evictionOrder(entries, { maxBytes: 100, maxEntries: 10 }, 'new')).toEqual(['b', 'c']);
    expect(evictionOrder(entries, { maxBytes: 1000, maxEntries: 10 }, 'new')).toEqual([]);
  });

  it('bounds the number of entries too, and never drops the one just written', () => {
    expect(evictionOrder(entries, { maxBytes: 1000, maxEntries: 2 }, 'new')).toEqual(['b', 'c']);
    expect(evictionOrder([entry('new', 500, 0)], { maxBytes: 10, maxEntries: 1 }, 'new')).toEqual([]);
  });
});
