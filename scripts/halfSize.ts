/**
 * A screenshot at half its size for docs/ (a 1920×1080 PNG of ~300 kB becomes ~60 kB): every
 * 2×2 block of pixels averaged, channel by channel. Enough for the layout to read; the README's
 * training.png stays full size.
 */
import { decode, encode } from 'fast-png';

export function halfSize(png: Uint8Array): Uint8Array {
  const image = decode(png);
  const { width, height, channels } = image;
  const data = image.data;
  if (image.depth !== 8) throw new Error(`halfSize: a ${image.depth}-bit PNG; expected 8 bits per channel`);
  const w = Math.floor(width / 2);
  const h = Math.floor(height / 2);
  const out = new Uint8Array(w * h * channels);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      for (let c = 0; c < channels; c++) {
        const at = (yy: number, xx: number) => data[(yy * width + xx) * channels + c] ?? 0;
        const sum = at(2 * y, 2 * x) + at(2 * y, 2 * x + 1) + at(2 * y + 1, 2 * x) + at(2 * y + 1, 2 * x + 1);
        out[(y * w + x) * channels + c] = Math.round(sum / 4);
      }
    }
  }
  return encode({ width: w, height: h, data: out, channels, depth: 8 });
}
