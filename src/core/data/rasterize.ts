/**
 * SVG → Float32 pixels through resvg compiled to WebAssembly: one code path for Node and browser
 * workers (no canvas, no DOM). The caller supplies the .wasm bytes (Node: src/cli/rasterizer-node.ts,
 * browser: a fetched asset URL), because how to find a file differs between the two.
 */
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { cropAndPose, FRONTAL } from './face-svg';
import { applyShading } from './shading';
import type { Shading } from './shading';

/** Gray level of the plain background behind the face, in [0, 1]. */
export const BACKGROUND = 0.5;

/** Renders are at least this many pixels wide before box-downsampling (anti-aliasing at 16–32 px). */
const MIN_RENDER_SIDE = 96;

/** Rec. 601 luma weights: grayscale = luminance of the composited sRGB colour. */
const LUMA = [0.299, 0.587, 0.114] as const;

/** The facesjs root viewBox: such SVGs are cropped to the head before rendering. */
const FACESJS_VIEWBOX = 'viewBox="0 0 400 600"';

export type ResvgWasmSource = ArrayBuffer | Uint8Array | Response | WebAssembly.Module;

// resvg's initWasm may run only once per realm, so the one init is shared by every caller.
let initPromise: Promise<void> | null = null;
let initialised = false;

/** Loads the resvg WebAssembly module; later calls return the first call's promise. */
export function initRasterizer(wasm: ResvgWasmSource): Promise<void> {
  if (initPromise === null) {
    initPromise = initWasm(wasm).then(
      () => {
        initialised = true;
      },
      (error: unknown) => {
        initPromise = null;
        throw error;
      },
    );
  }
  return initPromise;
}

export function isRasterizerReady(): boolean {
  return initialised;
}

/** Supersampling factor for a target side: render ≥ MIN_RENDER_SIDE px, then box-average. */
export function supersampleFactor(size: number): number {
  return Math.max(1, Math.ceil(MIN_RENDER_SIDE / size));
}

/** Premultiplied RGBA bytes [side, side, 4] → premultiplied floats [size, size, 4] by box mean. */
function boxDownsample(bytes: Uint8Array, side: number, factor: number): Float32Array {
  const size = side / factor;
  const out = new Float32Array(size * size * 4);
  const norm = 1 / (255 * factor * factor);
  for (let y = 0; y < side; y++) {
    const row = Math.floor(y / factor) * size;
    for (let x = 0; x < side; x++) {
      const src = (y * side + x) * 4;
      const dst = (row + Math.floor(x / factor)) * 4;
      for (let c = 0; c < 4; c++) out[dst + c] = (out[dst + c] ?? 0) + (bytes[src + c] ?? 0);
    }
  }
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) * norm;
  return out;
}

/** Renders a square SVG to premultiplied RGBA floats [size, size, 4] in [0, 1]. */
export function rasterizeRgba(svg: string, size: number): Float32Array {
  if (!initialised) {
    throw new Error('rasterizeFace: the rasterizer is not ready; await initRasterizer(wasm) first');
  }
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`rasterizeFace: size must be a positive integer, got ${size}`);
  }
  const factor = supersampleFactor(size);
  const side = size * factor;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: side },
    font: { loadSystemFonts: false },
  });
  try {
    const image = resvg.render();
    try {
      if (image.width !== side || image.height !== side) {
        throw new Error(`rasterizeFace: SVG is not square (${image.width}×${image.height} px)`);
      }
      return boxDownsample(image.pixels, side, factor);
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

/** Premultiplied RGBA [size², 4] over the background → [size², channels]. */
export function compositeOnBackground(rgba: Float32Array, channels: 1 | 3): Float32Array {
  const count = rgba.length / 4;
  const out = new Float32Array(count * channels);
  for (let p = 0; p < count; p++) {
    const keep = 1 - (rgba[p * 4 + 3] ?? 0);
    const r = (rgba[p * 4] ?? 0) + keep * BACKGROUND;
    const g = (rgba[p * 4 + 1] ?? 0) + keep * BACKGROUND;
    const b = (rgba[p * 4 + 2] ?? 0) + keep * BACKGROUND;
    if (channels === 1) {
      out[p] = Math.min(1, LUMA[0] * r + LUMA[1] * g + LUMA[2] * b);
    } else {
      out[p * 3] = Math.min(1, r);
      out[p * 3 + 1] = Math.min(1, g);
      out[p * 3 + 2] = Math.min(1, b);
    }
  }
  return out;
}

/**
 * A face SVG → pixels [size, size, channels] in [0, 1] on a plain background. A full facesjs
 * SVG (400 × 600 canvas) is cropped to the head first; any other SVG must be square.
 */
export function rasterizeFace(svg: string, size: number, channels: 1 | 3, shading?: Shading): Float32Array {
  const square = svg.includes(FACESJS_VIEWBOX) ? cropAndPose(svg, FRONTAL) : svg;
  const rgba = rasterizeRgba(square, size);
  if (shading !== undefined) applyShading(rgba, size, shading);
  return compositeOnBackground(rgba, channels);
}
