import { describe, expect, it } from 'vitest';
import { cropResize } from './pixels';

/** w×h RGBA where pixel (x, y) has R = x, G = y, B = 7, A = 0 (alpha is ignored). */
function ramp(w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out.set([x, y, 7, 0], (y * w + x) * 4);
  return out;
}

describe('cropResize', () => {
  it('is the identity at the same size', () => {
    const rgba = ramp(4, 4);
    const out = cropResize(rgba, 4, 4, 4, 3);
    expect([...out.slice(0, 6)]).toEqual([0, 0, 7, 1, 0, 7]);
    expect(out[(3 * 4 + 2) * 3 + 1]).toBe(3);
  });

  it('cuts the centred square of a wide image and averages 2×2 areas', () => {
    // 8×4 → centre square x ∈ [2, 6), halved: pixel (0,0) averages x 2..3, y 0..1.
    const out = cropResize(ramp(8, 4), 8, 4, 2, 3);
    // Means 2.5 and 0.5 round half up to 3 and 1.
    expect([...out]).toEqual([3, 1, 7, 5, 1, 7, 3, 3, 7, 5, 3, 7]);
  });

  it('weights fractional edges when the scale is not whole', () => {
    // 3×3 → 2×2: output (0,0) covers source [0, 1.5)², weights 1 and 0.5 per axis.
    const out = cropResize(ramp(3, 3), 3, 3, 2, 3);
    const mean = (0 * 1 + 1 * 0.5) / 1.5;
    expect(out[0]).toBe(Math.round(mean));
    expect(out[3]).toBe(Math.round((1 * 0.5 + 2 * 1) / 1.5));
  });

  it('turns grey with BT.601 luma', () => {
    const rgba = new Uint8Array([200, 100, 50, 255]);
    expect([...cropResize(rgba, 1, 1, 1, 1)]).toEqual([Math.round(0.299 * 200 + 0.587 * 100 + 0.114 * 50)]);
  });

  it('refuses too few bytes, naming the sizes', () => {
    expect(() => cropResize(new Uint8Array(10), 2, 2, 1, 1)).toThrow('cropResize: 2×2 RGBA needs 16 bytes, got 10');
  });
});
