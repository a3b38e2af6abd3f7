/**
 * A decoded photo → the square training image: the largest centred square is cut out and shrunk
 * (or grown) to size × size by exact area averaging, then kept as RGB or turned grey with BT.601
 * luma. Pure arithmetic, so the page (after createImageBitmap) and the runner (after jpeg-js or
 * fast-png) produce the same pixels from the same decoded RGBA.
 */

/** Luma weights of BT.601, the ones JPEG's own YCbCr uses. */
const LUMA = [0.299, 0.587, 0.114] as const;

/**
 * rgba: [height, width, 4] bytes → [size, size, channels] bytes. Alpha is ignored (faces are
 * opaque); every output pixel averages the source area it covers, with fractional edge weights.
 */
export function cropResize(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  size: number,
  channels: 1 | 3,
): Uint8Array {
  if (!(width > 0 && height > 0) || rgba.length < width * height * 4) {
    throw new Error(`cropResize: ${width}×${height} RGBA needs ${width * height * 4} bytes, got ${rgba.length}`);
  }
  const side = Math.min(width, height);
  const x0 = (width - side) / 2;
  const y0 = (height - side) / 2;
  const scale = side / size;
  const out = new Uint8Array(size * size * channels);
  const acc = [0, 0, 0];
  for (let oy = 0; oy < size; oy++) {
    const ys = y0 + oy * scale;
    const ye = ys + scale;
    for (let ox = 0; ox < size; ox++) {
      const xs = x0 + ox * scale;
      const xe = xs + scale;
      acc[0] = acc[1] = acc[2] = 0;
      let weight = 0;
      for (let y = Math.floor(ys); y < Math.ceil(ye); y++) {
        const wy = Math.min(ye, y + 1) - Math.max(ys, y);
        if (wy <= 0) continue;
        for (let x = Math.floor(xs); x < Math.ceil(xe); x++) {
          const w = wy * (Math.min(xe, x + 1) - Math.max(xs, x));
          if (w <= 0) continue;
          const at = (Math.min(y, height - 1) * width + Math.min(x, width - 1)) * 4;
          acc[0] += w * (rgba[at] as number);
          acc[1] += w * (rgba[at + 1] as number);
          acc[2] += w * (rgba[at + 2] as number);
          weight += w;
        }
      }
      const o = (oy * size + ox) * channels;
      if (channels === 1) out[o] = Math.round((LUMA[0] * acc[0] + LUMA[1] * acc[1] + LUMA[2] * acc[2]) / weight);
      else for (let c = 0; c < 3; c++) out[o + c] = Math.round((acc[c] as number) / weight);
    }
  }
  return out;
}
