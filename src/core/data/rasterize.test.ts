import { beforeAll, describe, expect, it } from 'vitest';
import { loadResvgWasmNode } from '../../cli/rasterizer-node';
import { faceSvgString, headSvg } from './face-svg';
import { createIdentity } from './identities';
import {
  BACKGROUND,
  compositeOnBackground,
  initRasterizer,
  isRasterizerReady,
  rasterizeFace,
  rasterizeRgba,
} from './rasterize';
import { applyShading, NEUTRAL_SHADING } from './shading';

const SQUARE = (fill: string): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10">` +
  `<rect x="0" y="0" width="5" height="10" fill="${fill}"/></svg>`;

beforeAll(async () => {
  const wasm = await loadResvgWasmNode();
  await initRasterizer(wasm);
  await initRasterizer(wasm); // idempotent
});

describe('rasterizeFace', () => {
  it('is ready after init', () => {
    expect(isRasterizerReady()).toBe(true);
  });

  it('renders a half-filled square: left half the fill, right half the background', () => {
    const rgb = rasterizeFace(SQUARE('#ff0000'), 4, 3);
    expect(rgb.length).toBe(4 * 4 * 3);
    expect(Array.from(rgb.slice(0, 3))).toEqual([1, 0, 0]);
    expect(Array.from(rgb.slice(9, 12))).toEqual([BACKGROUND, BACKGROUND, BACKGROUND]);
  });

  it('converts to grayscale by Rec. 601 luminance', () => {
    const gray = rasterizeFace(SQUARE('#00ff00'), 4, 1);
    expect(gray[0]).toBeCloseTo(0.587, 5);
    expect(gray[3]).toBeCloseTo(BACKGROUND, 6);
  });

  it('crops a full facesjs SVG to the head, with plain background corners', () => {
    const face = createIdentity(3).face;
    const full = rasterizeFace(faceSvgString(face), 24, 1);
    const cropped = rasterizeFace(headSvg(face), 24, 1);
    expect(full).toEqual(cropped);
    expect(full.length).toBe(24 * 24);
    expect(full[0]).toBeCloseTo(BACKGROUND, 6);
    expect(full.every((v) => v >= 0 && v <= 1)).toBe(true);
    // The face covers the middle: the centre pixel is not background.
    expect(Math.abs((full[12 * 24 + 12] ?? 0) - BACKGROUND)).toBeGreaterThan(0.01);
  });

  it('is deterministic', () => {
    const svg = headSvg(createIdentity(8).face);
    expect(rasterizeFace(svg, 16, 3)).toEqual(rasterizeFace(svg, 16, 3));
  });

  it('rejects a bad size', () => {
    expect(() => rasterizeRgba(SQUARE('#fff'), 0)).toThrow(/size/);
  });
});

describe('applyShading', () => {
  it('leaves pixels unchanged when neutral and keeps the background plain', () => {
    const rgba = rasterizeRgba(SQUARE('#808080'), 4);
    const copy = Float32Array.from(rgba);
    applyShading(rgba, 4, NEUTRAL_SHADING);
    expect(rgba).toEqual(copy);
    applyShading(rgba, 4, { ...NEUTRAL_SHADING, exposure: 1.5, gains: [1, 0.5, 1] });
    const rgb = compositeOnBackground(rgba, 3);
    expect(rgb[0]).toBeCloseTo((128 / 255) * 1.5, 5);
    expect(rgb[1]).toBeCloseTo((128 / 255) * 0.75, 5);
    expect(rgb[9]).toBe(BACKGROUND);
  });

  it('brightens the side the light comes from', () => {
    const rgba = rasterizeRgba(
      '<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4" fill="#808080"/></svg>',
      4,
    );
    applyShading(rgba, 4, { ...NEUTRAL_SHADING, dirX: 1, dirY: 0, strength: 0.5 });
    const gray = compositeOnBackground(rgba, 1);
    expect(gray[3]).toBeGreaterThan(gray[0] ?? 1);
  });
});
