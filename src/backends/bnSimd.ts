/**
 * The fused BN kernels' per-value loops as WebAssembly SIMD (simd/batchNorm.wat), two channels per
 * call in float64 lanes: the same operations in the same order as the JS loops of wasmFusedBn.ts,
 * so the results are bit for bit theirs (wasmFusedBn.test.ts runs both). JS keeps the per-channel
 * scalars (means, scales, coefficients), computed once per channel as before.
 */
import { plain, shared } from './simd/batchNorm.wat';
import { kernelLoader } from './simd/instantiate';

/** Byte addresses on the backend's heap, row strides in bytes; per-lane scalars as (…0, …1). */
export interface BnLoops {
  /** Σ(x − x₀) and Σ(x − x₀)² of a channel pair over `rows` rows → out [Σ0, Σ1, Σ²0, Σ²1] (float64). */
  sums(x: number, rows: number, stride: number, out: number): void;
  normalize(
    x: number,
    res: number,
    y: number,
    rows: number,
    stride: number,
    m0: number,
    m1: number,
    scale0: number,
    scale1: number,
    beta0: number,
    beta1: number,
    alpha0: number,
    alpha1: number,
    prelu: number,
    residual: number,
  ): void;
  /** → out [Σg·x̂ ×2, Σg ×2, Σ dy·min(z, 0) ×2] (float64). */
  gradSums(
    x: number,
    dy: number,
    res: number,
    dx: number,
    dres: number,
    rows: number,
    stride: number,
    m0: number,
    m1: number,
    scale0: number,
    scale1: number,
    beta0: number,
    beta1: number,
    alpha0: number,
    alpha1: number,
    inv0: number,
    inv1: number,
    prelu: number,
    residual: number,
    out: number,
  ): void;
  gradApply(
    x: number,
    dx: number,
    rows: number,
    stride: number,
    m0: number,
    m1: number,
    inv0: number,
    inv1: number,
    coef0: number,
    coef1: number,
    n: number,
    sumG0: number,
    sumG1: number,
    sumGx0: number,
    sumGx1: number,
  ): void;
}

/** The loops on a backend's memory, or null (no SIMD here: the JS loops run). */
export const bnLoops = kernelLoader<BnLoops>({ plain, shared });
