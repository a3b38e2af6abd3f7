/** Images [count, size, size, channels] in [0, 1] as PNG data URLs (for <image> in the SVG diagram). */
export function imageUrls(pixels: Float32Array, count: number, size: number, channels: 1 | 3): string[] {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return [];
  const urls: string[] = [];
  for (let n = 0; n < count; n++) {
    const img = ctx.createImageData(size, size);
    for (let i = 0; i < size * size; i++) {
      for (let c = 0; c < 3; c++)
        img.data[i * 4 + c] = Math.round(
          255 * (pixels[(n * size * size + i) * channels + (channels === 3 ? c : 0)] ?? 0),
        );
      img.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    urls.push(canvas.toDataURL());
  }
  return urls;
}
