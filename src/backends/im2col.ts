/**
 * Patch gather/scatter loops over plain Float32Arrays (NHWC), used by the wasm conv gradient
 * kernels. Row r = (n, i, j) of the output grid, column c = (ky, kx, cin) of the filter: the
 * row order of a [kh, kw, Cin, Cout] filter flattened to [K, Cout]. Taps in the padding read 0.
 */
import type { backend_util } from '@tensorflow/tfjs-core';

type ConvInfo = backend_util.Conv2DInfo;

/**
 * Calls visit(row, col, offset) for every tap inside the image, where offset is the index of
 * (n, y, x, 0) in the input and col the first column of that tap.
 */
function forEachTap(info: ConvInfo, visit: (row: number, col: number, offset: number) => void): void {
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, outHeight: ho, outWidth: wo } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const { top, left } = info.padInfo;
  let row = 0;
  for (let n = 0; n < b; n++) {
    for (let i = 0; i < ho; i++) {
      for (let j = 0; j < wo; j++, row++) {
        for (let ky = 0; ky < kh; ky++) {
          const y = i * sh + ky - top;
          if (y < 0 || y >= h) continue;
          for (let kx = 0; kx < kw; kx++) {
            const x = j * sw + kx - left;
            if (x >= 0 && x < w) visit(row, (ky * kw + kx) * c, ((n * h + y) * w + x) * c);
          }
        }
      }
    }
  }
}

/** x [B, H, W, Cin] → patches transposed, [K, N] row-major (column-major patches). */
export function im2colTransposed(x: Float32Array, out: Float32Array, info: ConvInfo): void {
  const c = info.inChannels;
  const n = info.batchSize * info.outHeight * info.outWidth;
  out.fill(0);
  forEachTap(info, (row, col, offset) => {
    for (let ci = 0; ci < c; ci++) out[(col + ci) * n + row] = x[offset + ci] as number;
  });
}

/** cols [N, K] row-major → dx [B, H, W, Cin]: each tap's value added back where it was read. */
export function col2imAdd(cols: Float32Array, dx: Float32Array, info: ConvInfo): void {
  const c = info.inChannels;
  const k = info.filterHeight * info.filterWidth * c;
  dx.fill(0);
  forEachTap(info, (row, col, offset) => {
    const base = row * k + col;
    for (let ci = 0; ci < c; ci++) dx[offset + ci] = (dx[offset + ci] as number) + (cols[base + ci] as number);
  });
}

/** a [rows, cols] → out [cols, rows], both row-major. */
export function transposeMatrix(a: Float32Array, out: Float32Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c] as number;
}
