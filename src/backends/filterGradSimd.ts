/**
 * The wasm filter gradient as WebAssembly SIMD tiles (simd/filterGrad.wat) read straight from x and
 * dy: dW [kh, kw, Cin, Cout] = Σ over the output positions n of x at the tap's input · dy[n].
 * It replaces an im2col gather (K·N values written in JS at ~1.2 ns each) and XNNPACK's product,
 * which packs dy as its weights on every call (~3.4 ns a value: more than the product itself for
 * the demo's layers). Bit for bit that product for finite x and dy: see the .wat file. (Dilated
 * convolutions never get here: tfjs-core's Conv2D gradient refuses dilation > 1.)
 *
 * Tiles: per tap, 4 consecutive input channels (1 when Cin is not a multiple of 4, as in the grey
 * or RGB stem) × 8 output channels (4 when Cout is a multiple of 4 only; 16 with one input
 * channel where Cout allows). Other Cout stay on the im2col path (supportsSimd).
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { backend_util } from '@tensorflow/tfjs-core';
import { plain, shared } from './simd/filterGrad.wat';
import { kernelLoader } from './simd/instantiate';

type ConvInfo = backend_util.Conv2DInfo;

/**
 * One tile (filterGrad.wat): byte addresses x, dy, dw; dW's row step; the valid positions
 * (images, rows, columns); x's and dy's byte steps per image, row and column.
 */
type Tile = (
  x: number,
  dy: number,
  dw: number,
  dwRow: number,
  images: number,
  rows: number,
  cols: number,
  xImage: number,
  xRow: number,
  xCol: number,
  dyImage: number,
  dyRow: number,
  dyCol: number,
) => void;

interface Tiles {
  tile4x8: Tile;
  tile1x16: Tile;
  tile1x8: Tile;
  tile4x4: Tile;
  tile1x4: Tile;
}

const tilesFor = kernelLoader<Tiles>({ plain, shared });

/** True when the tiles run on this wasm backend (simdStatus.ts). */
export function filterGradSimdLoaded(wasm: BackendWasm): boolean {
  return tilesFor(wasm) !== null;
}

/** True when the SIMD kernel can compute this gradient here. */
export function supportsSimd(wasm: BackendWasm, info: ConvInfo): boolean {
  return info.outChannels % 4 === 0 && tilesFor(wasm) !== null;
}

/** The output indices i (of `outSize`) whose tap at `shift` lands inside the input (size n): [lo, hi). */
function validRange(outSize: number, n: number, stride: number, shift: number): [number, number] {
  const lo = Math.max(0, Math.ceil(-shift / stride));
  const hi = Math.min(outSize, Math.floor((n - 1 - shift) / stride) + 1);
  return [lo, Math.max(lo, hi)];
}

/** Writes dW for x, dy and dw at these byte addresses (every value of dw is written). */
export function filterGradSimd(wasm: BackendWasm, info: ConvInfo, x: number, dy: number, dw: number): void {
  const tiles = tilesFor(wasm);
  if (tiles === null) throw new Error('filterGradSimd: no SIMD kernel on this backend (check supportsSimd first)');
  const { batchSize: images, inHeight: h, inWidth: w, inChannels: cin, outHeight: ho, outWidth: wo } = info;
  const { outChannels: cout, filterHeight: kh, filterWidth: kw, strideHeight: sh, strideWidth: sw } = info;
  const f = 4; // bytes per float32
  const xImage = h * w * cin * f;
  const xRow = sh * w * cin * f;
  const xCol = sw * cin * f;
  const dyImage = ho * wo * cout * f;
  const dyRow = wo * cout * f;
  const dyCol = cout * f;
  const dwRow = cout * f;
  const rowsOf = cin % 4 === 0 ? 4 : 1;
  // One input channel at a time loads x once per output position for 1 multiply a lane group:
  // 16 output channels share that load where Cout allows (the RGB stem of the reference step).
  const colsOf = rowsOf === 1 && cout % 16 === 0 ? 16 : cout % 8 === 0 ? 8 : 4;
  const tile = tiles[`tile${rowsOf}x${colsOf}` as keyof Tiles];
  for (let ky = 0; ky < kh; ky++) {
    const [r0, r1] = validRange(ho, h, sh, ky - info.padInfo.top);
    for (let kx = 0; kx < kw; kx++) {
      const [c0, c1] = validRange(wo, w, sw, kx - info.padInfo.left);
      const rows = r1 - r0;
      const cols = c1 - c0;
      // A tap that never lands inside the image sums nothing: its tiles write zeros and read nothing.
      const inside = rows > 0 && cols > 0;
      const xStart = inside ? ((r0 * sh + ky - info.padInfo.top) * w + c0 * sw + kx - info.padInfo.left) * cin * f : 0;
      const dyStart = inside ? (r0 * wo + c0) * cout * f : 0;
      const tapRow = (ky * kw + kx) * cin;
      for (let c = 0; c < cin; c += rowsOf) {
        for (let o = 0; o < cout; o += colsOf) {
          tile(
            x + xStart + c * f,
            dy + dyStart + o * f,
            dw + ((tapRow + c) * cout + o) * f,
            dwRow,
            images,
            inside ? rows : 0,
            cols,
            xImage,
            xRow,
            xCol,
            dyImage,
            dyRow,
            dyCol,
          );
        }
      }
    }
  }
}
