/** Draws [count, size, size, channels] pixels in [0, 1] side by side, scaled up without smoothing. */
import { useEffect, useRef } from 'react';

interface Props {
  pixels: Float32Array;
  count: number;
  size: number;
  channels: 1 | 3;
  scale?: number;
  label: string;
}

export function FaceCanvas({ pixels, count, size, channels, scale = 3, label }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(size * count, size);
    for (let n = 0; n < count; n++) {
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const src = ((n * size + y) * size + x) * channels;
          const dst = (y * size * count + n * size + x) * 4;
          for (let c = 0; c < 3; c++)
            img.data[dst + c] = Math.round(255 * (pixels[src + (channels === 3 ? c : 0)] ?? 0));
          img.data[dst + 3] = 255;
        }
      }
    }
    ctx.putImageData(img, 0, 0);
  }, [pixels, count, size, channels]);
  return (
    <canvas
      ref={ref}
      width={size * count}
      height={size}
      style={{ width: size * count * scale, height: size * scale }}
      className="faces"
      aria-label={label}
      role="img"
    />
  );
}
