import { describe, expect, it } from 'vitest';
import { embeddingView, viewImages } from './embeddingView';
import { pca2 } from './pca';

describe('pca2', () => {
  it('finds the axes of points spread along known directions, with the variance shares', () => {
    // 40 points in 5-D, centred at (1,1,1,1,1): (±3x, ±y) for 10 (x, y), so the two spreads are
    // uncorrelated and along e1 (the larger) and e2; nothing along the other axes.
    const n = 40;
    const pts = new Float32Array(n * 5).fill(1);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (const [sx, sy] of [
        [1, 1],
        [-1, 1],
        [1, -1],
        [-1, -1],
      ] as const) {
        a.push(sx * 3 * (i + 1));
        b.push(sy * ((i % 3) + 1));
      }
    }
    const ma = 0;
    const mb = 0;
    for (let i = 0; i < n; i++) {
      pts[i * 5] = 1 + (a[i] as number);
      pts[i * 5 + 1] = 1 + (b[i] as number);
    }
    const { coords, explained } = pca2(pts, n, 5);
    // The coordinates are the centred values themselves, up to sign (fixed: farthest point positive).
    const far = a.reduce((best, v, i) => (Math.abs(v - ma) > Math.abs((a[best] as number) - ma) ? i : best), 0);
    const sign = (a[far] as number) - ma > 0 ? 1 : -1;
    for (let i = 0; i < n; i++) expect(coords[i * 2]).toBeCloseTo(sign * ((a[i] as number) - ma), 3);
    for (let i = 0; i < n; i++)
      expect(Math.abs(coords[i * 2 + 1] as number)).toBeCloseTo(Math.abs((b[i] as number) - mb), 3);
    const va = a.reduce((s, v) => s + (v - ma) ** 2, 0);
    const vb = b.reduce((s, v) => s + (v - mb) ** 2, 0);
    expect(explained[0]).toBeCloseTo(va / (va + vb), 5);
    expect(explained[1]).toBeCloseTo(vb / (va + vb), 5);
  });

  it('gives zeros for identical points and refuses a wrong size', () => {
    expect(Array.from(pca2(new Float32Array(12).fill(2), 4, 3).coords)).toEqual(new Array(8).fill(0));
    expect(() => pca2(new Float32Array(5), 2, 3)).toThrow('pca2: 5 values for 2 points of dimension 3');
  });
});

describe('embedding view', () => {
  it('takes the first two images of the first identities that have two', () => {
    const labels = Int32Array.from([0, 1, 1, 0, 2, 3, 3, 0]);
    const test = { pixels: new Float32Array(0), count: 8, size: 1, channels: 1 as const, labels };
    expect(viewImages(test, 10)).toEqual({ ids: [0, 1, 3], images: [0, 3, 1, 2, 5, 6] });
    const emb = Float32Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? Math.floor(i / 2) : 0));
    const v = embeddingView(emb, 2, test, 7);
    expect(v.step).toBe(7);
    expect(v.ids).toEqual([0, 1, 3]);
    expect(v.coords).toHaveLength(12);
    expect(v.explained[0]).toBeCloseTo(1, 6);
  });
});
