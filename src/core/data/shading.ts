/**
 * Photometric variation of one rendered face: exposure, a directional lighting gradient and a
 * colour cast. Applied to premultiplied RGBA before compositing on the background, so only the
 * drawn face changes and the background stays a plain constant.
 */

export interface Shading {
  /** Unit direction in the image plane the light comes from (x right, y down). */
  dirX: number;
  dirY: number;
  /** Gradient amplitude: the face brightness factor runs from 1 − strength to 1 + strength. */
  strength: number;
  /** Overall brightness factor of the face (1 = as drawn). */
  exposure: number;
  /** Per-channel colour gains [r, g, b] (1 = no cast). */
  gains: readonly [number, number, number];
}

export const NEUTRAL_SHADING: Shading = {
  dirX: 1,
  dirY: 0,
  strength: 0,
  exposure: 1,
  gains: [1, 1, 1],
};

/**
 * Shades premultiplied RGBA in place. `rgba`: [size, size, 4] in [0, 1]. Each colour is scaled
 * by exposure · gain_c · (1 + strength · (dir · p)), p ∈ [−1, 1]² the pixel position relative to
 * the image centre, and clamped to [0, alpha] so it stays a valid premultiplied colour.
 */
export function applyShading(rgba: Float32Array, size: number, shading: Shading): void {
  const half = size / 2;
  for (let y = 0; y < size; y++) {
    const v = (y + 0.5 - half) / half;
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5 - half) / half;
      const light = shading.exposure * (1 + shading.strength * (shading.dirX * u + shading.dirY * v));
      const i = (y * size + x) * 4;
      const alpha = rgba[i + 3] ?? 0;
      for (let c = 0; c < 3; c++) {
        const value = (rgba[i + c] ?? 0) * light * (shading.gains[c] ?? 1);
        rgba[i + c] = Math.min(alpha, Math.max(0, value));
      }
    }
  }
}
