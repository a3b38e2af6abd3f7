/**
 * Layout changes around the XNNPACK convolutions of the wasm input-gradient kernel
 * (wasmConvGrads.ts), on plain Float32Arrays (NHWC, row-major). Plain nested loops with
 * contiguous inner runs: V8 compiles them to tight code (a closure per element would not inline).
 */
import type { backend_util } from '@tensorflow/tfjs-core';

type ConvInfo = backend_util.Conv2DInfo;
type Shape4 = [number, number, number, number];

/**
 * One stride phase r of one axis (input size n, kernel k, stride s, padding before `pad`, dy
 * size outSize): the sub-pixel indices u ∈ [first, end) with s·u + r inside the image, its
 * taps, and the convolution's padding. Paddings are clamped at 0; the conv output's row 0 is
 * then sub-pixel index firstOut (rows outside [first, end) are never read).
 */
export interface Phase {
  r: number;
  s: number;
  pad: number;
  taps: number;
  first: number;
  end: number;
  padBefore: number;
  padAfter: number;
  firstOut: number;
  outSize: number;
}

/** The s phases of one axis. */
export function phases(n: number, k: number, s: number, pad: number, dySize: number): Phase[] {
  return Array.from({ length: s }, (_, r) => {
    const taps = Math.max(0, Math.ceil((k - r) / s));
    const first = Math.ceil((pad - r) / s);
    const end = Math.ceil((pad + n - r) / s);
    const padBefore = Math.max(0, taps - 1 - first);
    const padAfter = Math.max(0, end - dySize);
    return {
      r,
      s,
      pad,
      taps,
      first,
      end,
      padBefore,
      padAfter,
      firstOut: taps - 1 - padBefore,
      outSize: dySize + padBefore + padAfter - taps + 1,
    };
  });
}

/**
 * The filter of one stride phase (rows.r, cols.r): w [kh, kw, Cin, Cout] →
 * f [Ty, Tx, Cout, Cin] with f[ty, tx, co, ci] = w[ry + sh·(Ty − 1 − ty), rx + sw·(Tx − 1 − tx), ci, co]
 * (the phase's taps, flipped, in/out channels swapped).
 */
export function phaseFilter(w: Float32Array, f: Float32Array, info: ConvInfo, rows: Phase, cols: Phase): void {
  const { filterWidth: kw, inChannels: cin, outChannels: cout } = info;
  let o = 0;
  for (let ty = 0; ty < rows.taps; ty++) {
    const ky = rows.r + rows.s * (rows.taps - 1 - ty);
    for (let tx = 0; tx < cols.taps; tx++) {
      const kx = cols.r + cols.s * (cols.taps - 1 - tx);
      const src = (ky * kw + kx) * cin * cout;
      for (let co = 0; co < cout; co++) {
        for (let ci = 0; ci < cin; ci++, o++) f[o] = w[src + ci * cout + co] as number;
      }
    }
  }
}

/**
 * out [B, OH, OW, Cin] of one phase (row o ↔ sub-pixel index u = o + rows.firstOut) → its pixels
 * of dx [B, H, W, Cin]: y = sh·u + ry − top for u ∈ [rows.first, rows.end), columns alike.
 */
export function scatterPhase(
  out: Float32Array,
  outShape: Shape4,
  dx: Float32Array,
  info: ConvInfo,
  rows: Phase,
  cols: Phase,
): void {
  const [, oh, ow, cin] = outShape;
  const { batchSize: b, inHeight: h, inWidth: w } = info;
  const xStep = cols.s * cin;
  for (let n = 0; n < b; n++) {
    for (let u = rows.first; u < rows.end; u++) {
      const y = rows.s * u + rows.r - rows.pad;
      let src = ((n * oh + u - rows.firstOut) * ow + cols.first - cols.firstOut) * cin;
      let dst = ((n * h + y) * w + cols.s * cols.first + cols.r - cols.pad) * cin;
      for (let v = cols.first; v < cols.end; v++, dst += xStep) {
        for (let ci = 0; ci < cin; ci++, src++) dx[dst + ci] = out[src] as number;
      }
    }
  }
}
