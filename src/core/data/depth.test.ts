import { describe, expect, it } from 'vitest';
import { depthPerId, totalTrainImages, zipfDepth } from './depth';

const longTail = { minDepth: 1, maxDepth: 32, exponent: 1 };
const base = { trainIds: 100, deepDepth: 8, longTail };

describe('depthPerId', () => {
  it('gives every ID 2 images in the shallow regime', () => {
    const d = depthPerId({ ...base, regime: 'shallow' });
    expect(d.length).toBe(100);
    expect(d.every((v) => v === 2)).toBe(true);
    expect(totalTrainImages(d)).toBe(200);
  });

  it('gives every ID deepDepth images in the deep regime', () => {
    const d = depthPerId({ ...base, regime: 'deep' });
    expect(d.every((v) => v === 8)).toBe(true);
  });

  it('follows max(minDepth, round(maxDepth · r^−exponent)) over rank r = i + 1', () => {
    const d = depthPerId({ ...base, regime: 'longtail' });
    // 32/r for r = 1..5 = 32, 16, 10.67, 8, 6.4; from r = 65, 32/r < 0.5 → minDepth.
    expect(Array.from(d.slice(0, 5))).toEqual([32, 16, 11, 8, 6]);
    expect(d[63]).toBe(1);
    expect(d[99]).toBe(1);
    d.forEach((v, i) => expect(v).toBe(Math.max(1, Math.round(32 / (i + 1)))));
  });

  it('honours minDepth and the exponent', () => {
    const lt = { minDepth: 3, maxDepth: 64, exponent: 2 };
    expect(zipfDepth(1, lt)).toBe(64);
    expect(zipfDepth(2, lt)).toBe(16);
    expect(zipfDepth(4, lt)).toBe(4);
    expect(zipfDepth(5, lt)).toBe(3); // 64/25 = 2.56 → 3 = minDepth
    expect(zipfDepth(100, lt)).toBe(3);
  });

  it('is non-increasing in rank', () => {
    const d = depthPerId({ ...base, trainIds: 500, regime: 'longtail' });
    for (let i = 1; i < d.length; i++) expect(d[i]).toBeLessThanOrEqual(d[i - 1] ?? 0);
  });
});
