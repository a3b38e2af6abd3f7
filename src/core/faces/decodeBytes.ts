/**
 * Image bytes → RGBA with maintained pure-JS decoders (jpeg-js, fast-png), no native build: the
 * runner's decoder, and the reference the page's createImageBitmap path is tested against. The
 * format is told by the file's first bytes, not its name, so a renamed PNG still loads and a
 * text file called .jpg is named as not an image.
 */
import * as jpeg from 'jpeg-js';
import { convertIndexedToRgb, decode as decodePng } from 'fast-png';
import type { DecodeResult } from './pool';
import { NOT_AN_IMAGE, sniffFormat } from './sniff';

/** Larger photos are refused rather than risk running out of memory (LFW's are 0.06 MP). */
const MAX_MEGAPIXELS = 40;

export function decodeImageBytes(bytes: Uint8Array): DecodeResult {
  const format = sniffFormat(bytes);
  if (format === null) return { ok: false, why: NOT_AN_IMAGE };
  try {
    if (format === 'jpeg') {
      const img = jpeg.decode(bytes, {
        useTArray: true,
        formatAsRGBA: true,
        maxResolutionInMP: MAX_MEGAPIXELS,
        maxMemoryUsageInMB: 1024,
      });
      return { ok: true, rgba: img.data, width: img.width, height: img.height };
    }
    return pngRgba(bytes);
  } catch (e) {
    return {
      ok: false,
      why: `an unreadable ${format === 'jpeg' ? 'JPEG' : 'PNG'} (${e instanceof Error ? e.message : String(e)})`,
    };
  }
}

/** Any 8- or 16-bit grey, grey+alpha, RGB, RGBA or palette PNG → 8-bit RGBA. */
function pngRgba(bytes: Uint8Array): DecodeResult {
  const png = decodePng(bytes);
  const { width, height } = png;
  if (width * height > MAX_MEGAPIXELS * 1e6)
    return { ok: false, why: `a ${width}×${height} PNG, larger than ${MAX_MEGAPIXELS} megapixels` };
  let data: ArrayLike<number> = png.data;
  let channels = png.channels;
  let shift = png.depth === 16 ? 8 : 0;
  if (png.palette) {
    data = convertIndexedToRgb(png);
    channels = data.length / (width * height);
    shift = 0;
  } else if (png.depth !== 8 && png.depth !== 16) {
    return { ok: false, why: `a ${png.depth}-bit PNG; 8- and 16-bit PNGs are read` };
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const at = i * channels;
    const grey = channels <= 2;
    const r = (data[at] as number) >> shift;
    rgba[i * 4] = r;
    rgba[i * 4 + 1] = grey ? r : (data[at + 1] as number) >> shift;
    rgba[i * 4 + 2] = grey ? r : (data[at + 2] as number) >> shift;
    rgba[i * 4 + 3] = channels === 2 || channels === 4 ? (data[at + channels - 1] as number) >> shift : 255;
  }
  return { ok: true, rgba, width, height };
}
