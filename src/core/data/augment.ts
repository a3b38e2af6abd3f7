/**
 * Image-space augmentation of rendered images: rotation, scale and shift (one bilinear resample,
 * edges clamped), an optional 3×3 box blur, then contrast about mid-gray and brightness.
 * Pure functions over Float32Array images [size, size, channels] in [0, 1].
 */
import type { AugmentConfig } from '../config';
import type { Rng } from '../rng';

/** One image's augmentation, drawn by drawAugmentParams or written by hand (tests). */
export interface AugmentParams {
  /** Rotation of the content, degrees, clockwise on screen (y axis points down). */
  rotationDeg: number;
  /** Zoom factor of the content about the image centre (> 1 enlarges). */
  scale: number;
  /** Translation of the content in pixels (+x right, +y down). */
  shiftX: number;
  shiftY: number;
  /** Added to every pixel after contrast. */
  brightness: number;
  /** Multiplies the deviation from 0.5. */
  contrast: number;
  blur: boolean;
}

export const IDENTITY_AUGMENT: AugmentParams = {
  rotationDeg: 0,
  scale: 1,
  shiftX: 0,
  shiftY: 0,
  brightness: 0,
  contrast: 1,
  blur: false,
};

/**
 * Draws one image's parameters; always seven draws, so the stream is config-independent. A zero
 * amount gives exactly 0 (never −0), so an all-zero config gives IDENTITY_AUGMENT.
 */
export function drawAugmentParams(config: AugmentConfig, rng: Rng): AugmentParams {
  const jitter = (amount: number): number => {
    const u = rng.uniform(-1, 1);
    return amount === 0 ? 0 : amount * u;
  };
  return {
    rotationDeg: jitter(config.rotationDeg),
    scale: 1 + jitter(config.scale),
    shiftX: jitter(config.shiftPx),
    shiftY: jitter(config.shiftPx),
    brightness: jitter(config.brightness),
    contrast: 1 + jitter(config.contrast),
    blur: rng.chance(config.blur),
  };
}

/** Bilinear sample of channel c at (x, y) in pixel coordinates, edges clamped. */
function sampleBilinear(src: Float32Array, size: number, channels: number, x: number, y: number, c: number): number {
  const cx = Math.min(size - 1, Math.max(0, x));
  const cy = Math.min(size - 1, Math.max(0, y));
  const x0 = Math.floor(cx);
  const y0 = Math.floor(cy);
  const x1 = Math.min(size - 1, x0 + 1);
  const y1 = Math.min(size - 1, y0 + 1);
  const fx = cx - x0;
  const fy = cy - y0;
  const at = (px: number, py: number): number => src[(py * size + px) * channels + c] ?? 0;
  const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx;
  const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * Rotates, zooms and shifts the content about the image centre: output pixel p reads the input
 * at R(−θ)·(p − centre − shift)/scale + centre.
 */
export function warpImage(
  src: Float32Array,
  size: number,
  channels: number,
  params: Pick<AugmentParams, 'rotationDeg' | 'scale' | 'shiftX' | 'shiftY'>,
): Float32Array {
  const out = new Float32Array(src.length);
  const theta = (params.rotationDeg * Math.PI) / 180;
  const cos = Math.cos(theta) / params.scale;
  const sin = Math.sin(theta) / params.scale;
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    const dy = y - centre - params.shiftY;
    for (let x = 0; x < size; x++) {
      const dx = x - centre - params.shiftX;
      const sx = cos * dx + sin * dy + centre;
      const sy = -sin * dx + cos * dy + centre;
      for (let c = 0; c < channels; c++) {
        out[(y * size + x) * channels + c] = sampleBilinear(src, size, channels, sx, sy, c);
      }
    }
  }
  return out;
}

/** 3×3 box blur, edges clamped. */
export function boxBlur3(src: Float32Array, size: number, channels: number): Float32Array {
  const out = new Float32Array(src.length);
  const clamp = (v: number): number => Math.min(size - 1, Math.max(0, v));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (let j = -1; j <= 1; j++) {
          for (let i = -1; i <= 1; i++) {
            sum += src[(clamp(y + j) * size + clamp(x + i)) * channels + c] ?? 0;
          }
        }
        out[(y * size + x) * channels + c] = sum / 9;
      }
    }
  }
  return out;
}

/** True when the parameters leave the geometry unchanged, so the resample can be skipped. */
function isIdentityWarp(params: AugmentParams): boolean {
  return params.rotationDeg === 0 && params.scale === 1 && params.shiftX === 0 && params.shiftY === 0;
}

/** The augmented copy of an image [size, size, channels]; the input is not modified. */
export function augmentImage(src: Float32Array, size: number, channels: number, params: AugmentParams): Float32Array {
  if (src.length !== size * size * channels) {
    throw new Error(`augmentImage: ${src.length} values is not ${size}×${size}×${channels}`);
  }
  let img = isIdentityWarp(params) ? Float32Array.from(src) : warpImage(src, size, channels, params);
  if (params.blur) img = boxBlur3(img, size, channels);
  if (params.contrast !== 1 || params.brightness !== 0) {
    for (let i = 0; i < img.length; i++) {
      const v = ((img[i] ?? 0) - 0.5) * params.contrast + 0.5 + params.brightness;
      img[i] = Math.min(1, Math.max(0, v));
    }
  }
  return img;
}
