/**
 * Patch gather over plain Float32Arrays (NHWC), used by the wasm filter-gradient kernel.
 * Row r = (n, i, j) of the output grid, column c = (ky, kx, cin) of the filter: the row order of a
 * [kh, kw, Cin, Cout] filter flattened to [K, Cout]. Taps in the padding read 0.
 * The loops are written out (no per-tap closure: V8 does not inline it) and write runs of Wo
 * contiguous values (the previous per-element stride-N writes were ~3× slower).
 */
import type { backend_util } from '@tensorflow/tfjs-core';

type ConvInfo = backend_util.Conv2DInfo;

/** The output columns j whose tap at column offset kx lands inside the image: [lo, hi). */
function validCols(info: ConvInfo, kx: number): [number, number] {
  const { inWidth: w, outWidth: wo, strideWidth: sw } = info;
  const shift = kx - info.padInfo.left;
  const lo = Math.max(0, Math.ceil(-shift / sw));
  const hi = Math.min(wo, Math.floor((w - 1 - shift) / sw) + 1);
  return [lo, Math.max(lo, hi)];
}

/**
 * x [B, H, W, Cin] → patches transposed, [K, N] row-major. Blocked by output row (n, i): the
 * kh input rows it reads stay in cache while each of the K output rows gets a run of Wo values.
 */
export function im2colTransposed(x: Float32Array, out: Float32Array, info: ConvInfo): void {
  const { batchSize: b, inHeight: h, inWidth: w, inChannels: c, outHeight: ho, outWidth: wo } = info;
  const { filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const n = b * ho * wo;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const cols = Array.from({ length: kw }, (_, kx) => validCols(info, kx));
  const step = sw * c;
  out.fill(0);
  for (let bi = 0; bi < b; bi++) {
    for (let i = 0; i < ho; i++) {
      const row = (bi * ho + i) * wo;
      for (let ky = 0; ky < kh; ky++) {
        const y = i * sh + ky - top;
        if (y < 0 || y >= h) continue;
        const xRow = (bi * h + y) * w;
        for (let kx = 0; kx < kw; kx++) {
          const [lo, hi] = cols[kx] as [number, number];
          const colBase = (ky * kw + kx) * c;
          const first = (xRow + lo * sw + kx - left) * c;
          for (let ci = 0; ci < c; ci++) {
            const o = (colBase + ci) * n + row;
            let src = first + ci;
            for (let j = lo; j < hi; j++, src += step) out[o + j] = x[src] as number;
          }
        }
      }
    }
  }
}
