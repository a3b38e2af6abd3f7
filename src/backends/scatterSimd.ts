/**
 * convLayouts.ts's scatterPhase as a WebAssembly SIMD copy (simd/scatter.wat), for channel counts
 * that are a multiple of 4 (16-byte pixels); the JS loop stays for the rest. Same values, same
 * places: a copy.
 */
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { backend_util } from '@tensorflow/tfjs-core';
import type { Phase } from './convLayouts';
import { plain, shared } from './simd/scatter.wat';
import { kernelLoader } from './simd/instantiate';

type ConvInfo = backend_util.Conv2DInfo;

interface Scatter {
  scatter(
    src: number,
    dst: number,
    images: number,
    rows: number,
    cols: number,
    bytes: number,
    srcImage: number,
    srcRow: number,
    dstImage: number,
    dstRow: number,
    dstCol: number,
  ): void;
}

const scatterFor = kernelLoader<Scatter>({ plain, shared });

/** True when the SIMD copy runs on this wasm backend (simdStatus.ts). */
export function scatterSimdLoaded(wasm: BackendWasm): boolean {
  return scatterFor(wasm) !== null;
}

/**
 * Copies a phase's output [B, OH, OW, Cin] at byte address `out` into dx at `dx` (the pixels of
 * scatterPhase); false, copying nothing, where the SIMD copy does not apply.
 */
export function scatterPhaseSimd(
  wasm: BackendWasm,
  out: number,
  outShape: readonly number[],
  dx: number,
  info: ConvInfo,
  rows: Phase,
  cols: Phase,
): boolean {
  const kernel = scatterFor(wasm);
  const [, oh = 0, ow = 0, cin = 0] = outShape;
  // The copy moves 16 bytes at least once a pixel: Cin 0 (nothing to copy) stays in JS too.
  if (kernel === null || cin === 0 || cin % 4 !== 0) return false;
  // A phase whose pixels all lie outside dx has nothing to copy.
  if (rows.end <= rows.first || cols.end <= cols.first) return true;
  const { batchSize: b, inHeight: h, inWidth: w } = info;
  const f = 4 * cin; // bytes a pixel
  const y = rows.s * rows.first + rows.r - rows.pad;
  const x = cols.s * cols.first + cols.r - cols.pad;
  kernel.scatter(
    out + ((rows.first - rows.firstOut) * ow + cols.first - cols.firstOut) * f,
    dx + (y * w + x) * f,
    b,
    rows.end - rows.first,
    cols.end - cols.first,
    f,
    oh * ow * f,
    ow * f,
    h * w * f,
    rows.s * w * f,
    cols.s * f,
  );
  return true;
}
