import { describe, expect, it } from 'vitest';
import { createRng } from '../rng';
import { augmentImage, boxBlur3, drawAugmentParams, IDENTITY_AUGMENT, warpImage } from './augment';

const SIZE = 8;

/** A smooth, non-symmetric test image [8, 8, channels] with values inside (0, 1). */
function ramp(channels = 1): Float32Array {
  return Float32Array.from({ length: SIZE * SIZE * channels }, (_, i) => {
    const p = Math.floor(i / channels);
    return 0.1 + 0.01 * (p % SIZE) + 0.07 * Math.floor(p / SIZE) + 0.02 * (i % channels);
  });
}

/** One bright pixel at (x, y) on black. */
function dot(x: number, y: number): Float32Array {
  const img = new Float32Array(SIZE * SIZE);
  img[y * SIZE + x] = 1;
  return img;
}

const at = (img: Float32Array, x: number, y: number): number => img[y * SIZE + x] ?? NaN;

describe('augmentImage', () => {
  it('is the identity for zero augmentation, bit for bit, and copies', () => {
    const src = ramp(3);
    const out = augmentImage(src, SIZE, 3, IDENTITY_AUGMENT);
    expect(out).toEqual(src);
    expect(out).not.toBe(src);
  });

  it('draws the identity from an all-zero config', () => {
    const zero = { rotationDeg: 0, scale: 0, shiftPx: 0, brightness: 0, contrast: 0, blur: 0 };
    expect(drawAugmentParams(zero, createRng(5))).toEqual(IDENTITY_AUGMENT);
  });

  it('moves a pixel by an integer shift', () => {
    const out = augmentImage(dot(2, 3), SIZE, 1, { ...IDENTITY_AUGMENT, shiftX: 2, shiftY: -1 });
    expect(at(out, 4, 2)).toBe(1);
    expect(out.reduce((s, v) => s + v, 0)).toBe(1);
  });

  it('interpolates a half-pixel shift bilinearly', () => {
    const out = augmentImage(dot(3, 3), SIZE, 1, { ...IDENTITY_AUGMENT, shiftX: 0.5 });
    expect(at(out, 3, 3)).toBeCloseTo(0.5, 6);
    expect(at(out, 4, 3)).toBeCloseTo(0.5, 6);
  });

  it('rotates 90° clockwise about the centre', () => {
    // Centre (3.5, 3.5): pixel (5, 3) is at (+1.5, −0.5); clockwise 90° → (+0.5, +1.5) = (4, 5).
    const out = warpImage(dot(5, 3), SIZE, 1, { rotationDeg: 90, scale: 1, shiftX: 0, shiftY: 0 });
    expect(at(out, 4, 5)).toBeCloseTo(1, 6);
  });

  it('zooms about the centre', () => {
    // Zoom 2: output (x, y) reads (x − 3.5)/2 + 3.5; output (7, 3.5 ± …) reads 5.25.
    const src = Float32Array.from({ length: SIZE * SIZE }, (_, i) => (i % SIZE) / 10);
    const out = warpImage(src, SIZE, 1, { rotationDeg: 0, scale: 2, shiftX: 0, shiftY: 0 });
    expect(at(out, 7, 2)).toBeCloseTo(0.525, 6);
    expect(at(out, 0, 2)).toBeCloseTo(0.175, 6);
  });

  it('adds brightness and scales contrast about 0.5', () => {
    const src = ramp();
    const bright = augmentImage(src, SIZE, 1, { ...IDENTITY_AUGMENT, brightness: 0.05 });
    bright.forEach((v, i) => expect(v).toBeCloseTo((src[i] ?? 0) + 0.05, 6));
    const flat = augmentImage(src, SIZE, 1, { ...IDENTITY_AUGMENT, contrast: 0.5 });
    flat.forEach((v, i) => expect(v).toBeCloseTo(((src[i] ?? 0) - 0.5) * 0.5 + 0.5, 6));
  });

  it('clamps to [0, 1]', () => {
    const out = augmentImage(ramp(), SIZE, 1, { ...IDENTITY_AUGMENT, brightness: 1 });
    expect(Math.max(...out)).toBe(1);
    expect(Math.min(...out)).toBeGreaterThan(0.99);
  });

  it('box-blurs a dot into a 3×3 square of 1/9', () => {
    const out = boxBlur3(dot(4, 4), SIZE, 1);
    expect(at(out, 3, 3)).toBeCloseTo(1 / 9, 6);
    expect(at(out, 5, 5)).toBeCloseTo(1 / 9, 6);
    expect(at(out, 6, 4)).toBe(0);
    expect(out.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
  });

  it('keeps a constant image constant under any warp and blur', () => {
    const src = new Float32Array(SIZE * SIZE * 3).fill(0.3);
    const params = drawAugmentParams(
      { rotationDeg: 20, scale: 0.2, shiftPx: 2, brightness: 0, contrast: 0, blur: 1 },
      createRng(1),
    );
    augmentImage(src, SIZE, 3, params).forEach((v) => expect(v).toBeCloseTo(0.3, 6));
  });

  it('is deterministic given the Rng seed', () => {
    const config = { rotationDeg: 10, scale: 0.1, shiftPx: 2, brightness: 0.1, contrast: 0.2, blur: 0.5 };
    const a = augmentImage(ramp(), SIZE, 1, drawAugmentParams(config, createRng(3)));
    const b = augmentImage(ramp(), SIZE, 1, drawAugmentParams(config, createRng(3)));
    expect(a).toEqual(b);
  });

  it('rejects an image of the wrong length', () => {
    expect(() => augmentImage(new Float32Array(10), SIZE, 1, IDENTITY_AUGMENT)).toThrow(/8×8×1/);
  });
});
