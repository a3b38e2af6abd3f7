/**
 * The GEMM ceiling of the reference step (reference.ts) on the current backend: the time its
 * matrix products alone take when each runs as one plain tf.matMul of the same shape. Every
 * convolution counts as im2col GEMMs, [M, K]·[K, N] with M = B·Ho·Wo, K = k²·Cin, N = Cout:
 * forward, the filter gradient ([K, M]·[M, N]) and, past the first layer (the images need no
 * gradient), the input gradient ([M, N]·[N, K]); the dense layer and the cosine logits likewise.
 * A step can reach the ceiling only if everything but these products (patch gathers, BN-free
 * elementwise ops, tfjs's per-op cost) took no time, so the step's share of it, ceiling / step,
 * is how close the step is to the backend's own arithmetic speed.
 */
import { createRng } from '../core/rng';
import * as tf from '../core/tf';

type Gemm = [m: number, k: number, n: number];

/** The reference step's products, in the order forward, filter gradient, input gradient. */
export function referenceGemms(): Gemm[] {
  const batch = 64;
  // [side in, cin, cout, stride] of the three 3×3 convs.
  const convs: Array<[number, number, number, number]> = [[32, 3, 16, 1], [32, 16, 32, 2], [16, 32, 64, 2]];
  const gemms: Gemm[] = [];
  convs.forEach(([side, cin, cout, stride], i) => {
    const m = batch * (side / stride) ** 2;
    const k = 9 * cin;
    gemms.push([m, k, cout], [k, m, cout]);
    if (i > 0) gemms.push([m, cout, k]);
  });
  // Dense 64 → 64 (forward, dW, dx), cosine logits against 256 prototypes (forward, dx).
  gemms.push([batch, 64, 64], [64, batch, 64], [batch, 64, 64], [batch, 64, 256], [batch, 256, 64]);
  return gemms;
}

export interface GemmRun {
  /** Runs every product once, each read back before the next. */
  run(): Promise<void>;
  dispose(): void;
}

/** The reference step's products on random inputs made once, to be timed in turns with the step. */
export function referenceGemmRun(): GemmRun {
  const rng = createRng(1);
  const random = (rows: number, cols: number): tf.Tensor2D => tf.tensor2d(Float32Array.from({ length: rows * cols }, () => rng.next()), [rows, cols]);
  const inputs = referenceGemms().map(([m, k, n]) => [random(m, k), random(k, n)] as const);
  return {
    run: async () => {
      for (const [a, b] of inputs) {
        const c = tf.matMul(a, b);
        await c.data();
        c.dispose();
      }
    },
    dispose: () => tf.dispose(inputs.flat()),
  };
}

/** FLOPs of the step's GEMMs (2·m·k·n each). */
export function referenceGemmFlops(): number {
  return referenceGemms().reduce((s, [m, k, n]) => s + 2 * m * k * n, 0);
}
