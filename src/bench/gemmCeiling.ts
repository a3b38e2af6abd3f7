/**
 * The GEMM ceiling of the reference step (reference.ts) on the current backend: the step's matrix
 * products (every convolution as its im2col GEMMs, [M, K]·[K, N] with M = B·Ho·Wo, K = k²·Cin,
 * N = Cout: forward, filter gradient and, past the first layer, input gradient; the dense layer
 * and the cosine logits likewise) done at the best rate the backend's GEMM reached on the step's
 * own shapes in the same run. The candidates for that rate are the two ways tfjs-wasm runs a
 * GEMM through XNNPACK: each forward convolution as tf.conv2d (XNNPACK's indirect GEMM, what the
 * step runs) and the same layer's im2col product as one tf.matMul (XNNPACK's fully connected
 * GEMM); each is timed best of N, in turns with the step. A step reaches the ceiling only if
 * every product ran at that best rate and everything else (patch gathers, elementwise ops, BN-free
 * activations, tfjs's per-op cost) took no time, so its share, ceiling / step, is at most about
 * 100 % and says how close the step is to the backend's own arithmetic speed.
 * (A ceiling from plain matMuls alone is no ceiling: XNNPACK's convolution beat them here, so
 * the step's share came out above 100 %.)
 */
import { createRng } from '../core/rng';
import * as tf from '../core/tf';
import type { TimedKernel } from './convLayers';
import { REFERENCE_BATCH, REFERENCE_CONVS, convLabel } from './convLayers';

type Gemm = [m: number, k: number, n: number];

/** The reference step's products, in the order forward, filter gradient, input gradient. */
export function referenceGemms(): Gemm[] {
  const gemms: Gemm[] = [];
  REFERENCE_CONVS.forEach(({ side, cin, cout, stride }, i) => {
    const m = REFERENCE_BATCH * (side / stride) ** 2;
    const k = 9 * cin;
    gemms.push([m, k, cout], [k, m, cout]);
    if (i > 0) gemms.push([m, cout, k]);
  });
  const b = REFERENCE_BATCH;
  // Dense 64 → 64 (forward, dW, dx), cosine logits against 256 prototypes (forward, dx).
  gemms.push([b, 64, 64], [64, b, 64], [b, 64, 64], [b, 64, 256], [b, 256, 64]);
  return gemms;
}

/** FLOPs of the step's GEMMs (2·m·k·n each). */
export function referenceGemmFlops(): number {
  return referenceGemms().reduce((s, [m, k, n]) => s + 2 * m * k * n, 0);
}

export interface MatMulKernels {
  kernels: TimedKernel[];
  dispose(): void;
}

/**
 * Each reference convolution's forward product as one plain tf.matMul of its im2col shape
 * [B·Ho·Wo, 9·Cin]·[9·Cin, Cout], on random inputs made once. With the forward convolutions
 * (convLayers.ts) these are the ceiling's candidates.
 */
export function referenceMatMulKernels(): MatMulKernels {
  const rng = createRng(1);
  const random = (rows: number, cols: number): tf.Tensor2D =>
    tf.tensor2d(
      Float32Array.from({ length: rows * cols }, () => rng.next()),
      [rows, cols],
    );
  const held: tf.Tensor[] = [];
  const kernels = REFERENCE_CONVS.map((l): TimedKernel => {
    const m = REFERENCE_BATCH * (l.side / l.stride) ** 2;
    const k = 9 * l.cin;
    const a = random(m, k);
    const b = random(k, l.cout);
    held.push(a, b);
    return {
      label: `${convLabel(l)} as matMul ${m}×${k}·${k}×${l.cout}`,
      flops: 2 * m * k * l.cout,
      run: async () => {
        const c = tf.matMul(a, b);
        await c.data();
        c.dispose();
      },
    };
  });
  return { kernels, dispose: () => tf.dispose(held) };
}

export interface Ceiling {
  /** The best GEMM rate among the candidates, GFLOP/s, and which candidate reached it. */
  gflops: number;
  by: string;
  /** The step's GEMM FLOPs at that rate, ms. */
  ms: number;
}

/** The ceiling from the candidates' best times (ms, same order as `candidates`). */
export function gemmCeiling(candidates: readonly TimedKernel[], bestMs: readonly number[]): Ceiling {
  let gflops = 0;
  let by = '';
  candidates.forEach((c, i) => {
    const rate = c.flops / (bestMs[i] as number) / 1e6;
    if (rate > gflops) {
      gflops = rate;
      by = c.label;
    }
  });
  if (!(gflops > 0))
    throw new Error('gemmCeiling: no candidate was timed (the list is empty or its times are not positive)');
  return { gflops, by, ms: referenceGemmFlops() / gflops / 1e6 };
}
